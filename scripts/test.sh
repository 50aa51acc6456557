#!/usr/bin/env bash
# README command 2: set up (idempotent), then run every test on throw-away databases:
#   1. repo-level checks and pure tools/ tests under plain pytest (tests/);
#   2. both addons (and hr_skills) installed WITHOUT demo data and --test-enable: all their
#      Odoo tests (TransactionCase, Form, HttpCase, JSON-RPC) but the demo-school ones;
#      each flow test builds its school in setUpClass (school_emulation/tests/common.py);
#   3. the same addons installed WITH demo data: the tests tagged school_emulation_demo
#      (the demo school's story, its documents, the browser tours in headless Chromium
#      that play its year), and Odoo's own hr and hr_skills suites, which catch what our
#      extensions of hr.employee break (e.g. a field missing from hr.employee.public).
# Ends with one line "N passed, N failed" totalling all three; exits non-zero on any failure,
# on a skipped Odoo test, or on an ERROR/CRITICAL (or unexpected WARNING) line in a log.
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

run_id="$(date +%Y%m%d_%H%M%S)_$$"
db_nodemo="se_test_${run_id}_nodemo"
db_demo="se_test_${run_id}_demo"
test_data="$SE_LOCAL/test-data"
log_nodemo="$SE_LOCAL/test-odoo.log"
log_demo="$SE_LOCAL/test-odoo-demo.log"
cleanup() {
    for db in "$db_nodemo" "$db_demo"; do
        psql -d postgres -qc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
        rm -rf "$test_data/filestore/$db"
    done
}
trap cleanup EXIT

# The tag of the tests that read the demo school (Odoo 18 tag syntax,
# odoo/tests/tag_selector.py: "-tag" excludes, a bare "tag" selects in every module).
demo_tag="school_emulation_demo"
# Odoo addons whose own test suites run with ours installed (judged like ours by
# scripts/odoo_log_summary.py, whose MODULES list must match); they run with demo data,
# where they pass.
hr_modules="hr,hr_skills"

# wkhtmltopdf's Qt writes "QStandardPaths: XDG_RUNTIME_DIR not set" to stderr when the
# variable is missing (root in CI), which Odoo logs as a WARNING for every PDF.
if [ -z "${XDG_RUNTIME_DIR:-}" ]; then
    export XDG_RUNTIME_DIR="$SE_LOCAL/xdg-runtime"
    mkdir -p -m 700 "$XDG_RUNTIME_DIR"
fi

# odoo_tests DB LOG MODULES TAGS [odoo-bin options]: install both addons and hr_skills on
# the throw-away database DB with --test-enable and TAGS, log to LOG, judge the tests of
# MODULES (every one must have run); adds the counts to odoo_passed/odoo_failed.
odoo_tests() {
    local db=$1 log=$2 modules=$3 tags=$4
    shift 4
    local odoo_rc sum_rc summary json passed failed
    set +e
    "$SE_VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$SE_CONF" -d "$db" -i "$SE_ADDONS,hr_skills" \
        --data-dir "$test_data" --test-enable --test-tags "$tags" "$@" \
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
        --modules "$modules" "$log")
    sum_rc=$?
    set -e
    printf '%s\n' "$summary"
    json=$(printf '%s\n' "$summary" | tail -1)
    passed=$(printf '%s' "$json" | "$SE_VENV/bin/python" -c "import json,sys; print(json.load(sys.stdin)['passed'])")
    failed=$(printf '%s' "$json" | "$SE_VENV/bin/python" -c \
        "import json,sys; d=json.load(sys.stdin); print(d['failed'] + d['skipped'])")
    if [ "$odoo_rc" -ne 0 ] || [ "$sum_rc" -ne 0 ]; then
        rc=1
        [ "$failed" -eq 0 ] && failed=1
    fi
    odoo_passed=$((odoo_passed + passed))
    odoo_failed=$((odoo_failed + failed))
    odoo_runs+=("$(basename "$log"): $passed passed, $failed failed (exit $odoo_rc)")
}
odoo_runs=()

se_step "Odoo tests of both addons without demo data on throw-away database $db_nodemo (HTTP port $SE_TEST_HTTP_PORT)"
odoo_tests "$db_nodemo" "$log_nodemo" "$SE_ADDONS" "/${SE_ADDONS//,/,/},-$demo_tag" \
    --without-demo=all

se_step "Demo-school tests, hr and hr_skills with demo data on throw-away database $db_demo (HTTP port $SE_TEST_HTTP_PORT)"
odoo_tests "$db_demo" "$log_demo" "$SE_ADDONS,$hr_modules" "$demo_tag,/${hr_modules//,/,/}"
se_finish_steps

echo
odoo_detail=$(printf '%s; ' "${odoo_runs[@]}")
echo "pytest: $py_passed passed, $py_failed failed; Odoo: $odoo_passed passed, $odoo_failed failed (${odoo_detail%; })"
echo "$((py_passed + odoo_passed)) passed, $((py_failed + odoo_failed)) failed"
exit "$rc"
