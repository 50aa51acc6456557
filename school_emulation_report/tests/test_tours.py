"""The school year as each role lives it: browser tours in headless Chromium on the
demo school, in Vietnamese, each as the user who does the step. The tours assert
what the user sees; these tests assert what the database then holds."""

from odoo import Command, fields
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
        cls.logins = (
            "teacher",
            "leader",
            "officer",
            "council",
            "principal",
            "commune",
        )
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
        leader = self.users.filtered(lambda u: u.login == "leader")
        review = registration.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("school_emulation.mail_activity_se_review")
        )
        self.assertEqual(review.user_id, leader)
        self.start_tour("/odoo", "school_year_leader_review_todo_tour", login="leader")
        form = self.url(
            "school_emulation.school_emulation_registration_action", registration
        )
        self.start_tour(form, "school_year_leader_accept_tour", login="leader")
        self.assertEqual(registration.state, "accepted")
        self.assertTrue(registration.score_ids)
        self.assertFalse(registration.activity_ids.filtered(lambda a: a == review))
        # the teacher has self-scored the other criteria already; the tour scores
        # the last one and submits the self-score
        teacher_user = self.users.filtered(lambda u: u.login == "teacher")
        others = registration.score_ids.filtered(
            lambda s: not s.criterion_id.name.startswith("Chấp hành chủ trương")
        )
        for line in others:
            line.with_user(teacher_user).self_score = 0
        self.start_tour(form, "school_year_teacher_self_score_tour", login="teacher")
        self.assertTrue(registration.self_score_date)
        self.start_tour("/odoo", "school_year_leader_score_todo_tour", login="leader")
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

    def test_leader_fills_a_group_proposal_in_one_click(self):
        self.start_tour(
            "/odoo/action-school_emulation.school_emulation_proposal_action/new",
            "school_year_leader_one_click_tour",
            login="leader",
        )
        proposal = self.env["school.emulation.proposal"].search(
            [("description", "=", "Tổ Toán - Tin: danh sách từ đăng ký thi đua")]
        )
        accepted = proposal._se_registrations_to_propose()
        self.assertTrue(accepted)
        self.assertEqual(
            {(ln.subject_key, ln.title_id) for ln in proposal.line_ids},
            {(r.subject_key, r.title_id) for r in accepted},
        )

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
        council = self.users.filtered(lambda u: u.login == "council")
        notice = self.env["mail.message"].search(
            [("model", "=", session._name), ("res_id", "=", session.id)]
        )
        self.assertIn(council.partner_id, notice.partner_ids)
        self.start_tour("/odoo", "school_year_council_vote_todo_tour", login="council")
        url = self.url(
            "school_emulation.school_emulation_council_session_action", session
        )
        self.start_tour(url, "school_year_council_vote_tour", login="council")
        self.assertEqual(session.voted_count, 1)
        # one sealed ballot (ciphertext only: no voter, author, time or
        # candidate), and no stored ballot paper anywhere
        ballots = session._ballot_sealed_rows()
        self.assertEqual(len(ballots), 1)
        links = {f.comodel_name for f in ballots._fields.values() if f.relational}
        self.assertEqual(links, {"res.company"})
        self.assertNotIn("create_date", ballots._fields)
        self.assertNotIn("school.emulation.council.vote", self.env.registry)
        # the members without Odoo voted on paper: the board's tally is sealed
        on_paper = len(session._paper_voters())
        self.assertGreater(on_paper, 1)
        self.start_tour(url, "school_year_officer_paper_tally_tour", login="officer")
        self.assertEqual(session.voted_count, 1 + on_paper)
        self.assertEqual(len(session._ballot_sealed_rows()), 1 + on_paper)
        self.assertFalse(self.env["school.emulation.paper.tally"].search([]))

    def test_a_candidate_on_the_council_does_not_vote_on_herself(self):
        ref = self.env.ref
        officer = self.users.filtered(lambda u: u.login == "officer")
        council_user = self.users.filtered(lambda u: u.login == "council")
        council = ref("school_emulation.council_2025_demo")
        cstdcs = self.env["school.emulation.title"].for_school_year(
            "CSTDCS", council.period_id.id
        )
        proposal = (
            self.env["school.emulation.proposal"]
            .with_user(officer)
            .create(
                {
                    "period_id": council.period_id.id,
                    "level": "school",
                    "description": "Đề nghị bổ sung (bỏ phiếu)",
                    "line_ids": [
                        Command.create(
                            {
                                "subject_type": "employee",
                                "employee_id": employee.id,
                                "title_id": cstdcs.id,
                            }
                        )
                        for employee in (
                            council_user.employee_id,
                            ref("school_emulation.employee_tt_toan_demo"),
                        )
                    ],
                }
            )
        )
        session = (
            self.env["school.emulation.council.session"]
            .with_user(officer)
            .create(
                {
                    "name": "Họp bổ sung",
                    "council_id": council.id,
                    "proposal_ids": [Command.set(proposal.ids)],
                }
            )
        )
        session.action_prepare()
        if not session.counting_board_ids:
            session.counting_board_ids = session.attendance_ids.member_id[-1:]
        session.action_open("kiem-phieu-bo-sung-2026")
        self.start_tour(
            self.url(
                "school_emulation.school_emulation_council_session_action", session
            ),
            "school_year_council_recusal_tour",
            login="council",
        )
        self.assertEqual(session.voted_count, 1)
        session.action_close("kiem-phieu-bo-sung-2026")
        own = session.line_ids.filtered(
            lambda ln: ln.employee_id == council_user.employee_id
        )
        self.assertEqual((own.vote_yes, (session.line_ids - own).vote_yes), (0, 1))

    def test_officer_posts_submits_records_the_decision_and_builds_the_dossier(self):
        # a school whose commune does not use the product: the officer sends the
        # paper dossier and types the decision in (the demo's commune does: see
        # test_commune_receives_and_the_award_comes_back)
        self.env.ref("base.main_company").emulation_superior_id = False
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

    def test_commune_receives_and_the_award_comes_back(self):
        """The school's officer sends; the commune's officer, in its own company,
        finds it in its inbox, accepts it, and reads where its schools stand."""
        ref = self.env.ref
        period = ref("school_emulation.school_emulation_period_2026_demo")
        proposal = self.env["school.emulation.proposal"].create(
            {
                "description": "Đề nghị Giấy khen đột xuất: Hội thi Tin học trẻ",
                "period_id": period.id,
                "kind": "ad_hoc",
                "authority_id": ref("school_emulation.authority_commune_chair").id,
                "override_reason": "Bản gốc giấy chứng nhận nộp tại UBND xã.",
                "company_id": ref("base.main_company").id,
                "line_ids": [
                    Command.create(
                        {
                            "subject_type": "employee",
                            "employee_id": self.teacher.id,
                            "award_form_id": self.env["school.emulation.award.form"]
                            .for_school_year("GK_XA", period.id)
                            .id,
                            "award_type": "ad_hoc",
                            "achievement": "Hướng dẫn học sinh đạt giải Nhất.",
                        }
                    )
                ],
            }
        )
        self.start_tour(
            self.url("school_emulation.school_emulation_proposal_action", proposal),
            "school_year_officer_send_up_tour",
            login="officer",
        )
        self.assertEqual(proposal.state, "submitted")
        commune = ref("school_emulation.company_commune_demo")
        self.assertEqual(proposal.receiving_company_id, commune)
        inbox = self.env["school.emulation.inbox"].search(
            [("proposal_id", "=", proposal.id)]
        )
        self.assertEqual((inbox.company_id, inbox.state), (commune, "waiting"))
        self.start_tour(
            self.url("school_emulation.school_emulation_inbox_action"),
            "school_year_commune_accept_tour",
            login="commune",
        )
        self.assertEqual(inbox.state, "accepted")
        self.assertEqual(proposal.accepted_date, inbox.accepted_date)
        self.assertTrue(proposal.rule_basis_id)
        self.start_tour(
            self.url("school_emulation.school_emulation_unit_status_action"),
            "school_year_commune_units_tour",
            login="commune",
        )

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


# the principal's home at phone width (390 px), touch enabled
@tagged("post_install", "-at_install", "school_emulation_demo")
class TestSchoolYearToursMobile(HttpCase):
    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env.ref("school_emulation.user_principal_demo", False):
            raise AssertionError("the demo school of school_emulation is not installed")
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["ir.module.module"]._load_module_terms(
            ["school_emulation", "school_emulation_report"], ["vi_VN"]
        )
        ref = cls.env.ref
        (
            ref("school_emulation.user_principal_demo")
            | ref("school_emulation.user_teacher_demo")
            | ref("school_emulation.user_leader_demo")
        ).write({"lang": "vi_VN"})
        today = cls.env["school.emulation.movement"]._se_today()
        cls.movement = ref("school_emulation.movement_vhcs_demo")
        cls.movement.registration_deadline = fields.Date.add(today, days=10)
        cls.registration = (
            cls.env["school.emulation.registration"]
            .with_user(ref("school_emulation.user_teacher_demo"))
            .create(
                {
                    "movement_id": cls.movement.id,
                    "subject_type": "employee",
                    "employee_id": ref("school_emulation.employee_gv_toan1_demo").id,
                    "title_id": cls.env["school.emulation.title"]
                    .for_school_year("LDTT", cls.movement.period_id.id)
                    .id,
                }
            )
        )

    def test_teacher_sees_the_deadline_on_a_phone(self):
        self.start_tour(
            "/odoo/action-school_emulation.school_emulation_registration_action",
            "school_year_teacher_deadline_mobile_tour",
            login="teacher",
        )

    def test_leader_finds_the_review_on_a_phone(self):
        self.registration.with_user(self.registration.user_id).action_submit()
        self.start_tour("/odoo", "school_year_leader_review_todo_tour", login="leader")

    def test_principal_home_on_a_phone(self):
        """Logged in, the principal lands on the overview (her home action)."""
        self.start_tour("/odoo", "school_year_principal_mobile_tour", login="principal")
