"""Read an Odoo test-run log and judge it (used by scripts/test.sh; no Odoo import).

Prints the counts and every line that makes the run fail, and exits 1 when the run
failed: a test failed or errored, one of our tests was skipped (a tour without
Chromium or websocket-client is skipped by Odoo, not failed), an ERROR/CRITICAL line
was logged, or a WARNING that is not on the short list of known platform noise.
"""

import json
import re
import sys

LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) (?P<db>\S+) "
    r"(?P<logger>[\w.]+): (?P<msg>.*)$"
)
OUR_TESTS = re.compile(r"^odoo\.addons\.school_emulation(_report)?\.tests")
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


def judge(lines):
    started, failed, skipped, bad = [], set(), [], []
    for raw in lines:
        m = LINE.match(raw.rstrip("\n"))
        if not m:
            continue
        level, logger, msg = m["level"], m["logger"], m["msg"]
        ours = bool(OUR_TESTS.match(logger))
        if ours and (s := STARTING.match(msg)):
            started.append(s["test"])
        if ours and (s := SKIPPED.match(msg)):
            skipped.append(s["test"])
        if ours and level == "ERROR" and (f := FAILED.match(msg)):
            failed.add(f["test"])
        if level in ("ERROR", "CRITICAL"):
            bad.append(raw.rstrip("\n"))
        elif level == "WARNING" and not any(k.match(msg) for k in KNOWN_WARNINGS):
            bad.append(raw.rstrip("\n"))
    tests = len(set(started))
    return {
        "tests": tests,
        "passed": max(tests - len(failed) - len(set(skipped)), 0),
        "failed": len(failed),
        "skipped": len(set(skipped)),
        "bad_lines": bad,
    }


def main(path):
    with open(path, encoding="utf-8", errors="replace") as fh:
        result = judge(fh)
    for line in result["bad_lines"]:
        print("  log:", line[:300])
    ok = (
        result["tests"] > 0
        and not result["failed"]
        and not result["skipped"]
        and not result["bad_lines"]
    )
    summary = {k: v for k, v in result.items() if k != "bad_lines"}
    summary["bad_log_lines"] = len(result["bad_lines"])
    summary["ok"] = ok
    print(json.dumps(summary))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
