"""The school year as each role lives it: browser tours in headless Chromium on the
demo school, in Vietnamese, each as the user who does the step. The tours assert
what the user sees; these tests assert what the database then holds."""

from odoo import fields
from odoo.tests import HttpCase, tagged


# reads the demo school: run on a database with demo (scripts/test.sh, database 2)
@tagged("post_install", "-at_install", "school_emulation_demo")
class TestSchoolYearTours(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        if not ref("school_emulation.proposal_2025_school_demo", False):
            raise AssertionError("the demo school of school_emulation is not installed")
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["ir.module.module"]._load_module_terms(
            ["school_emulation", "school_emulation_report"], ["vi_VN"]
        )
        cls.logins = ("teacher", "leader", "officer", "council", "principal")
        cls.users = cls.env["res.users"].search([("login", "in", cls.logins)])
        cls.users.write({"lang": "vi_VN"})
        cls.teacher = ref("school_emulation.employee_gv_toan1_demo")
        # the documents carry their own styles: wkhtmltopdf must not call the test
        # server, which holds the test cursor while the tour runs
        cls.env["ir.config_parameter"].sudo().set_param(
            "report.url", "http://127.0.0.1:9"
        )
        # the demo's registration window is in the past of whoever runs the tests;
        # dates are the school's (Asia/Ho_Chi_Minh), not UTC: between 17:00 and
        # 24:00 UTC they are a day apart
        today = cls.env["school.emulation.movement"]._se_today()
        cls.movement = ref("school_emulation.movement_vhcs_demo")
        cls.movement.write(
            {
                "registration_deadline": fields.Date.add(today, days=30),
                "scoring_deadline": fields.Date.add(today, days=60),
            }
        )

    def url(self, action, record=None):
        return f"/odoo/action-{action}" + (f"/{record.id}" if record else "")

    def test_teacher_and_leader_register_score_and_propose(self):
        self.start_tour("/odoo", "school_year_teacher_register_tour", login="teacher")
        registration = self.env["school.emulation.registration"].search(
            [
                ("movement_id", "=", self.movement.id),
                ("employee_id", "=", self.teacher.id),
            ]
        )
        self.assertEqual(registration.state, "submitted")
        self.assertIn("trang phục", registration.commitment)
        form = self.url(
            "school_emulation.school_emulation_registration_action", registration
        )
        self.start_tour(form, "school_year_leader_accept_tour", login="leader")
        self.assertEqual(registration.state, "accepted")
        self.assertTrue(registration.score_ids)
        self.start_tour(form, "school_year_teacher_self_score_tour", login="teacher")
        self.start_tour(form, "school_year_leader_group_score_tour", login="leader")
        line = registration.score_ids.filtered(
            lambda s: s.criterion_id.name.startswith("Chấp hành chủ trương")
        )
        self.assertEqual((line.self_score, line.group_score), (9, 8))
        self.assertEqual(line.self_user_id.login, "teacher")
        self.assertEqual(line.group_user_id.login, "leader")
        self.assertEqual(registration.total_score, 8)
        self.start_tour(
            "/odoo/action-school_emulation.school_emulation_proposal_action/new",
            "school_year_leader_propose_tour",
            login="leader",
        )
        proposal = self.env["school.emulation.proposal"].search(
            [("description", "like", "Tổ Toán - Tin đề nghị công nhận")]
        )
        self.assertEqual((proposal.state, proposal.level), ("group_reviewed", "group"))
        self.assertEqual(proposal.line_ids.employee_id, self.teacher)
        self.assertEqual(proposal.line_ids.title_id.code, "LDTT")
        self.assertEqual(proposal.period_id, self.movement.period_id)

    def test_officer_opens_a_session_and_members_vote(self):
        proposal = self.env.ref("school_emulation.proposal_2025_cstd_tinh_demo")
        self.start_tour(
            self.url("school_emulation.school_emulation_proposal_action", proposal),
            "school_year_officer_session_tour",
            login="officer",
        )
        self.assertTrue(
            proposal.line_ids.eligible, proposal.line_ids.eligibility_reasons
        )
        session = self.env["school.emulation.council.session"].search(
            [("proposal_ids", "=", proposal.id), ("state", "=", "open")]
        )
        self.assertEqual(len(session), 1)
        self.assertTrue(session.line_ids.ballot_required)
        self.start_tour(
            self.url(
                "school_emulation.school_emulation_council_session_action", session
            ),
            "school_year_council_vote_tour",
            login="council",
        )
        self.assertEqual(session.voted_count, 1)
        # one sealed ballot (ciphertext only: no voter, author, time or
        # candidate), and no stored ballot paper anywhere
        ballots = session._ballot_sealed_rows()
        self.assertEqual(len(ballots), 1)
        links = {f.comodel_name for f in ballots._fields.values() if f.relational}
        self.assertEqual(links, {"res.company"})
        self.assertNotIn("create_date", ballots._fields)
        self.assertNotIn("school.emulation.council.vote", self.env.registry)

    def test_officer_posts_submits_records_the_decision_and_builds_the_dossier(self):
        reviewed = self.env.ref("school_emulation.proposal_2025_gk_hkpd_demo")
        self.start_tour(
            self.url("school_emulation.school_emulation_proposal_action", reviewed),
            "school_year_officer_post_tour",
            login="officer",
        )
        self.assertEqual(reviewed.state, "published")
        self.assertGreater(reviewed.posting_end, reviewed.posting_start)
        posted = self.env.ref("school_emulation.proposal_2025_gk_hsg_demo")
        self.start_tour(
            self.url("school_emulation.school_emulation_proposal_action", posted),
            "school_year_officer_decision_tour",
            login="officer",
        )
        self.start_tour(
            self.url("school_emulation.school_emulation_proposal_action", posted),
            "school_year_dossier_listed_tour",
            login="officer",
        )
        self.assertEqual(posted.state, "decided")
        decision = posted.decision_ids
        self.assertEqual((decision.name, decision.state), ("87/QĐ-UBND", "confirmed"))
        # the decision is dated on the school's calendar (the officer's day)
        self.assertEqual(decision.date, decision._se_today())
        self.assertEqual(len(decision.award_ids), 2)
        bundle = self.env["ir.attachment"].search(
            [
                ("res_model", "=", "school.emulation.proposal"),
                # the builder's alone: no res_id (issue 15)
                ("name", "=", f"ho-so-{posted.name.replace('/', '-')}.zip"),
                ("create_uid.login", "=", "officer"),
                ("mimetype", "=", "application/zip"),
            ]
        )
        self.assertEqual(len(bundle), 1)
        self.assertTrue(bundle.raw.startswith(b"PK"))

    def test_principal_reads_the_dashboard(self):
        self.start_tour(
            "/odoo/action-school_emulation_report.school_emulation_report_dashboard_action",
            "school_year_principal_dashboard_tour",
            login="principal",
        )
        principal = self.users.filtered(lambda u: u.login == "principal")
        self.assertEqual(
            principal.employee_id, self.env.ref("school_emulation.employee_ht_demo")
        )
