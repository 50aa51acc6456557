from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import SchoolEmulationCase


@tagged("post_install", "-at_install")
class TestPeriod(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.y2024 = cls._period("2024-2025", "2024-09-01", "2025-08-31", cls.school_a)
        cls.y2025 = cls._period("2025-2026", "2025-09-01", "2026-08-31", cls.school_a)

    def test_end_before_start_refused(self):
        """A school year that ends before it starts is refused by the database."""
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.cr.savepoint():
                self._period("2030-2031", "2031-08-31", "2030-09-01", self.school_a)

    def test_overlap_refused_in_same_school_only(self):
        with self.assertRaisesRegex(ValidationError, "overlaps"):
            self._period("2025-2026 bis", "2026-01-01", "2026-12-31", self.school_a)
        other = self._period("2025-2026", "2025-09-01", "2026-08-31", self.school_b)
        self.assertEqual(other.company_id, self.school_b)

    def test_duplicate_name_refused(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.cr.savepoint():
                self._period("2024-2025", "2040-09-01", "2041-08-31", self.school_a)

    def test_transitions(self):
        """draft -> open -> closed -> open; anything else is refused."""
        period = self._period("2026-2027", "2026-09-01", "2027-08-31", self.school_a)
        with self.assertRaises(UserError):
            period.action_close()
        period.with_user(self.users["officer"]).action_open()
        self.assertEqual(period.state, "open")
        with self.assertRaises(UserError):
            period.action_open()
        period.action_close()
        self.assertEqual(period.state, "closed")
        self.assertTrue(period.message_ids, "state changes are tracked in the chatter")

    def test_staff_cannot_change_state(self):
        period = self._period("2026-2027", "2026-09-01", "2027-08-31", self.school_a)
        with self.assertRaises(AccessError):
            period.with_user(self.users["staff"]).action_open()
        self.assertEqual(period.state, "draft")

    def test_current_period(self):
        self.assertEqual(
            self.Period._get_current(self.school_a, date(2025, 10, 1)), self.y2025
        )
        # Between two years (none contains the date): the latest started one.
        self.assertEqual(
            self.Period._get_current(self.school_a, date(2027, 1, 1)), self.y2025
        )
        self.assertFalse(self.Period._get_current(self.school_b, date(2025, 10, 1)))

    def test_is_current_search(self):
        today = date.today()
        now = self._period(
            "now", date(today.year - 1, 1, 1), date(today.year + 1, 1, 1), self.school_b
        )
        current = self.Period.search([("is_current", "=", True)])
        not_current = self.Period.search([("is_current", "=", False)])
        self.assertIn(now, current)
        self.assertIn(self.y2024, not_current)
        self.assertFalse(current & not_current)
        self.assertTrue(now.is_current)
        self.assertFalse(self.y2024.is_current)

    def test_company_isolation(self):
        """An officer of school B sees no school year of school A."""
        self._period("2024-2025", "2024-09-01", "2025-08-31", self.school_b)
        visible = self.Period.with_user(self.officer_b).search([])
        self.assertEqual(visible.company_id, self.school_b)
        with self.assertRaises(AccessError):
            self.y2024.with_user(self.officer_b).read(["name"])

    def test_form_defaults(self):
        """The form defaults to the user's school and the draft state."""
        with Form(self.Period.with_user(self.users["officer"])) as form:
            form.name = "2031-2032"
            form.date_start = date(2031, 9, 1)
            form.date_end = date(2032, 8, 31)
        period = form.record
        self.assertEqual(period.company_id, self.school_a)
        self.assertEqual(period.state, "draft")
