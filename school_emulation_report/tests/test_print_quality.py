"""Long lists print as a văn thư files them (issue 17): no row cut across two pages,
the header row again on every page, names on their line. Checked on the PDF itself,
page by page, with a proposal of 60 lines whose achievements differ in length."""

import re
import subprocess

from odoo.tests import tagged
from odoo.tools.misc import find_in_path

from odoo.addons.school_emulation.tests.common import SchoolEmulationCase


def pdf_pages(pdf):
    """The text of each page of a PDF (pdftotext separates pages by a form feed)."""
    out = subprocess.run(
        ["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    return [re.sub(r"\s+", " ", page) for page in out.split("\f") if page.strip()]


@tagged("post_install", "-at_install", "school_emulation_demo")
class TestPrintQuality(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        demo = cls.env.ref("school_emulation.proposal_2025_school_demo")
        title = (
            demo.line_ids.filtered(lambda ln: ln.subject_type == "student")[:1].title_id
            or demo.line_ids.filtered("title_id")[:1].title_id
        )
        students = cls.env["school.student"].search(
            [("company_id", "=", demo.company_id.id)], limit=60, order="id"
        )
        for n, student in enumerate(students, 1):
            student.name = f"Nguyễn Thị Phương T{n:02d}"
        cls.proposal = cls.env["school.emulation.proposal"].create(
            {
                "period_id": demo.period_id.id,
                "level": demo.level,
                "company_id": demo.company_id.id,
                "authority_id": demo.authority_id.id,
            }
        )
        cls.env["school.emulation.proposal.line"].create(
            [
                {
                    "proposal_id": cls.proposal.id,
                    "subject_type": "student",
                    "student_id": student.id,
                    "title_id": title.id,
                    # 1 to 4 lines of text, the row's last words mark its end
                    "achievement": "Hoàn thành xuất sắc nhiệm vụ học tập, đạt giải "
                    "cấp huyện; " * (1 + n % 4) + f"mốc A{n:02d}",
                }
                for n, student in enumerate(students, 1)
            ]
        )
        cls.count = len(students)

    def test_proposal_list_rows_whole_and_header_on_every_page(self):
        if not (find_in_path("wkhtmltopdf") and find_in_path("pdftotext")):
            self.fail("wkhtmltopdf and pdftotext are required to check the documents")
        self.assertEqual(self.count, 60, "the demo school has students enough")
        self.env["ir.config_parameter"].sudo().set_param(
            "report.url", "http://127.0.0.1:9"
        )
        pdf, _kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "school_emulation_report.action_report_proposal", self.proposal.ids
            )
        )
        pages = pdf_pages(pdf)
        list_pages = [p for p in pages if re.search(r"\bT\d\d\b", p)]
        self.assertGreaterEqual(len(list_pages), 3, "60 lines take several pages")
        seen = []
        for page in list_pages:
            # the header row opens every page of the list
            self.assertIn("Họ và tên", page)
            self.assertIn("Tóm tắt thành tích", page)
            names = set(re.findall(r"\bT(\d\d)\b", page))
            ends = set(re.findall(r"\bA(\d\d)\b", page))
            # a row cut in two would leave its end on the next page
            self.assertEqual(names, ends, page[:300])
            seen += sorted(names)
        self.assertEqual(seen, [f"{n:02d}" for n in range(1, 61)])

    def test_minutes_rows_whole_and_header_on_every_page(self):
        """The demo council's minutes (33 lines, written at the close) print on
        several pages: each opens with the header row, no row is cut."""
        if not (find_in_path("wkhtmltopdf") and find_in_path("pdftotext")):
            self.fail("wkhtmltopdf and pdftotext are required to check the documents")
        self.env["ir.config_parameter"].sudo().set_param(
            "report.url", "http://127.0.0.1:9"
        )
        session = self.env.ref("school_emulation.council_session_2025_demo")
        pdf, _kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "school_emulation_report.action_report_council_minutes", session.ids
            )
        )
        pages = [p for p in pdf_pages(pdf) if re.search(r"Biểu quyết|Bỏ phiếu kín", p)]
        self.assertGreaterEqual(len(pages), 2, "33 lines take two pages")
        total = 0
        for page in pages:
            self.assertIn("Họ và tên / Tập thể", page)
            how = len(re.findall(r"Bỏ phiếu kín:|Biểu quyết", page))
            result = len(re.findall(r"Không đề nghị|Đề nghị", page))
            # a row cut in two leaves its end (the closing "%)") on the next page
            secret = len(re.findall(r"Bỏ phiếu kín:", page))
            self.assertEqual(how, result, page[:300])
            self.assertEqual(secret, page.count("%)"), page[:300])
            total += how
        self.assertEqual(total, len(session.line_ids))
