"""The principal's overview (issue 18): what waits for approval on each school
year, and charts of the year's awards by group and by title to drill into."""

from odoo.tests import tagged

from odoo.addons.school_emulation.tests.common import SchoolEmulationCase


@tagged("post_install", "-at_install")
class TestDashboard(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_year()

    def test_what_waits_for_approval(self):
        year = self.year.with_user(self.users["officer"])
        Registration = self.env["school.emulation.registration"]
        submitted = Registration.search(
            [("period_id", "=", self.year.id), ("state", "=", "submitted")]
        )
        self.assertTrue(submitted)
        self.assertEqual(year.overview_waiting_registrations, len(submitted))
        waiting = self.env["school.emulation.proposal"].search(
            [
                ("period_id", "=", self.year.id),
                ("state", "in", ("group_reviewed", "council_reviewed", "published")),
            ]
        )
        self.assertIn(self.proposal_published, waiting)
        self.assertNotIn(self.proposal_submitted, waiting)
        self.assertEqual(year.overview_waiting_proposals, len(waiting))
        self.assertEqual(year.overview_draft_decisions, 0)
        action = year.action_view_waiting_proposals()
        self.assertEqual(
            self.env[action["res_model"]].search(action["domain"]), waiting
        )
        action = year.action_view_waiting_registrations()
        self.assertEqual(Registration.search(action["domain"]), submitted)

    def test_awards_by_group_and_title_drill_down(self):
        year = self.year.with_user(self.users["officer"])
        action = year.action_view_awards_by_group()
        awards = self.env["school.emulation.award"].search(action["domain"])
        self.assertTrue(awards)
        self.assertEqual(awards.period_id, self.year)
        self.assertEqual(set(awards.mapped("state")), {"confirmed"})
        self.assertEqual(action["context"]["pivot_row_groupby"], ["recipient_group_id"])
        self.assertEqual(
            [kind for _id, kind in action["views"]][:2], ["graph", "pivot"]
        )
        groups = {a.recipient_group_id for a in awards}
        self.assertIn(self.dept, groups)
        action = year.action_view_awards_by_title()
        self.assertEqual(action["context"]["pivot_row_groupby"], ["award_name"])


# reads the demo school: run on a database with demo (scripts/test.sh, database 2)
@tagged("post_install", "-at_install", "school_emulation_demo")
class TestDashboardDemo(SchoolEmulationCase):
    def test_the_principal_lands_on_the_overview(self):
        principal = self.env.ref(
            "school_emulation.user_principal_demo", raise_if_not_found=False
        )
        if not principal:
            self.fail("demo data of school_emulation is not installed")
        self.assertEqual(
            principal.action_id.id,
            self.env.ref(
                "school_emulation_report.school_emulation_report_dashboard_action"
            ).id,
        )
        year = self.env.ref("school_emulation.school_emulation_period_2026_demo")
        self.assertEqual(year.with_user(principal).overview_waiting_registrations, 4)
