"""Benchmark: a commune of N schools x 60 staff runs one round (issue 19).

Usage: /opt/odoo/venv-18.0/bin/python tests/benchmarks/bench_chain.py [-d DB]
       [--rounds 10x60,30x20,30x60]
Inside a rolled-back transaction, for each N: a commune and N schools under it,
60 staff each; every school submits a proposal of all its staff (Giấy khen of the
commune's chairman); then, timed with their SQL queries: the commune accepts the
N received proposals, reads its per-school counters, consolidates the N x 60
candidates into its own proposal, and its decision returns the awards to the
schools. Consolidation and the counters must not grow with N (queries): 10 x 60
and 30 x 20 (the same 600 candidates) take the same queries, 30 x 60 only the
ORM's batches of 1,000 records more; the answers and the return notify each
school, one message each.
"""

import argparse
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.environ.get("ODOO_SRC", "/opt/odoo/src"))

import odoo  # noqa: E402
from odoo import Command, api, sql_db  # noqa: E402
from odoo.modules.registry import Registry  # noqa: E402


def timed(fn):
    q0, t0 = sql_db.sql_counter, time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t0, sql_db.sql_counter - q0


def round_of(env, schools, staff, tag):
    Company = env["res.company"]
    chair = env.ref("school_emulation.authority_commune_chair")
    commune = Company.create(
        {"name": f"UBND xã Bench {tag}", "emulation_level": "commune"}
    )
    units = Company.create(
        [
            {"name": f"Trường Bench {tag}-{i:02d}", "emulation_superior_id": commune.id}
            for i in range(schools)
        ]
    )
    Period = env["school.emulation.period"]
    year = {"name": "2090-2091", "date_start": "2090-09-01", "date_end": "2091-08-31"}
    c_year = Period.create({**year, "company_id": commune.id})
    periods = Period.create([{**year, "company_id": u.id} for u in units])
    form = env["school.emulation.award.form"].search(
        [("code", "=", "GK_XA"), ("date_end", "=", False)], limit=1
    )
    employees = env["hr.employee"].create(
        [
            {"name": f"Giáo viên {u.id}-{j:02d}", "company_id": u.id}
            for u in units
            for j in range(staff)
        ]
    )
    by_unit = {u: employees.filtered(lambda e, u=u: e.company_id == u) for u in units}
    proposals = env["school.emulation.proposal"].create(
        [
            {
                "period_id": p.id,
                "kind": "ad_hoc",
                "authority_id": chair.id,
                "override_reason": "bench",
                "company_id": u.id,
                "line_ids": [
                    Command.create(
                        {
                            "subject_type": "employee",
                            "employee_id": e.id,
                            "award_form_id": form.id,
                            "award_type": "ad_hoc",
                        }
                    )
                    for e in by_unit[u]
                ],
            }
            for u, p in zip(units, periods, strict=True)
        ]
    )
    _r, t_send, q_send = timed(lambda: [p.action_submit() for p in proposals])
    c_env = env(context={"allowed_company_ids": [commune.id]})
    inboxes = c_env["school.emulation.inbox"].search([("company_id", "=", commune.id)])
    _r, t_accept, q_accept = timed(lambda: inboxes.action_accept("2091-06-01"))
    Status = c_env["school.emulation.unit.status"]
    _r, t_count, q_count = timed(
        lambda: Status.search_read(
            [("company_id", "=", commune.id)],
            ["unit_name", "waiting_count", "accepted_count", "decided_count"],
        )
    )
    own = c_env["school.emulation.proposal"].create(
        {
            "period_id": c_year.id,
            "kind": "ad_hoc",
            "authority_id": chair.id,
            "override_reason": "bench",
            "company_id": commune.id,
        }
    )
    c_env.invalidate_all()
    _r, t_fill, q_fill = timed(own.action_fill_from_received)
    own.line_ids.action_approve()  # by consensus: a Giấy khen needs no ballot
    own.action_submit()
    decision = c_env["school.emulation.decision"].browse(
        own.action_record_decision()["res_id"]
    )
    c_env.invalidate_all()
    _r, t_decide, q_decide = timed(decision.action_confirm)
    received = env["school.emulation.award"].search_count(
        [("company_id", "in", units.ids), ("source", "=", "superior")]
    )
    return {
        "candidates": len(own.line_ids),
        "awards back": received,
        "send": (t_send, q_send),
        "accept": (t_accept, q_accept),
        "counters": (t_count, q_count),
        "consolidate": (t_fill, q_fill),
        "decide+return": (t_decide, q_decide),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "-d", "--database", default=os.environ.get("SE_DB", "school_emulation")
    )
    ap.add_argument("-c", "--config", default=os.path.join(ROOT, ".local", "odoo.conf"))
    ap.add_argument("--rounds", default="10x60,30x20,30x60")
    args = ap.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "--log-level=warn"])
    with Registry(args.database).cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": False})
        print("Commune round: schools x staff (rolled back)")
        print(f"{'round':>8} {'step':<14} {'seconds':>9} {'queries':>8}")
        for size in args.rounds.split(","):
            schools, staff = (int(x) for x in size.split("x"))
            n = size
            figures = round_of(env, schools, staff, f"r{size}")
            for step in ("send", "accept", "counters", "consolidate", "decide+return"):
                seconds, queries = figures[step]
                print(f"{n:>8} {step:<14} {seconds:>9.2f} {queries:>8}")
            print(
                f"{n:>8} {'candidates':<14} {figures['candidates']:>9} "
                f"{'':>8}\n{n:>8} {'awards back':<14} {figures['awards back']:>9}"
            )
        cr.rollback()


if __name__ == "__main__":
    main()
