"""Every step tells the next person (issue 18): an activity for who must act, a
notification for who only needs to know, in the recipient's language; a step
done closes its to-do; a vote cast leaves no trace of when."""

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import BALLOT_PASSPHRASE, SchoolEmulationCase

PREFIX = "school_emulation."


@tagged("post_install", "-at_install")
class TestNotifications(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["ir.module.module"]._load_module_terms(["school_emulation"], ["vi_VN"])
        cls._setup_school()
        for user in cls.users.values():
            user.lang = "vi_VN"
        cls.officer = cls.users["officer"]
        cls.leader = cls.users["leader"]
        cls.staff = cls.users["staff"]
        cls.cset = cls.env["school.emulation.criterion.set"].create(
            {
                "name": "Tiêu chí",
                "company_id": cls.school_a.id,
                "criterion_ids": [
                    Command.create({"name": "Giảng dạy", "max_points": 50}),
                    Command.create({"name": "Chủ nhiệm", "max_points": 40}),
                ],
            }
        )
        cls.movement = cls.env["school.emulation.movement"].create(
            {
                "name": "Dạy tốt - Học tốt",
                "period_id": cls.year.id,
                "criterion_set_id": cls.cset.id,
                "company_id": cls.school_a.id,
                "registration_deadline": "2099-10-15",
                "scoring_deadline": "2099-11-30",
                "responsible_id": cls.officer.id,
                "target_staff": True,
            }
        )
        cls.ldtt = cls.env.ref(PREFIX + "title_ldtt_2025")

    def _activities(self, record, xmlid, user=None):
        domain = [
            ("res_model", "=", record._name),
            ("res_id", "=", record.id),
            ("activity_type_id", "=", self.env.ref(PREFIX + xmlid).id),
        ]
        if user:
            domain.append(("user_id", "=", user.id))
        return self.env["mail.activity"].search(domain)

    def _inbox(self, user, record):
        """Notifications addressed to ``user``'s partner about ``record``."""
        return self.env["mail.message"].search(
            [
                ("model", "=", record._name),
                ("res_id", "=", record.id),
                ("partner_ids", "in", user.partner_id.ids),
            ]
        )

    def _launch_and_register(self):
        self.movement.with_user(self.officer).action_launch()
        registration = (
            self.env["school.emulation.registration"]
            .with_user(self.staff)
            .create(
                {
                    "movement_id": self.movement.id,
                    "subject_type": "employee",
                    "employee_id": self.emp_staff.id,
                    "title_id": self.ldtt.id,
                }
            )
        )
        return registration

    def test_launch_asks_each_staff_member_to_register_in_vietnamese(self):
        self.movement.with_user(self.officer).action_launch()
        staff = self._activities(self.movement, "mail_activity_se_register")
        self.assertEqual(
            staff.user_id, self.emp_staff.user_id | self.emp_leader.user_id
        )
        todo = staff.filtered(lambda a: a.user_id == self.staff)
        self.assertEqual(str(todo.date_deadline), "2099-10-15")
        self.assertIn("Đăng ký thi đua", todo.summary)
        self.assertIn("15/10/2099", todo.note)
        self.assertNotIn("2099-10-15", todo.note)
        # Odoo tells the assignee: a notification of the assignment
        self.assertTrue(self._inbox(self.staff, self.movement))

    def test_submit_tells_the_leader_and_closes_the_staff_todo(self):
        registration = self._launch_and_register()
        registration.with_user(self.staff).action_submit()
        self.assertFalse(
            self._activities(self.movement, "mail_activity_se_register", self.staff)
        )
        review = self._activities(registration, "mail_activity_se_review")
        self.assertEqual(review.user_id, self.leader)
        self.assertIn("Duyệt đăng ký", review.summary)
        self.assertIn(self.emp_staff.name, review.summary)

    def test_return_asks_the_staff_member_again_and_resubmit_closes_it(self):
        registration = self._launch_and_register()
        registration.with_user(self.staff).action_submit()
        registration.with_user(self.leader).action_return("Thiếu chỉ tiêu cụ thể")
        self.assertFalse(self._activities(registration, "mail_activity_se_review"))
        fix = self._activities(registration, "mail_activity_se_fix")
        self.assertEqual(fix.user_id, self.staff)
        self.assertIn("Thiếu chỉ tiêu cụ thể", fix.note)
        registration.with_user(self.staff).action_submit()
        self.assertFalse(self._activities(registration, "mail_activity_se_fix"))
        # submitted again: one review to-do, not two
        self.assertEqual(
            len(self._activities(registration, "mail_activity_se_review")), 1
        )

    def test_accept_notifies_the_staff_member(self):
        registration = self._launch_and_register()
        registration.with_user(self.staff).action_submit()
        registration.with_user(self.leader).action_accept()
        self.assertFalse(self._activities(registration, "mail_activity_se_review"))
        messages = self._inbox(self.staff, registration)
        self.assertTrue(messages)
        self.assertIn("đã được duyệt", messages[0].subject)

    def test_self_score_submitted_asks_the_leader_then_fixes_the_self_score(self):
        registration = self._launch_and_register()
        registration.with_user(self.staff).action_submit()
        registration.with_user(self.leader).action_accept()
        lines = registration.score_ids.sorted("id")
        self.assertTrue(registration.with_user(self.staff).can_self_score)
        self.assertFalse(registration.with_user(self.staff).can_group_score)
        lines[0].with_user(self.staff).write({"self_score": 45})
        with self.assertRaisesRegex(UserError, "Chủ nhiệm"):
            registration.with_user(self.staff).action_submit_self_score()
        lines[1].with_user(self.staff).write({"self_score": 35})
        with self.assertRaises(UserError):
            registration.with_user(self.leader).action_submit_self_score()
        registration.with_user(self.staff).action_submit_self_score()
        self.assertEqual(
            str(registration.self_score_date),
            str(registration._se_today(self.school_a)),
        )
        todo = self._activities(registration, "mail_activity_se_group_score")
        self.assertEqual(todo.user_id, self.leader)
        self.assertIn("80", todo.note)
        self.assertEqual(str(todo.date_deadline), "2099-11-30")
        # the self-score is fixed now, for the staff member, whoever's client
        self.assertFalse(registration.with_user(self.staff).can_self_score)
        with self.assertRaises(UserError):
            lines[0].with_user(self.staff).write({"self_score": 50})
        with self.assertRaises(UserError):
            registration.with_user(self.staff).action_submit_self_score()
        # the leader scores every line: the to-do is done
        lines[0].with_user(self.leader).write({"group_score": 44})
        self.assertTrue(self._activities(registration, "mail_activity_se_group_score"))
        lines[1].with_user(self.leader).write({"group_score": 34})
        self.assertFalse(self._activities(registration, "mail_activity_se_group_score"))


@tagged("post_install", "-at_install")
class TestNotificationsCouncil(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_year()
        cls.officer = cls.users["officer"]

    def test_voting_open_tells_each_present_member_and_a_vote_leaves_no_trace(self):
        proposal = (
            self.env["school.emulation.proposal"]
            .with_user(self.officer)
            .create(
                {
                    "period_id": self.year.id,
                    "level": "school",
                    "authority_id": self.commune.id,
                    "line_ids": [
                        Command.create(
                            {
                                "subject_type": "employee",
                                "employee_id": self.emp_other.id,
                                "title_id": self.cstdcs.id,
                            }
                        )
                    ],
                    "company_id": self.school_a.id,
                }
            )
        )
        session = (
            self.env["school.emulation.council.session"]
            .with_user(self.officer)
            .create(
                {
                    "name": "Họp bổ sung",
                    "council_id": self.council.id,
                    "proposal_ids": [Command.set(proposal.ids)],
                }
            )
        )
        session.action_prepare()
        before = self.env["mail.message"].search([]).ids
        session.action_open(BALLOT_PASSPHRASE)
        # each present member is told (a notification, not a to-do: casting a
        # vote then writes nothing but the voter row and the sealed row)
        told = (
            self.env["mail.message"]
            .search(
                [
                    ("model", "=", session._name),
                    ("res_id", "=", session.id),
                    ("id", "not in", before),
                ]
            )
            .partner_ids
        )
        members = self.env["res.users"].browse([u.id for u in self.council_users])
        self.assertEqual(told & members.partner_id, members.partner_id)
        self.assertFalse(session.activity_ids)
        first = self.council_users[0]
        messages_before = session.message_ids
        session.with_user(first).cast_vote(session._ballot_lines())
        self.assertEqual(session.message_ids, messages_before)

    def test_decision_recorded_tells_the_officer_and_the_people_awarded(self):
        messages = self.env["mail.message"].search(
            [("model", "=", self.decision._name), ("res_id", "=", self.decision.id)]
        )
        told = messages.partner_ids
        self.assertIn(self.users["staff"].partner_id, told)
        self.assertIn(self.users["leader"].partner_id, told)
        self.assertIn(self.officer.partner_id, told)
        self.assertNotIn(self.officer_b.partner_id, told)
        notice = messages.filtered(
            lambda m: self.users["staff"].partner_id in m.partner_ids
        )
        self.assertIn("125/QĐ-UBND", notice[0].subject)

    def test_posting_asks_the_officer_and_tells_the_candidates(self):
        proposal = self.proposal_published
        posting = self.env.ref(PREFIX + "mail_activity_proposal_posting")
        todo = proposal.activity_ids.filtered(lambda a: a.activity_type_id == posting)
        self.assertIn(self.officer, todo.user_id)
        self.assertNotIn(self.env.ref("base.user_root"), todo.user_id)
        self.assertEqual(todo[0].date_deadline, proposal.posting_end)
        told = (
            self.env["mail.message"]
            .search([("model", "=", proposal._name), ("res_id", "=", proposal.id)])
            .partner_ids
        )
        self.assertIn(self.users["staff"].partner_id, told)
