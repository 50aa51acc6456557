"""Upgrade check: the previous release's database, upgraded with ``-u``, loses nothing.

Usage: /opt/odoo/venv-18.0/bin/python tests/upgrade/check_upgrade.py [--base REF]
       [--db se_upgrade] [--keep]

1. Extracts the addons at ``--base`` (default: the commit in tests/upgrade/BASE, the
   version that last shipped) with ``git archive`` into a temporary folder.
2. Creates ``--db`` with both addons and the demo school from that version, and
   works in it as a school would (the demo's whole 2025-2026 award year is there).
3. Takes a snapshot: every row id of every table of the addons, and the business
   columns of the records that carry money, votes and decisions.
4. Upgrades the database with this checkout's addons (``-u``), takes the snapshot
   again and compares: no row may disappear, no business value may change. Rows the
   new version adds (new demo records, new catalogue entries) are listed, not errors.
Prints the result; exits 1 on any loss. Runs in about two minutes.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

import psycopg2

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ODOO_SRC = os.environ.get("ODOO_SRC", "/opt/odoo/src")
CONF = os.path.join(ROOT, ".local", "odoo.conf")
ADDONS = "school_emulation,school_emulation_report"
# table -> business columns that must survive an upgrade unchanged
BUSINESS = {
    "school_emulation_award": [
        "state",
        "source",
        "title_id",
        "award_form_id",
        "employee_id",
        "department_id",
        "student_id",
        "bonus_amount",
        "so_vang_number",
        "decision_id",
    ],
    "school_emulation_decision": ["name", "state", "date", "authority_id"],
    "school_emulation_ballot_voter": ["session_id", "member_id"],
    "school_emulation_proposal": ["name", "state", "period_id", "submitted_date"],
    "school_emulation_proposal_line": ["council_result", "vote_yes", "title_id"],
    "school_emulation_registration": ["state", "movement_id", "subject_key"],
    "school_emulation_score": ["self_score", "group_score", "final_score"],
    "school_emulation_rating": ["employee_id", "period_id", "rating"],
    "school_emulation_initiative": ["name", "state", "recognised_scope"],
    "school_emulation_council_session": ["state", "council_id", "company_id"],
    "school_student": ["code", "name", "class_id"],
}
# table -> why its rows are destroyed on purpose by a migration (never data loss)
DESTROYED = {
    "school_emulation_ballot": "plaintext ballots before the sealed box (18.0.2.0.0); "
    "their tallies stay on the proposal lines",
    "school_emulation_block_ballot": "the block's plaintext ballots (18.0.2.0.0); "
    "their tallies are stored on the units first",
}


def snapshot(db):
    conn = psycopg2.connect(
        host=os.environ.get("PGHOST", "127.0.0.1"),
        user=os.environ.get("PGUSER", "odoo"),
        password=os.environ.get("PGPASSWORD", "odoo"),
        dbname=db,
    )
    with conn, conn.cursor() as cr:
        cr.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = "
            "'public' AND table_type = 'BASE TABLE' AND (table_name LIKE "
            "'school\\_%%') ORDER BY 1"
        )
        tables = [r[0] for r in cr.fetchall()]
        ids, values = {}, {}
        for table in tables:
            cr.execute(
                "SELECT column_name FROM information_schema.columns WHERE "
                "table_name = %s",
                [table],
            )
            columns = {r[0] for r in cr.fetchall()}
            if "id" not in columns:
                continue
            cr.execute(f'SELECT id FROM "{table}"')  # noqa: S608 (catalogue names)
            ids[table] = {r[0] for r in cr.fetchall()}
            keep = [c for c in BUSINESS.get(table, []) if c in columns]
            if keep:
                cols = ", ".join(f'"{c}"' for c in keep)
                cr.execute(f'SELECT id, {cols} FROM "{table}"')  # noqa: S608
                values[table] = {r[0]: r[1:] for r in cr.fetchall()}
    conn.close()
    return ids, values


def odoo(addons_path, *args):
    cmd = [
        sys.executable,
        os.path.join(ODOO_SRC, "odoo-bin"),
        "-c",
        CONF,
        f"--addons-path={os.path.join(ODOO_SRC, 'odoo', 'addons')},{addons_path}",
        "--stop-after-init",
        "--no-http",
        "--log-level=warn",
        *args,
    ]
    result = subprocess.run(cmd, capture_output=True, text=True)
    errors = [
        line
        for line in result.stderr.splitlines()
        if " ERROR " in line or "CRITICAL" in line
    ]
    if result.returncode or errors:
        print(result.stderr[-3000:])
        raise SystemExit(f"odoo failed: {' '.join(args)}")


def main():
    ap = argparse.ArgumentParser()
    with open(os.path.join(ROOT, "tests", "upgrade", "BASE"), encoding="utf-8") as fh:
        default_base = fh.read().strip()
    ap.add_argument("--base", default=default_base)
    ap.add_argument("--db", default="se_upgrade")
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    env = dict(os.environ)
    env.setdefault("PGHOST", "127.0.0.1")
    env.setdefault("PGUSER", "odoo")
    env.setdefault("PGPASSWORD", "odoo")
    os.environ.update(env)
    subprocess.run(["dropdb", "--if-exists", args.db], check=True, env=env)
    with tempfile.TemporaryDirectory(prefix="se_base_") as base_dir:
        archive = subprocess.run(
            [
                "git",
                "-C",
                ROOT,
                "archive",
                args.base,
                "school_emulation",
                "school_emulation_report",
            ],
            check=True,
            capture_output=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", base_dir], input=archive, check=True)
        t0 = time.perf_counter()
        odoo(base_dir, "-d", args.db, "-i", ADDONS)
        print(
            f"installed {args.base} with the demo school in "
            f"{time.perf_counter() - t0:.0f} s"
        )
    before_ids, before_values = snapshot(args.db)
    t0 = time.perf_counter()
    odoo(ROOT, "-d", args.db, "-u", ADDONS)
    print(f"upgraded to this checkout with -u in {time.perf_counter() - t0:.0f} s")
    after_ids, after_values = snapshot(args.db)
    lost, changed, added = [], [], []
    for table, ids in before_ids.items():
        gone = ids - after_ids.get(table, set())
        if gone and table in DESTROYED:
            print(f"  {table}: {len(gone)} rows destroyed: {DESTROYED[table]}")
        elif gone:
            lost.append(f"{table}: {len(gone)} rows gone")
        new = after_ids.get(table, set()) - ids
        if new:
            added.append(f"{table} +{len(new)}")
        for rid, row in before_values.get(table, {}).items():
            if rid in after_values.get(table, {}) and after_values[table][rid] != row:
                changed.append(f"{table}#{rid}: {row} -> {after_values[table][rid]}")
    rows = sum(len(ids) for ids in before_ids.values())
    print(
        f"{len(before_ids)} tables, {rows:,} rows before; lost: {len(lost)}; "
        f"business values changed: {len(changed)}"
    )
    for line in lost + changed[:20]:
        print("  " + line)
    if added:
        print("  added by the new version: " + ", ".join(added))
    if not args.keep:
        subprocess.run(["dropdb", "--if-exists", args.db], env=env)
    sys.exit(1 if lost or changed else 0)


if __name__ == "__main__":
    main()
