"""The deadline calendar (issue 18): every deadline and session of the year in
one view, the session on the school's local date, overdue steps flagged against
the school's today, and each role seeing only its own part."""

from datetime import datetime
from unittest.mock import patch

from odoo import Command
from odoo.tests import tagged

from .common import SchoolEmulationCase


@tagged("post_install", "-at_install")
class TestDeadline(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls.officer = cls.users["officer"]
        cls.movement = cls.env["school.emulation.movement"].create(
            {
                "name": "Dạy tốt - Học tốt",
                "period_id": cls.year.id,
                "company_id": cls.school_a.id,
                "registration_deadline": "2040-10-15",
                "scoring_deadline": "2041-05-20",
                "date_end": "2041-05-31",
            }
        )
        cls.draft_movement = cls.env["school.emulation.movement"].create(
            {
                "name": "Chưa phát động",
                "period_id": cls.year.id,
                "company_id": cls.school_a.id,
                "registration_deadline": "2040-10-20",
            }
        )
        cls.movement.with_user(cls.officer).action_launch()
        cls.proposal = (
            cls.env["school.emulation.proposal"]
            .with_user(cls.officer)
            .create(
                {
                    "period_id": cls.year.id,
                    "level": "school",
                    "deadline": "2041-06-10",
                    "company_id": cls.school_a.id,
                }
            )
        )
        _users, employees = cls._council_members(1, "se_dl_council", "Ủy viên")
        cls.council = cls._council("Hội đồng", employees)
        cls.school_a.partner_id.tz = "Asia/Ho_Chi_Minh"
        # 20:00 UTC on 3 June is 03:00 on 4 June in the school
        cls.session = (
            cls.env["school.emulation.council.session"]
            .with_user(cls.officer)
            .create(
                {
                    "name": "Họp xét cuối năm",
                    "council_id": cls.council.id,
                    "date": "2041-06-03 20:00:00",
                    "proposal_ids": [Command.set(cls.proposal.ids)],
                }
            )
        )

    def _deadlines(self, user):
        return (
            self.env["school.emulation.deadline"]
            .with_user(user)
            .search([("period_id", "=", self.year.id)])
        )

    def test_every_deadline_of_the_year_in_one_calendar(self):
        rows = self._deadlines(self.officer)
        found = {(r.kind, str(r.date)) for r in rows}
        self.assertEqual(
            found,
            {
                ("registration", "2040-10-15"),
                ("scoring", "2041-05-20"),
                ("movement_end", "2041-05-31"),
                ("dossier", "2041-06-10"),
                ("session", "2041-06-04"),
            },
        )
        # a movement not launched has no deadline yet
        self.assertNotIn(self.draft_movement, rows.movement_id)
        action = rows.filtered(lambda r: r.kind == "session").action_open_source()
        self.assertEqual(
            (action["res_model"], action["res_id"]),
            (self.session._name, self.session.id),
        )

    def test_overdue_is_against_the_schools_today(self):
        Deadline = self.env["school.emulation.deadline"]
        utc = datetime(2040, 10, 15, 18, 0)  # 16/10 01:00 in the school
        with patch.object(type(Deadline), "_se_utcnow", return_value=utc):
            rows = self._deadlines(self.officer)
            registration = rows.filtered(lambda r: r.kind == "registration")
            self.assertTrue(registration.overdue)
            self.assertFalse(rows.filtered(lambda r: r.kind == "scoring").overdue)
            overdue = Deadline.with_user(self.officer).search(
                [("overdue", "=", True), ("period_id", "=", self.year.id)]
            )
            self.assertEqual(overdue, registration)
        utc = datetime(2040, 10, 15, 10, 0)  # 15/10 17:00: still the day itself
        self.env.invalidate_all()
        with patch.object(type(Deadline), "_se_utcnow", return_value=utc):
            rows = self._deadlines(self.officer)
            self.assertFalse(rows.filtered(lambda r: r.kind == "registration").overdue)

    def test_each_role_sees_its_part_and_no_other_school(self):
        staff_rows = self._deadlines(self.users["staff"])
        self.assertEqual(
            set(staff_rows.mapped("kind")), {"registration", "scoring", "movement_end"}
        )
        council_rows = self._deadlines(self.users["council"])
        self.assertIn("session", council_rows.mapped("kind"))
        self.assertNotIn("dossier", council_rows.mapped("kind"))
        self.assertFalse(
            self.env["school.emulation.deadline"]
            .with_user(self.officer_b)
            .search([("company_id", "=", self.school_a.id)])
        )
