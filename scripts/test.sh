#!/usr/bin/env bash
# README command 2: set up (idempotent), then run every test on a throw-away database:
#   1. repo-level checks and pure tools/ tests under plain pytest (tests/);
#   2. both addons (and hr_skills) installed with demo data and --test-enable: all their
#      Odoo tests (TransactionCase, Form, HttpCase tours in headless Chromium), and
#      Odoo's own hr and hr_skills suites, which catch what our extensions of
#      hr.employee break (e.g. a field missing from hr.employee.public).
# Ends with one line "N passed, N failed" totalling both; exits non-zero on any failure, on a
# skipped Odoo test, or on an ERROR/CRITICAL (or unexpected WARNING) line in Odoo's log.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

se_setup

py_passed=0 py_failed=0 odoo_passed=0 odoo_failed=0 rc=0

se_step "Repo-level checks and tools/ tests (pytest tests/)"
set +e
ODOO_SRC="$ODOO_SRC" "$SE_VENV/bin/python" -m pytest "$SE_ROOT/tests" -q -p no:cacheprovider \
    --junitxml="$SE_LOCAL/pytest.xml" --rootdir="$SE_ROOT"
py_rc=$?
set -e
read -r py_passed py_failed < <("$SE_VENV/bin/python" - "$SE_LOCAL/pytest.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except (OSError, ET.ParseError):
    print(0, 1); raise SystemExit
suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
n = sum(int(s.get("tests", 0)) for s in suites)
bad = sum(int(s.get(k, 0)) for s in suites for k in ("failures", "errors", "skipped"))
print(n - bad, bad)
PY
)
if [ "$py_rc" -ne 0 ] || [ "$py_failed" -ne 0 ]; then rc=1; [ "$py_failed" -eq 0 ] && py_failed=1; fi

db="se_test_$(date +%Y%m%d_%H%M%S)_$$"
test_data="$SE_LOCAL/test-data"
log="$SE_LOCAL/test-odoo.log"
cleanup() {
    psql -d postgres -qc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$test_data/filestore/$db"
}
trap cleanup EXIT

# Odoo addons whose own test suites run with ours installed (judged like ours by
# scripts/odoo_log_summary.py, whose MODULES list must match).
test_modules="school_emulation,school_emulation_report,hr,hr_skills"
test_tags="/${test_modules//,/,/}"

# wkhtmltopdf's Qt writes "QStandardPaths: XDG_RUNTIME_DIR not set" to stderr when the
# variable is missing (root in CI), which Odoo logs as a WARNING for every PDF.
if [ -z "${XDG_RUNTIME_DIR:-}" ]; then
    export XDG_RUNTIME_DIR="$SE_LOCAL/xdg-runtime"
    mkdir -p -m 700 "$XDG_RUNTIME_DIR"
fi

se_step "Odoo tests of both addons, hr and hr_skills on throw-away database $db (HTTP port $SE_TEST_HTTP_PORT)"
set +e
"$SE_VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$SE_CONF" -d "$db" -i "$SE_ADDONS,hr_skills" \
    --data-dir "$test_data" --test-enable --test-tags "$test_tags" \
    --stop-after-init --http-port "$SE_TEST_HTTP_PORT" --log-level=info --logfile="" \
    >"$log" 2>&1
odoo_rc=$?
set -e
grep -E " (WARNING|ERROR|CRITICAL) |: (Starting|FAIL|ERROR) |post-tests in " "$log" \
    | grep -E "school_emulation|odoo\.addons\.hr(_skills)?\.|WARNING|ERROR|CRITICAL|post-tests" \
    | cut -c1-240 || true
se_say "full Odoo log: $log"
set +e
summary=$("$SE_VENV/bin/python" "$SE_ROOT/scripts/odoo_log_summary.py" \
    --modules "$test_modules" "$log")
sum_rc=$?
set -e
printf '%s\n' "$summary"
json=$(printf '%s\n' "$summary" | tail -1)
odoo_passed=$(printf '%s' "$json" | "$SE_VENV/bin/python" -c "import json,sys; print(json.load(sys.stdin)['passed'])")
odoo_failed=$(printf '%s' "$json" | "$SE_VENV/bin/python" -c \
    "import json,sys; d=json.load(sys.stdin); print(d['failed'] + d['skipped'])")
if [ "$odoo_rc" -ne 0 ] || [ "$sum_rc" -ne 0 ]; then
    rc=1
    [ "$odoo_failed" -eq 0 ] && odoo_failed=1
fi
se_finish_steps

echo
echo "pytest: $py_passed passed, $py_failed failed; Odoo: $odoo_passed passed, $odoo_failed failed (exit $odoo_rc)"
echo "$((py_passed + odoo_passed)) passed, $((py_failed + odoo_failed)) failed"
exit "$rc"
