"""Proposals, decisions, awards, bonus and revocation."""

import base64
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from ..models.school_emulation_state_mixin import trusted_write
from ..tools.money import bonus_amount
from .common import SchoolEmulationCase

LINE = "school.emulation.proposal.line"


@tagged("post_install", "-at_install")
class TestAwardFlow(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls.officer = cls.users["officer"]
        cls.ldtt = cls.env.ref("school_emulation.title_ldtt_2025")
        cls.cstdcs = cls.env.ref("school_emulation.title_cstdcs_2025")
        cls.ttldtt = cls.env.ref("school_emulation.title_ttldtt_2025")
        cls.commune = cls.env.ref("school_emulation.authority_commune_chair")
        cls.ratings["staff"].rating = "htxsnv"
        cls.env["school.emulation.unit.rating"].create(
            {
                "department_id": cls.dept.id,
                "period_id": cls.year.id,
                "rating": "httnv",
                "company_id": cls.school_a.id,
            }
        )

    def _proposal(self, lines, **vals):
        return (
            self.env["school.emulation.proposal"]
            .with_user(self.officer)
            .create(
                {
                    "period_id": self.year.id,
                    "level": "school",
                    "authority_id": self.commune.id,
                    "company_id": self.school_a.id,
                    "line_ids": [Command.create(v) for v in lines],
                    **vals,
                }
            )
        )

    def _emp(self, employee, title):
        return {
            "subject_type": "employee",
            "employee_id": employee.id,
            "title_id": title.id,
        }

    def _decide(self, proposal, number="125/QĐ-UBND", date="2041-07-15"):
        """Council by consensus (no ballot titles), posting done, dossier filled,
        submitted and decided."""
        proposal.line_ids.filtered(lambda ln: not ln.ballot_required).action_approve()
        proposal.action_council_review()
        proposal.action_publish()
        self._end_posting(proposal)
        proposal.action_prepare_dossier()
        attachment = self.env["ir.attachment"].create(
            {"name": "to-trinh.pdf", "datas": base64.b64encode(b"%PDF-1.4 test")}
        )
        proposal.document_ids.write({"attachment_ids": [Command.set(attachment.ids)]})
        proposal.action_submit()
        self.assertRegex(
            proposal.to_trinh_number, r"^\d{2}/TTr", "Tờ trình numbered at submission"
        )
        action = proposal.action_record_decision()
        decision = self.env["school.emulation.decision"].browse(action["res_id"])
        decision.write({"name": number, "date": date, "signer": "Chủ tịch UBND xã"})
        decision.with_user(self.officer).action_confirm()
        return decision

    def _end_posting(self, proposal):
        """The posting period is over (as if the days had passed)."""
        with trusted_write(proposal._name):
            proposal.posting_end = fields.Date.today() - timedelta(days=1)

    def _decide_draft(self):
        return self.env["school.emulation.decision"].create(
            {
                "name": "1/QĐ-UBND",
                "authority_id": self.commune.id,
                "period_id": self.year.id,
                "company_id": self.school_a.id,
            }
        )

    def test_bonus_rounding(self):
        # NĐ 152/2025 Art. 49: round UP to 10,000 đ; domain.md §10 examples.
        self.assertEqual(bonus_amount(0.3, 2530000), 760000)
        self.assertEqual(bonus_amount(0.8, 2530000), 2030000)
        self.assertEqual(bonus_amount(1.0, 2530000), 2530000)
        self.assertEqual(bonus_amount(1.5, 2530000), 3800000)
        self.assertEqual(bonus_amount(0.3, 2340000), 710000)  # 702,000 -> 710,000
        self.assertEqual(bonus_amount(0.3, 1800000), 540000)  # exact stays

    def test_full_flow_with_bonus_from_base_salary_on_decision_date(self):
        proposal = self._proposal(
            [
                self._emp(self.emp_staff, self.ldtt),
                self._emp(self.emp_leader, self.ldtt),
            ]
        )
        proposal.action_check_eligibility()
        self.assertTrue(all(proposal.line_ids.mapped("eligible")))
        decision = self._decide(proposal)
        self.assertEqual(proposal.state, "decided")
        self.assertEqual(decision.state, "confirmed")
        awards = decision.award_ids
        self.assertEqual(set(awards.mapped("state")), {"confirmed"})
        self.assertEqual(set(awards.mapped("bonus_amount")), {760000})
        self.assertEqual(sorted(awards.mapped("so_vang_number")), ["1", "2"])
        self.assertEqual(awards[0].decision_number, "125/QĐ-UBND")
        self.assertEqual(awards[0].authority_id, self.commune)
        # History on the employee's form.
        self.assertIn(
            awards.filtered(lambda a: a.employee_id == self.emp_staff),
            self.emp_staff.emulation_award_ids,
        )
        self.assertEqual(self.emp_staff.emulation_award_count, 1)

    def test_confirmed_decision_is_read_only(self):
        decision = self._decide(self._proposal([self._emp(self.emp_staff, self.ldtt)]))
        with self.assertRaisesRegex(UserError, "revoke"):
            decision.write({"name": "999/QĐ"})
        with self.assertRaisesRegex(UserError, "revoke"):
            decision.award_ids.write({"achievement": "changed"})
        with self.assertRaisesRegex(UserError, "revoke"):
            decision.unlink()
        # the old context key unlocks nothing any more
        unlocked = decision.with_context(school_emulation_revoking=True)
        with self.assertRaisesRegex(UserError, "revoke"):
            unlocked.write({"date": "2041-01-01"})
        with self.assertRaisesRegex(UserError, "revoke"):
            unlocked.award_ids.write({"bonus_amount": 99999999})
        self.assertEqual(decision.award_ids.bonus_amount, 760000)

    def test_one_title_per_subject_and_year(self):
        self._decide(self._proposal([self._emp(self.emp_staff, self.ldtt)]))
        with self.assertRaisesRegex(ValidationError, "already holds"):
            self.env["school.emulation.award"].create(
                {
                    "period_id": self.year.id,
                    "subject_type": "employee",
                    "employee_id": self.emp_staff.id,
                    "title_id": self.ldtt.id,
                    "company_id": self.school_a.id,
                }
            )

    def test_initiative_supports_one_award(self):
        with trusted_write("school.emulation.initiative"):  # recognised already
            initiative = self.env["school.emulation.initiative"].create(
                {
                    "name": "Dạy học STEM",
                    "period_id": self.year.id,
                    "state": "recognised",
                    "recognised_scope": "school",
                    "company_id": self.school_a.id,
                    "author_ids": [Command.create({"employee_id": self.emp_staff.id})],
                }
            )
        form = self.env.ref("school_emulation.award_form_gk_xa_2025")
        self._decide(
            self._proposal(
                [
                    {
                        "subject_type": "employee",
                        "employee_id": self.emp_staff.id,
                        "award_form_id": form.id,
                        "initiative_id": initiative.id,
                    }
                ]
            )
        )
        self.assertTrue(initiative.used_for_award_id)
        with self.assertRaisesRegex(ValidationError, "one award only"):
            self.env["school.emulation.award"].create(
                {
                    "period_id": self.year.id,
                    "subject_type": "employee",
                    "employee_id": self.emp_staff.id,
                    "award_form_id": form.id,
                    "initiative_id": initiative.id,
                    "company_id": self.school_a.id,
                }
            )

    def test_submission_blocked_until_checks_pass_or_override(self):
        proposal = self._proposal([self._emp(self.emp_other, self.cstdcs)])
        with trusted_write(LINE):  # as the council's ballot would
            proposal.line_ids.council_result = "approved"
        proposal.action_council_review()
        proposal.action_publish()
        with self.assertRaisesRegex(UserError, "posting runs until"):
            proposal.action_submit()
        self._end_posting(proposal)
        with self.assertRaisesRegex(UserError, "Dossier documents missing"):
            proposal.action_submit()
        self.assertIn("not eligible", "\n".join(proposal._submission_problems()))
        proposal.override_reason = "Hồ sơ giấy đã nộp trực tiếp"
        proposal.action_submit()
        self.assertEqual(proposal.state, "submitted")
        self.assertIn(
            "override",
            " ".join(proposal.message_ids.mapped("body")),
        )

    def test_return_and_reject_need_a_reason(self):
        proposal = self._proposal([self._emp(self.emp_staff, self.ldtt)])
        proposal.line_ids.action_approve()
        proposal.action_council_review()
        proposal.action_publish()
        self._end_posting(proposal)
        proposal.override_reason = "test"
        proposal.action_submit()
        wizard = self.env["school.emulation.proposal.reason"].create(
            {"proposal_id": proposal.id, "action": "return", "reason": "  "}
        )
        with self.assertRaisesRegex(UserError, "reason"):
            wizard.action_confirm()
        wizard.reason = "Thiếu báo cáo thành tích"
        wizard.action_confirm()
        self.assertEqual(proposal.state, "returned")
        self.assertEqual(proposal.return_reason, "Thiếu báo cáo thành tích")

    def test_group_proposal_reviewed_by_its_leader_only(self):
        proposal = self._proposal(
            [self._emp(self.emp_staff, self.ldtt)],
            level="group",
            department_id=self.dept.id,
        )
        with self.assertRaisesRegex(UserError, "leader"):
            proposal.with_user(self.users["staff"]).action_group_review()
        proposal.with_user(self.users["leader"]).action_group_review()
        self.assertEqual(proposal.state, "group_reviewed")
        with self.assertRaisesRegex(UserError, "officer"):
            proposal.with_user(self.users["leader"]).action_publish()

    def test_revocation_cascade(self):
        """Revoking LĐTT flags the same year's CSTĐCS and the group's TTLĐTT."""
        proposal = self._proposal(
            [
                self._emp(self.emp_staff, self.ldtt),
                self._emp(self.emp_leader, self.ldtt),
                self._emp(self.emp_staff, self.cstdcs),
                {
                    "subject_type": "department",
                    "department_id": self.dept.id,
                    "title_id": self.ttldtt.id,
                },
            ]
        )
        proposal.action_check_eligibility()
        self.assertTrue(
            all(proposal.line_ids.mapped("eligible")),
            proposal.line_ids.mapped("eligibility_reasons"),
        )
        with trusted_write(LINE):  # as the council's ballot would
            proposal.line_ids.filtered("ballot_required").council_result = "approved"
        # CSTĐCS is a ballot title: record the council's result directly here.
        cstdcs_line = proposal.line_ids.filtered(lambda ln: ln.title_id == self.cstdcs)
        with trusted_write(LINE):
            cstdcs_line.write({"ballot_required": True, "council_result": "approved"})
        decision = self._decide(proposal)
        self.assertEqual(len(decision.award_ids), 4)
        ldtt_staff = decision.award_ids.filtered(
            lambda a: a.title_id == self.ldtt and a.employee_id == self.emp_staff
        )
        # Same year, LĐTT 0.3 and CSTĐCS 1.0: only the higher title is paid.
        self.assertEqual(ldtt_staff.bonus_amount, 0)
        self.assertTrue(ldtt_staff.bonus_note)
        wizard = (
            self.env["school.emulation.revoke"]
            .with_user(self.officer)
            .with_context(default_decision_id=decision.id)
            .create({"reason": "Hồ sơ không trung thực"})
        )
        self.assertEqual(len(wizard.award_ids), 4)
        wizard.award_ids = [Command.set(ldtt_staff.ids)]
        action = wizard.action_revoke()
        self.assertEqual(ldtt_staff.state, "revoked")
        self.assertEqual(decision.state, "confirmed", "partly revoked")
        flagged = self.env["school.emulation.award"].browse(action["domain"][0][2])
        self.assertEqual(
            set(flagged.mapped("title_code")), {"CSTDCS", "TTLDTT"}, flagged
        )
        cstdcs_award = flagged.filtered(lambda a: a.title_code == "CSTDCS")
        self.assertTrue(cstdcs_award.review_needed)
        self.assertIn("2040-2041", cstdcs_award.review_reason)
        self.assertTrue(cstdcs_award.activity_ids)
        # 1 of 2 members hold LĐTT now: below 70 %.
        ttldtt = flagged.filtered(lambda a: a.title_code == "TTLDTT")
        self.assertIn("1", ttldtt.review_reason)
        # The rest of the decision is untouched.
        ldtt_leader = decision.award_ids.filtered(
            lambda a: a.title_id == self.ldtt and a.employee_id == self.emp_leader
        )
        self.assertFalse(ldtt_leader.review_needed)
        # Revoking everything revokes the decision.
        rest = decision.award_ids.filtered(lambda a: a.state == "confirmed")
        rest._revoke(fields.Date.today(), "Hủy toàn bộ", True, True)
        self.assertEqual(decision.state, "revoked")

    def test_adhoc_award_decided_by_the_school(self):
        form = self.env.ref("school_emulation.award_form_gk_ht")
        wizard = (
            self.env["school.emulation.adhoc.award"]
            .with_user(self.officer)
            .create(
                {
                    "subject_type": "student",
                    "student_id": self.student_own.id,
                    "award_form_id": form.id,
                    "achievement": "Nhặt được của rơi trả người đánh mất",
                    "period_id": self.year.id,
                    "decision_date": "2041-03-10",
                }
            )
        )
        self.assertTrue(wizard.decides_here)
        self.assertTrue(wizard.numbered_here)
        action = wizard.action_create()
        decision = self.env["school.emulation.decision"].browse(action["res_id"])
        self.assertEqual(decision.state, "confirmed")
        # the principal's decision takes its number from the school's register
        self.assertRegex(decision.name, r"^\d+/QĐ")
        self.assertEqual(decision.award_ids.decision_number, decision.name)
        self.assertEqual(decision.award_ids.award_type, "ad_hoc")
        self.assertEqual(self.student_own.emulation_award_count, 1)
        # Plain staff do not see a student's award; the homeroom teacher does.
        Award = self.env["school.emulation.award"]
        self.assertFalse(
            Award.with_user(self.users["staff"]).search(
                [("id", "=", decision.award_ids.id)]
            )
        )
        self.assertTrue(
            Award.with_user(self.users["leader"]).search(
                [("id", "=", decision.award_ids.id)]
            )
        )

    def test_adhoc_award_for_staff_goes_to_a_simplified_proposal(self):
        form = self.env.ref("school_emulation.award_form_gk_xa_2025")
        wizard = (
            self.env["school.emulation.adhoc.award"]
            .with_user(self.officer)
            .create(
                {
                    "subject_type": "employee",
                    "employee_id": self.emp_staff.id,
                    "award_form_id": form.id,
                    "achievement": "Cứu người đuối nước",
                    "period_id": self.year.id,
                }
            )
        )
        action = wizard.action_create()
        proposal = self.env["school.emulation.proposal"].browse(action["res_id"])
        self.assertEqual(proposal.kind, "ad_hoc")
        proposal.action_prepare_dossier()
        self.assertIn("TOM_TAT", proposal.document_ids.item_type_id.mapped("code"))
        attachment = self.env["ir.attachment"].create(
            {"name": "tom-tat.pdf", "datas": base64.b64encode(b"%PDF-1.4")}
        )
        proposal.document_ids.write({"attachment_ids": [Command.set(attachment.ids)]})
        proposal.action_submit()  # no council, no posting
        self.assertEqual(proposal.state, "submitted")

    def test_history_import_without_decision(self):
        award = self.env["school.emulation.award"].create(
            {
                "period_id": self.year.id,
                "subject_type": "employee",
                "employee_id": self.emp_staff.id,
                "award_form_id": self.env.ref(
                    "school_emulation.award_form_bk_tinh_2025"
                ).id,
                "decision_number": "2345/QĐ-UBND",
                "decision_date": "2041-08-20",
                "company_id": self.school_a.id,
            }
        )
        self.assertEqual((award.state, award.source), ("confirmed", "history"))
        award.write({"achievement": "Giáo viên dạy giỏi cấp tỉnh"})  # still editable
        with self.assertRaisesRegex(UserError, "never joins a decision"):
            award.write({"decision_id": self._decide_draft().id})
        self.assertEqual(self.emp_staff.emulation_award_count, 1)

    def test_deadline_and_posting_activities(self):
        proposal = self._proposal(
            [self._emp(self.emp_staff, self.ldtt)], deadline="2041-07-10"
        )
        deadline_type = self.env.ref("school_emulation.mail_activity_proposal_deadline")
        officer = self.users["officer"]
        # one to-do for each officer of the school, none for OdooBot
        activities = proposal.activity_ids.filtered(
            lambda a: a.activity_type_id == deadline_type
        )
        self.assertIn(officer, activities.user_id)
        self.assertNotIn(self.env.ref("base.user_root"), activities.user_id)
        activity = activities.filtered(lambda a: a.user_id == officer)
        self.assertEqual(activity.date_deadline, fields.Date.to_date("2041-07-10"))
        proposal.deadline = "2041-07-05"
        activity = proposal.activity_ids.filtered(
            lambda a: a.activity_type_id == deadline_type and a.user_id == officer
        )
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.date_deadline, fields.Date.to_date("2041-07-05"))
        proposal.line_ids.action_approve()
        proposal.action_council_review()
        proposal.action_publish()
        posting = self.env.ref("school_emulation.mail_activity_proposal_posting")
        self.assertTrue(
            proposal.activity_ids.filtered(lambda a: a.activity_type_id == posting)
        )

    def test_who_sees_proposals(self):
        proposal = self._proposal(
            [
                self._emp(self.emp_staff, self.ldtt),
                {
                    "subject_type": "student",
                    "student_id": self.student_own.id,
                    "award_form_id": self.env.ref(
                        "school_emulation.award_form_gk_ht"
                    ).id,
                },
            ]
        )
        Proposal = self.env["school.emulation.proposal"]
        Line = self.env["school.emulation.proposal.line"]
        staff, council = self.users["staff"], self.users["council"]
        self.assertFalse(Proposal.with_user(staff).search([("id", "=", proposal.id)]))
        self.assertTrue(Proposal.with_user(council).search([("id", "=", proposal.id)]))
        self.assertFalse(
            Proposal.with_user(self.officer_b).search([("id", "=", proposal.id)])
        )
        proposal.line_ids.action_approve()
        proposal.action_council_review()
        proposal.action_publish()
        self.assertTrue(Proposal.with_user(staff).search([("id", "=", proposal.id)]))
        visible = Line.with_user(staff).search([("proposal_id", "=", proposal.id)])
        self.assertEqual(visible.mapped("subject_type"), ["employee"])
        # Staff may comment while the list is posted.
        comment = (
            self.env["school.emulation.proposal.comment"]
            .with_user(staff)
            .create({"proposal_id": proposal.id, "comment": "Đồng ý"})
        )
        self.assertEqual(comment.author_id, staff)

    def test_eligibility_wizard_fills_a_proposal(self):
        self.ratings["other"].rating = "htnv"  # below HTTNV: not eligible for LĐTT
        proposal = self._proposal([])
        wizard = (
            self.env["school.emulation.eligibility.wizard"]
            .with_user(self.officer)
            .create(
                {
                    "period_id": self.year.id,
                    "title_id": self.ldtt.id,
                    "proposal_id": proposal.id,
                }
            )
        )
        wizard.action_check()
        by_name = {ln.employee_id: ln for ln in wizard.line_ids}
        self.assertTrue(by_name[self.emp_staff].eligible)
        self.assertFalse(by_name[self.emp_other].eligible)
        self.assertIn("2040-2041", by_name[self.emp_other].reasons)
        self.assertEqual(wizard.checked_count, 3)
        wizard.action_add_to_proposal()
        self.assertEqual(
            set(proposal.line_ids.mapped("employee_id")),
            {self.emp_staff, self.emp_leader},
        )
        self.assertTrue(all(proposal.line_ids.mapped("eligible")))
        wizard.action_add_to_proposal()  # twice: no duplicate
        self.assertEqual(len(proposal.line_ids), 2)

    def test_eligibility_wizard_counts_titles_proposed_this_year(self):
        """CSTĐCS needs LĐTT of the year: an LĐTT proposed in the same round counts
        as held while the round is under way (the wizard reads the year's round)."""
        self._proposal([self._emp(self.emp_staff, self.ldtt)])
        wizard = (
            self.env["school.emulation.eligibility.wizard"]
            .with_user(self.officer)
            .create({"period_id": self.year.id, "title_id": self.cstdcs.id})
        )
        wizard.action_check()
        by_emp = {ln.employee_id: ln for ln in wizard.line_ids}
        self.assertTrue(by_emp[self.emp_staff].eligible, by_emp[self.emp_staff].reasons)
        self.assertFalse(by_emp[self.emp_other].eligible)
        self.assertIn("Lao động tiên tiến", by_emp[self.emp_other].reasons)
