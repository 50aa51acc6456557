"""Read an Odoo test-run log and judge it (used by scripts/test.sh; no Odoo import).

Prints the counts and every line that makes the run fail, and exits 1 when the run
failed: a test failed or errored, a judged test was skipped (a tour without
Chromium or websocket-client is skipped by Odoo, not failed), an ERROR/CRITICAL line
was logged, or a WARNING that is not on the short list of known platform noise.

The judged tests are those of our two addons and of the Odoo addons whose own suites
run with ours installed (``hr``, ``hr_skills``: they catch what our extensions of
their models break); ``--modules a,b`` judges another list: scripts/test.sh judges
its database without demo data on our two addons, and its database with demo data
(the ``school_emulation_demo`` tests, ``hr``, ``hr_skills``) on all four. Each judged
module must have run at least one test.

Usage: odoo_log_summary.py [--modules a,b,...] LOGFILE
"""

import json
import re
import sys

MODULES = ("school_emulation", "school_emulation_report", "hr", "hr_skills")

LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) (?P<db>\S+) "
    r"(?P<logger>[\w.]+): (?P<msg>.*)$"
)


def tests_logger(modules=MODULES):
    """The loggers of the tests of ``modules`` (``odoo.addons.<module>.tests...``)."""
    names = "|".join(re.escape(m) for m in modules)
    return re.compile(rf"^odoo\.addons\.({names})\.tests(\.|$)")


STARTING = re.compile(r"^Starting (?P<test>\S+) \.\.\.")
FAILED = re.compile(r"^(FAIL|ERROR): (?P<test>\S+)")
SKIPPED = re.compile(r"^skipped (?P<test>\S+)")
# Warnings the platform logs on every run that say nothing about our code.
KNOWN_WARNINGS = (
    re.compile(r"^Running as user 'root'"),
    re.compile(r"^Unable to (find|send) .*font"),
    # Debian's wkhtmltopdf is built on unpatched Qt: it ignores header/footer HTML
    # (our documents put the header in the body and stamp page numbers afterwards).
    re.compile(r"^wkhtmltopdf: The switch --header-html, is not support"),
)


def judge(lines, modules=None):
    modules = tuple(modules or MODULES)
    judged = tests_logger(modules)
    started, failed, skipped, bad = [], set(), [], []
    for raw in lines:
        m = LINE.match(raw.rstrip("\n"))
        if not m:
            continue
        level, logger, msg = m["level"], m["logger"], m["msg"]
        ours = bool(judged.match(logger))
        # tests are named by class.method: prefix the module, as two addons may
        # both have a TestUi.test_tour
        module = logger.split(".")[2] if ours else ""
        if ours and (s := STARTING.match(msg)):
            started.append(f"{module}:{s['test']}")
        if ours and (s := SKIPPED.match(msg)):
            skipped.append(f"{module}:{s['test']}")
        if ours and level == "ERROR" and (f := FAILED.match(msg)):
            failed.add(f"{module}:{f['test']}")
        if level in ("ERROR", "CRITICAL"):
            bad.append(raw.rstrip("\n"))
        elif level == "WARNING" and not any(k.match(msg) for k in KNOWN_WARNINGS):
            bad.append(raw.rstrip("\n"))
    tests = len(set(started))
    by_module = {m: 0 for m in modules}
    for name in set(started):
        by_module[name.split(":", 1)[0]] += 1
    return {
        "tests": tests,
        # a judged module whose tests did not run at all (wrong tags, module not
        # installed or not updated): the run proves nothing about it
        "missing": [m for m, n in by_module.items() if not n],
        "passed": max(tests - len(failed) - len(set(skipped)), 0),
        "failed": len(failed),
        "skipped": len(set(skipped)),
        "bad_lines": bad,
        "by_module": by_module,
    }


def main(path, modules=None):
    with open(path, encoding="utf-8", errors="replace") as fh:
        result = judge(fh, modules)
    for line in result["bad_lines"]:
        print("  log:", line[:300])
    ok = (
        result["tests"] > 0
        and not result["missing"]
        and not result["failed"]
        and not result["skipped"]
        and not result["bad_lines"]
    )
    summary = {k: v for k, v in result.items() if k != "bad_lines"}
    summary["bad_log_lines"] = len(result["bad_lines"])
    summary["ok"] = ok
    print(json.dumps(summary))
    return 0 if ok else 1


def parse_args(argv):
    modules = None
    if len(argv) == 3 and argv[0] == "--modules":
        modules = tuple(m for m in argv[1].split(",") if m)
        argv = argv[2:]
    if len(argv) != 1:
        raise SystemExit(__doc__.rsplit("Usage: ", 1)[1])
    return argv[0], modules


if __name__ == "__main__":
    log_path, log_modules = parse_args(sys.argv[1:])
    sys.exit(main(log_path, log_modules))
