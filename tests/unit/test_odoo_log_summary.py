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
    ok.write_text(
        "".join(
            line("INFO", f"odoo.addons.{module}.tests.test_x", "Starting T.test_a ...")
            for module in summary.MODULES
        )
    )
    assert summary.main(str(ok)) == 0
    empty = tmp_path / "empty.log"
    empty.write_text("")
    assert summary.main(str(empty)) == 1, "a run with no test is a failure"


def test_hr_suites_are_judged():
    """Odoo's hr and hr_skills suites run with our addons installed: their
    failures and skips count like ours."""
    log = [
        line("INFO", "odoo.addons.hr.tests.test_self_user_access", "Starting A.t ..."),
        line("ERROR", "odoo.addons.hr.tests.test_self_user_access", "ERROR: A.t"),
        line("INFO", "odoo.addons.hr_skills.tests.test_ui", "Starting B.t ..."),
        line("INFO", "odoo.addons.hr_skills.tests.test_ui", "skipped B.t : no Chrome"),
        line("INFO", MOD, "Starting TestPeriod.test_a ..."),
    ]
    r = summary.judge(log)
    assert (r["tests"], r["passed"], r["failed"], r["skipped"]) == (3, 1, 1, 1)
    assert r["by_module"]["hr"] == 1
    assert r["missing"] == ["school_emulation_report"]


def test_same_test_name_in_two_modules_counts_twice():
    log = [
        line("INFO", MOD, "Starting TestUi.test_tour ..."),
        line("INFO", "odoo.addons.hr.tests.test_ui", "Starting TestUi.test_tour ..."),
        line("ERROR", "odoo.addons.hr.tests.test_ui", "FAIL: TestUi.test_tour"),
    ]
    r = summary.judge(log)
    assert (r["tests"], r["passed"], r["failed"]) == (2, 1, 1)


def test_module_without_tests_fails_the_run(tmp_path):
    """A judged module whose suite did not run (wrong tags, not updated) makes the
    run fail: it proves nothing about that module."""
    log = tmp_path / "ours.log"
    log.write_text(line("INFO", MOD, "Starting TestPeriod.test_a ..."))
    assert summary.main(str(log)) == 1
    assert summary.main(str(log), modules=("school_emulation",)) == 0


def test_other_addons_with_similar_names_not_judged():
    log = [line("INFO", "odoo.addons.hr_holidays.tests.test_x", "Starting X.y ...")]
    assert summary.judge(log)["tests"] == 0


def test_parse_args():
    assert summary.parse_args(["x.log"]) == ("x.log", None)
    assert summary.parse_args(["--modules", "a,b", "x.log"]) == ("x.log", ("a", "b"))
