"""Benchmark: what a list or kanban page costs at the demo school's size and at the
province's (200 more schools, 120,000 students, five school years of awards).

Usage: /opt/odoo/venv-18.0/bin/python tests/benchmarks/bench_lists.py [-d DB]
       [--schools 200] [--students 120000] [--years 5]

On the demo database of `bash scripts/run.sh` (default ``school_emulation``), inside
one transaction that is rolled back. For each screen the web client's own call is
made as the demo officer (record rules apply): ``web_search_read`` of the first 80
records with the fields of the action's list (or kanban) view, and ``web_read_group``
for the grouped kanban boards. Each is measured at the demo's size, then again after
bulk-inserting the province (SQL, then the ORM caches are emptied). Prints the
median time of 7 runs and the SQL queries of one run. Target (issue 10): the same
query count and about the same time at both sizes.
"""

import argparse
import os
import statistics
import sys
import time

from lxml import etree

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.environ.get("ODOO_SRC", "/opt/odoo/src"))

import odoo  # noqa: E402
from odoo import api, sql_db  # noqa: E402
from odoo.modules.registry import Registry  # noqa: E402
from odoo.tools.safe_eval import safe_eval  # noqa: E402

SCREENS = [
    # (label, action xmlid, view type, group by)
    ("Students list", "school_emulation.school_student_action", "list", None),
    (
        "Award history list",
        "school_emulation.school_emulation_award_action",
        "list",
        None,
    ),
    (
        "Registrations kanban",
        "school_emulation.school_emulation_registration_action",
        "kanban",
        "state",
    ),
    (
        "Proposals kanban",
        "school_emulation.school_emulation_proposal_action",
        "kanban",
        "state",
    ),
    (
        "Student results list",
        "school_emulation.school_student_result_action",
        "list",
        None,
    ),
]


def spec_of(env, model, view_type):
    arch = env[model].get_views([(False, view_type)])["views"][view_type]["arch"]
    names = etree.fromstring(arch).xpath("//field[not(ancestor::field)]/@name")
    spec = {}
    for name in names:
        field = env[model]._fields.get(name)
        if not field or field.type in ("one2many", "many2many"):
            continue
        spec[name] = (
            {"fields": {"display_name": {}}} if field.type == "many2one" else {}
        )
    return spec


def measure(env, screen):
    label, action, view_type, group_by = screen
    act = env(su=True).ref(action)
    Model = env[act.res_model]
    domain = safe_eval(act.domain or "[]", {"uid": env.uid, "context": {}})
    spec = spec_of(env, act.res_model, view_type)

    def run():
        if group_by:  # the board's columns, then the cards as the board loads them
            Model.web_read_group(domain, [group_by], [group_by], limit=80)
        return Model.web_search_read(domain, spec, limit=80)

    times, queries = [], None
    for _ in range(7):
        env.invalidate_all()
        q0, t0 = sql_db.sql_counter, time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
        queries = sql_db.sql_counter - q0
    return statistics.median(times), queries


def grow(env, schools, students, years):
    """The province next to the demo school: bulk SQL, as an import would leave it."""
    cr = env.cr
    companies = env["res.company"].create(
        [{"name": f"Trường THCS mẫu {i:03d}"} for i in range(schools)]
    )
    cr.execute("SELECT id FROM school_emulation_title WHERE code = 'HS_GIOI' LIMIT 1")
    title = cr.fetchone()[0]
    periods = []
    for company in companies:
        for y in range(2021, 2021 + years):
            periods.append((company.id, f"{y}-{y + 1}", f"{y}-09-01", f"{y + 1}-08-31"))
    cr.execute(
        "INSERT INTO school_emulation_period (company_id, name, date_start, date_end, "
        "state, active) SELECT c, n, s::date, e::date, 'closed', true FROM "
        "unnest(%s::int[], %s::text[], %s::text[], %s::text[]) AS t(c, n, s, e) "
        "RETURNING id, company_id",
        [list(col) for col in zip(*periods, strict=True)],
    )
    by_company = {}
    for pid, cid in cr.fetchall():
        by_company.setdefault(cid, []).append(pid)
    per_school = students // schools
    cr.execute(
        "INSERT INTO school_student (company_id, code, name, gender, active) "
        "SELECT c.id, 'HS' || c.id || '-' || g, 'Học sinh ' || g, "
        "CASE WHEN g %% 2 = 0 THEN 'female' ELSE 'male' END, true "
        "FROM res_company c CROSS JOIN generate_series(1, %s) g WHERE c.id = ANY(%s)",
        [per_school, companies.ids],
    )
    # five school years: a result per student and year, an award for one in ten
    cr.execute(
        "INSERT INTO school_student_result (student_id, period_id, company_id, "
        "scheme, conduct, learning, subjects_ge_9) "
        "SELECT s.id, p.id, s.company_id, 'tt22', 'good', 'good', 3 "
        "FROM school_student s JOIN school_emulation_period p "
        "ON p.company_id = s.company_id WHERE s.company_id = ANY(%s)",
        [companies.ids],
    )
    cr.execute(
        "INSERT INTO school_emulation_award (company_id, period_id, subject_type, "
        "student_id, title_id, award_type, state, source, subject_key, subject_name, "
        "currency_id) "
        "SELECT s.company_id, p.id, 'student', s.id, %s, 'merit', 'confirmed', "
        "'history', 'student:' || s.id, s.name, "
        "(SELECT id FROM res_currency WHERE name = 'VND') FROM school_student s "
        "JOIN school_emulation_period p ON p.company_id = s.company_id "
        "WHERE s.company_id = ANY(%s) AND s.id %% 10 = 0",
        [title, companies.ids],
    )
    cr.execute("ANALYZE")
    env.invalidate_all()
    env.registry.clear_cache()
    cr.execute("SELECT count(*) FROM school_student")
    n_students = cr.fetchone()[0]
    cr.execute("SELECT count(*) FROM school_emulation_award")
    n_awards = cr.fetchone()[0]
    cr.execute("SELECT count(*) FROM school_student_result")
    n_results = cr.fetchone()[0]
    return n_students, n_awards, n_results


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "-d", "--database", default=os.environ.get("SE_DB", "school_emulation")
    )
    ap.add_argument("-c", "--config", default=os.path.join(ROOT, ".local", "odoo.conf"))
    ap.add_argument("--schools", type=int, default=200)
    ap.add_argument("--students", type=int, default=120000)
    ap.add_argument("--years", type=int, default=5)
    args = ap.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "--log-level=warn"])
    registry = Registry(args.database)
    with registry.cursor() as cr:
        su = api.Environment(cr, odoo.SUPERUSER_ID, {})
        officer = su["res.users"].search([("login", "=", "officer")], limit=1)
        if not officer:
            raise SystemExit("no demo officer: run on the demo database")
        env = su(user=officer, context={"lang": "vi_VN"})
        small = {s[0]: measure(env, s) for s in SCREENS}
        t0 = time.perf_counter()
        sizes = grow(su, args.schools, args.students, args.years)
        print(
            f"added {args.schools} schools in {time.perf_counter() - t0:.0f} s: "
            f"{sizes[0]:,} students, {sizes[2]:,} yearly results, {sizes[1]:,} awards "
            "in the database"
        )
        env = su(user=officer, context={"lang": "vi_VN"})
        full = {s[0]: measure(env, s) for s in SCREENS}
        print(f"{'screen (first 80 records)':<26} {'demo size':>18} {'province':>18}")
        for label, *_rest in SCREENS:
            (t1, q1), (t2, q2) = small[label], full[label]
            print(
                f"{label:<26} {t1 * 1000:>7.1f} ms {q1:>3} q   "
                f"{t2 * 1000:>7.1f} ms {q2:>3} q"
            )
        cr.rollback()


if __name__ == "__main__":
    main()
