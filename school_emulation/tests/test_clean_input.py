"""The generic input guard (models/base.py): every model of our two addons refuses
a NUL byte or a control character in text and a non-finite number, in words, and
stores codes and numbers in their normal form; other models are untouched."""

import math

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..models.base import NUMBER_TYPES, TEXT_TYPES, is_identifier
from .common import SchoolEmulationCase

OURS = ("school_emulation", "school_emulation_report")
BAD_TEXTS = ("a\x00b", "a\x07b", "a\x1bb")
BAD_NUMBERS = (float("nan"), float("inf"), float("-inf"), "1e309", "NaN", 1e309)


def our_models(env):
    for name in sorted(env.registry):
        model = env[name]
        if model._abstract or not model._auto:
            continue
        if model._original_module in OURS or name.startswith("school."):
            yield model


def plain_fields(model, types):
    """Stored fields a client writes directly (no compute, no related)."""
    for field in model._fields.values():
        if field.type in types and field.store and not field.compute:
            if not field.related:
                yield field


@tagged("post_install", "-at_install")
class TestCleanInput(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls.klass = cls.class_own
        cls.student = cls.student_own

    def test_nul_and_control_chars_refused_on_every_text_field(self):
        """Every stored text field of every model of ours that has a record refuses
        NUL and control characters with a UserError (not a database error) and keeps
        its value."""
        checked = 0
        for model in our_models(self.env):
            record = model.search([], limit=1)
            if not record:
                continue
            for field in plain_fields(model, TEXT_TYPES):
                before = record[field.name]
                for bad in BAD_TEXTS:
                    with self.subTest(model=model._name, field=field.name, bad=bad):
                        with self.assertRaises(UserError), self.cr.savepoint():
                            record.write({field.name: bad})
                        record.invalidate_recordset([field.name])
                        self.assertEqual(record[field.name], before)
                checked += 1
        self.assertGreater(checked, 30, "the sweep must reach the demo's models")

    def test_non_finite_numbers_refused_on_every_float_field(self):
        """NaN, ±infinity and 1e309 are refused on every Float/Monetary field."""
        checked = 0
        for model in our_models(self.env):
            record = model.search([], limit=1)
            if not record:
                continue
            for field in plain_fields(model, NUMBER_TYPES):
                before = record[field.name]
                for bad in BAD_NUMBERS:
                    with self.subTest(model=model._name, field=field.name, bad=bad):
                        with self.assertRaises(UserError), self.cr.savepoint():
                            record.write({field.name: bad})
                        record.invalidate_recordset([field.name])
                        self.assertEqual(record[field.name], before)
                checked += 1
        self.assertGreater(checked, 5)

    def test_create_refuses_nul_and_nan(self):
        """create() is guarded as well as write(): nothing is created."""
        Student = self.env["school.student"]
        count = Student.search_count([])
        with self.assertRaises(UserError) as caught:
            Student.create(
                {"code": "HS\x00002", "name": "B", "company_id": self.school_a.id}
            )
        self.assertIn("NUL", str(caught.exception))
        Criterion = self.env["school.emulation.criterion.set"]
        with self.assertRaises(UserError):
            Criterion.create(
                {
                    "name": "Bộ tiêu chí",
                    "company_id": self.school_a.id,
                    "criterion_ids": [
                        Command.create({"name": "Tiêu chí", "max_points": math.nan})
                    ],
                }
            )
        self.assertEqual(Student.search_count([]), count)

    def test_integer_out_of_range_refused(self):
        with self.assertRaises(UserError), self.cr.savepoint():
            self.klass.write({"grade": 2**40})
        with self.assertRaises(UserError), self.cr.savepoint():
            self.klass.write({"grade": float("inf")})
        self.assertEqual(self.klass.grade, 6)

    def test_identifier_normalised_so_uniqueness_holds(self):
        """A code with a zero-width space, a right-to-left mark and spaces around is
        stored as the plain code: it collides with the existing one."""
        self.student.write({"code": " HS\u200b0\u200f01 "})
        self.assertEqual(self.student.code, "HS001")
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.cr.savepoint():
                self.env["school.student"].create(
                    {
                        "code": "HS001\ufeff ",
                        "class_id": self.klass.id,
                        "name": "Trần Thị Bình",
                        "company_id": self.school_a.id,
                    }
                )
        klass = self.env["school.class"].create(
            {
                "name": "  7A\u200b2  ",
                "grade": 7,
                "period_id": self.year.id,
                "company_id": self.school_a.id,
            }
        )
        self.assertEqual(klass.name, "7A2")

    def test_text_normalised_not_mangled(self):
        """Free text keeps line breaks and tabs; Vietnamese is stored composed."""
        decomposed = "Nguye\u0302\u0303n"  # "Nguyễn" written with combining marks
        self.student.write({"name": decomposed + "\tVăn\nAn"})
        self.assertEqual(self.student.name, "Nguyễn\tVăn\nAn")

    def test_identifier_fields_found(self):
        Student = self.env["school.student"]
        self.assertTrue(is_identifier("school.student", Student._fields["code"]))
        self.assertFalse(is_identifier("school.student", Student._fields["name"]))

    def test_our_fields_on_other_models_guarded(self):
        """The fields our addons add to another addon's model (the school's
        document code on res.company...) are checked; that model's own fields
        are not."""
        company = self.school_a
        ours = [
            f.name
            for f in company._fields.values()
            if f._module in OURS and f.type == "char" and f.store and not f.compute
        ]
        self.assertTrue(ours, "our addons add text fields to res.company")
        with self.assertRaises(UserError), self.cr.savepoint():
            company.write({ours[0]: "x\x00y"})
        self.assertEqual(company._se_guard(), frozenset(company._se_guard()))
        self.assertNotIn("name", company._se_guard())
        company.write({"name": "THCS\u200b Test A"})
        self.assertEqual(company.name, "THCS\u200b Test A")

    def test_other_models_untouched(self):
        """Models of other addons are not guarded (no cost, no behaviour change)."""
        partner = self.env["res.partner"].create({"name": "Đối tác\u200b"})
        self.assertEqual(partner.name, "Đối tác\u200b")
        self.assertFalse(self.env["res.partner"]._se_guarded())
        self.assertFalse(self.env["res.country"]._se_guard(), "no field of ours")
        self.assertFalse(self.env["hr.employee"]._se_guarded())
        self.assertTrue(self.env["school.student"]._se_guarded())
