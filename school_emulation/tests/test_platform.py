"""Platform hygiene: our fields on hr.employee respect Odoo's public/private split,
and dates are the school's (Asia/Ho_Chi_Minh by default), not the server's UTC."""

from datetime import date, datetime
from unittest.mock import patch

from odoo import fields
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase

OURS = ("school_emulation", "school_emulation_report")


@tagged("post_install", "-at_install")
class TestHrEmployeeFields(TransactionCase):
    def test_our_employee_fields_are_public_or_hr_only(self):
        """Users outside HR read employees through hr.employee.public (Odoo's hr
        test test_employee_fields_groups): each field we add to hr.employee is on
        the public model or restricted to HR officers."""
        public = self.env["hr.employee.public"]._fields
        for name, field in self.env["hr.employee"]._fields.items():
            if field._module not in OURS:
                continue
            with self.subTest(field=name):
                groups = (field.groups or "").split(",")
                self.assertTrue(
                    name in public or "hr.group_hr_user" in groups,
                    f"hr.employee.{name} is neither public nor HR-only",
                )

    def test_staff_reads_employees(self):
        """A teacher (emulation user, no HR right) reads every employee's public
        profile, as Odoo's own hr test does."""
        teacher = new_test_user(
            self.env,
            login="se_platform_teacher",
            groups="base.group_user,school_emulation.group_school_emulation_user",
        )
        self.env["hr.employee"].create({"name": "Đồng nghiệp"})
        employees = self.env["hr.employee"].with_user(teacher).search([])
        rows = employees.read([])  # raised AccessError on our fields before
        self.assertTrue(rows)
        self.assertNotIn("emulation_award_ids", rows[0])


@tagged("post_install", "-at_install")
class TestSchoolDate(TransactionCase):
    def _today_at(self, utc, model="school.emulation.period"):
        Model = self.env[model]
        with patch.object(type(Model), "_se_utcnow", return_value=utc):
            return Model._se_today()

    def test_school_date_is_vietnam_date(self):
        """From 17:00 UTC it is already tomorrow in the school."""
        self.env.company.partner_id.tz = False
        self.assertEqual(
            self._today_at(datetime(2026, 12, 1, 10, 0)), date(2026, 12, 1)
        )
        self.assertEqual(
            self._today_at(datetime(2026, 12, 1, 16, 59)), date(2026, 12, 1)
        )
        self.assertEqual(
            self._today_at(datetime(2026, 12, 1, 17, 0)), date(2026, 12, 2)
        )
        self.assertEqual(
            self._today_at(datetime(2026, 12, 1, 23, 30)), date(2026, 12, 2)
        )
        self.assertEqual(
            self._today_at(datetime(2026, 12, 31, 20, 0)), date(2027, 1, 1)
        )

    def test_school_date_ignores_user_and_context_tz(self):
        """The school's calendar, not the user's: a user set to UTC (or no tz,
        as in cron and tests) still gets the school's day."""
        self.env.company.partner_id.tz = False
        self.env.user.tz = "UTC"
        Period = self.env["school.emulation.period"].with_context(tz="UTC")
        with patch.object(
            type(Period), "_se_utcnow", return_value=datetime(2026, 12, 1, 23, 30)
        ):
            self.assertEqual(Period._se_today(), date(2026, 12, 2))

    def test_company_time_zone_wins(self):
        self.env.company.partner_id.tz = "Europe/London"
        self.assertEqual(
            self._today_at(datetime(2026, 12, 1, 23, 30)), date(2026, 12, 1)
        )
        self.env.company.partner_id.tz = "Asia/Ho_Chi_Minh"
        self.assertEqual(
            self._today_at(datetime(2026, 12, 1, 23, 30)), date(2026, 12, 2)
        )

    def test_local_datetime(self):
        self.env.company.partner_id.tz = False
        local = self.env["school.emulation.period"]._se_local_datetime(
            datetime(2026, 12, 1, 23, 30)
        )
        self.assertEqual(local, datetime(2026, 12, 2, 6, 30))

    def test_date_defaults_use_the_school_date(self):
        """Date defaults of our records are the school's day."""
        self.env.company.partner_id.tz = False
        utc = datetime(2026, 12, 1, 23, 30)
        for model, fname in (
            ("school.emulation.good.deed", "date"),
            ("school.emulation.exemplar.replication", "date"),
        ):
            Model = self.env[model]
            with (
                self.subTest(model=model),
                patch.object(type(Model), "_se_utcnow", return_value=utc),
            ):
                value = Model.default_get([fname])[fname]
                self.assertEqual(fields.Date.to_date(value), date(2026, 12, 2))
