"""Benchmark: eligibility of a whole staff with five years of history.

Usage: /opt/odoo/venv-18.0/bin/python tests/benchmarks/bench_eligibility.py
       [-d DB] [--staff 12000]
Inside a rolled-back transaction: one school with N staff, five school years, a task
rating per person and year, LĐTT for most and CSTĐCS for some every year, some
disciplines and recognised initiatives (bulk SQL for the history rows). Then times
``school.emulation.eligibility.evaluate`` for LĐTT, CSTĐCS and CSTĐ tỉnh (3-year
chain + initiative) at several sizes and prints seconds and SQL queries. Target:
≤ 5 s for 12,000 staff, query count constant in N.
"""

import argparse
import os
import random
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.environ.get("ODOO_SRC", "/opt/odoo/src"))

import odoo  # noqa: E402
from odoo import api, sql_db  # noqa: E402
from odoo.modules.registry import Registry  # noqa: E402

YEARS = ["2085-2086", "2086-2087", "2087-2088", "2088-2089", "2089-2090"]


def timed(fn):
    q0, t0 = sql_db.sql_counter, time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t0, sql_db.sql_counter - q0


def build(env, company, staff):
    rnd = random.Random(7)
    Period = env["school.emulation.period"]
    periods = [
        Period.create(
            {
                "name": y,
                "date_start": f"{y[:4]}-09-01",
                "date_end": f"{y[5:]}-05-31",
                "company_id": company.id,
            }
        )
        for y in YEARS
    ]
    # Staff rows by SQL (the ORM would also build 12,000 avatars and partners).
    env.cr.execute(
        "WITH r AS (INSERT INTO resource_resource (name, resource_type, tz, "
        "time_efficiency, active, company_id, create_uid, write_uid, create_date, "
        "write_date) SELECT 'GV ' || lpad(i::text, 5, '0'), 'user', "
        "'Asia/Ho_Chi_Minh', 100, true, %s, 1, 1, now(), now() "
        "FROM generate_series(1, %s) i "
        "RETURNING id, name) "
        "INSERT INTO hr_employee (resource_id, name, company_id, employee_type, "
        "marital, distance_home_work_unit, active, recruitment_date, create_uid, "
        "write_uid, create_date, write_date) SELECT id, name, %s, 'employee', "
        "'single', 'kilometers', true, '2080-09-01', 1, 1, now(), now() FROM r "
        "RETURNING id",
        [company.id, staff, company.id],
    )
    employees = env["hr.employee"].browse(sorted(r[0] for r in env.cr.fetchall()))
    title = env["school.emulation.title"]
    ldtt = title._get_rule("LDTT", periods[-1].date_end)
    cstdcs = title._get_rule("CSTDCS", periods[-1].date_end)
    ratings, awards = [], []
    for emp_id in employees.ids:
        excellent = rnd.random() < 0.25
        for period in periods:
            good = rnd.random() < 0.92
            rating = "htxsnv" if excellent and good else ("httnv" if good else "htnv")
            ratings.append((emp_id, period.id, rating))
            if good:
                awards.append((emp_id, period.id, ldtt.id, "LDTT"))
                if rating == "htxsnv":
                    awards.append((emp_id, period.id, cstdcs.id, "CSTDCS"))
    cr = env.cr
    dates = {p.id: p.date_start for p in periods}
    for chunk in range(0, len(ratings), 5000):
        rows = ratings[chunk : chunk + 5000]
        cr.execute(
            "INSERT INTO school_emulation_rating (employee_id, period_id, rating, "
            "company_id, period_date_start, create_uid, write_uid, create_date, "
            "write_date) SELECT e, p, r, %s, d, 1, 1, now(), now() FROM "
            "unnest(%s::int[], %s::int[], %s::varchar[], %s::date[]) AS t(e, p, r, d)",
            [
                company.id,
                [r[0] for r in rows],
                [r[1] for r in rows],
                [r[2] for r in rows],
                [dates[r[1]] for r in rows],
            ],
        )
    for chunk in range(0, len(awards), 5000):
        rows = awards[chunk : chunk + 5000]
        cr.execute(
            "INSERT INTO school_emulation_award (employee_id, period_id, title_id, "
            "title_code, subject_type, subject_key, award_type, state, source, "
            "company_id, currency_id, period_date_start, create_uid, write_uid, "
            "create_date, write_date) SELECT e, p, t, c, 'employee', 'employee:' || e, "
            "'merit', 'confirmed', 'history', %s, %s, d, 1, 1, now(), now() FROM "
            "unnest(%s::int[], %s::int[], %s::int[], %s::varchar[], %s::date[]) "
            "AS x(e, p, t, c, d)",
            [
                company.id,
                env.ref("base.VND").id,
                [r[0] for r in rows],
                [r[1] for r in rows],
                [r[2] for r in rows],
                [r[3] for r in rows],
                [dates[r[1]] for r in rows],
            ],
        )
    authors = employees.filtered(lambda e: e.id % 9 == 0)
    Initiative = env["school.emulation.initiative"].with_context(tracking_disable=True)
    Initiative.create(
        [
            {
                "name": f"SK {emp.id}",
                "period_id": periods[-1].id,
                "state": "recognised",
                "recognised_scope": "province" if emp.id % 2 else "school",
                "recognition_number": "1/QĐ",
                "company_id": company.id,
                "author_ids": [odoo.Command.create({"employee_id": emp.id})],
            }
            for emp in authors
        ]
    )
    env["school.emulation.discipline"].create(
        [
            {
                "employee_id": emp.id,
                "kind": "discipline",
                "level": "reprimand",
                "date_start": "2089-10-01",
            }
            for emp in employees.filtered(lambda e: e.id % 97 == 0)
        ]
    )
    env.flush_all()
    env.invalidate_all()
    return periods, employees, len(ratings), len(awards)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "-d", "--database", default=os.environ.get("SE_DB", "school_emulation")
    )
    ap.add_argument("-c", "--config", default=os.path.join(ROOT, ".local", "odoo.conf"))
    ap.add_argument("--staff", type=int, default=12000)
    args = ap.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "--log-level=warn"])
    with Registry(args.database).cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        company = env["res.company"].create({"name": "Bench eligibility"})
        env = env(context={"allowed_company_ids": [company.id]})
        (periods, employees, n_ratings, n_awards), t_build, _q = timed(
            lambda: build(env, company, args.staff)
        )
        print(
            f"data: {len(employees)} staff, {len(periods)} school years, "
            f"{n_ratings} ratings, {n_awards} awards (built in {t_build:.1f} s)"
        )
        Engine = env["school.emulation.eligibility"]
        sizes = sorted({60, 1000, 4000, args.staff} & set(range(1, args.staff + 1)))
        print(
            f"{'title':<10} {'staff':>7} {'seconds':>8} {'queries':>8} {'eligible':>9}"
        )
        worst = {}
        for code in ("LDTT", "CSTDCS", "CSTD_TINH"):
            for n in sizes:
                subset = employees[:n]
                env.invalidate_all()
                res, secs, queries = timed(
                    lambda c=code, s=subset: Engine.evaluate(c, periods[-1], s)
                )
                eligible = sum(1 for r in res.values() if r["eligible"])
                print(f"{code:<10} {n:>7} {secs:>8.2f} {queries:>8} {eligible:>9}")
                worst[(code, n)] = (secs, queries)
        full = [v for (c, n), v in worst.items() if n == args.staff]
        constant = all(
            len({worst[(c, n)][1] for n in sizes}) == 1
            for c in ("LDTT", "CSTDCS", "CSTD_TINH")
        )
        print(
            f"target: <= 5 s for 12,000 staff -> worst {max(s for s, _ in full):.2f} s "
            f"at {args.staff}; queries constant in N: {'yes' if constant else 'NO'}"
        )
        per_school = worst[("CSTD_TINH", 60)][0] if 60 in sizes else 0
        print(
            f"province estimate: 200 schools x 60 staff, one call per school -> "
            f"{200 * per_school:.1f} s for CSTĐ tỉnh"
        )
        cr.rollback()


if __name__ == "__main__":
    main()
