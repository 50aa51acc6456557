"""Policy lives in model methods a deployment overrides with ``_inherit``: here "the
deputy principal (a group leader) acts as the officer", played by replacing
``res.users._se_is_officer`` on the registry class, as an ``_inherit`` would."""

from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..models.school_emulation_state_mixin import check_officer, is_officer
from .common import SchoolEmulationCase


@tagged("post_install", "-at_install")
class TestPolicy(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls.leader = cls.users["leader"]
        cls.teacher = cls.users["staff"]
        cls.officer = cls.users["officer"]

    def _deputy_acts_as_officer(self):
        Users = type(self.env["res.users"])
        original = Users._se_is_officer
        leader_id = self.leader.id

        def _se_is_officer(user, company=None):
            return user.id == leader_id or original(user, company)

        return patch.object(Users, "_se_is_officer", _se_is_officer)

    def test_default_policy_is_the_officer_group(self):
        self.assertTrue(self.officer._se_is_officer())
        self.assertFalse(self.leader._se_is_officer())
        self.assertFalse(self.teacher._se_is_officer())
        with self.assertRaisesRegex(UserError, "officer only"):
            check_officer(self.env(user=self.leader), "officer only")

    def test_an_override_changes_every_check(self):
        Registration = self.env["school.emulation.registration"]
        with self._deputy_acts_as_officer():
            self.assertTrue(is_officer(self.env(user=self.leader)))
            check_officer(self.env(user=self.leader), "officer only")
            self.assertTrue(Registration.with_user(self.leader)._is_officer())
            self.assertFalse(Registration.with_user(self.teacher)._is_officer())
            with self.assertRaisesRegex(UserError, "officer only"):
                self.teacher._se_check_officer("officer only")
        self.assertFalse(Registration.with_user(self.leader)._is_officer())

    def test_registration_counters_are_model_methods(self):
        Registration = self.env["school.emulation.registration"]
        employees = self.env["hr.employee"].search(
            [("company_id", "=", self.school_a.id)]
        )
        counts = Registration._se_counts_by(employees, "employee_id")
        for employee in employees:
            self.assertEqual(
                counts.get(employee, 0),
                Registration.search_count([("employee_id", "=", employee.id)]),
            )
        action = Registration._se_action_for(employees[:1], "employee_id")
        self.assertEqual(action["domain"], [("employee_id", "=", employees[:1].id)])
        self.assertEqual(action["context"]["default_subject_type"], "employee")
