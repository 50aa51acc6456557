"""Achievement reports (báo cáo thành tích, NĐ 152/2025 appendix) and the year-end
report filled from the records (issue 17): ratings per year, initiatives with
scope and recognition, awards with their decisions, the person's own account
(written by the person or the officer only), the head of the unit's
confirmation; the year's real figures and the officer's assessment; the plan of
a movement never cites itself."""

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools.misc import find_in_path

from odoo.addons.school_emulation.models.school_emulation_state_mixin import (
    trusted_write,
)
from odoo.addons.school_emulation.tests.common import SchoolEmulationCase

from .test_minutes import pdf_text, plain


@tagged("post_install", "-at_install")
class TestAchievementReports(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_year()
        cls.officer = cls.users["officer"]
        cls.school_a.write(
            {
                "emulation_place": "Xuân Sơn",
                "emulation_superior_name": "UBND xã Xuân Sơn",
                "emulation_head_name": "Nguyễn Văn Hiệu",
            }
        )
        if "emulation_superior_full_name" in cls.school_a._fields:
            cls.school_a.emulation_superior_full_name = "Ủy ban nhân dân xã Xuân Sơn"
        with trusted_write(cls.initiative._name):
            cls.initiative.write(
                {
                    "state": "recognised",
                    "recognised_scope": "school",
                    "recognition_number": "45/QĐ-THCSA",
                    "recognition_date": "2041-05-20",
                }
            )
        cls.account = "Dạy Toán 8A1, 9A2; 100 % học sinh lớp chủ nhiệm lên lớp."
        cls.reg_leader.with_user(cls.users["leader"]).write(
            {
                "report_duties": "Tổ trưởng Tổ Toán, chủ nhiệm lớp 6A1.",
                "report_achievements": cls.account,
            }
        )

    def _html(self, report, records):
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            f"school_emulation_report.{report}", records.ids
        )
        return plain(html.decode())

    def test_own_account_is_written_by_the_person_or_the_officer(self):
        # a colleague cannot even read it (record rules), let alone write it
        with self.assertRaises(UserError):
            self.reg_leader.with_user(self.users["staff"]).write(
                {"report_achievements": "Thành tích do người khác viết"}
            )
        with self.assertRaisesRegex(UserError, "achievement account"):
            self.reg_staff.with_user(self.users["leader"]).write(
                {"report_achievements": "Tổ trưởng viết thay"}
            )
        self.reg_staff.with_user(self.officer).write(
            {"report_achievements": "Cán bộ thi đua ghi theo báo cáo giấy"}
        )
        self.reg_staff.with_user(self.users["staff"]).write(
            {"report_duties": "Dạy Văn khối 7"}
        )
        self.assertEqual(self.reg_staff.report_duties, "Dạy Văn khối 7")

    def test_individual_report_is_filled_from_the_records(self):
        text = self._html("report_achievement_individual", self.emp_leader)
        self.assertIn("BÁO CÁO THÀNH TÍCH", text)
        cstdcs = self.decision.award_ids.filtered(
            lambda a: a.employee_id == self.emp_leader and a.title_id == self.cstdcs
        )
        self.assertTrue(cstdcs)
        # the year and the title proposed
        self.assertIn("năm học 2040-2041", text)
        # the person's own account
        self.assertIn("Tổ trưởng Tổ Toán, chủ nhiệm lớp 6A1.", text)
        self.assertIn(self.account, text)
        # ratings per year
        self.assertIn("2040-2041 Hoàn thành tốt nhiệm vụ", text)
        # the initiative with its scope and recognition
        self.assertIn("Dạy học theo dự án Cấp cơ sở Số 45/QĐ-THCSA", text)
        self.assertIn("ngày 20 tháng 5 năm 2041", text)
        # the awards with their decision
        self.assertIn(
            f"{cstdcs.award_name} Quyết định số 125/QĐ-UBND ngày 15 tháng 7 năm 2041",
            text,
        )
        # the confirmation and the signatures
        self.assertIn("XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ", text)
        self.assertIn("Nguyễn Văn Hiệu", text)
        self.assertIn(
            f"NGƯỜI BÁO CÁO THÀNH TÍCH (Ký, ghi rõ họ và tên) {self.emp_leader.name}",
            text,
        )
        self.assertNotIn("....", text)

    def test_individual_report_without_account_says_what_exists(self):
        """No own account: the duties come from the records (position, group,
        homeroom class), and no dotted line is printed."""
        text = self._html("report_achievement_individual", self.emp_other)
        self.assertIn("Giáo viên tổ khác", text)
        self.assertIn("Tổ Văn", text)
        self.assertIn("Không có sáng kiến, đề tài được công nhận", text)
        self.assertNotIn("....", text)

    def test_collective_report(self):
        text = self._html("report_achievement_collective", self.dept)
        self.assertIn("Tên tập thể: Tổ Toán", text)
        members = self.env["hr.employee"].search([("department_id", "=", self.dept.id)])
        self.assertIn(f"Tổng số thành viên: {len(members)}", text)
        rated = self.env["school.emulation.rating"].search_count(
            [("employee_id", "in", members.ids), ("period_id", "=", self.year.id)]
        )
        self.assertIn(f"({rated}/{len(members)} thành viên được xếp loại)", text)
        awards = self.env["school.emulation.award"].search(
            [
                ("employee_id", "in", members.ids),
                ("period_id", "=", self.year.id),
                ("state", "=", "confirmed"),
            ]
        )
        for name in set(awards.mapped("award_name")):
            count = len(awards.filtered(lambda a, n=name: a.award_name == n))
            self.assertIn(f"{name}: {count}", text)
        self.assertIn('"Dạy học theo dự án" (Quyết định số 45/QĐ-THCSA)', text)
        self.assertIn("XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ", text)
        self.assertIn(f"TỔ TRƯỞNG (Ký, ghi rõ họ và tên) {self.emp_leader.name}", text)
        self.assertNotIn("....", text)

    def test_year_end_report_counts_and_assessment(self):
        with self.assertRaisesRegex(UserError, "year-end assessment"):
            self.year.with_user(self.users["leader"]).write(
                {"report_assessment": "Tổ trưởng đánh giá"}
            )
        self.year.with_user(self.officer).write(
            {
                "report_assessment": "Phong trào thi đua được duy trì thường xuyên.",
                "report_direction": "Tiếp tục đổi mới phương pháp dạy học.",
            }
        )
        text = self._html("report_year_end", self.year)
        movements = self.env["school.emulation.movement"].search(
            [("period_id", "=", self.year.id)]
        )
        self.assertIn(f"nhà trường phát động {len(movements)} phong trào", text)
        self.assertIn(self.movement.name, text)
        regs = self.env["school.emulation.registration"].search(
            [("period_id", "=", self.year.id)]
        )
        self.assertIn(f"Số lượt đăng ký thi đua: {len(regs)}", text)
        awards = self.env["school.emulation.award"].search(
            [("period_id", "=", self.year.id), ("state", "=", "confirmed")]
        )
        self.assertTrue(awards)
        self.assertIn(f"khen thưởng được công nhận: {len(awards)}", text)
        for name in set(awards.mapped("award_name")):
            self.assertIn(name, text)
        self.assertIn("1 sáng kiến được công nhận", text)
        self.assertIn("Phong trào thi đua được duy trì thường xuyên.", text)
        self.assertIn("Tiếp tục đổi mới phương pháp dạy học.", text)
        superior = (
            self.school_a["emulation_superior_full_name"]
            if "emulation_superior_full_name" in self.school_a._fields
            else "UBND xã Xuân Sơn"
        )
        self.assertIn(f"Nơi nhận: - {superior} (b/c);", text)
        self.assertNotIn("Cơ quan cấp trên", text)
        self.assertNotIn("....", text.replace(".../BC", ""))

    def test_movement_plan_does_not_cite_itself(self):
        self.movement.with_user(self.officer).write(
            {
                "launch_number": "05/KH-THCSA",
                "superior_reference": "KH 05/KH-THCSA",
                "content": "<p>Nội dung theo kế hoạch 05/KH-THCSA của nhà trường.</p>",
            }
        )
        text = self._html("report_movement_plan", self.movement)
        self.assertIn("Số: 05/KH-THCSA", text)
        self.assertEqual(text.count("05/KH-THCSA"), 1)
        self.assertNotIn("Căn cứ", text)
        self.assertIn(f'Tổ chức phong trào thi đua "{self.movement.name}"', text)
        self.movement.with_user(self.officer).superior_reference = "KH 99/KH-UBND"
        text = self._html("report_movement_plan", self.movement)
        self.assertIn("Căn cứ KH 99/KH-UBND;", text)
        self.assertNotIn("Phòng/UBND cấp trên", text)

    def test_individual_report_pdf(self):
        if not (find_in_path("wkhtmltopdf") and find_in_path("pdftotext")):
            self.fail("wkhtmltopdf and pdftotext are required to check the documents")
        self.env["ir.config_parameter"].sudo().set_param(
            "report.url", "http://127.0.0.1:9"
        )
        pdf, _kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "school_emulation_report.report_achievement_individual",
                self.emp_leader.ids,
            )
        )
        text = pdf_text(pdf)
        self.assertIn("XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ", text)
        self.assertIn("125/QĐ-UBND", text)
        self.assertIn("45/QĐ-THCSA", text)

    def test_year_end_report_is_prepared_edited_and_issued_with_its_number(self):
        """The year-end report is a document of the school: prepared as a draft
        (recipients, signer editable), numbered from the school's register of
        reports when it is issued, then frozen (the assessment written later
        does not change the issued report)."""
        if not find_in_path("wkhtmltopdf"):
            self.fail("wkhtmltopdf is required to issue a document")
        self.env["ir.config_parameter"].sudo().set_param(
            "report.url", "http://127.0.0.1:9"
        )
        self.school_a.write(
            {
                "emulation_doc_code": "THCSA",
                "emulation_superior_head_title": "Chủ tịch Ủy ban nhân dân xã Xuân Sơn",
            }
        )
        Document = self.env["school.emulation.document"].with_user(self.officer)
        with self.assertRaises(UserError):
            Document.with_user(self.users["leader"]).action_prepare_document(
                self.year._name, self.year.ids, "report_year_end"
            )
        action = Document.action_prepare_document(
            self.year._name, self.year.ids, "report_year_end"
        )
        document = Document.browse(action["res_id"])
        self.assertEqual(document.state, "draft")
        self.assertFalse(document.number)
        self.assertIn("Hội đồng Thi đua - Khen thưởng nhà trường", document.recipients)
        self.assertEqual(document.signer_name, "Nguyễn Văn Hiệu")
        document.write(
            {
                "recipients": "Ủy ban nhân dân xã Xuân Sơn (b/c)\nLưu: VT, HĐTĐKT",
                "signer_title": "KT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG",
                "signer_name": "Trần Thị Mai",
            }
        )
        text = self._html("report_year_end", self.year)
        self.assertIn("Số: .../BC-THCSA", text)
        self.assertIn("Lưu: VT, HĐTĐKT", text)
        self.assertIn("Trần Thị Mai", text)
        # the deciding body by its name, not the catalogue's generic one
        self.assertIn("Chủ tịch Ủy ban nhân dân", text)
        self.assertNotIn("UBND cấp xã", text)
        # not issued with its assessment left as dotted lines
        self.year.with_user(self.officer).write(
            {"report_assessment": False, "report_direction": False}
        )
        with self.assertRaisesRegex(UserError, "assessment"):
            document.action_issue()
        self.assertEqual(document.state, "draft")
        self.assertFalse(document.number)
        self.year.with_user(self.officer).write(
            {
                "report_assessment": "Phong trào được duy trì thường xuyên.",
                "report_direction": "Đổi mới phương pháp dạy học.",
            }
        )
        document.action_issue()
        self.assertEqual(document.state, "issued")
        self.assertRegex(document.number, r"^\d{2}/BC-THCSA$")
        issued = document.attachment_id.raw
        self.assertTrue(issued.startswith(b"%PDF"))
        # written after the issue: the stored PDF is printed, not the new text
        self.year.with_user(self.officer).report_assessment = "Đánh giá viết sau."
        pdf, _kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("school_emulation_report.report_year_end", self.year.ids)
        )
        self.assertEqual(pdf, issued)
        # the next report of the year takes the next number of the register
        self.assertEqual(
            self.school_a._se_next_number("report", document.date),
            "%02d/BC-THCSA" % (int(document.number.split("/")[0]) + 1),
        )
        with self.assertRaises(UserError):
            document.write({"signer_name": "Ai đó"})
