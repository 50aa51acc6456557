"""Administrative documents: HTML content, then real PDFs (wkhtmltopdf) with page
numbers from page 2 at the top (NĐ 30/2020)."""

import re

from odoo.tests import tagged
from odoo.tests.common import TransactionCase
from odoo.tools.misc import find_in_path

from ..tools.pdf_pages import page_texts
from ..tools.vn_format import money, vn_date


@tagged("post_install", "-at_install")
class TestFormats(TransactionCase):
    def test_formats(self):
        from datetime import date

        self.assertEqual(vn_date(date(2026, 2, 5)), "ngày 05 tháng 02 năm 2026")
        self.assertEqual(vn_date(date(2026, 7, 15)), "ngày 15 tháng 7 năm 2026")
        self.assertEqual(money(2530000), "2.530.000")


# reads the demo school: run on a database with demo (scripts/test.sh, database 2)
@tagged("post_install", "-at_install", "school_emulation_demo")
class TestDocuments(TransactionCase):
    def setUp(self):
        super().setUp()
        ref = self.env.ref
        self.proposal = ref("school_emulation.proposal_2025_school_demo")
        self.session = ref("school_emulation.council_session_2025_demo")
        self.decision = self.proposal.decision_ids
        self.Report = self.env["ir.actions.report"]
        # wkhtmltopdf must not fetch assets from the test server: while a test runs
        # it holds the test cursor and would wait for ever (HttpCase tests set
        # web.base.url to the test port). Our documents carry their own styles.
        self.env["ir.config_parameter"].sudo().set_param(
            "report.url", "http://127.0.0.1:9"
        )
        self.proposal.company_id.write(
            {
                "emulation_superior_name": "UBND xã Xuân Sơn",
                "emulation_place": "Xuân Sơn",
                "emulation_doc_code": "THCSXS",
            }
        )

    def _html(self, report, records):
        html, _kind = self.Report._render_qweb_html(
            f"school_emulation_report.{report}", records.ids
        )
        return html.decode()

    def _pdf(self, report, records):
        if not find_in_path("wkhtmltopdf"):
            self.fail("wkhtmltopdf is required to render the documents")
        pdf, kind = self.Report.with_context(
            force_report_rendering=True
        )._render_qweb_pdf(f"school_emulation_report.{report}", records.ids)
        self.assertEqual(kind, "pdf")
        return pdf

    @staticmethod
    def _table(raw, sheet=0):
        """The framed sheet's header row and body rows: the body starts at the
        frozen row, ends at the first blank row, its totals row left out."""
        import io

        import openpyxl

        ws = openpyxl.load_workbook(io.BytesIO(raw)).worksheets[sheet]
        first = int(re.sub(r"\D", "", ws.freeze_panes))
        width = ws.max_column
        header = [ws.cell(row=first - 1, column=c).value for c in range(1, width + 1)]
        rows = []
        for r in range(first, ws.max_row + 1):
            values = [ws.cell(row=r, column=c).value for c in range(1, width + 1)]
            if not any(v not in (None, "") for v in values):
                break
            rows.append(values)
        # the agency block above the table, the signers below it
        top = " ".join(
            str(ws.cell(row=r, column=c).value or "")
            for r in (1, 2)
            for c in range(1, width + 1)
        )
        return header, rows[:-1], rows[-1], top

    def _attachment_raw(self, action):
        return (
            self.env["ir.attachment"]
            .browse(int(action["url"].split("/")[3].split("?")[0]))
            .raw
        )

    def test_administrative_frame(self):
        html = self._html("report_decision", self.decision)
        for text in (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "ỦY BAN NHÂN DÂN XÃ XUÂN SƠN",  # the commune issues it: its own block
            "Số: 215/QĐ-UBND",
            "Xuân Sơn, ngày 15 tháng 7 năm 2026",
            "QUYẾT ĐỊNH",
            "Nơi nhận:",
        ):
            self.assertIn(text, html)
        self.assertNotIn("TRƯỜNG THCS XUÂN SƠN", html.split("QUYẾT ĐỊNH")[0])

    def test_decision_lists_awards_with_sovang_and_bonus(self):
        html = self._html("report_decision", self.decision)
        self.assertIn("DANH SÁCH KHEN THƯỞNG", html)
        self.assertIn("760.000", html)
        self.assertIn("2.530.000", html)
        self.assertIn(money(self.decision.bonus_total), html)
        cstdcs = self.decision.award_ids.filtered(lambda a: a.title_code == "CSTDCS")
        for award in cstdcs:
            self.assertIn(award.subject_name, html)

    def test_proposal_letter_and_list(self):
        html = self._html("report_proposal", self.proposal)
        self.assertIn("TỜ TRÌNH", html)
        self.assertIn("Kính gửi: Chủ tịch Ủy ban nhân dân xã Xuân Sơn", html)
        self.assertIn("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", html)
        self.assertIn("Tóm tắt thành tích", html)
        rejected = self.proposal.line_ids.filtered(
            lambda ln: ln.council_result == "rejected"
        )
        self.assertTrue(rejected)
        people = self.proposal.line_ids.filtered(
            lambda ln: ln.council_result != "rejected" and ln.subject_type == "employee"
        )
        self.assertIn(f"<b>{len(people)}</b> cá nhân", html)

    def test_minutes_and_ballot_count(self):
        html = self._html("report_council_minutes", self.session)
        self.assertIn("BIÊN BẢN", html)
        self.assertIn("Họp Hội đồng Thi đua - Khen thưởng năm học 2025-2026", html)
        self.assertIn("THƯ KÝ", html)
        ballot = self._html("report_ballot_minutes", self.session)
        self.assertIn("BIÊN BẢN KIỂM PHIẾU", ballot)
        self.assertIn("85,71 %", ballot)  # 6 of 7 members
        self.assertIn("Không đạt", ballot)  # 5 of 7 is below 80 %

    def test_certificate(self):
        award = self.decision.award_ids.filtered(lambda a: a.title_code == "CSTDCS")[0]
        html = self._html("report_certificate", award)
        self.assertIn("CHIẾN SĨ THI ĐUA CƠ SỞ", html)
        self.assertIn(award.subject_name, html)
        self.assertIn(f"Số Sổ vàng: {award.so_vang_number}", html)

    def test_pdf_page_numbers_from_page_two(self):
        pdf = self._pdf("report_decision", self.decision)
        pages = page_texts(pdf)
        flat = [re.sub(r"\s+", "", text) for text in pages]
        self.assertGreaterEqual(len(pages), 2)
        self.assertIn("QUYẾTĐỊNH", flat[0])
        self.assertIn("DANHSÁCHKHENTHƯỞNG", "".join(flat[1:]))
        # The stamped number is the last text of each page from page 2 on.
        ends = [text.rstrip() for text in pages]
        self.assertFalse(ends[0].endswith("1"))
        for number, text in enumerate(ends[1:], start=2):
            self.assertTrue(text.endswith(str(number)), text[-40:])

    def test_pdf_certificate_is_one_landscape_page(self):
        award = self.decision.award_ids[:1]
        pdf = self._pdf("report_certificate", award)
        import io

        from PyPDF2 import PdfReader

        reader = PdfReader(io.BytesIO(pdf))
        self.assertEqual(len(reader.pages), 1)
        box = reader.pages[0].mediabox
        self.assertGreater(float(box.width), float(box.height))

    def test_proposal_list_xlsx(self):
        header, rows, totals, top = self._table(self.proposal._list_xlsx())
        self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", top)
        self.assertIn("TRƯỜNG THCS XUÂN SƠN", top)
        self.assertEqual(len(header), 11)
        approved = self.proposal.line_ids.filtered(
            lambda ln: ln.council_result != "rejected"
        )
        self.assertEqual(len(rows), len(approved))
        self.assertEqual([r[0] for r in rows], list(range(1, len(rows) + 1)))
        cstdcs = approved.filtered(lambda ln: ln.ballot_required)[:1]
        row = next(
            r for r in rows if r[1] == cstdcs.subject_name and r[6] == cstdcs.award_name
        )
        self.assertEqual(row[8], cstdcs.vote_yes)
        self.assertTrue(any(totals), "a totals row closes the table")
        self.assertFalse(isinstance(totals[0], int), "the totals row is no line")

    def test_dossier_bundle(self):
        import hashlib
        import io
        import json
        import zipfile

        if not find_in_path("wkhtmltopdf"):
            self.fail("wkhtmltopdf is required to render the documents")
        action = self.proposal.with_context(
            force_report_rendering=True
        ).action_dossier_bundle()
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].split("/")[3].split("?")[0])
        )
        # the builder's alone (issue 15): no res_id, so no reader of the proposal
        self.assertEqual(attachment.res_model, self.proposal._name)
        self.assertFalse(attachment.res_id)
        archive = zipfile.ZipFile(io.BytesIO(attachment.raw))
        manifest = json.loads(archive.read("manifest.json"))
        self.assertEqual(manifest["proposal"], self.proposal.name)
        names = [f["name"] for f in manifest["files"]]
        # checklist order, numbered, readable names (issue 17), the Bảng kê first
        self.assertTrue(names[0].startswith("00_Bang_ke_ho_so"), names)
        self.assertTrue(names[1].startswith("01_To_trinh_01-TTr-THCSXS"), names)
        self.assertTrue(any("_Bien_ban_kiem_phieu" in n for n in names))
        self.assertTrue(any(n.endswith(".xlsx") for n in names))
        self.assertEqual(names, sorted(names))
        # the commune's decision has no signed copy yet: a draft stays out
        self.assertFalse(any("_Quyet_dinh_" in n for n in names), names)
        for entry in manifest["files"]:
            data = archive.read(entry["name"])
            self.assertEqual(hashlib.sha256(data).hexdigest(), entry["sha256"])
        self.assertTrue(archive.read(names[0]).startswith(b"%PDF"))

    def test_dashboard_figures(self):
        period = self.proposal.period_id
        awards = self.env["school.emulation.award"].search(
            [("period_id", "=", period.id), ("state", "=", "confirmed")]
        )
        self.assertEqual(period.overview_awards, len(awards))
        self.assertEqual(period.overview_bonus, sum(awards.mapped("bonus_amount")))
        people = awards.filtered(lambda a: a.subject_type == "employee")
        managers = people.filtered(lambda a: a.recipient_category == "manager")
        self.assertTrue(managers)
        expected = (len(people) - len(managers)) * 100 // len(people)
        self.assertEqual(period.overview_direct_pct, expected)
        groups = self.env["school.emulation.award"]._read_group(
            [("period_id", "=", period.id), ("state", "=", "confirmed")],
            ["recipient_category"],
            ["award_count:sum"],
        )
        self.assertEqual(sum(count for _cat, count in groups), len(awards))

    def test_more_documents(self):
        period = self.proposal.period_id
        html = self._html("report_year_end", period)
        self.assertIn("Tổng kết công tác thi đua, khen thưởng năm học 2025-2026", html)
        self.assertIn(money(period.overview_bonus), html)
        self.assertIn("Chiến sĩ thi đua cơ sở", html)
        html = self._html("report_registration_summary", period)
        self.assertIn("BẢNG TỔNG HỢP ĐĂNG KÝ THI ĐUA", html)
        employee = self.env.ref("school_emulation.employee_tt_toan_demo")
        html = self._html("report_achievement_individual", employee)
        self.assertIn("SƠ LƯỢC LÝ LỊCH", html)
        self.assertIn("CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", html)
        self.assertIn("215/QĐ-UBND", html)
        self.assertIn("2023-2024", html)
        movement = self.env["school.emulation.movement"].search(
            [("registration_ids.state", "=", "accepted")], limit=1
        )
        html = self._html("report_movement_ranking", movement)
        self.assertIn("BẢNG TỔNG HỢP ĐIỂM THI ĐUA", html)
        best = movement.registration_ids.filtered(lambda r: r.rank_movement == 1)[:1]
        self.assertIn(best.subject_name, html)
        html = self._html("report_movement_plan", movement)
        self.assertIn("KẾ HOẠCH", html)
        self.assertIn(movement.name, html)

    def test_award_history_and_ranking_xlsx(self):
        awards = self.decision.award_ids
        header, rows, totals, _top = self._table(
            self._attachment_raw(awards.action_export_xlsx())
        )
        self.assertEqual(len(rows), len(awards))
        self.assertEqual(sum(r[10] for r in rows), self.decision.bonus_total)
        self.assertEqual(totals[10], self.decision.bonus_total)
        self.assertEqual(rows[0][6], "215/QĐ-UBND")
        # the issuing body by its real name, as the decision prints it
        self.assertEqual(rows[0][8], "Chủ tịch Ủy ban nhân dân xã Xuân Sơn")
        movement = self.env["school.emulation.movement"].search(
            [("registration_ids.state", "=", "accepted")], limit=1
        )
        header, rows, totals, _top = self._table(
            self._attachment_raw(movement.action_export_xlsx())
        )
        self.assertEqual(rows[0][0], 1)
        first = movement.registration_ids.filtered(lambda r: r.rank_movement == 1)[:1]
        self.assertEqual(rows[0][1], first.subject_name)
        self.assertAlmostEqual(rows[0][9], first.total_score, places=2)

    def test_class_week_and_collective_report(self):
        week = self.env["school.emulation.class.week"].search(
            [("result_ids", "!=", False)], limit=1
        )
        html = self._html("report_class_week", week)
        self.assertIn("BẢNG XẾP HẠNG THI ĐUA CÁC LỚP", html)
        best = week.result_ids.filtered(lambda r: r.rank == 1)[:1]
        self.assertIn(best.class_id.name, html)
        group = self.env.ref("school_emulation.department_toan_tin_demo")
        html = self._html("report_achievement_collective", group)
        self.assertIn("Tổ Toán - Tin", html)
        self.assertIn("Tập thể lao động tiên tiến", html)
        self.assertIn("không có tổ chức đảng, công đoàn riêng", html)

    def test_statistics_xlsx(self):
        period = self.proposal.period_id
        raw = self._attachment_raw(period.action_export_statistics_xlsx())
        header, rows, totals, _top = self._table(raw, sheet=0)
        self.assertEqual(sum(r[2] for r in rows), period.overview_awards)
        self.assertEqual(totals[2], period.overview_awards)
        self.assertEqual(sum(r[3] for r in rows), period.overview_bonus)
        header, rows, totals, _top = self._table(raw, sheet=1)
        for row in rows + [totals]:
            registered, obtained = row[1], row[2]
            self.assertLessEqual(obtained, registered)
