"""Benchmark: entering and ranking a week of class emulation, 40 classes x 15 criteria.

Usage: /opt/odoo/venv-18.0/bin/python tests/benchmarks/bench_class_week.py [-d DB]
Inside a rolled-back transaction: creates 40 classes and a 15-criterion set, opens a
week, prepares its 600 lines, then saves all 600 points the way the form does (one
write on the week) and prints time and SQL queries of each step.
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "-d", "--database", default=os.environ.get("SE_DB", "school_emulation")
    )
    ap.add_argument("-c", "--config", default=os.path.join(ROOT, ".local", "odoo.conf"))
    args = ap.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "--log-level=warn"])
    with Registry(args.database).cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        company = env["res.company"].create({"name": "Bench classes"})
        env = env(context={"allowed_company_ids": [company.id]})
        period = env["school.emulation.period"].create(
            {"name": "b", "date_start": "2090-09-04", "date_end": "2091-08-31"}
        )
        env["school.class"].create(
            [
                {"name": f"L{i}", "grade": 6 + i % 4, "period_id": period.id}
                for i in range(40)
            ]
        )
        cset = env["school.emulation.criterion.set"].create(
            {
                "name": "b",
                "criterion_ids": [
                    Command.create(
                        {
                            "name": f"c{i}",
                            "max_points": 10,
                            "kind": "penalty" if i > 12 else "standard",
                        }
                    )
                    for i in range(15)
                ],
            }
        )
        week = env["school.emulation.class.week"].create(
            {
                "period_id": period.id,
                "week_start": "2090-09-04",
                "criterion_set_id": cset.id,
            }
        )
        env.flush_all()
        _, t_prep, q_prep = timed(
            lambda: (week.action_prepare_lines(), env.flush_all())
        )
        lines = week.line_ids
        commands = [
            Command.update(line.id, {"points": (line.id * 7) % 11}) for line in lines
        ]
        _, t_save, q_save = timed(
            lambda: (week.write({"line_ids": commands}), env.flush_all())
        )
        _, t_rank, q_rank = timed(lambda: (week._compute_results(), env.flush_all()))
        print(f"prepare 600 lines: {t_prep * 1000:.0f} ms, {q_prep} queries")
        print(
            f"save 600 points (form) + rank: {t_save * 1000:.0f} ms, {q_save} queries"
        )
        print(f"re-rank the week alone: {t_rank * 1000:.0f} ms, {q_rank} queries")
        print(f"classes ranked: {len(week.result_ids)}")
        cr.rollback()


if __name__ == "__main__":
    main()
