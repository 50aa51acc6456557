from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import SchoolEmulationCase


@tagged("post_install", "-at_install")
class TestMovement(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls._setup_movement()

    def _new_movement(self, **vals):
        return self.env["school.emulation.movement"].create(
            {
                "name": "Phong trào",
                "period_id": self.year.id,
                "company_id": self.school_a.id,
                **vals,
            }
        )

    def test_transitions_allowed(self):
        """draft -> launched -> running -> closed -> summarised, as the officer."""
        movement = self._new_movement().with_user(self.users["officer"])
        for action, state in (
            ("action_launch", "launched"),
            ("action_start", "running"),
            ("action_close", "closed"),
            ("action_start", "running"),
            ("action_close", "closed"),
            ("action_summarise", "summarised"),
        ):
            getattr(movement, action)()
            self.assertEqual(movement.state, state)
        self.assertTrue(movement.message_ids, "state changes are tracked")

    def test_transitions_refused(self):
        movement = self._new_movement().with_user(self.users["officer"])
        for action in ("action_start", "action_close", "action_summarise"):
            with self.subTest(action=action), self.assertRaises(UserError):
                getattr(movement, action)()
        movement.action_launch()
        with self.assertRaises(UserError):
            movement.action_summarise()
        movement.action_reset_to_draft()
        self.assertEqual(movement.state, "draft")

    def test_summarised_is_final(self):
        movement = self._new_movement().with_user(self.users["officer"])
        movement.action_launch()
        movement.action_start()
        movement.action_close()
        movement.action_summarise()
        for action in ("action_start", "action_close", "action_reset_to_draft"):
            with self.subTest(action=action), self.assertRaises(UserError):
                getattr(movement, action)()

    def test_only_officer_moves_a_movement(self):
        movement = self._new_movement()
        for role in ("staff", "leader", "council"):
            with self.subTest(role=role), self.assertRaises(UserError):
                movement.with_user(self.users[role]).action_launch()
        self.assertEqual(movement.state, "draft")

    def test_launch_schedules_deadline_activities(self):
        movement = self._new_movement(
            registration_deadline="2040-10-15",
            scoring_deadline="2041-05-20",
            responsible_id=self.users["officer"].id,
        )
        movement.with_user(self.users["officer"]).action_launch()
        register = self.env.ref("school_emulation.mail_activity_se_register")
        deadlines = movement.activity_ids.filtered(
            lambda a: a.activity_type_id != register
        )
        self.assertEqual(
            sorted(str(d) for d in deadlines.mapped("date_deadline")),
            ["2040-10-15", "2041-05-20"],
        )
        self.assertEqual(deadlines.user_id, self.users["officer"])
        # the staff are asked to register by the registration deadline
        asked = movement.activity_ids - deadlines
        self.assertTrue(asked)
        self.assertEqual(
            {str(d) for d in asked.mapped("date_deadline")}, {"2040-10-15"}
        )

    def test_dates_checked(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.cr.savepoint():
                self._new_movement(date_start="2041-01-01", date_end="2040-01-01")

    def test_form_defaults(self):
        officer = self.users["officer"]
        with Form(self.env["school.emulation.movement"].with_user(officer)) as form:
            form.name = "Thi đua chào mừng 20/11"
            form.period_id = self.year
        self.assertEqual(form.record.responsible_id, officer)
        self.assertEqual(form.record.state, "draft")


@tagged("post_install", "-at_install")
class TestCriteriaVersions(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls._setup_movement()

    def test_sections_and_max_total(self):
        criteria = self.cset.criterion_ids.filtered(lambda c: not c.display_type)
        self.assertEqual(
            criteria.mapped("section")[:2], ["I. Chuyên môn", "I. Chuyên môn"]
        )
        self.assertEqual(self.cset.max_total, 90)

    def test_set_locks_once_scored_and_new_version_keeps_old_scores(self):
        reg = self._register(self.emp_staff)
        reg.with_user(self.users["staff"]).action_submit()
        reg.with_user(self.users["leader"]).action_accept()
        self.assertFalse(self.cset.is_locked)
        line = reg.score_ids[0]
        line.with_user(self.users["staff"]).self_score = 45
        self.cset.invalidate_recordset(["is_locked"])
        self.assertTrue(self.cset.is_locked)
        with self.assertRaisesRegex(UserError, "new version"):
            self.cset.criterion_ids[1].max_points = 60
        with self.assertRaisesRegex(UserError, "new version"):
            self.cset.criterion_ids[1].unlink()
        action = self.cset.with_user(self.users["officer"]).action_new_version()
        new = self.env["school.emulation.criterion.set"].browse(action["res_id"])
        self.assertEqual((new.version, new.previous_id), (2, self.cset))
        self.assertEqual(len(new.criterion_ids), len(self.cset.criterion_ids))
        self.assertEqual(self.movement.criterion_set_id, new, "the movement moves on")
        new.criterion_ids.filtered(lambda c: c.name == "Giảng dạy").max_points = 60
        self.assertEqual(
            reg.criterion_set_id, self.cset, "old scores keep their version"
        )
        self.assertEqual(line.max_points, 50)
        reg2 = self._register(self.emp_other)
        self.assertEqual(reg2.criterion_set_id, new)

    def test_invalid_criterion_refused(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.cr.savepoint():
                self.env["school.emulation.criterion"].create(
                    {"set_id": self.cset.id, "name": "Sai", "max_points": 0}
                )
        with self.assertRaises(ValidationError):
            self.env["school.emulation.band"].create(
                {"set_id": self.cset.id, "name": "Âm", "min_total": -1}
            )
