"""Two separate Odoo databases (issue 19): the school exports its dossier ZIP, the
commune imports it (every file checked against the manifest's SHA-256), answers
and decides; its decision file goes back and the school imports it into its
award history. Here the school and the commune are two companies that share
nothing: no link between them, only the files, as between two databases."""

import base64
import io
import json
import zipfile

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged
from odoo.tools.misc import find_in_path

from odoo.addons.school_emulation.tests.common import (
    PREFIX,
    ROLE_GROUPS,
    SchoolEmulationCase,
)
from odoo.addons.school_emulation.tools import package


@tagged("post_install", "-at_install")
class TestDossierExchange(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        env = cls.env
        cls.chair = env.ref(PREFIX + "authority_commune_chair")
        cls.form_xa = env.ref(PREFIX + "award_form_gk_xa_2025")
        # the school's database knows its commune by name only
        cls.school_a.write(
            {
                "emulation_superior_name": "UBND xã Thử Nghiệm",
                "emulation_doc_code": "THCSTA",
            }
        )
        cls.commune = env["res.company"].create(
            {"name": "UBND xã Thử Nghiệm", "emulation_level": "commune"}
        )
        cls.other_commune = env["res.company"].create(
            {"name": "UBND xã Bên Cạnh", "emulation_level": "commune"}
        )
        cls.x_officer, cls.y_officer = (
            new_test_user(
                env,
                login=login,
                password=login,
                groups=PREFIX + ROLE_GROUPS["officer"],
                company_id=company.id,
                company_ids=[company.id],
            )
            for login, company in (
                ("se_xx_officer", cls.commune),
                ("se_yy_officer", cls.other_commune),
            )
        )
        cls.x_year = cls._period("2040-2041", "2040-09-01", "2041-08-31", cls.commune)
        cls.officer = cls.users["officer"]
        env["ir.config_parameter"].sudo().set_param("report.url", "http://127.0.0.1:9")
        proposal = (
            env["school.emulation.proposal"]
            .with_user(cls.officer)
            .create(
                {
                    "period_id": cls.year.id,
                    "kind": "ad_hoc",
                    "description": "Đề nghị Giấy khen đột xuất",
                    "authority_id": cls.chair.id,
                    "company_id": cls.school_a.id,
                    "line_ids": [
                        Command.create(
                            {
                                "subject_type": "employee",
                                "employee_id": emp.id,
                                "award_form_id": cls.form_xa.id,
                                "award_type": "ad_hoc",
                                "achievement": f"Thành tích của {emp.name}",
                            }
                        )
                        for emp in (cls.emp_staff, cls.emp_other)
                    ],
                }
            )
        )
        cls._submit(proposal, cls.officer)
        cls.proposal = proposal.with_user(cls.officer)

    def _zip(self):
        if not find_in_path("wkhtmltopdf"):
            self.fail("wkhtmltopdf is required to render the documents")
        action = self.proposal.with_context(
            force_report_rendering=True
        ).action_dossier_bundle()
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].split("/")[3].split("?")[0])
        )
        return attachment.with_user(self.officer).raw

    def _import(self, user, data, name="ho-so.zip"):
        wizard = (
            self.env["school.emulation.file.import"]
            .with_user(user)
            .create({"file": base64.b64encode(data), "filename": name})
        )
        return wizard.action_import()

    def _inboxes(self):
        return self.env["school.emulation.inbox"].search(
            [("company_id", "=", self.commune.id)]
        )

    @staticmethod
    def _rezip(data, change):
        """The ZIP with ``change(name, bytes) -> bytes or None`` applied."""
        source = zipfile.ZipFile(io.BytesIO(data))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as target:
            for info in source.infolist():
                content = change(info.filename, source.read(info.filename))
                if content is not None:
                    target.writestr(info.filename, content)
        return buffer.getvalue()

    def test_a_round_between_two_databases(self):
        self.assertFalse(self.proposal.receiving_company_id, "no link: another DB")
        data = self._zip()
        manifest = json.loads(zipfile.ZipFile(io.BytesIO(data)).read("manifest.json"))
        self.assertEqual(manifest["package"]["superior"], "UBND xã Thử Nghiệm")
        self.assertEqual(len(manifest["package"]["candidates"]), 2)

        action = self._import(self.x_officer, data)
        inbox = self.env["school.emulation.inbox"].browse(action["res_id"])
        self.assertEqual(inbox.company_id, self.commune)
        self.assertEqual((inbox.origin, inbox.state), ("import", "waiting"))
        self.assertEqual(inbox.sender_name, self.school_a.name)
        self.assertFalse(inbox.sender_company_id)
        self.assertEqual(inbox.to_trinh_number, self.proposal.to_trinh_number)
        self.assertEqual(inbox.period_id, self.x_year)
        self.assertEqual(inbox.authority_id, self.chair)
        self.assertEqual(
            sorted(inbox.line_ids.mapped("subject_name")),
            sorted((self.emp_staff | self.emp_other).mapped("name")),
        )
        self.assertEqual(set(inbox.line_ids.award_form_id.mapped("code")), {"GK_XA"})
        names = inbox.attachment_ids.mapped("name")
        self.assertIn("00_Bang_ke_ho_so.pdf", names)
        self.assertIn("ho-so.zip", names)
        self.assertEqual(
            inbox.activity_ids.activity_type_id,
            self.env.ref(PREFIX + "mail_activity_se_receive"),
        )
        self.assertEqual(inbox.activity_ids.user_id, self.x_officer)

        # the second import of the same ZIP is refused
        with self.assertRaises(UserError) as caught:
            self._import(self.x_officer, data)
        self.assertIn("already imported", str(caught.exception))
        self.assertEqual(self._inboxes(), inbox)

        # the commune decides; its decision file goes back to the school
        inbox.with_user(self.x_officer).action_accept("2041-06-01")
        commune_proposal = (
            self.env["school.emulation.proposal"]
            .with_user(self.x_officer)
            .create(
                {
                    "period_id": self.x_year.id,
                    "kind": "ad_hoc",
                    "authority_id": self.chair.id,
                    "company_id": self.commune.id,
                }
            )
        )
        commune_proposal.action_fill_from_received()
        commune_proposal.line_ids.action_approve()
        self._submit(commune_proposal, self.x_officer)
        decision_action = commune_proposal.action_record_decision()
        decision = (
            self.env["school.emulation.decision"]
            .with_user(self.x_officer)
            .browse(decision_action["res_id"])
        )
        decision.write({"date": "2041-06-20", "signer": "Chủ tịch UBND xã"})
        decision.action_confirm()
        self.assertEqual(inbox.state, "decided")
        self.assertFalse(
            self.env["school.emulation.award"].search(
                [("company_id", "=", self.school_a.id), ("source", "=", "superior")]
            ),
            "nothing reaches another database by itself",
        )
        url = decision.action_export_decision_file()["url"]
        file = self.env["ir.attachment"].browse(int(url.split("/")[3].split("?")[0]))
        decision_file = file.raw

        # tampered, or from a body that is not the school's superior: refused
        payload = json.loads(decision_file)
        payload["awards"][0]["subject_name"] = "Người khác"
        with self.assertRaises(UserError) as caught:
            self._import(self.officer, json.dumps(payload).encode(), "qd.json")
        self.assertIn("SHA-256", str(caught.exception))
        forged = package.seal({**json.loads(decision_file), "body": "UBND xã Bên Cạnh"})
        with self.assertRaises(UserError) as caught:
            self._import(self.officer, json.dumps(forged).encode(), "qd.json")
        self.assertIn("UBND xã Bên Cạnh", str(caught.exception))

        received = self.env["school.emulation.award"].browse(
            self._import(self.officer, decision_file, "qd.json")["domain"][0][2]
        )
        self.assertEqual(len(received), 2)
        self.assertEqual(set(received.mapped("company_id")), {self.school_a})
        self.assertEqual(set(received.mapped("source")), {"superior"})
        self.assertEqual(set(received.mapped("decision_number")), {decision.name})
        self.assertEqual(
            sorted(received.mapped("so_vang_number")),
            sorted(decision.award_ids.mapped("so_vang_number")),
        )
        self.assertIn(
            received.filtered(lambda a: a.employee_id == self.emp_staff),
            self.emp_staff.emulation_award_ids,
        )
        self.assertEqual(self.proposal.state, "decided")
        with self.assertRaises(UserError) as caught:
            self._import(self.officer, decision_file, "qd.json")
        self.assertIn("already imported", str(caught.exception))
        self.assertEqual(
            self.env["school.emulation.award"].search_count(
                [("company_id", "=", self.school_a.id), ("source", "=", "superior")]
            ),
            2,
        )

    def test_a_changed_incomplete_or_misaddressed_zip_is_refused_whole(self):
        data = self._zip()
        first = next(
            n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if n[:2] == "01"
        )
        changed = self._rezip(data, lambda n, d: d + b" " if n == first else d)
        incomplete = self._rezip(
            data, lambda n, d: None if n == "00_Bang_ke_ho_so.pdf" else d
        )
        for bad, expected in (
            (changed, first),
            (incomplete, "00_Bang_ke_ho_so.pdf"),
            (b"not a zip", "ZIP"),
        ):
            with self.assertRaises(UserError) as caught:
                self._import(self.x_officer, bad)
            self.assertIn(expected, str(caught.exception))
            self.assertIn("nothing was imported", str(caught.exception))
        with self.assertRaises(UserError) as caught:
            self._import(self.y_officer, data)
        self.assertIn("UBND xã Thử Nghiệm", str(caught.exception))
        self.assertFalse(
            self.env["school.emulation.inbox"].search(
                [("company_id", "in", (self.commune | self.other_commune).ids)]
            )
        )
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", "school.emulation.inbox")]
            )
        )
