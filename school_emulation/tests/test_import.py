"""The templates of data/templates import as they are through Odoo's importer."""

import os

from odoo.modules.module import get_module_path
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase

TEMPLATES = os.path.join(
    os.path.dirname(get_module_path("school_emulation")), "data", "templates"
)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ORDER = [
    ("hr_employee.csv", "hr.employee", 3),
    ("school_class.csv", "school.class", 2),
    ("school_student.csv", "school.student", 3),
    ("school_emulation_rating.csv", "school.emulation.rating", 2),
    ("school_student_result.csv", "school.student.result", 3),
    ("school_emulation_award.csv", "school.emulation.award", 4),
]


@tagged("post_install", "-at_install")
class TestImportTemplates(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.school = cls.env["res.company"].create({"name": "THCS Nhập liệu"})
        cls.officer = new_test_user(
            cls.env,
            login="se_import_officer",
            groups="school_emulation.group_school_emulation_officer,hr.group_hr_user",
            company_id=cls.school.id,
            company_ids=[cls.school.id],
        )
        cls.env["school.emulation.period"].create(
            {
                "name": "2026-2027",
                "date_start": "2026-09-01",
                "date_end": "2027-08-31",
                "company_id": cls.school.id,
            }
        )
        for name in ("Tổ Toán - Tin", "Tổ Văn phòng"):
            cls.env["hr.department"].create({"name": name, "company_id": cls.school.id})

    def _import(self, filename, model, content=None, dryrun=False):
        if content is None:
            with open(os.path.join(TEMPLATES, filename), "rb") as fh:
                content = fh.read()
        env = self.env(
            user=self.officer, context={"allowed_company_ids": [self.school.id]}
        )
        excel = filename and filename.endswith(".xlsx")
        wizard = env["base_import.import"].create(
            {
                "res_model": model,
                "file": content,
                "file_type": XLSX if excel else "text/csv",
                "file_name": filename or "import.csv",
            }
        )
        options = {"quoting": '"', "separator": ",", "has_headers": True}
        if excel:
            options["date_format"] = "%Y-%m-%d"
        preview = wizard.parse_preview(options)
        self.assertFalse(preview.get("error"), preview.get("error"))
        fields = preview["headers"]
        return wizard.execute_import(fields, fields, options, dryrun=dryrun)

    def test_every_template_imports(self):
        for filename, model, count in ORDER:
            with self.subTest(template=filename):
                result = self._import(filename, model)
                errors = [m for m in result["messages"] if m["type"] == "error"]
                self.assertFalse(errors, errors)
                self.assertEqual(len(result["ids"]), count)
                records = self.env[model].browse(result["ids"])
                self.assertEqual(set(records.mapped("company_id")), {self.school})
        student = self.env.ref("__import__.import_student_001")
        self.assertEqual(student.class_id.name, "6A1")
        self.assertEqual(student.class_id.homeroom_teacher_id.name, "Nguyễn Thị Hoa")
        rating = self.env.ref("__import__.import_rating_gv01")
        self.assertEqual(rating.scheme_id.code, "ND233_2026")
        result = self.env.ref("__import__.import_result_001")
        self.assertEqual((result.conduct, result.subjects_ge_9), ("good", 7))
        award = self.env.ref("__import__.import_award_gv01_cstdcs")
        self.assertEqual((award.state, award.source), ("confirmed", "history"))
        self.assertEqual(award.title_code, "CSTDCS")
        self.assertEqual(award.employee_id.emulation_award_count, 2)
        group = self.env.ref("__import__.import_award_to_toan")
        self.assertEqual(group.subject_name, "Tổ Toán - Tin")

    def test_every_excel_template_imports(self):
        """The .xlsx twins (scripts/gen_import_templates.py) import as they are."""
        for filename, model, count in ORDER:
            excel = filename.replace(".csv", ".xlsx")
            with self.subTest(template=excel):
                result = self._import(excel, model)
                errors = [m for m in result["messages"] if m["type"] == "error"]
                self.assertFalse(errors, errors)
                self.assertEqual(len(result["ids"]), count)
        student = self.env.ref("__import__.import_student_001")
        self.assertEqual(str(student.birth_date), "2014-03-15")
        self.assertEqual(student.class_id.grade, 6)
        award = self.env.ref("__import__.import_award_gv01_cstdcs")
        self.assertEqual(str(award.decision_date), "2027-07-20")
        self.assertEqual(award.title_code, "CSTDCS")

    def test_reimport_updates_instead_of_duplicating(self):
        for filename, model, _count in ORDER[:3]:
            self._import(filename, model)
        before = self.env["school.student"].search_count([])
        self._import("school_student.csv", "school.student")
        self.assertEqual(self.env["school.student"].search_count([]), before)

    def test_malformed_file_imports_nothing(self):
        """A bad value and a duplicate code: clear errors, and no row is written."""
        for filename, model, _count in ORDER[:2]:
            self._import(filename, model)
        bad = (
            "id,code,name,birth_date,gender,class_id/id\n"
            "bad_1,HS9001,Học sinh Một,2014-01-01,female,import_class_6a1\n"
            "bad_2,HS9002,Học sinh Hai,not-a-date,male,import_class_6a1\n"
            "bad_3,HS9001,Trùng mã,2014-01-01,male,import_class_6a1\n"
        ).encode()
        before = self.env["school.student"].search_count([])
        result = self._import(None, "school.student", content=bad)
        errors = [m for m in result["messages"] if m["type"] == "error"]
        self.assertTrue(errors)
        self.assertFalse(result.get("ids"))
        self.assertEqual(self.env["school.student"].search_count([]), before)
