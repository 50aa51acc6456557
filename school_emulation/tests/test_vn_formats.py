"""The school's number and date formats in names, messages and errors
(Vietnamese separators and day-first dates whatever the reader's language)."""

from datetime import date, datetime

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestVnFormats(TransactionCase):
    def test_helpers_on_every_model(self):
        Model = self.env["school.emulation.proposal"]
        self.assertEqual(Model._se_format_date(date(2026, 7, 15)), "15/07/2026")
        self.assertEqual(Model._se_format_date(False), "")
        self.assertEqual(Model._se_format_number(85.714285), "85,71")
        self.assertEqual(Model._se_format_number(10.0), "10")
        self.assertEqual(Model._se_format_number(89, 2), "89,00")
        self.assertEqual(Model._se_format_number(1234.5), "1.234,5")
        vnd = self.env.ref("base.VND")
        self.assertEqual(Model._se_format_money(32690000, vnd), "32.690.000 đồng")
        self.assertEqual(Model._se_format_money(34210000.0, vnd), "34.210.000 đồng")
        # on another model too (one helper on Odoo's base)
        self.assertEqual(
            self.env["res.partner"]._se_format_date(date(2026, 12, 4)), "04/12/2026"
        )

    def test_datetime_is_the_schools_date(self):
        # 20:00 UTC on 3 December is 03:00 on 4 December in Hà Nội
        company = self.env.company
        company.partner_id.tz = "Asia/Ho_Chi_Minh"
        self.assertEqual(
            self.env["res.partner"]._se_format_date(
                datetime(2026, 12, 3, 20, 0), company
            ),
            "04/12/2026",
        )

    def test_base_salary_name(self):
        salary = self.env.ref("school_emulation.base_salary_2026")
        self.assertEqual(salary.amount, 2530000)
        self.assertEqual(salary.display_name, "2.530.000 đồng (01/07/2026)")
        # the same in English: the school's formats, not the reader's
        self.assertEqual(
            salary.with_context(lang="en_US").display_name,
            "2.530.000 đồng (01/07/2026)",
        )

    def test_error_message_date(self):
        Salary = self.env["school.emulation.base.salary"]
        with self.assertRaises(UserError) as caught:
            Salary._get_in_force(date(1990, 1, 5))
        message = str(caught.exception)
        self.assertIn("05/01/1990", message)
        self.assertNotIn("1990-01-05", message)

    def test_vietnamese_language_formats(self):
        """Odoo's vi_VN ships the Vietnamese formats (dot between thousands,
        comma before decimals, day-first dates): lists and pivots read them."""
        self.env["res.lang"]._activate_lang("vi_VN")
        lang = self.env["res.lang"]._lang_get("vi_VN")
        self.assertEqual(lang.decimal_point, ",")
        self.assertEqual(lang.thousands_sep, ".")
        self.assertEqual(lang.date_format, "%d/%m/%Y")
        self.assertEqual(lang.format("%.2f", 1234567.5, grouping=True), "1.234.567,50")
