"""Each issuer's own document (issue 17): the school's Tờ trình to the commune's
chair, the commune's decision and certificates in the commune's name and marked
DỰ THẢO until signed, a group's proposal signed by its leader; legal bases cited
in the official form; draft, edit and issue of a document (school.emulation.document),
the issued PDF printed ever after."""

import io
import re
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase
from odoo.tools.misc import find_in_path


def _text(html):
    """Visible text of rendered HTML, blanks collapsed."""
    html = re.sub(r"<style.*?</style>|<script.*?</script>", "", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&amp;", "&")


@tagged("post_install", "-at_install")
class TestLegalBasisCitation(TransactionCase):
    """The official wording of a citation, from the catalogue's fields."""

    def _basis(self, **vals):
        return self.env["school.emulation.legal.basis"].create(
            {"reliability": "verified", **vals}
        )

    def test_decree_cites_number_date_issuer_and_summary(self):
        basis = self._basis(
            number="999/2031/NĐ-CP",
            name="Quy định chi tiết thi hành một số điều của Luật Thử nghiệm",
            document_type="decree",
            issuer="Chính phủ",
            date_issued=date(2031, 2, 5),
        )
        self.assertEqual(
            basis.citation,
            "Nghị định số 999/2031/NĐ-CP ngày 05 tháng 02 năm 2031 của Chính phủ "
            "quy định chi tiết thi hành một số điều của Luật Thử nghiệm",
        )

    def test_law_by_name_and_date(self):
        basis = self._basis(
            number="99/2031/QH15",
            name="Luật Thử nghiệm",
            document_type="law",
            issuer="Quốc hội",
            date_issued=date(2031, 6, 16),
        )
        self.assertEqual(basis.citation, "Luật Thử nghiệm ngày 16 tháng 6 năm 2031")

    def test_circular_is_the_ministers_and_local_bodies_spelt_out(self):
        circular = self._basis(
            number="98/2031/TT-BGDĐT",
            name="Hướng dẫn thử nghiệm",
            document_type="circular",
            issuer="Bộ Giáo dục và Đào tạo",
        )
        self.assertEqual(
            circular.citation,
            "Thông tư số 98/2031/TT-BGDĐT của Bộ trưởng Bộ Giáo dục và Đào tạo "
            "hướng dẫn thử nghiệm",
        )
        decision = self._basis(
            number="97/2031/QĐ-UBND",
            name="Quy định thử nghiệm",
            citation_summary="ban hành Quy định thử nghiệm",
            document_type="decision",
            issuer="UBND tỉnh Quảng Ninh",
            date_issued=date(2031, 10, 30),
        )
        self.assertEqual(
            decision.citation,
            "Quyết định số 97/2031/QĐ-UBND ngày 30 tháng 10 năm 2031 của Ủy ban nhân "
            "dân tỉnh Quảng Ninh ban hành Quy định thử nghiệm",
        )

    def test_catalogue_has_the_local_government_law(self):
        law = self.env.ref("school_emulation.legal_basis_luat_72_2025")
        self.assertEqual(
            law.citation, "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025"
        )
        decree = self.env.ref("school_emulation.legal_basis_nd_152_2025")
        self.assertEqual(
            decree.citation,
            "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy "
            "định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
        )


@tagged("post_install", "-at_install")
class TestRegisterPadding(TransactionCase):
    def test_a_register_with_another_padding_gives_two_digits_from_now_on(self):
        school = self.env["res.company"].create(
            {"name": "THCS Padding", "emulation_doc_code": "THCSPD"}
        )
        register = school._se_register("to_trinh")
        register.padding = 4  # as an older register was made
        first = school._se_next_number("to_trinh", date(2031, 3, 2))
        second = school._se_next_number("to_trinh", date(2031, 3, 3))
        self.assertEqual(first, "01/TTr-THCSPD")
        self.assertEqual(second, "02/TTr-THCSPD")
        self.assertEqual(register.padding, 2)


# reads the demo school: run on a database with demo (scripts/test.sh, database 2)
@tagged("post_install", "-at_install", "school_emulation_demo")
class TestDocumentIssue(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the demo users read Vietnamese, which the test database may not have
        # loaded: the documents are Vietnamese whatever the reader's language
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        ref = cls.env.ref
        cls.proposal = ref("school_emulation.proposal_2025_school_demo")
        cls.decision = cls.proposal.decision_ids  # 215/QĐ-UBND of the commune
        cls.school = cls.proposal.company_id
        cls.school.write(
            {
                "emulation_superior_name": "UBND xã Xuân Sơn",
                "emulation_superior_full_name": "Ủy ban nhân dân xã Xuân Sơn",
                "emulation_superior_head_title": (
                    "Chủ tịch Ủy ban nhân dân xã Xuân Sơn"
                ),
                "emulation_superior_signer_title": "CHỦ TỊCH",
                "emulation_place": "Xuân Sơn",
                "emulation_doc_code": "THCSXS",
            }
        )
        cls.officer = ref("school_emulation.user_officer_demo")
        cls.teacher = ref("school_emulation.user_teacher_demo")
        cls.group_proposal = cls.env["school.emulation.proposal"].search(
            [("level", "=", "group"), ("company_id", "=", cls.school.id)], limit=1
        )
        cls.school_decision = cls.env["school.emulation.decision"].search(
            [
                ("authority_id.level", "=", "school"),
                ("company_id", "=", cls.school.id),
                ("award_ids.student_id", "!=", False),
            ],
            limit=1,
        )
        cls.Report = cls.env["ir.actions.report"]
        cls.Document = cls.env["school.emulation.document"]
        # wkhtmltopdf must not fetch assets from the test server
        cls.env["ir.config_parameter"].sudo().set_param(
            "report.url", "http://127.0.0.1:9"
        )

    def _html(self, report, records, user=None):
        Report = self.Report.with_user(user) if user else self.Report
        html, _kind = Report.with_context(lang="en_US")._render_qweb_html(
            f"school_emulation_report.{report}", records.ids
        )
        return _text(html.decode())

    def _pdf(self, report, records, user=None):
        if not find_in_path("wkhtmltopdf"):
            self.fail("wkhtmltopdf is required to render the documents")
        Report = self.Report.with_user(user) if user else self.Report
        pdf, kind = Report.with_context(
            force_report_rendering=True, lang="en_US"
        )._render_qweb_pdf(f"school_emulation_report.{report}", records.ids)
        self.assertEqual(kind, "pdf")
        return pdf

    # --- each issuer's own document ------------------------------------------
    def test_proposal_letter_is_addressed_to_the_commune_chair(self):
        text = self._html("report_proposal", self.proposal)
        self.assertIn("Kính gửi: Chủ tịch Ủy ban nhân dân xã Xuân Sơn", text)
        self.assertNotIn("cấp xã", text)
        self.assertIn(f"Số: {self.proposal.to_trinh_number}", text)
        self.assertRegex(self.proposal.to_trinh_number, r"^\d{2}/TTr-THCSXS$")
        # the title, then the summary under it only: no công văn "V/v" line
        self.assertIn("TỜ TRÌNH Về việc đề nghị xét tặng danh hiệu thi đua", text)
        self.assertNotIn("V/v", text)
        self.assertIn(
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", text
        )
        self.assertIn(
            "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính "
            "phủ quy định chi tiết",
            text,
        )
        self.assertIn("HIỆU TRƯỞNG", text)

    def test_commune_decision_is_the_communes_and_a_draft_until_signed(self):
        text = self._html("report_decision", self.decision)
        agency_block = text.split("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")[0]
        self.assertIn("ỦY BAN NHÂN DÂN XÃ XUÂN SƠN", agency_block)
        self.assertNotIn("TRƯỜNG THCS", agency_block)
        self.assertIn("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ XUÂN SƠN Căn cứ", text)
        self.assertNotIn("CẤP XÃ", text)
        self.assertIn(
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", text
        )
        self.assertNotIn("Căn cứ 152/2025/NĐ-CP -", text)  # never the raw record
        self.assertIn(
            f"Xét đề nghị của Trường THCS Xuân Sơn tại Tờ trình số "
            f"{self.proposal.to_trinh_number}",
            text,
        )
        self.assertIn("DỰ THẢO", text)
        # every page carries the mark: the decision and each page of its list
        pdf_pages = self._pdf_texts(self._pdf("report_decision", self.decision))
        self.assertGreaterEqual(len(pdf_pages), 2)
        for number, page in enumerate(pdf_pages, start=1):
            self.assertIn("DỰTHẢO", re.sub(r"\s+", "", page), f"page {number}")
        # the signed copy attached: the document is the commune's, no mark
        signed = self.env["ir.attachment"].create(
            {"name": "215-QD-UBND-signed.pdf", "raw": b"%PDF-1.4 signed"}
        )
        self.decision.with_user(self.officer).write(
            {"attachment_ids": [Command.link(signed.id)]}
        )
        self.assertNotIn("DỰ THẢO", self._html("report_decision", self.decision))

    def _pdf_texts(self, pdf):
        from ..tools.pdf_pages import page_texts

        return page_texts(pdf)

    def test_certificate_in_the_communes_name_rating_in_words(self):
        award = self.decision.award_ids.filtered(lambda a: a.title_code == "CSTDCS")[:1]
        self.assertIn("HTXSNV", award.achievement)  # the demo text has the code
        text = self._html("report_certificate", award)
        self.assertIn("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ XUÂN SƠN", text)
        self.assertIn("xếp loại hoàn thành xuất sắc nhiệm vụ", text)
        self.assertNotIn("HTXSNV", text)
        self.assertIn("Trường THCS Xuân Sơn", text)
        self.assertIn("DỰ THẢO", text)
        from PyPDF2 import PdfReader

        reader = PdfReader(io.BytesIO(self._pdf("report_certificate", award)))
        self.assertEqual(len(reader.pages), 1)
        box = reader.pages[0].mediabox
        self.assertGreater(float(box.width), float(box.height))

    def test_group_proposal_is_signed_by_its_leader_to_the_council(self):
        self.assertTrue(self.group_proposal)
        leader = self.group_proposal.department_id.manager_id
        text = self._html("report_proposal", self.group_proposal)
        self.assertIn(
            "Kính gửi: Hội đồng Thi đua - Khen thưởng Trường THCS Xuân Sơn", text
        )
        agency_block = text.split("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")[0]
        self.assertIn(self.group_proposal.department_id.name.upper(), agency_block)
        self.assertIn(f"TỔ TRƯỞNG {leader.name}", text)
        self.assertNotIn("HIỆU TRƯỞNG", text)

    def test_students_by_name_no_zero_money_no_zero_count(self):
        decision = self.school_decision
        self.assertTrue(decision)
        self.assertFalse(decision.bonus_total)
        student_award = decision.award_ids.filtered("student_id")[:1]
        student = student_award.student_id
        text = self._html("report_decision", decision)
        self.assertIn(student.name, text)
        self.assertNotIn(f"[{student.code}]", text)
        self.assertNotIn("Tiền thưởng", text)
        self.assertNotIn("0 tập thể", text)
        self.assertIn(f"cho {len(decision.award_ids)} cá nhân", text)
        self.assertIn("Điều 2. Quyết định có hiệu lực", text)
        cert = self._html("report_certificate", student_award)
        self.assertIn(student.name, cert)
        self.assertNotIn(student.code, cert)

    # --- draft, edit, issue ----------------------------------------------------
    def _prepare(self, record, document_type, user=None):
        Document = self.Document.with_user(user or self.officer)
        action = Document.action_prepare_document(
            record._name, record.ids, document_type
        )
        return Document.browse(action["res_id"])

    def test_only_the_officer_prepares_and_edits(self):
        with self.assertRaises(UserError):
            self._prepare(self.proposal, "report_proposal", user=self.teacher)
        with self.assertRaises(UserError):
            self.Document.with_user(self.officer).action_prepare_document(
                "school.emulation.decision", self.decision.ids, "report_proposal"
            )
        document = self._prepare(self.proposal, "report_proposal")
        with self.assertRaises(UserError):
            document.with_user(self.teacher).write({"signer_name": "X"})
        with self.assertRaises(AccessError):
            document.with_user(self.teacher).read(["body"])
        with self.assertRaises(UserError):  # sources come from the server
            document.with_user(self.officer).write({"res_id": self.decision.id})

    def test_prepare_edit_issue_then_the_same_pdf(self):
        document = self._prepare(self.proposal, "report_proposal")
        self.assertEqual(document.state, "draft")
        self.assertEqual(document.proposal_id, self.proposal)
        self.assertIn("Luật Thi đua, khen thưởng", document.legal_basis_text)
        self.assertIn("kính đề nghị", str(document.body))
        self.assertEqual(document.signer_title, "HIỆU TRƯỞNG")
        # preparing again opens the same draft
        self.assertEqual(self._prepare(self.proposal, "report_proposal"), document)
        # the officer edits: the print shows the edited texts
        document.with_user(self.officer).write(
            {
                "legal_basis_text": document.legal_basis_text
                + "\nCăn cứ Kế hoạch số 12/KH-THCSXS của nhà trường;",
                "body": "<p>Nhà trường trân trọng đề nghị xét khen thưởng.</p>",
                "signer_title": "KT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG",
                "signer_name": "Trần Thị Mai",
            }
        )
        text = self._html("report_proposal", self.proposal)
        self.assertIn("Căn cứ Kế hoạch số 12/KH-THCSXS của nhà trường;", text)
        self.assertIn("Nhà trường trân trọng đề nghị xét khen thưởng.", text)
        self.assertNotIn("kính đề nghị", text.split("DANH SÁCH")[0])
        self.assertIn("Trần Thị Mai", text)
        # a non-officer cannot issue
        with self.assertRaises(UserError):
            document.with_user(self.teacher).action_issue()
        document.with_user(self.officer).action_issue()
        self.assertEqual(document.state, "issued")
        self.assertEqual(document.number, self.proposal.to_trinh_number)
        attachment = document.attachment_id
        self.assertEqual(
            (attachment.res_model, attachment.res_id),
            (self.proposal._name, self.proposal.id),
        )
        self.assertTrue(attachment.raw.startswith(b"%PDF"))
        # later data changes do not change the issued document
        self.school.emulation_head_name = "Người Khác"
        first = self._pdf("report_proposal", self.proposal, user=self.officer)
        second = self._pdf("report_proposal", self.proposal)
        self.assertEqual(first, attachment.raw)
        self.assertEqual(second, attachment.raw)
        # frozen on the server, whoever calls
        with self.assertRaises(UserError):
            document.with_user(self.officer).write({"signer_name": "Ai đó"})
        with self.assertRaises(UserError):
            document.sudo().write({"body": "<p>changed</p>"})
        with self.assertRaises(UserError):
            document.with_user(self.officer).unlink()
        with self.assertRaises(UserError):
            document.with_user(self.officer).action_issue()

    def test_a_draft_document_can_be_dropped_and_generated_again(self):
        document = self._prepare(self.decision, "report_decision")
        self.assertIn(
            "Căn cứ Luật Tổ chức chính quyền địa phương", document.legal_basis_text
        )
        self.assertEqual(document.signer_title, "CHỦ TỊCH")
        document.with_user(self.officer).unlink()
        self.assertFalse(document.exists())
        again = self._prepare(self.decision, "report_decision")
        self.assertTrue(again)
