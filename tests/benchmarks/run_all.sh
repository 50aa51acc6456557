#!/usr/bin/env bash
# The province-scale benchmark suite in one run (its own command, never part of the
# test command). Needs the demo database of `bash scripts/run.sh` (SE_DB, default
# school_emulation); creates and drops its own databases for the eligibility
# benchmark (se_bench, kept for later runs), the install share (se_bench_install_*) and
# the load check (se_load).
# Usage: bash tests/benchmarks/run_all.sh 2>&1 | tee .local/benchmarks.txt
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY="${SE_HOME:-/opt/odoo}/venv-18.0/bin/python"
DB="${SE_DB:-school_emulation}"
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-odoo}" PGPASSWORD="${PGPASSWORD:-odoo}"
run() {
    echo
    echo "=== $1"
    shift
    local start=$SECONDS
    "$@"
    echo "(${1##*/} ran $((SECONDS - start)) s)"
}
echo "school_emulation benchmarks, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPU, $(free -g | awk '/Mem/ {print $2}') GB"
run "Eligibility of all staff (12,000 in one school; 200 schools x 60)" \
    "$PY" "$HERE/bench_eligibility.py" --repeat 3
run "Ranking 1,000 registrations x 20 criteria next to raw SQL; kanban reads" \
    "$PY" "$HERE/bench_scoring.py" -d "$DB"
run "List and kanban pages of 80 records, demo size and province size" \
    "$PY" "$HERE/bench_lists.py" -d "$DB"
run "Proposal PDF (200 lines) and XLSX (50,000 rows)" \
    "$PY" "$HERE/bench_documents.py" -d "$DB"
run "A week of class emulation (40 classes x 15 criteria)" \
    "$PY" "$HERE/bench_class_week.py" -d "$DB"
run "A commune of 10 x 60, 30 x 20 and 30 x 60 (schools x staff): one round sent, answered, consolidated, decided" \
    "$PY" "$HERE/bench_chain.py" -d "$DB"
run "Our share of the install (both addons minus hr, mail, base_import; demo + vi_VN)" \
    "$PY" "$HERE/bench_install.py"
run "Install, 50 concurrent council votes on 4 workers, concurrent scoring, a school day and memory" \
    "$PY" "$HERE/load_council_vote.py"
