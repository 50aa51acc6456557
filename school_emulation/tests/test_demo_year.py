"""The demo school's 2025-2026 award year tells a complete, consistent story."""

from odoo.tests import tagged
from odoo.tests.common import TransactionCase


# reads the demo school: run on a database with demo (scripts/test.sh, database 2)
@tagged("post_install", "-at_install", "school_emulation_demo")
class TestDemoYear(TransactionCase):
    def setUp(self):
        super().setUp()
        self.proposal = self.env.ref(
            "school_emulation.proposal_2025_school_demo", raise_if_not_found=False
        )
        if not self.proposal:
            self.fail("demo data of school_emulation is not installed")

    def test_council_ballot_and_decision(self):
        session = self.env.ref("school_emulation.council_session_2025_demo")
        self.assertEqual(session.state, "closed")
        self.assertEqual(session.voted_count, 7)
        results = sorted(
            (line.vote_yes, line.vote_passed) for line in session._ballot_lines()
        )
        self.assertEqual(results, [(5, False), (6, True), (7, True)])
        self.assertIn("BIÊN BẢN KIỂM PHIẾU", session.ballot_minutes_html)
        self.assertEqual(self.proposal.state, "decided")
        decision = self.proposal.decision_ids
        self.assertEqual((decision.name, decision.state), ("215/QĐ-UBND", "confirmed"))
        paid = {
            a.title_code: a.bonus_amount for a in decision.award_ids if a.bonus_amount
        }
        # Base salary 2,530,000 from 01/07/2026 (NĐ 161/2026), rounded up.
        self.assertEqual(paid["LDTT"], 760000)
        self.assertEqual(paid["CSTDCS"], 2530000)
        self.assertEqual(paid.get("TTLDTT", 2030000), 2030000)

    def test_chain_candidate_is_eligible_for_the_province_title(self):
        draft = self.env.ref("school_emulation.proposal_2025_cstd_tinh_demo")
        self.assertEqual(draft.state, "draft")
        draft.action_check_eligibility()
        self.assertTrue(draft.line_ids.eligible, draft.line_ids.eligibility_reasons)
        history = self.env.ref("school_emulation.employee_tt_toan_demo")
        self.assertGreaterEqual(
            len(
                history.emulation_award_ids.filtered(lambda a: a.title_code == "CSTDCS")
            ),
            4,
        )

    def test_initiatives_and_exemplars(self):
        graded = self.env.ref("school_emulation.initiative_sk_toan_demo")
        self.assertEqual(graded.state, "recognised")
        self.assertEqual(len(graded.review_ids), 3)
        self.assertTrue(graded.score_normalised)
        pending = self.env.ref("school_emulation.initiative_sk_hoa_demo")
        self.assertTrue(pending.recusal_ids)
        stages = set(self.env["school.emulation.exemplar"].search([]).mapped("state"))
        self.assertEqual(
            stages, {"spotted", "nurturing", "recognised", "replicated", "archived"}
        )

    def test_every_proposal_stage_and_three_past_years(self):
        """The board shows a proposal in every stage; three past school years of
        awards feed the chains; every role has a demo login."""
        school = self.proposal.company_id
        proposals = self.env["school.emulation.proposal"].search(
            [("company_id", "=", school.id)]
        )
        stages = {key for key, _label in proposals._fields["state"].selection}
        self.assertEqual(set(proposals.mapped("state")), stages)
        ready = self.env.ref("school_emulation.proposal_2025_gk_hsg_demo")
        self.assertEqual(ready.state, "published")
        self.assertFalse(ready._submission_problems())
        past = self.env["school.emulation.award"].search(
            [("company_id", "=", school.id), ("source", "=", "history")]
        )
        self.assertEqual(
            set(past.mapped("period_id.name")), {"2022-2023", "2023-2024", "2024-2025"}
        )
        self.assertTrue(past.filtered(lambda a: a.subject_type == "student"))
        self.assertTrue(past.filtered(lambda a: a.subject_type == "department"))
        logins = {"officer", "leader", "teacher", "council", "principal"}
        users = self.env["res.users"].search([("login", "in", list(logins))])
        self.assertEqual(set(users.mapped("login")), logins)
        principal = users.filtered(lambda u: u.login == "principal")
        self.assertTrue(
            principal.has_group("school_emulation.group_school_emulation_manager")
        )

    def test_the_demo_tells_real_users_in_vietnamese(self):
        """The demo's open steps are to-dos of the demo users (never OdooBot), in
        Vietnamese; the launched movement's registration deadline lies ahead of
        the day the demo was installed."""
        movement = self.env.ref("school_emulation.movement_vhcs_demo")
        installed = movement.create_date.date()
        self.assertGreater(movement.registration_deadline, installed)
        ours = self.env["mail.activity"].search(
            [("res_model", "like", "school.emulation.")]
        )
        self.assertTrue(ours)
        self.assertFalse(ours.filtered(lambda a: a.user_id.login == "__system__"))
        asked = ours.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("school_emulation.mail_activity_se_register")
        )
        self.assertTrue(asked)
        # in the recipient's language: Vietnamese where it is installed (the
        # set-up installs it; the test database may not)
        vietnamese = "vi_VN" in dict(self.env["res.lang"].get_installed())
        register, review_text = (
            ("Đăng ký thi đua", "Duyệt đăng ký")
            if vietnamese
            else ("Register for", "Review the registration")
        )
        self.assertTrue(all(a.summary.startswith(register) for a in asked))
        self.assertTrue(all(a.date_deadline > installed for a in asked))
        review = ours.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("school_emulation.mail_activity_se_review")
        )
        self.assertEqual(len(review), 4)
        self.assertTrue(all(r.summary.startswith(review_text) for r in review))
        # every to-do is a real user's of the school
        self.assertTrue(all(not a.user_id.share for a in ours))
        self.assertEqual(
            ours.user_id.company_ids & movement.company_id, movement.company_id
        )

    def test_scored_sheets_have_their_self_score_submitted(self):
        """The demo's scored sheets were self-scored and submitted: their owners no
        longer change the self-score (the council has scored them)."""
        accepted = self.env["school.emulation.registration"].search(
            [
                (
                    "movement_id",
                    "=",
                    self.env.ref("school_emulation.movement_dmst_demo").id,
                ),
                ("state", "=", "accepted"),
            ]
        )
        self.assertTrue(accepted)
        self.assertTrue(all(accepted.mapped("self_score_date")))
        teacher = self.env.ref("school_emulation.user_teacher_demo")
        own = accepted.filtered(lambda r: r.user_id == teacher).with_user(teacher)
        self.assertTrue(own)
        self.assertFalse(own.can_submit_self_score)
        self.assertFalse(own.can_self_score)
