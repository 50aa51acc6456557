from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import SchoolEmulationCase


@tagged("post_install", "-at_install")
class TestPeople(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()

    def test_duplicate_student_code_refused(self):
        """A student code is unique in a school, not across schools."""
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.cr.savepoint():
                self.env["school.student"].create(
                    {
                        "code": "HS001",
                        "name": "Trùng mã",
                        "company_id": self.school_a.id,
                    }
                )
        other = self.env["school.student"].create(
            {"code": "HS001", "name": "Trường khác", "company_id": self.school_b.id}
        )
        self.assertEqual(other.display_name, "[HS001] Trường khác")

    def test_class_grade_checked(self):
        with self.assertRaisesRegex(ValidationError, "grade"):
            self.env["school.class"].create(
                {"name": "13A", "grade": 13, "period_id": self.year.id}
            )

    def test_class_counts_students(self):
        self.assertEqual(self.class_own.student_count, 1)
        self.assertEqual(self.class_own.homeroom_user_id, self.users["leader"])
        self.assertEqual(self.student_own.homeroom_user_id, self.users["leader"])

    def test_one_rating_per_year(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.cr.savepoint():
                self.env["school.emulation.rating"].create(
                    {
                        "employee_id": self.emp_staff.id,
                        "period_id": self.year.id,
                        "rating": "htxsnv",
                    }
                )

    def test_rating_scheme_by_rating_date(self):
        """The rating records the scheme in force on its date; points must match it."""
        year = self._period("2026-2027", "2026-09-01", "2027-08-31", self.school_a)
        rating = self.env["school.emulation.rating"].create(
            {
                "employee_id": self.emp_other.id,
                "period_id": year.id,
                "rating": "htxsnv",
                "points": 92,
                "date": "2027-05-25",
            }
        )
        self.assertEqual(rating.scheme_id.code, "ND233_2026")
        with self.assertRaisesRegex(ValidationError, "points"):
            rating.points = 85
        rating.write({"points": 85, "rating": "httnv"})
        rating.write({"rating": "khtnv"})  # KHTNV whatever the points
        self.assertEqual(rating.rating, "khtnv")
        # Without a date, the scheme in force at the end of the school year.
        self.assertEqual(self.ratings["staff"].scheme_id.code, "ND233_2026")

    def test_discipline_needs_level(self):
        with self.assertRaisesRegex(ValidationError, "level"):
            self.env["school.emulation.discipline"].create(
                {"employee_id": self.emp_staff.id, "date_start": "2041-01-01"}
            )
        pending = self.env["school.emulation.discipline"].create(
            {
                "employee_id": self.emp_staff.id,
                "kind": "investigation",
                "date_start": "2041-01-01",
            }
        )
        self.assertEqual(pending.department_id, self.dept)

    def test_discipline_end_before_start_refused(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.cr.savepoint():
                self.env["school.emulation.discipline"].create(
                    {
                        "employee_id": self.emp_staff.id,
                        "level": "reprimand",
                        "date_start": "2041-01-01",
                        "date_end": "2040-01-01",
                    }
                )

    def test_employee_smart_buttons(self):
        self.assertEqual(self.emp_staff.emulation_rating_count, 1)
        action = self.emp_staff.action_view_emulation_ratings()
        self.assertEqual(action["domain"], [("employee_id", "=", self.emp_staff.id)])
        self.assertEqual(
            self.env[action["res_model"]].search(action["domain"]),
            self.ratings["staff"],
        )

    def test_class_form_defaults_to_current_year(self):
        today = date.today()
        current = self._period(
            "now", date(today.year - 1, 1, 1), date(today.year + 1, 1, 1), self.school_a
        )
        officer = self.users["officer"]
        with Form(self.env["school.class"].with_user(officer)) as form:
            form.name = "9A9"
            form.grade = 9
        self.assertEqual(form.record.period_id, current)
