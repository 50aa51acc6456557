"""One-click lists and a checklist that tells the truth (issue 18): a group's
proposal filled from its accepted registrations in ranking order; pickers offer
the catalogue version in force at the year's end, by its plain name; an empty
checklist is not complete and the documents the software writes fill their own
rows; the dossier's acceptance day is recorded from a dialog."""

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SchoolEmulationCase


@tagged("post_install", "-at_install")
class TestOneClickLists(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_year()
        cls.officer = cls.users["officer"]
        cls.leader = cls.users["leader"]

    def _group_proposal(self, user):
        return (
            self.env["school.emulation.proposal"]
            .with_user(user)
            .create(
                {
                    "period_id": self.year.id,
                    "level": "group",
                    "department_id": self.dept.id,
                    "company_id": self.school_a.id,
                }
            )
        )

    def test_group_proposal_filled_from_accepted_registrations(self):
        proposal = self._group_proposal(self.leader)
        accepted = self.env["school.emulation.registration"].search(
            [
                ("movement_id.period_id", "=", self.year.id),
                ("state", "=", "accepted"),
                ("employee_id.department_id", "=", self.dept.id),
            ],
            order="total_score desc, id",
        )
        self.assertTrue(accepted)
        proposal.with_user(self.leader).action_fill_from_registrations()
        lines = proposal.line_ids.sorted("id")
        self.assertEqual(lines.employee_id, accepted.employee_id)
        self.assertEqual(lines[0].employee_id, accepted[0].employee_id)
        self.assertEqual(lines.title_id, accepted.title_id)
        # a second click adds nothing twice
        proposal.with_user(self.leader).action_fill_from_registrations()
        self.assertEqual(len(proposal.line_ids), len(lines))
        # not for another group's leader or a staff member, nor once reviewed
        with self.assertRaises(UserError):
            proposal.with_user(self.users["staff"]).action_fill_from_registrations()
        proposal.with_user(self.leader).action_group_review()
        with self.assertRaisesRegex(UserError, "draft"):
            proposal.with_user(self.leader).action_fill_from_registrations()

    def test_title_picker_offers_the_version_in_force_by_its_name(self):
        Title = self.env["school.emulation.title"]
        line_field = self.env["school.emulation.proposal.line"]._fields["title_id"]
        self.assertIn("period_date_end", line_field.domain)
        offered = Title.search(
            [
                ("date_start", "<=", self.year.date_end),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", self.year.date_end),
                ("company_id", "in", [self.school_a.id, False]),
                ("is_default_variant", "=", True),
                ("code", "=", "LDTT"),
            ]
        )
        self.assertEqual(len(offered), 1)
        self.assertEqual(offered.display_name, offered.name)
        self.assertNotIn("/", offered.display_name)
        # the catalogue, where versions are compared, shows their dates
        versioned = offered.with_context(se_title_version=True).display_name
        self.assertIn(offered.date_start.strftime("%d/%m/%Y"), versioned)

    def test_checklist_is_done_only_when_it_is(self):
        proposal = self._group_proposal(self.officer)
        self.assertFalse(proposal.checklist_done, "an empty checklist is not done")
        proposal.write(
            {
                "line_ids": [
                    Command.create(
                        {
                            "subject_type": "employee",
                            "employee_id": self.emp_staff.id,
                            "title_id": self.cstdcs.id,
                        }
                    )
                ]
            }
        )
        proposal._prepare_documents()
        rows = {d.item_type_id.code: d for d in proposal.document_ids}
        # the Tờ trình and its list are written by the software at submission
        self.assertTrue(rows["TO_TRINH"].done)
        # the minutes: once the council's sessions of the proposal are closed
        self.assertFalse(rows["BIEN_BAN"].done)
        self.assertFalse(proposal.checklist_done)
        decided = self.proposal_decided
        decided._prepare_documents()
        minutes = decided.document_ids.filtered(
            lambda d: d.item_type_id.code == "BIEN_BAN"
        )
        self.assertTrue(minutes.done)

    def test_dossier_acceptance_recorded_from_its_dialog(self):
        proposal = self.proposal_submitted
        action = proposal.with_user(self.officer).action_open_acceptance()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.officer)
            .with_context(action["context"])
            .create({"accepted_date": proposal.submitted_date})
        )
        wizard.action_confirm()
        self.assertEqual(proposal.accepted_date, proposal.submitted_date)
        self.assertTrue(proposal.rule_basis_id)
        with self.assertRaises(UserError):
            self.env[action["res_model"]].with_user(self.users["staff"]).create(
                {
                    "proposal_id": proposal.id,
                    "accepted_date": fields.Date.to_date("2041-07-01"),
                }
            ).action_confirm()
