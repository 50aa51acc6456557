"""Benchmark: proposal list PDF with 200 lines and an XLSX of 50,000 rows.

Usage: /opt/odoo/venv-18.0/bin/python tests/benchmarks/bench_documents.py [-d DB]
Inside a rolled-back transaction: a proposal of 200 staff (LĐTT) rendered to PDF
by wkhtmltopdf (tờ trình + danh sách, page numbers stamped); then the XLSX builder
writes 50,000 award-history rows. Prints seconds, pages and sizes.
"""

import argparse
import os
import sys
import time
from datetime import date

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
    ap.add_argument("--lines", type=int, default=200)
    ap.add_argument("--rows", type=int, default=50000)
    args = ap.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "--log-level=warn"])
    from odoo.addons.school_emulation_report.tools.pdf_pages import page_texts
    from odoo.addons.school_emulation_report.tools.xlsx_builder import build

    with Registry(args.database).cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        company = env["res.company"].create({"name": "Bench documents"})
        env = env(context={"allowed_company_ids": [company.id]})
        period = env["school.emulation.period"].create(
            {"name": "b", "date_start": "2090-09-01", "date_end": "2091-08-31"}
        )
        dept = env["hr.department"].create({"name": "Tổ Toán - Tin"})
        employees = env["hr.employee"].create(
            [
                {"name": f"Nguyễn Thị Giáo Viên {i:03d}", "department_id": dept.id}
                for i in range(args.lines)
            ]
        )
        ldtt = env["school.emulation.title"]._get_rule("LDTT", period.date_end)
        proposal = env["school.emulation.proposal"].create(
            {
                "period_id": period.id,
                "line_ids": [
                    Command.create(
                        {
                            "subject_type": "employee",
                            "employee_id": emp.id,
                            "title_id": ldtt.id,
                            "achievement": "Hoàn thành tốt nhiệm vụ năm học; "
                            "tham gia tích cực các phong trào thi đua của nhà trường.",
                        }
                    )
                    for emp in employees
                ],
            }
        )
        env.flush_all()
        Report = env["ir.actions.report"].with_context(force_report_rendering=True)
        (pdf, _kind), secs, queries = timed(
            lambda: Report._render_qweb_pdf(
                "school_emulation_report.report_proposal", proposal.ids
            )
        )
        pages = len(page_texts(pdf))
        print(
            f"PDF proposal list, {args.lines} lines: {secs:.2f} s, {queries} queries, "
            f"{pages} pages, {len(pdf) // 1024} KiB"
        )
        rows = [
            (i, f"Giáo viên {i}", "Lao động tiên tiến", date(2026, 7, 15), 760000, 85.5)
            for i in range(args.rows)
        ]
        columns = [
            ("STT", 6, "int"),
            ("Họ và tên", 28, "text"),
            ("Danh hiệu", 30, "text"),
            ("Ngày quyết định", 14, "date"),
            ("Tiền thưởng (đồng)", 16, "money"),
            ("Điểm", 8, "decimal"),
        ]
        data, secs, _q = timed(
            lambda: build([{"name": "Lịch sử", "columns": columns, "rows": rows}])
        )
        print(f"XLSX {args.rows} rows: {secs:.2f} s, {len(data) // 1024} KiB")
        cr.rollback()


if __name__ == "__main__":
    main()
