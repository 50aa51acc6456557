"""Benchmark: eligibility of 12,000 staff with five years of history.

Usage:
    /opt/odoo/venv-18.0/bin/python tests/benchmarks/bench_eligibility.py
        [--db se_bench] [--staff 12000] [--schools 200] [--per-school 60]
        [--repeat 3] [--profile CSTD_TINH]

The database (default ``se_bench``) is created with school_emulation installed, no
demo data, when it does not exist yet. Everything else happens inside one transaction
that is rolled back: the database is left as it was.

Data (bulk SQL for staff and history rows, batched ORM for schools and school years):
- one big school with N staff (``--staff``), the worst case of one call;
- a province of ``--schools`` schools x ``--per-school`` staff;
each with five school years 2021-2022 .. 2025-2026 (the last one under review), a task
rating per person and year, LĐTT for most and CSTĐCS for the best each year (LĐTT
only, already decided, in the year under review), recognised initiatives (some with
two authors), disciplines and pending investigations.

Measured with ``school.emulation.eligibility.evaluate`` for CSTĐ tỉnh (3-year CSTĐCS
chain + province initiative, the heaviest rule), CSTĐCS and LĐTT:
- in the big school, for N = 1,000, 4,000 and 12,000: median and best seconds of
  ``--repeat`` runs (ORM cache emptied before each), SQL queries of a run, peak Python
  memory of a run (tracemalloc, a separate run: tracing slows it down), eligible count;
- the whole province, one call per school in a row (ORM cache emptied once, as one
  batch job would): total seconds and queries, queries per call (the first call also
  reads the title catalogue), milliseconds per call.
Queries are counted with ``odoo.sql_db.sql_counter``. ``--profile CODE`` adds a
cProfile of one call for the N staff of the big school.
Targets (issue): <= 5 s for 12,000 staff; query count constant in N.
"""

import argparse
import os
import random
import subprocess
import sys
import time
import tracemalloc

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ODOO_SRC = os.environ.get("ODOO_SRC", "/opt/odoo/src")
sys.path.insert(0, ODOO_SRC)

import odoo  # noqa: E402
from odoo import api, sql_db  # noqa: E402
from odoo.modules.registry import Registry  # noqa: E402

# Databases of other sessions: never touched.
FOREIGN_DBS = {"se_dev", "school_emulation", "se_h1", "se_h2", "se_demo"}
YEARS = ["2021-2022", "2022-2023", "2023-2024", "2024-2025", "2025-2026"]
CODES = ("CSTD_TINH", "CSTDCS", "LDTT")
CHUNK = 10000
HISTORY_TABLES = (
    "resource_resource",
    "hr_employee",
    "school_emulation_rating",
    "school_emulation_award",
    "school_emulation_discipline",
    "school_emulation_initiative",
    "school_emulation_initiative_author",
)


def timed(fn):
    q0, t0 = sql_db.sql_counter, time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t0, sql_db.sql_counter - q0


def peak_mb(fn):
    """Peak Python memory allocated while ``fn`` runs, in MB (tracemalloc)."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


# --- database ----------------------------------------------------------------------
def module_installed(db):
    if not odoo.service.db.exp_db_exist(db):
        return False
    try:
        with sql_db.db_connect(db).cursor() as cr:
            cr.execute(
                "SELECT state FROM ir_module_module WHERE name = 'school_emulation'"
            )
            row = cr.fetchone()
    except Exception:  # noqa: BLE001 - an empty or foreign database: install
        return False
    return bool(row and row[0] == "installed")


def ensure_database(args):
    """Create ``args.db`` with school_emulation (no demo) unless it is there."""
    if args.upgrade or not module_installed(args.db):
        flag = "-u" if args.upgrade else "-i"
        print(f"installing school_emulation in {args.db} ({flag}, no demo)...")
        subprocess.run(
            [
                sys.executable,
                os.path.join(ODOO_SRC, "odoo-bin"),
                "-c",
                args.config,
                "-d",
                args.db,
                flag,
                "school_emulation",
                "--stop-after-init",
                "--no-http",
                "--without-demo=all",
                "--log-level=warn",
            ],
            check=True,
        )


# --- data --------------------------------------------------------------------------
def insert_rows(cr, table, columns, types, rows, returning=None):
    """Bulk INSERT of ``rows`` (tuples) by ``unnest`` of one array per column."""
    out = []
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        cols = ", ".join(columns)
        arrays = ", ".join(f"%s::{t}[]" for t in types)
        sql = (
            f"INSERT INTO {table} ({cols}, create_uid, write_uid, create_date, "
            f"write_date) SELECT *, 1, 1, now(), now() FROM unnest({arrays})"
        )
        if returning:
            sql += f" RETURNING {returning}"
        cr.execute(sql, [list(col) for col in zip(*chunk, strict=True)])
        if returning:
            out += cr.fetchall()
    return out


def create_schools(env, names):
    companies = env["res.company"].create([{"name": name} for name in names])
    periods = (
        env["school.emulation.period"]
        .with_context(tracking_disable=True, mail_create_nolog=True)
        .create(
            [
                {
                    "name": year,
                    "date_start": f"{year[:4]}-09-05",
                    "date_end": f"{year[5:]}-05-31",
                    "company_id": company.id,
                }
                for company in companies
                for year in YEARS
            ]
        )
    )
    by_company = {c.id: [] for c in companies}
    for period in periods:  # creation order: oldest year first per school
        by_company[period.company_id.id].append(period)
    return companies, by_company


def insert_staff(cr, company_counts, prefix):
    """``{company id: [employee ids]}`` for ``[(company id, headcount)]``."""
    rnd = random.Random(prefix)
    rows = []
    for company_id, count in company_counts:
        for i in range(count):
            recent = rnd.random() < 0.02  # recruited this school year
            rows.append(
                (
                    f"{prefix} {company_id}-{i:05d}",
                    company_id,
                    "2026-01-05" if recent else f"{2000 + i % 20}-09-01",
                )
            )
    resources = insert_rows(
        cr,
        "resource_resource",
        ["name", "company_id", "resource_type", "tz", "time_efficiency", "active"],
        ["varchar", "int", "varchar", "varchar", "float", "bool"],
        [(n, c, "user", "Asia/Ho_Chi_Minh", 100.0, True) for n, c, _d in rows],
        returning="id, name",
    )
    resource_ids = dict((name, rid) for rid, name in resources)
    employees = insert_rows(
        cr,
        "hr_employee",
        [
            "resource_id",
            "name",
            "company_id",
            "recruitment_date",
            "employee_type",
            "marital",
            "distance_home_work_unit",
            "active",
        ],
        ["int", "varchar", "int", "date", "varchar", "varchar", "varchar", "bool"],
        [
            (resource_ids[n], n, c, d, "employee", "single", "kilometers", True)
            for n, c, d in rows
        ],
        returning="id, company_id",
    )
    staff = {company_id: [] for company_id, _count in company_counts}
    for emp_id, company_id in sorted(employees):
        staff[company_id].append(emp_id)
    return staff


def insert_history(env, staff, periods):  # noqa: C901 - one generator of all facts
    """Ratings, merit titles, initiatives and disciplines for ``staff`` ({company id:
    [employee ids]}) over ``periods`` ({company id: [periods, oldest first]})."""
    cr = env.cr
    Title = env["school.emulation.title"]
    current_end = periods[next(iter(periods))][-1].date_end
    title_ids = {
        code: Title._get_rule(code, current_end).id for code in ("LDTT", "CSTDCS")
    }
    cr.execute(
        "SELECT 1 FROM information_schema.columns WHERE table_name = "
        "'school_emulation_award' AND column_name = 'currency_id'"
    )
    with_currency = bool(cr.fetchall())
    currency = env.ref("base.VND")
    ratings, awards, disciplines, initiatives = [], [], [], []
    for index, (company_id, employees) in enumerate(staff.items()):
        rnd = random.Random(index)  # the same facts whatever the ids
        years = periods[company_id]
        for emp_id in employees:
            excellent = rnd.random() < 0.25
            for index, period in enumerate(years):
                current = index == len(years) - 1
                roll = rnd.random()
                if roll < 0.02:
                    rating = "htnv" if roll < 0.015 else "khtnv"
                elif excellent and roll < 0.92:
                    rating = "htxsnv"
                else:
                    rating = "httnv"
                ratings.append(
                    (emp_id, period.id, rating, company_id, period.date_start)
                )
                scope = None
                if rnd.random() < 0.12:  # author of a recognised initiative
                    roll = rnd.random()
                    scope = (
                        "national"
                        if roll < 0.03
                        else ("province" if roll < 0.4 else "school")
                    )
                    co_author = employees[rnd.randrange(len(employees))]
                    initiatives.append((emp_id, co_author, period, scope, company_id))
                disciplined = False
                if rnd.random() < 0.01:
                    disciplined = True
                    disciplines.append(
                        (
                            emp_id,
                            "discipline",
                            "reprimand" if rnd.random() < 0.8 else "warning",
                            period.date_start.replace(month=11, day=1),
                            period.date_end.replace(year=period.date_end.year + 1),
                            company_id,
                        )
                    )
                if current and rnd.random() < 0.003:
                    disciplines.append(
                        (
                            emp_id,
                            "investigation",
                            None,
                            period.date_end,
                            None,
                            company_id,
                        )
                    )
                if rating not in ("htxsnv", "httnv") or disciplined:
                    continue
                awards.append((emp_id, period, "LDTT", company_id))
                if not current and (rating == "htxsnv" or scope) and excellent:
                    awards.append((emp_id, period, "CSTDCS", company_id))
    insert_rows(
        cr,
        "school_emulation_rating",
        ["employee_id", "period_id", "rating", "company_id", "period_date_start"],
        ["int", "int", "varchar", "int", "date"],
        ratings,
    )
    columns = [
        "employee_id",
        "period_id",
        "title_id",
        "title_code",
        "award_name",
        "subject_type",
        "subject_key",
        "award_type",
        "state",
        "source",
        "company_id",
        "period_date_start",
    ]
    types = ["int", "int", "int", "varchar", "varchar", "varchar", "varchar"]
    types += ["varchar", "varchar", "varchar", "int", "date"]
    rows = [
        (
            emp_id,
            period.id,
            title_ids[code],
            code,
            code,
            "employee",
            f"employee:{emp_id}",
            "merit",
            "confirmed",
            "history",
            company_id,
            period.date_start,
        )
        for emp_id, period, code, company_id in awards
    ]
    if with_currency:
        columns.append("currency_id")
        types.append("int")
        rows = [(*row, currency.id) for row in rows]
    insert_rows(cr, "school_emulation_award", columns, types, rows)
    insert_rows(
        cr,
        "school_emulation_discipline",
        ["employee_id", "kind", "level", "date_start", "date_end", "company_id"],
        ["int", "varchar", "varchar", "date", "date", "int"],
        disciplines,
    )
    ini_ids = insert_rows(
        cr,
        "school_emulation_initiative",
        [
            "name",
            "kind",
            "period_id",
            "state",
            "requested_scope",
            "recognised_scope",
            "recognition_number",
            "company_id",
        ],
        ["varchar"] * 2 + ["int"] + ["varchar"] * 4 + ["int"],
        [
            (f"SK {i}", "initiative", p.id, "recognised", s, s, f"{i}/QĐ", c)
            for i, (_e, _co, p, s, c) in enumerate(initiatives)
        ],
        returning="id, name",
    )
    by_name = {name: ini_id for ini_id, name in ini_ids}
    authors = []
    for i, (emp_id, co_author, _p, _s, company_id) in enumerate(initiatives):
        ini_id = by_name[f"SK {i}"]
        if i % 5 == 0 and co_author != emp_id:  # one in five has two authors
            authors += [(ini_id, emp_id, 60.0, company_id)]
            authors += [(ini_id, co_author, 40.0, company_id)]
        else:
            authors.append((ini_id, emp_id, 100.0, company_id))
    insert_rows(
        cr,
        "school_emulation_initiative_author",
        ["initiative_id", "employee_id", "share", "company_id"],
        ["int", "int", "float", "int"],
        authors,
    )
    return {
        "ratings": len(ratings),
        "awards": len(awards),
        "initiatives": len(initiatives),
        "disciplines": len(disciplines),
    }


def build(env, args):
    schools = [f"THCS Bench {i:03d}" for i in range(args.schools)]
    companies, periods = create_schools(env, ["Bench big school", *schools])
    big, province = companies[0], companies[1:]
    staff = insert_staff(
        env.cr,
        [(big.id, args.staff)] + [(c.id, args.per_school) for c in province],
        "GV",
    )
    counts = insert_history(env, staff, periods)
    # Fresh planner statistics, as autovacuum would give a live database.
    env.cr.execute(f"ANALYZE {', '.join(HISTORY_TABLES)}")
    env.invalidate_all()
    return big, province, staff, periods, counts


# --- measures ----------------------------------------------------------------------
def measure_sizes(env, args, big, staff, periods):
    Engine = env["school.emulation.eligibility"]
    period = periods[big.id][-1]
    employees = env["hr.employee"].browse(staff[big.id])
    sizes = sorted({n for n in (1000, 4000, args.staff) if n <= args.staff})
    print(
        f"\none school, N staff ({args.repeat} runs: median and best seconds; "
        f"queries and peak Python memory of one run)\n"
        f"{'title':<10} {'N':>6} {'s med':>7} {'s best':>7} {'queries':>8} "
        f"{'peak MB':>8} {'eligible':>9}"
    )
    figures = {}
    for code in CODES:
        for n in sizes:
            subset = employees[:n]

            def run(code=code, subset=subset):
                env.invalidate_all()
                return Engine.evaluate(code, period, subset)

            runs = [timed(run) for _ in range(args.repeat)]
            res, _secs, queries = runs[-1]
            times = sorted(r[1] for r in runs)
            secs = times[len(runs) // 2]
            memory = peak_mb(run) if args.memory else float("nan")
            eligible = sum(1 for r in res.values() if r["eligible"])
            assert len(res) == n, (code, n, len(res))
            print(
                f"{code:<10} {n:>6} {secs:>7.2f} {times[0]:>7.2f} {queries:>8} "
                f"{memory:>8.1f} {eligible:>9}"
            )
            figures[code, n] = (secs, queries)
    return sizes, figures


def measure_province(env, args, province, staff, periods):
    Engine = env["school.emulation.eligibility"]
    calls = [
        (periods[c.id][-1], env["hr.employee"].browse(staff[c.id])) for c in province
    ]
    total = sum(len(s) for _p, s in calls)
    print(
        f"\nprovince: {len(calls)} schools x {args.per_school} staff = {total} staff, "
        f"one evaluate per school\n"
        f"{'title':<10} {'calls':>6} {'seconds':>8} {'queries':>8} {'q/call':>7} "
        f"{'ms/call':>8} {'eligible':>9}"
    )
    figures = {}
    for code in CODES:
        env.invalidate_all()

        def run(code=code):
            out = []
            for period, subjects in calls:
                q0 = sql_db.sql_counter
                res = Engine.evaluate(code, period, subjects)
                out.append((sql_db.sql_counter - q0, res))
            return out

        out, secs, queries = timed(run)
        per_call = sorted({q for q, _res in out})
        eligible = sum(r["eligible"] for _q, res in out for r in res.values())
        spread = (
            str(per_call[0]) if len(per_call) == 1 else f"{per_call[0]}-{per_call[-1]}"
        )
        print(
            f"{code:<10} {len(calls):>6} {secs:>8.2f} {queries:>8} {spread:>7} "
            f"{secs * 1000 / max(len(calls), 1):>8.1f} {eligible:>9}"
        )
        figures[code] = (secs, queries)
    return figures


def profile(env, big, staff, periods, code):
    import cProfile
    import pstats

    Engine = env["school.emulation.eligibility"]
    employees = env["hr.employee"].browse(staff[big.id])
    env.invalidate_all()
    prof = cProfile.Profile()
    prof.runcall(Engine.evaluate, code, periods[big.id][-1], employees)
    print(f"\ncProfile of {code} for {len(employees)} staff (cumulative):")
    pstats.Stats(prof).sort_stats("cumulative").print_stats(30)
    pstats.Stats(prof).sort_stats("tottime").print_stats(15)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "-d", "--db", "--database", default=os.environ.get("SE_BENCH_DB", "se_bench")
    )
    ap.add_argument("-c", "--config", default=os.path.join(ROOT, ".local", "odoo.conf"))
    ap.add_argument("--staff", type=int, default=12000, help="staff of the big school")
    ap.add_argument("--schools", type=int, default=200)
    ap.add_argument("--per-school", type=int, default=60)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-memory", dest="memory", action="store_false")
    ap.add_argument("--profile", choices=CODES, help="cProfile one call at N staff")
    ap.add_argument("--upgrade", action="store_true", help="-u school_emulation first")
    args = ap.parse_args()
    if args.db in FOREIGN_DBS:
        sys.exit(f"{args.db} belongs to another session: use your own (se_bench)")
    odoo.tools.config.parse_config(["-c", args.config, "--log-level=warn"])
    ensure_database(args)
    with Registry(args.db).cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        (big, province, staff, periods, counts), t_build, _q = timed(
            lambda: build(env, args)
        )
        n_staff = sum(len(s) for s in staff.values())
        print(
            f"data: {len(province) + 1} schools, {n_staff} staff, {len(YEARS)} school "
            f"years, {counts['ratings']} ratings, {counts['awards']} merit titles, "
            f"{counts['initiatives']} initiatives, {counts['disciplines']} "
            f"disciplines (built in {t_build:.1f} s)"
        )
        sizes, figures = measure_sizes(env, args, big, staff, periods)
        province_figures = (
            measure_province(env, args, province, staff, periods) if province else {}
        )
        if args.profile:
            profile(env, big, staff, periods, args.profile)
        worst_code = max(CODES, key=lambda c: figures[c, sizes[-1]][0])
        worst = figures[worst_code, sizes[-1]][0]
        constant = {
            code: sorted({figures[code, n][1] for n in sizes}) for code in CODES
        }
        flat = all(len(q) == 1 for q in constant.values())
        queries = ", ".join(
            f"{c} {'/'.join(str(figures[c, n][1]) for n in sizes)}" for c in CODES
        )
        province_total = sum(s for s, _q in province_figures.values())
        print(
            f"\nprovince, all three titles: {province_total:.2f} s, "
            f"{sum(q for _s, q in province_figures.values())} queries"
        )
        print(
            f"target: <= 5 s at 12,000 staff -> worst {worst:.2f} s ({worst_code}, "
            f"N={sizes[-1]}) {'OK' if worst <= 5 else 'MISSED'}; queries constant in "
            f"N: {'yes' if flat else 'NO'} ({queries} at N={'/'.join(map(str, sizes))})"
        )
        cr.rollback()


if __name__ == "__main__":
    main()
