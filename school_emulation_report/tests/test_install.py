from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestReportInstall(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.school = cls.env["res.company"].create({"name": "THCS Report"})
        cls.staff = new_test_user(
            cls.env,
            login="se_report_staff",
            groups="school_emulation.group_school_emulation_user",
            company_id=cls.school.id,
            company_ids=[cls.school.id],
        )

    def test_dashboard_menu_for_staff(self):
        """Staff see the reports app and its dashboard entry."""
        root = self.env.ref("school_emulation_report.school_emulation_report_menu_root")
        entry = self.env.ref(
            "school_emulation_report.school_emulation_report_dashboard_menu"
        )
        menus = self.env["ir.ui.menu"].with_user(self.staff).load_menus(False)
        self.assertIn(root.id, menus["root"]["children"])
        self.assertIn(entry.id, menus[root.id]["children"])

    def test_dashboard_views_load(self):
        """The dashboard's kanban and list views load for staff, with their years."""
        self.env["school.emulation.period"].create(
            {
                "name": "2030-2031",
                "date_start": "2030-09-01",
                "date_end": "2031-08-31",
                "company_id": self.school.id,
            }
        )
        action = self.env.ref(
            "school_emulation_report.school_emulation_report_dashboard_action"
        )
        Period = self.env[action.res_model].with_user(self.staff)
        views = Period.get_views([(action.view_id.id, "kanban"), (False, "list")])
        self.assertIn("kanban", views["views"])
        self.assertIn('t-name="card"', views["views"]["kanban"]["arch"])
        data = Period.web_search_read([], {"name": {}, "state": {}})
        self.assertEqual([r["name"] for r in data["records"]], ["2030-2031"])
