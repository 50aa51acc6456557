from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ROLE_GROUPS, SchoolEmulationCase


@tagged("post_install", "-at_install")
class TestInstall(SchoolEmulationCase):
    def test_groups_form_one_chain(self):
        """Officer implies leader implies staff implies internal user."""
        officer = self.env.ref("school_emulation.group_school_emulation_officer")
        implied = officer.trans_implied_ids
        self.assertIn(
            self.env.ref("school_emulation.group_school_emulation_leader"), implied
        )
        self.assertIn(
            self.env.ref("school_emulation.group_school_emulation_user"), implied
        )
        self.assertIn(self.env.ref("base.group_user"), implied)

    def test_vietnamese_dong_is_active(self):
        """Bonuses are in đồng: the currency is active, so amounts show with ₫ and
        no decimals."""
        vnd = self.env.ref("base.VND")
        self.assertTrue(vnd.active)
        self.assertEqual(vnd.decimal_places, 0)

    def test_menus_load_for_every_role(self):
        """Each role sees the app, its School and Legal Catalogue menus; the students'
        menu only for homeroom teachers (leader group), officers and admins."""
        ref = self.env.ref
        root = ref("school_emulation.school_emulation_menu_root")
        school = ref("school_emulation.school_emulation_menu_school")
        years = ref("school_emulation.school_emulation_period_menu")
        catalogue = ref("school_emulation.school_emulation_menu_catalogue")
        students = ref("school_emulation.school_student_menu")
        for role in ROLE_GROUPS:
            with self.subTest(role=role):
                Menu = self.env["ir.ui.menu"].with_user(self.users[role])
                menus = Menu.load_menus(False)
                self.assertIn(root.id, menus["root"]["children"])
                self.assertIn(school.id, menus[root.id]["children"])
                self.assertIn(catalogue.id, menus[root.id]["children"])
                self.assertIn(years.id, menus[school.id]["children"])
                self.assertEqual(
                    students.id in menus[school.id]["children"],
                    role in ("leader", "officer", "manager"),
                )

    def test_menu_hidden_without_group(self):
        """A plain internal user without an emulation role does not see the app."""
        plain = self.env["res.users"].create(
            {
                "name": "Plain",
                "login": "se_plain",
                "company_id": self.school_a.id,
                "company_ids": [self.school_a.id],
            }
        )
        root = self.env.ref("school_emulation.school_emulation_menu_root")
        menus = self.env["ir.ui.menu"].with_user(plain).load_menus(False)
        self.assertNotIn(root.id, menus["root"]["children"])

    def test_officer_and_manager_create_staff_cannot(self):
        """Officer and administrator create school years; the others only read."""
        for n, role in enumerate(("officer", "manager")):
            with self.subTest(role=role):
                period = self.Period.with_user(self.users[role]).create(
                    {
                        "name": f"20{30 + n}-20{31 + n}",
                        "date_start": f"20{30 + n}-09-01",
                        "date_end": f"20{31 + n}-08-31",
                    }
                )
                self.assertEqual(period.company_id, self.school_a)
                self.assertEqual(period.state, "draft")
        for role in ("staff", "leader", "council"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                self.Period.with_user(self.users[role]).create(
                    {
                        "name": "2040-2041",
                        "date_start": "2040-09-01",
                        "date_end": "2041-08-31",
                    }
                )

    def test_only_manager_deletes(self):
        period = self._period("2033-2034", "2033-09-01", "2034-08-31", self.school_a)
        with self.assertRaises(AccessError):
            period.with_user(self.users["officer"]).unlink()
        period.with_user(self.users["manager"]).unlink()
        self.assertFalse(period.exists())
