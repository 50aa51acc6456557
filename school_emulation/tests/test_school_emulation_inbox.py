"""The body above the schools in the same database (issue 19): a school's proposal
arrives in its commune's inbox, the commune answers it (returned or accepted),
consolidates the accepted candidates of its schools, decides, and every award
lands in its school's award history; nobody retypes. Two communes and their
schools never reach one another's records."""

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger

from .common import (
    PREFIX,
    ROLE_GROUPS,
    JsonRpcMixin,
    SchoolEmulationCase,
    SchoolFixtures,
)


class ChainFixtures(SchoolFixtures):
    """Two communes: X above schools A and B, Y above school C; an officer of
    each (a mixin for the ORM tests and the JSON-RPC ones)."""

    @classmethod
    def _setup_chain(cls):
        cls._setup_school()
        env = cls.env
        Company = env["res.company"]
        cls.chair = env.ref(PREFIX + "authority_commune_chair")
        cls.form_xa = env.ref(PREFIX + "award_form_gk_xa_2025")
        cls.commune_x = Company.create(
            {
                "name": "UBND xã Thử Nghiệm",
                "emulation_level": "commune",
                "emulation_doc_code": "UBND",
                "emulation_authority_id": cls.chair.id,
            }
        )
        cls.commune_y = Company.create(
            {"name": "UBND xã Bên Cạnh", "emulation_level": "commune"}
        )
        cls.school_a.emulation_superior_id = cls.commune_x
        cls.school_b.emulation_superior_id = cls.commune_x
        cls.school_c = Company.create(
            {"name": "THCS Xã Bên", "emulation_superior_id": cls.commune_y.id}
        )
        cls.x_officer = cls._officer(cls.commune_x, "se_x_officer")
        cls.y_officer = cls._officer(cls.commune_y, "se_y_officer")
        cls.c_officer = cls._officer(cls.school_c, "se_c_officer")
        cls.officer = cls.users["officer"]
        cls.x_year = cls._period("2040-2041", "2040-09-01", "2041-08-31", cls.commune_x)
        cls.y_year = cls._period("2040-2041", "2040-09-01", "2041-08-31", cls.commune_y)
        cls.b_year = cls._period("2040-2041", "2040-09-01", "2041-08-31", cls.school_b)
        cls.c_year = cls._period("2040-2041", "2040-09-01", "2041-08-31", cls.school_c)

    @classmethod
    def _officer(cls, company, login):
        return new_test_user(
            cls.env,
            login=login,
            password=login,
            groups=PREFIX + ROLE_GROUPS["officer"],
            company_id=company.id,
            company_ids=[company.id],
        )

    def _school_proposal(self, employees=None, officer=None, form=None, **vals):
        """An ad-hoc proposal of school A (no council, no posting) for the
        commune's Giấy khen, submitted to the commune."""
        officer = officer or self.officer
        employees = employees or self.emp_staff | self.emp_other
        proposal = (
            self.env["school.emulation.proposal"]
            .with_user(officer)
            .create(
                {
                    "period_id": self.year.id,
                    "kind": "ad_hoc",
                    "description": "Đề nghị khen thưởng đột xuất",
                    "authority_id": self.chair.id,
                    "company_id": self.school_a.id,
                    "line_ids": [
                        Command.create(
                            {
                                "subject_type": "employee",
                                "employee_id": emp.id,
                                "award_form_id": (form or self.form_xa).id,
                                "award_type": "ad_hoc",
                                "achievement": f"Thành tích của {emp.name}",
                            }
                        )
                        for emp in employees
                    ],
                    **vals,
                }
            )
        )
        self._submit(proposal, officer)
        return proposal.with_user(officer)

    def _inbox(self, proposal):
        return self.env["school.emulation.inbox"].search(
            [("proposal_id", "=", proposal.id)]
        )


@tagged("post_install", "-at_install")
class TestSuperiorChain(ChainFixtures, SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_chain()

    def _decide_at_commune(self, number_date="2041-06-20"):
        """The commune consolidates its accepted inbox, approves every candidate
        by consensus, submits to its own chairman and confirms the decision."""
        officer = self.x_officer
        proposal = (
            self.env["school.emulation.proposal"]
            .with_user(officer)
            .create(
                {
                    "period_id": self.x_year.id,
                    "kind": "ad_hoc",
                    "description": "Khen thưởng đột xuất các trường",
                    "authority_id": self.chair.id,
                    "company_id": self.commune_x.id,
                }
            )
        )
        proposal.action_fill_from_received()
        proposal.line_ids.action_approve()
        self._submit(proposal, officer)
        self.assertFalse(
            proposal.receiving_company_id, "the commune decides within its authority"
        )
        action = proposal.action_record_decision()
        decision = (
            self.env["school.emulation.decision"]
            .with_user(officer)
            .browse(action["res_id"])
        )
        decision.write({"date": number_date, "signer": "Chủ tịch UBND xã"})
        decision.action_confirm()
        return proposal, decision

    # ------------------------------------------------------------------ flow
    def test_round_goes_from_the_school_to_its_award_history(self):
        proposal = self._school_proposal()
        self.assertEqual(proposal.state, "submitted")
        self.assertEqual(proposal.receiving_company_id, self.commune_x)
        inbox = self._inbox(proposal)
        self.assertEqual(inbox.company_id, self.commune_x)
        self.assertEqual(inbox.state, "waiting")
        self.assertEqual(inbox.sender_company_id, self.school_a)
        self.assertEqual(inbox.period_id, self.x_year)
        self.assertEqual(inbox.to_trinh_number, proposal.to_trinh_number)
        self.assertEqual(
            sorted(inbox.line_ids.mapped("subject_name")),
            sorted((self.emp_staff | self.emp_other).mapped("name")),
        )
        # the dossier files travel as copies held by the commune
        self.assertTrue(inbox.attachment_ids)
        self.assertEqual(
            set(inbox.attachment_ids.mapped("res_model")), {"school.emulation.inbox"}
        )
        self.assertEqual(
            inbox.attachment_ids.mapped("checksum"),
            proposal.sudo().document_ids.attachment_ids.mapped("checksum"),
        )
        # the commune's officer is given the review
        review = inbox.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref(PREFIX + "mail_activity_se_receive")
        )
        self.assertEqual(review.user_id, self.x_officer)

        # accepted: the day and the rule set reach the school's proposal
        inbox.with_user(self.x_officer).action_accept("2041-06-01")
        self.assertEqual(inbox.state, "accepted")
        self.assertEqual(str(proposal.accepted_date), "2041-06-01")
        self.assertTrue(proposal.rule_basis_id)
        self.assertEqual(proposal.rule_basis_id, inbox.rule_basis_id)
        self.assertFalse(inbox.activity_ids.filtered(lambda a: a in review))

        commune_proposal, decision = self._decide_at_commune()
        self.assertEqual(len(commune_proposal.line_ids), 2)
        self.assertEqual(
            set(commune_proposal.line_ids.mapped("unit_name")), {"THCS Test A"}
        )
        self.assertRegex(decision.name, r"^\d{2}/QĐ-UBND$", "the commune's register")
        self.assertEqual(decision.state, "confirmed")
        self.assertEqual(decision.company_id, self.commune_x)

        # every award is in its school's history, as the commune gave it
        received = self.env["school.emulation.award"].search(
            [("origin_award_id", "in", decision.award_ids.ids)]
        )
        self.assertEqual(len(received), 2)
        self.assertEqual(set(received.mapped("company_id")), {self.school_a})
        self.assertEqual(set(received.mapped("source")), {"superior"})
        self.assertEqual(set(received.mapped("decision_number")), {decision.name})
        self.assertEqual(set(received.mapped("authority_id")), {self.chair})
        self.assertEqual(
            sorted(received.mapped("so_vang_number")),
            sorted(decision.award_ids.mapped("so_vang_number")),
        )
        staff_award = received.filtered(lambda a: a.employee_id == self.emp_staff)
        self.assertIn(staff_award, self.emp_staff.emulation_award_ids)
        self.assertEqual(staff_award.proposal_line_id.proposal_id, proposal)
        # the commune's own history does not list what it gave the schools
        self.assertFalse(self.commune_x.emulation_award_ids)
        self.assertEqual(proposal.state, "decided")
        self.assertEqual(inbox.state, "decided")
        # the school's officer and the teacher awarded are told
        for user in (self.officer, self.users["staff"]):
            notices = self.env["mail.message"].search(
                [
                    ("model", "=", "school.emulation.proposal"),
                    ("res_id", "=", proposal.id),
                    ("message_type", "=", "user_notification"),
                    ("partner_ids", "in", user.partner_id.ids),
                ]
            )
            self.assertTrue(notices, f"{user.login} is told of the decision")
            self.assertIn(decision.name, notices[0].body)
        # the awards of the superior are locked in the school
        with self.assertRaises(UserError):
            staff_award.with_user(self.officer).write({"achievement": "Sửa"})
        with self.assertRaises(UserError):
            staff_award.with_user(self.officer).unlink()
        # revoked by the commune: revoked in the school's history too, and told
        revoke = (
            self.env["school.emulation.revoke"]
            .with_user(self.x_officer)
            .create(
                {
                    "decision_id": decision.id,
                    "award_ids": [Command.set(staff_award.origin_award_id.ids)],
                    "reason": "Thành tích không đúng thực tế",
                }
            )
        )
        revoke.action_revoke()
        self.assertEqual(staff_award.state, "revoked")
        self.assertEqual(staff_award.revoke_reason, "Thành tích không đúng thực tế")
        self.assertEqual(
            (received - staff_award).mapped("state"), ["confirmed"], "the other stays"
        )
        told = self.env["mail.message"].search(
            [
                ("model", "=", "school.emulation.award"),
                ("res_id", "=", staff_award.id),
                ("message_type", "=", "user_notification"),
                ("partner_ids", "in", self.officer.partner_id.ids),
            ]
        )
        self.assertIn("UBND xã Thử Nghiệm", told.body)

    def _consolidate_and_send(self, officer, company, period, authority):
        proposal = (
            self.env["school.emulation.proposal"]
            .with_user(officer)
            .create(
                {
                    "period_id": period.id,
                    "kind": "ad_hoc",
                    "authority_id": authority.id,
                    "company_id": company.id,
                }
            )
        )
        proposal.action_fill_from_received()
        proposal.line_ids.action_approve()
        self._submit(proposal, officer)
        return proposal

    def test_a_higher_award_is_forwarded_to_the_province_and_comes_back(self):
        province = self.env["res.company"].create(
            {"name": "UBND tỉnh Thử Nghiệm", "emulation_level": "province"}
        )
        self.commune_x.emulation_superior_id = province
        p_officer = self._officer(province, "se_p_officer")
        p_year = self._period("2040-2041", "2040-09-01", "2041-08-31", province)
        province_chair = self.env.ref(PREFIX + "authority_province_chair")
        bk_tinh = self.env.ref(PREFIX + "award_form_bk_tinh_2025")
        school_proposal = self._school_proposal(
            self.emp_staff, form=bk_tinh, authority_id=province_chair.id
        )
        school_inbox = self._inbox(school_proposal)
        school_inbox.with_user(self.x_officer).action_accept("2041-06-01")
        forwarded = self._consolidate_and_send(
            self.x_officer, self.commune_x, self.x_year, province_chair
        )
        self.assertEqual(forwarded.receiving_company_id, province)
        self.assertRegex(forwarded.to_trinh_number, r"/TTr-UBND$", "its own tờ trình")
        province_inbox = self._inbox(forwarded)
        self.assertEqual(province_inbox.sender_company_id, self.commune_x)
        self.assertEqual(province_inbox.line_ids.subject_name, self.emp_staff.name)
        province_inbox.with_user(p_officer).action_accept("2041-06-10")
        decided = self._consolidate_and_send(
            p_officer, province, p_year, province_chair
        )
        action = decided.action_record_decision()
        decision = (
            self.env["school.emulation.decision"]
            .with_user(p_officer)
            .browse(action["res_id"])
        )
        decision.write({"date": "2041-07-01", "signer": "Chủ tịch UBND tỉnh"})
        decision.action_confirm()
        at_school = self.env["school.emulation.award"].search(
            [("company_id", "=", self.school_a.id), ("source", "=", "superior")]
        )
        self.assertEqual(at_school.employee_id, self.emp_staff)
        self.assertEqual(at_school.decision_number, decision.name)
        self.assertEqual(at_school.authority_id, province_chair)
        self.assertEqual(at_school.origin_award_id.company_id, self.commune_x)
        self.assertEqual(at_school.origin_award_id.origin_award_id, decision.award_ids)
        for record in (school_proposal, forwarded, decided):
            self.assertEqual(record.state, "decided")
        self.assertEqual(school_inbox.state, "decided")
        self.assertEqual(province_inbox.state, "decided")

    def test_a_movement_goes_down_to_every_school(self):
        criteria = self.env["school.emulation.criterion.set"].create(
            {
                "name": "Tiêu chí phong trào của xã",
                "company_id": self.commune_x.id,
                "criterion_ids": [
                    Command.create({"name": "Đổi mới phương pháp", "max_points": 60}),
                    Command.create({"name": "Ứng dụng CNTT", "max_points": 40}),
                ],
            }
        )
        movement = (
            self.env["school.emulation.movement"]
            .with_user(self.x_officer)
            .create(
                {
                    "name": "Dạy tốt, học tốt năm học 2040-2041",
                    "period_id": self.x_year.id,
                    "criterion_set_id": criteria.id,
                    "launch_number": "199/KH-UBND",
                    "launch_date": "2040-09-05",
                    "registration_deadline": "2040-10-15",
                    "company_id": self.commune_x.id,
                }
            )
        )
        self.assertTrue(movement.has_units)
        with self.assertRaises(UserError):
            movement.action_send_to_units()  # not launched yet
        movement.action_launch()
        movement.action_send_to_units()
        Movement = self.env["school.emulation.movement"]
        sent = Movement.search([("parent_id", "=", movement.id)])
        self.assertEqual(sent.company_id, self.school_a | self.school_b)
        at_a = sent.filtered(lambda m: m.company_id == self.school_a)
        self.assertEqual((at_a.state, at_a.period_id), ("draft", self.year))
        self.assertEqual(
            at_a.superior_reference,
            "Kế hoạch số 199/KH-UBND ngày 05/09/2040 của UBND xã Thử Nghiệm về "
            "Dạy tốt, học tốt năm học 2040-2041",
        )
        self.assertEqual(at_a.criterion_set_id.company_id, self.school_a)
        self.assertEqual(
            at_a.criterion_set_id.criterion_ids.mapped("name"),
            criteria.criterion_ids.mapped("name"),
        )
        launch = at_a.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref(PREFIX + "mail_activity_se_launch")
        )
        self.assertIn(self.officer, launch.user_id)
        movement.action_send_to_units()  # sent once to each school
        self.assertEqual(Movement.search_count([("parent_id", "=", movement.id)]), 2)

        # the school launches it; the commune sees who registered, not the sheets
        at_a.with_user(self.officer).action_launch()
        registration = self.env["school.emulation.registration"].create(
            {
                "movement_id": at_a.id,
                "subject_type": "employee",
                "employee_id": self.emp_staff.id,
                "title_id": self.env.ref(PREFIX + "title_ldtt_2025").id,
            }
        )
        registration.with_user(self.users["staff"]).action_submit()
        rows = (
            self.env["school.emulation.unit.movement"]
            .with_user(self.x_officer)
            .search([("superior_movement_id", "=", movement.id)])
        )
        by_unit = {row.unit_company_id: row for row in rows}
        self.assertEqual(set(by_unit), {self.school_a, self.school_b})
        self.assertEqual(
            (by_unit[self.school_a].state, by_unit[self.school_a].registration_count),
            ("launched", 1),
        )
        self.assertEqual(by_unit[self.school_b].state, "draft")
        self.assertFalse(
            self.env["school.emulation.unit.movement"]
            .with_user(self.y_officer)
            .search([])
        )
        with self.assertRaises(UserError):
            registration.with_user(self.x_officer).read(["state"])
        # a school cannot hang its movement under another commune's plan
        other = self.env["school.emulation.movement"].create(
            {
                "name": "Phong trào của xã bên",
                "period_id": self.y_year.id,
                "company_id": self.commune_y.id,
            }
        )
        with self.assertRaises(ValidationError):
            at_a.with_user(self.officer).write({"parent_id": other.id})

    def test_the_commune_reviews_and_posts_its_consolidated_list(self):
        """An annual round at the commune: its council decides each candidate
        (by consensus for a Giấy khen), the list is posted publicly, then the
        chairman decides."""
        proposal = self._school_proposal(self.emp_staff)
        self._inbox(proposal).with_user(self.x_officer).action_accept("2041-06-01")
        commune_proposal = (
            self.env["school.emulation.proposal"]
            .with_user(self.x_officer)
            .create(
                {
                    "period_id": self.x_year.id,
                    "kind": "annual",
                    "authority_id": self.chair.id,
                    "company_id": self.commune_x.id,
                }
            )
        )
        commune_proposal.action_fill_from_received()
        with self.assertRaises(UserError):
            commune_proposal.action_council_review()  # the council has not decided
        commune_proposal.line_ids.action_approve()
        commune_proposal.action_council_review()
        commune_proposal.action_publish()
        self.assertEqual(commune_proposal.state, "published")
        self.assertTrue(commune_proposal.posting_end)
        with self.assertRaises(UserError):
            commune_proposal.action_submit()  # still posted
        self._submit(commune_proposal, self.x_officer)
        decision = (
            self.env["school.emulation.decision"]
            .with_user(self.x_officer)
            .browse(commune_proposal.action_record_decision()["res_id"])
        )
        decision.write({"date": "2041-06-25", "signer": "Chủ tịch UBND xã"})
        decision.action_confirm()
        self.assertEqual(proposal.state, "decided")
        self.assertEqual(
            self.emp_staff.emulation_award_ids.mapped("decision_number"),
            [decision.name],
        )

    def test_the_register_passes_over_numbers_given_before(self):
        """A database upgraded from the first versions holds numbers its register
        never gave: a new proposal passes over them (the upgrade path)."""
        Proposal = self.env["school.emulation.proposal"].with_user(self.officer)
        values = {"period_id": self.year.id, "company_id": self.school_a.id}
        first = Proposal.create(values)
        register = self.school_a._se_register("proposal")
        rewind = int(first.name.rsplit("/", 1)[1])
        (register.date_range_ids or register).sudo().write(
            {"number_next_actual": rewind}
        )
        second = Proposal.create(values)
        self.assertNotEqual(second.name, first.name)
        self.assertEqual(int(second.name.rsplit("/", 1)[1]), rewind + 1)

    def test_returned_for_completion_and_sent_again(self):
        proposal = self._school_proposal(self.emp_staff)
        inbox = self._inbox(proposal)
        answer = (
            self.env["school.emulation.inbox.answer"]
            .with_user(self.x_officer)
            .create(
                {
                    "inbox_id": inbox.id,
                    "action": "return",
                    "reason": "Thiếu báo cáo thành tích có xác nhận",
                }
            )
        )
        answer.action_confirm()
        self.assertEqual(inbox.state, "returned")
        self.assertEqual(proposal.state, "returned")
        self.assertEqual(proposal.return_reason, "Thiếu báo cáo thành tích có xác nhận")
        fix = proposal.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref(PREFIX + "mail_activity_se_complete")
        )
        self.assertIn(self.officer, fix.user_id)
        self.assertNotIn(self.x_officer, fix.user_id)
        self.assertIn("UBND xã Thử Nghiệm", fix[:1].summary)
        # completed and sent again: the same received proposal, refreshed
        proposal.write(
            {
                "line_ids": [
                    Command.create(
                        {
                            "subject_type": "employee",
                            "employee_id": self.emp_other.id,
                            "award_form_id": self.form_xa.id,
                            "award_type": "ad_hoc",
                        }
                    )
                ]
            }
        )
        proposal.action_submit()
        again = self._inbox(proposal)
        self.assertEqual(again, inbox)
        self.assertEqual(inbox.state, "waiting")
        self.assertFalse(inbox.return_reason)
        self.assertEqual(len(inbox.line_ids), 2)

    def test_counters_per_school(self):
        sent = self._school_proposal(self.emp_staff)
        returned = self._school_proposal(self.emp_other)
        self._inbox(returned).with_user(self.x_officer).action_return("Thiếu hồ sơ")
        self.env["school.emulation.proposal"].with_user(self.officer_b).create(
            {
                "period_id": self.b_year.id,
                "authority_id": self.chair.id,
                "company_id": self.school_b.id,
            }
        )
        rows = (
            self.env["school.emulation.unit.status"]
            .with_user(self.x_officer)
            .search([])
        )
        by_unit = {row.unit_company_id: row for row in rows}
        self.assertEqual(set(by_unit), {self.school_a, self.school_b})
        a, b = by_unit[self.school_a], by_unit[self.school_b]
        self.assertEqual(a.period_id, self.x_year)
        self.assertEqual(
            (a.not_sent_count, a.waiting_count, a.returned_count, a.accepted_count),
            (0, 1, 1, 0),
        )
        self.assertEqual(a.candidate_count, 2)
        self.assertEqual((b.not_sent_count, b.waiting_count), (1, 0))
        self._inbox(sent).with_user(self.x_officer).action_accept("2041-06-02")
        self._decide_at_commune()
        a = (
            self.env["school.emulation.unit.status"]
            .with_user(self.x_officer)
            .search([("unit_company_id", "=", self.school_a.id)])
        )
        self.assertEqual(
            (a.waiting_count, a.returned_count, a.decided_count), (0, 1, 1)
        )
        # another commune sees its own school only
        self.assertEqual(
            self.env["school.emulation.unit.status"]
            .with_user(self.y_officer)
            .search([])
            .unit_company_id,
            self.school_c,
        )

    # ------------------------------------------------------------- bad input
    def test_the_school_does_not_answer_for_its_commune(self):
        proposal = self._school_proposal(self.emp_staff)
        for call in (
            lambda: proposal.action_record_acceptance("2041-06-01"),
            lambda: proposal._set_reason("return", "tự trả"),
            lambda: proposal.action_record_decision(),
        ):
            with self.assertRaises(UserError):
                call()
        self.assertEqual(proposal.state, "submitted")
        self.assertFalse(proposal.accepted_date)
        with self.assertRaises(UserError):
            proposal.write({"receiving_company_id": self.commune_y.id})
        self.assertEqual(proposal.receiving_company_id, self.commune_x)

    def test_proposal_to_a_body_that_is_not_the_superior_is_refused(self):
        other_body = self.chair.copy(
            {"code": "CT_UBND_XA_BEN", "company_id": self.commune_y.id}
        )
        self.commune_y.emulation_authority_id = other_body
        with self.assertRaises(UserError) as caught:
            self._school_proposal(self.emp_staff, authority_id=other_body.id)
        self.assertIn("UBND xã Thử Nghiệm", str(caught.exception))
        proposal = self.env["school.emulation.proposal"].search(
            [("company_id", "=", self.school_a.id)]
        )
        self.assertFalse(proposal.filtered(lambda p: p.state == "submitted"))
        self.assertFalse(self.env["school.emulation.inbox"].search([]))

    def test_a_received_proposal_is_not_typed_in(self):
        Inbox = self.env["school.emulation.inbox"].with_user(self.x_officer)
        with self.assertRaises(UserError):
            Inbox.create({"sender_name": "THCS Giả", "company_id": self.commune_x.id})
        inbox = self._inbox(self._school_proposal(self.emp_staff)).with_user(
            self.x_officer
        )
        with self.assertRaises(UserError):
            inbox.write({"sender_name": "Trường khác"})
        with self.assertRaises(UserError):
            inbox.line_ids[:1].write({"subject_name": "Người khác"})
        with self.assertRaises(UserError):
            inbox.write({"state": "accepted"})
        with self.assertRaises(UserError):
            inbox.action_return("  ")
        with self.assertRaises(UserError):
            inbox.action_accept("2000-01-01")  # before it was sent
        self.assertEqual(inbox.state, "waiting")

    def test_a_decision_naming_another_communes_candidate_is_refused(self):
        c_proposal = (
            self.env["school.emulation.proposal"]
            .with_user(self.c_officer)
            .create(
                {
                    "period_id": self.c_year.id,
                    "kind": "ad_hoc",
                    "authority_id": self.chair.id,
                    "company_id": self.school_c.id,
                    "line_ids": [
                        Command.create(
                            {
                                "subject_type": "school",
                                "award_form_id": self.form_xa.id,
                                "award_type": "ad_hoc",
                            }
                        )
                    ],
                }
            )
        )
        self._submit(c_proposal, self.c_officer)
        y_line = self._inbox(c_proposal).line_ids
        self.assertEqual(y_line.company_id, self.commune_y)
        decision = (
            self.env["school.emulation.decision"]
            .with_user(self.x_officer)
            .create(
                {
                    "authority_id": self.chair.id,
                    "period_id": self.x_year.id,
                    "company_id": self.commune_x.id,
                }
            )
        )
        with self.assertRaises(ValidationError) as caught:
            self.env["school.emulation.award"].with_user(self.x_officer).create(
                {
                    "decision_id": decision.id,
                    "subject_type": "school",
                    "award_form_id": self.form_xa.id,
                    "period_id": self.x_year.id,
                    "inbox_line_id": y_line.id,
                    "company_id": self.commune_x.id,
                }
            )
        self.assertIn("UBND xã Bên Cạnh", str(caught.exception))
        self.assertFalse(
            self.env["school.emulation.award"].search(
                [("decision_id", "=", decision.id)]
            ),
            "nothing written",
        )
        with self.assertRaises(ValidationError) as caught:
            self.env["school.emulation.proposal.line"].with_user(self.x_officer).create(
                {
                    "proposal_id": self.env["school.emulation.proposal"]
                    .with_user(self.x_officer)
                    .create(
                        {
                            "period_id": self.x_year.id,
                            "authority_id": self.chair.id,
                            "company_id": self.commune_x.id,
                        }
                    )
                    .id,
                    "subject_type": "school",
                    "award_form_id": self.form_xa.id,
                    "inbox_line_id": y_line.id,
                }
            )
        self.assertIn("UBND xã Bên Cạnh", str(caught.exception))
        # a superior's award is never made by a client
        with self.assertRaises(UserError):
            self.env["school.emulation.award"].with_user(self.officer).create(
                {
                    "source": "superior",
                    "subject_type": "employee",
                    "employee_id": self.emp_staff.id,
                    "award_form_id": self.form_xa.id,
                    "period_id": self.year.id,
                    "company_id": self.school_a.id,
                }
            )

    def test_the_chain_cannot_loop_or_go_down(self):
        with self.assertRaises(ValidationError):
            self.commune_x.emulation_superior_id = self.school_a
        with self.assertRaises(ValidationError):
            self.school_b.emulation_superior_id = self.school_c

    # ------------------------------------------------------------- isolation
    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_communes_and_schools_reach_only_their_own(self):
        proposal = self._school_proposal(self.emp_staff)
        inbox = self._inbox(proposal)
        Inbox = self.env["school.emulation.inbox"]
        self.assertEqual(Inbox.with_user(self.x_officer).search([]), inbox)
        self.assertFalse(Inbox.with_user(self.y_officer).search([]))
        self.assertFalse(Inbox.with_user(self.officer).search([]))
        self.assertFalse(Inbox.with_user(self.officer_b).search([]))
        for user in (self.y_officer, self.officer, self.officer_b):
            with self.assertRaises(AccessError):
                inbox.with_user(user).read(["sender_name"])
            with self.assertRaises(AccessError):
                inbox.line_ids.with_user(user).read(["subject_name"])
            with self.assertRaises(AccessError):
                inbox.attachment_ids[:1].with_user(user).read(["datas"])
        with self.assertRaises(UserError):
            inbox.with_user(self.y_officer).action_accept("2041-06-01")
        self.assertEqual(inbox.state, "waiting")
        # the commune reads its copy, never the school's records
        for record in (proposal, proposal.line_ids, self.emp_staff):
            with self.assertRaises(AccessError):
                record.with_user(self.x_officer).read(["display_name"])
        # after the decision: school B and commune Y see none of school A's awards
        inbox.with_user(self.x_officer).action_accept("2041-06-01")
        _proposal, decision = self._decide_at_commune()
        Award = self.env["school.emulation.award"]
        received = Award.search([("origin_award_id", "in", decision.award_ids.ids)])
        self.assertEqual(
            Award.with_user(self.officer).search([("id", "in", received.ids)]), received
        )
        for user in (self.officer_b, self.y_officer, self.c_officer):
            self.assertFalse(
                Award.with_user(user).search(
                    [("id", "in", (received | decision.award_ids).ids)]
                )
            )
        self.assertFalse(
            Award.with_user(self.officer).search(
                [("id", "in", decision.award_ids.ids)]
            ),
            "the commune's own awards stay there",
        )


@tagged("post_install", "-at_install")
class TestSuperiorChainJsonRpc(JsonRpcMixin, ChainFixtures, HttpCase):
    """The same promises as the web client would try to break them: JSON-RPC
    ``call_kw`` with the caller's own values and context keys."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_users()
        cls._setup_chain()

    def _refused(self, login, calls):
        self.authenticate(login, login)
        for model, method, args, kwargs in calls:
            _result, error = self.json_rpc(model, method, args, kwargs)
            self.assertTrue(error, f"{login}: {model}.{method} went through")
            self.assertIn(
                error.get("name"),
                {
                    "odoo.exceptions.UserError",
                    "odoo.exceptions.AccessError",
                    "odoo.exceptions.ValidationError",
                },
                f"{login}: {model}.{method} failed otherwise: {error.get('message')}",
            )

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule", "odoo.models")
    def test_no_client_answers_forges_or_reads_across_the_chain(self):
        proposal = self._school_proposal(self.emp_staff)
        inbox = self._inbox(proposal)
        Inbox, Line = "school.emulation.inbox", "school.emulation.inbox.line"
        self._refused(
            "se_x_officer",
            [
                (Inbox, "write", [inbox.ids, {"state": "accepted"}], {}),
                (Inbox, "write", [inbox.ids, {"accepted_date": "2041-06-01"}], {}),
                (Inbox, "write", [inbox.ids, {"name": "Hồ sơ khác"}], {}),
                (
                    Line,
                    "write",
                    [inbox.line_ids.ids, {"subject_name": "Người khác"}],
                    {},
                ),
                (
                    Inbox,
                    "create",
                    [{"sender_name": "THCS Giả", "company_id": self.commune_x.id}],
                    {"context": {"default_state": "accepted"}},
                ),
                # the school's own records stay the school's
                ("school.emulation.proposal", "read", [proposal.ids, ["name"]], {}),
                (
                    "school.emulation.proposal",
                    "action_record_acceptance",
                    [proposal.ids, "2041-06-01"],
                    {},
                ),
            ],
        )
        self._refused(
            "se_y_officer",
            [
                (Inbox, "action_accept", [inbox.ids, "2041-06-01"], {}),
                (Inbox, "read", [inbox.ids, ["sender_name"]], {}),
            ],
        )
        self._refused(
            "se_officer",
            [
                (
                    "school.emulation.proposal",
                    "write",
                    [proposal.ids, {"receiving_company_id": self.commune_y.id}],
                    {},
                ),
                (
                    "school.emulation.proposal",
                    "action_record_decision",
                    [proposal.ids],
                    {},
                ),
                (Inbox, "read", [inbox.ids, ["sender_name"]], {}),
                (
                    "school.emulation.award",
                    "create",
                    [
                        {
                            "source": "superior",
                            "subject_type": "employee",
                            "employee_id": self.emp_staff.id,
                            "award_form_id": self.form_xa.id,
                            "period_id": self.year.id,
                            "company_id": self.school_a.id,
                        }
                    ],
                    {},
                ),
            ],
        )
        inbox.invalidate_recordset()
        proposal.invalidate_recordset()
        self.assertEqual(inbox.state, "waiting")
        self.assertFalse(inbox.accepted_date)
        self.assertEqual(
            (proposal.state, proposal.receiving_company_id, proposal.accepted_date),
            ("submitted", self.commune_x, False),
        )
        self.assertFalse(
            self.env["school.emulation.award"].search([("source", "=", "superior")])
        )


# reads the demo: run on a database with demo (scripts/test.sh, database 2)
@tagged("post_install", "-at_install", "school_emulation_demo")
class TestChainDemo(TransactionCase):
    """The demo's 2026-2027 ad-hoc round through UBND xã Xuân Sơn tells the whole
    chain: received, returned once, consolidated, decided, back in the schools'
    histories, and a Bằng khen forwarded to the province."""

    def setUp(self):
        super().setUp()
        self.commune = self.env.ref(PREFIX + "company_commune_demo", False)
        if not self.commune:
            self.fail("demo data of school_emulation is not installed")

    def test_counters_of_the_communes_schools(self):
        rows = self.env["school.emulation.unit.status"].search(
            [
                ("company_id", "=", self.commune.id),
                (
                    "period_id",
                    "=",
                    self.env.ref(PREFIX + "period_2026_commune_demo").id,
                ),
            ]
        )
        names = ("waiting_count", "returned_count", "accepted_count", "decided_count")
        counters = {
            row.unit_name: {name: row[name] for name in names if row[name]}
            for row in rows
        }
        self.assertEqual(
            counters,
            {
                # the Bằng khen is accepted, and waits at the province
                "Trường THCS Xuân Sơn": {"accepted_count": 1, "decided_count": 1},
                "Trường Tiểu học Xuân Sơn": {"decided_count": 1},
                "Trường Mầm non Xuân Sơn": {"returned_count": 1},
            },
        )

    def test_the_communes_decision_is_in_the_schools_histories(self):
        ref = self.env.ref
        decision = ref(PREFIX + "proposal_2026_commune_gk_demo").decision_ids
        self.assertEqual(decision.state, "confirmed")
        self.assertRegex(decision.name, r"^01/QĐ-UBND$")
        received = self.env["school.emulation.award"].search(
            [("origin_award_id", "in", decision.award_ids.ids)]
        )
        self.assertEqual(
            sorted(received.mapped("employee_id.name")),
            ["Nguyễn Thị Hằng", "Phạm Văn Nam", "Đỗ Thị Thu Trang"],
        )
        self.assertEqual(
            set(received.mapped("company_id.name")),
            {"Trường THCS Xuân Sơn", "Trường Tiểu học Xuân Sơn"},
        )
        teacher = ref(PREFIX + "employee_gv_toan1_demo")
        self.assertIn(
            decision.name, teacher.emulation_award_ids.mapped("decision_number")
        )
        self.assertEqual(ref(PREFIX + "proposal_2026_hoi_thi_demo").state, "decided")
        returned = ref(PREFIX + "proposal_2026_kindergarten_demo")
        self.assertEqual(returned.state, "returned")
        self.assertIn("giấy chứng nhận", returned.return_reason)

    def test_the_communes_plan_reached_every_school(self):
        plan = self.env.ref(PREFIX + "movement_2026_commune_demo")
        sent = self.env["school.emulation.movement"].search(
            [("parent_id", "=", plan.id)]
        )
        self.assertEqual(
            sorted(sent.company_id.mapped("name")),
            [
                "Trường Mầm non Xuân Sơn",
                "Trường THCS Xuân Sơn",
                "Trường Tiểu học Xuân Sơn",
            ],
        )
        self.assertTrue(
            all(
                m.superior_reference.startswith("Kế hoạch số 199/KH-UBND") for m in sent
            )
        )
        rows = self.env["school.emulation.unit.movement"].search(
            [("superior_movement_id", "=", plan.id)]
        )
        self.assertEqual(len(rows), 3)

    def test_the_bang_khen_waits_at_the_province(self):
        ref = self.env.ref
        forwarded = ref(PREFIX + "proposal_2026_commune_bk_demo")
        self.assertEqual(forwarded.state, "submitted")
        self.assertEqual(
            forwarded.receiving_company_id, ref(PREFIX + "company_province_demo")
        )
        upstairs = self.env["school.emulation.inbox"].search(
            [("proposal_id", "=", forwarded.id)]
        )
        self.assertEqual(upstairs.state, "waiting")
        self.assertEqual(upstairs.line_ids.subject_name, "Phạm Văn Nam")
        self.assertEqual(upstairs.line_ids.award_form_id.code, "BK_TINH")
