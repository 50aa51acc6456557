"""Documents and files of one school stay with the people who may read them (issue
15): another school's users render none of its reports, and the dossier ZIP, which
holds the council and ballot-count minutes, reaches no teacher."""

import io
import zipfile

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.school_emulation.tests.common import SchoolEmulationCase

# dossier file names (issue 17): "NN_Bien_ban_hop_...", "NN_Bien_ban_kiem_phieu_..."
MINUTES = "_Bien_ban_"


def is_minutes(name):
    return MINUTES in name


@tagged("post_install", "-at_install", "isolation")
class TestIsolationReports(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_year()
        cls.proposal = cls.proposal_decided
        cls.users_b = cls._role_users(cls.school_b, "se_isor_{role}_b")
        cls.officer_a = cls.users["officer"]
        cls.teacher_a = cls.users["staff"]
        cls.council_a = cls.users["council"]
        if not cls.proposal.with_user(cls.teacher_a).has_access("read"):
            raise AssertionError("the teacher must read the (posted) proposal")

    def _record(self, model):
        return self.env[model].search([("company_id", "=", self.school_a.id)], limit=1)

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_other_school_reaches_no_document(self):
        """Rule: a prepared document (school.emulation.document, the addon's own
        stored model) of school A is hidden from every role of school B, and the
        report addon's stored models all have a global rule."""
        Document = self.env["school.emulation.document"]
        action = Document.with_user(self.officer_a).action_prepare_document(
            "school.emulation.proposal", self.proposal.ids, "report_proposal"
        )
        document = Document.search(action["domain"])
        self.assertEqual(document.company_id, self.school_a)
        for role, user in self.users_b.items():
            with self.subTest(role=role):
                try:  # officers search and find nothing; the others may not search
                    found = Document.with_user(user).search([("id", "=", document.id)])
                except AccessError:
                    found = Document
                self.assertFalse(found)
                with self.assertRaises(AccessError):
                    document.with_user(user).read(["body"])
                with self.assertRaises(UserError):  # AccessError is one
                    document.with_user(user).write({"body": "<p>x</p>"})
        own = (
            self.env["ir.model"]
            .search([("model", "=like", "school.%")])
            .filtered(
                lambda m: self.env[m.model]._original_module
                == "school_emulation_report"
                and not self.env[m.model]._abstract
                and self.env[m.model]._auto
            )
        )
        self.assertIn("school.emulation.document", own.mapped("model"))
        for model in own:
            with self.subTest(model=model.model):
                self.assertTrue(
                    self.env["ir.rule"].search(
                        [("model_id", "=", model.id), ("global", "=", True)]
                    ),
                    f"{model.model} has no global rule",
                )

    def test_a_client_cannot_issue_a_document_by_writing_its_state(self):
        """Rule: "issued" is reached only through Issue (which stores the PDF): the
        officer's own client writing ``state`` or the number is refused."""
        Document = self.env["school.emulation.document"].with_user(self.officer_a)
        action = Document.action_prepare_document(
            "school.emulation.proposal", self.proposal.ids, "report_proposal"
        )
        document = Document.search(action["domain"])
        self.assertEqual(document.state, "draft")
        with self.assertRaises(UserError):
            document.write({"state": "issued"})
        with self.assertRaises(UserError):
            Document.with_context(default_state="issued").create(
                {
                    "document_type": "report_proposal",
                    "res_model": "school.emulation.proposal",
                    "res_id": self.proposal.id,
                    "company_id": self.school_a.id,
                }
            )
        self.assertEqual(document.state, "draft")

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_other_school_renders_no_report(self):
        """Rule: every report of the addon, on a record of school A, is refused to
        every role of school B (HTML and PDF)."""
        reports = self.env["ir.actions.report"].search(
            [("report_name", "=like", "school_emulation_report.%")]
        )
        self.assertTrue(reports)
        for report in reports:
            record = self._record(report.model)
            with self.subTest(report=report.report_name):
                self.assertTrue(record, f"no record of school A for {report.model}")
            for role, user in self.users_b.items():
                with self.subTest(report=report.report_name, role=role):
                    Report = self.env["ir.actions.report"].with_user(user)
                    with self.assertRaises(AccessError):
                        Report._render_qweb_html(report.report_name, record.ids)
                    with self.assertRaises(AccessError):
                        Report._render_qweb_pdf(report.report_name, record.ids)

    @mute_logger("odoo.models")
    def test_teacher_does_not_build_the_dossier(self):
        """Rule: only the officer builds the dossier; a teacher who reads the
        proposal but not the council sessions is refused."""
        proposal = self.proposal.with_user(self.teacher_a)
        before = self.env["ir.attachment"].search_count([])
        with self.assertRaises(AccessError):
            proposal.action_dossier_bundle()
        self.assertEqual(self.env["ir.attachment"].search_count([]), before)

    def test_dossier_holds_only_what_its_reader_reads(self):
        """Rule: the files of the dossier are built with the reader's rights: a
        teacher's set has no council or ballot-count minutes."""
        files = self.proposal.with_user(self.teacher_a)._dossier_files()
        names = [name for name, _data in files]
        self.assertTrue(any("_Danh_sach_de_nghi" in n for n in names), names)
        self.assertFalse([n for n in names if is_minutes(n)], names)
        officer_names = [
            name
            for name, _data in self.proposal.with_user(self.officer_a)._dossier_files()
        ]
        self.assertTrue([n for n in officer_names if is_minutes(n)])

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_attachment")
    def test_built_dossier_is_not_readable_by_a_teacher(self):
        """Rule: a dossier built by the officer is readable by that officer only,
        not by a teacher or a council member who read the proposal."""
        action = self.proposal.with_user(self.officer_a).action_dossier_bundle()
        attachment_id = int(action["url"].split("/")[3].split("?")[0])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        self.assertFalse(attachment.res_id)  # its builder's alone
        archive = zipfile.ZipFile(io.BytesIO(attachment.with_user(self.officer_a).raw))
        self.assertTrue([n for n in archive.namelist() if is_minutes(n)])
        for user in (self.teacher_a, self.council_a, self.users_b["officer"]):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    attachment.with_user(user).check("read")
                with self.assertRaises(AccessError):
                    attachment.with_user(user).read(["raw"])

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_attachment")
    def test_exports_are_their_builders_alone(self):
        """Rule: an Excel file built by the officer (rows read with the officer's
        rights, students included) is not readable by a teacher who reads the
        same record."""
        action = self.proposal.with_user(self.officer_a).action_export_xlsx()
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].split("/")[3].split("?")[0])
        )
        self.assertTrue(attachment.with_user(self.officer_a).raw)
        with self.assertRaises(AccessError):
            attachment.with_user(self.teacher_a).check("read")
        movement = self._record("school.emulation.movement")
        action = movement.with_user(self.officer_a).action_export_xlsx()
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].split("/")[3].split("?")[0])
        )
        with self.assertRaises(AccessError):
            attachment.with_user(self.teacher_a).check("read")
