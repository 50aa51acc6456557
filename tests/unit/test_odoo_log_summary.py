"""The test command's judge of Odoo logs (scripts/odoo_log_summary.py)."""

from conftest import load_by_path

summary = load_by_path("scripts/odoo_log_summary.py", "odoo_log_summary")

T = "2026-11-23 22:50:01,123 4242"
MOD = "odoo.addons.school_emulation.tests.test_period"


def line(level, logger, msg):
    return f"{T} {level} db {logger}: {msg}\n"


def test_counts_started_and_failed():
    log = [
        line("INFO", MOD, "Starting TestPeriod.test_a ..."),
        line("INFO", MOD, "Starting TestPeriod.test_b ..."),
        line("ERROR", MOD, "FAIL: TestPeriod.test_b"),
        line("INFO", "odoo.modules.loading", "Modules loaded."),
    ]
    r = summary.judge(log)
    assert (r["tests"], r["passed"], r["failed"]) == (2, 1, 1)
    assert len(r["bad_lines"]) == 1


def test_skipped_tour_counts_as_failure():
    log = [
        line("INFO", MOD, "Starting TestUi.test_tour ..."),
        line("INFO", MOD, "skipped TestUi.test_tour : Chrome executable not found"),
    ]
    r = summary.judge(log)
    assert (r["passed"], r["skipped"]) == (0, 1)


def test_error_outside_tests_and_unknown_warning_are_bad():
    log = [
        line("INFO", MOD, "Starting TestPeriod.test_a ..."),
        line("CRITICAL", "odoo.service.server", "Failed to initialize database"),
        line("WARNING", "odoo.addons.base.models.ir_ui_view", "deprecated kanban-box"),
    ]
    r = summary.judge(log)
    assert r["passed"] == 1
    assert len(r["bad_lines"]) == 2


def test_other_modules_tests_are_not_counted():
    log = [line("INFO", "odoo.addons.mail.tests.test_x", "Starting TestX.test_y ...")]
    assert summary.judge(log)["tests"] == 0


def test_main_exit_code(tmp_path):
    ok = tmp_path / "ok.log"
    ok.write_text(line("INFO", MOD, "Starting TestPeriod.test_a ..."))
    assert summary.main(str(ok)) == 0
    empty = tmp_path / "empty.log"
    empty.write_text("")
    assert summary.main(str(empty)) == 1, "a run with no test is a failure"
