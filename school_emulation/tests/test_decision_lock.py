"""Confirmed decisions are immutable: whatever a client sends (values, the old
``school_emulation_revoking`` context key, a history award, a wizard of another
decision), nothing of a confirmed decision or of its awards changes except one
revocation per award; numbers come from the school's registers and never collide.

Each refusal is a ``UserError`` (or a database constraint) with words, and the
database reads the same before and after."""

import base64

from psycopg2 import IntegrityError

from odoo import Command
from odoo.api import call_kw
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..models.school_emulation_state_mixin import trusted_write
from .common import SchoolEmulationCase

OLD_KEY = {"school_emulation_revoking": True}
DECISION_FIELDS = [
    "name",
    "date",
    "signer",
    "authority_id",
    "legal_basis_id",
    "period_id",
    "proposal_id",
    "award_ids",
    "currency_id",
    "attachment_ids",
    "state",
    "note",
    "company_id",
    "number_key",
    "number_year",
]
AWARD_FIELDS = [
    "decision_id",
    "period_id",
    "title_id",
    "award_form_id",
    "award_type",
    "achievement",
    "initiative_id",
    "so_vang_number",
    "decision_number",
    "decision_date",
    "authority_id",
    "bonus_amount",
    "bonus_note",
    "currency_id",
    "state",
    "source",
    "revoke_date",
    "revoke_reason",
    "revoked_by_id",
    "recover_item",
    "recover_amount",
    "review_needed",
    "review_reason",
    "company_id",
    "subject_type",
    "employee_id",
]


@tagged("post_install", "-at_install")
class TestDecisionLock(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls.officer = cls.users["officer"]
        cls.ldtt = cls.env.ref("school_emulation.title_ldtt_2025")
        cls.form_xa = cls.env.ref("school_emulation.award_form_gk_xa_2025")
        cls.form_ht = cls.env.ref("school_emulation.award_form_gk_ht")
        cls.commune = cls.env.ref("school_emulation.authority_commune_chair")
        cls.district = cls.env.ref("school_emulation.authority_district_chair")
        cls.principal = cls.env.ref("school_emulation.authority_principal")
        cls.province = cls.env.ref("school_emulation.authority_province_chair")
        cls.Decision = cls.env["school.emulation.decision"].with_user(cls.officer)
        cls.Award = cls.env["school.emulation.award"].with_user(cls.officer)

    # --- helpers -----------------------------------------------------------------
    def _award_vals(self, employee, form=None):
        return {
            "period_id": self.year.id,
            "subject_type": "employee",
            "employee_id": employee.id,
            "award_form_id": (form or self.form_xa).id,
            "company_id": self.school_a.id,
        }

    def _decision(self, employees, number="125/QĐ-UBND", date="2041-07-15", **vals):
        return self.Decision.create(
            {
                "name": number,
                "date": date,
                "authority_id": self.commune.id,
                "period_id": self.year.id,
                "company_id": self.school_a.id,
                "award_ids": [Command.create(self._award_vals(e)) for e in employees],
                **vals,
            }
        )

    def _confirmed(self, employees=None, **kwargs):
        decision = self._decision(employees or [self.emp_staff], **kwargs)
        decision.action_confirm()
        return decision

    def _history(self, employee=None, **vals):
        return self.Award.create(
            {
                **self._award_vals(employee or self.emp_other),
                "award_form_id": self.env.ref(
                    "school_emulation.award_form_bk_tinh_2025"
                ).id,
                "decision_number": "2345/QĐ-UBND",
                "decision_date": "2041-08-20",
                "authority_id": self.commune.id,
                **vals,
            }
        )

    def _client(self, records, method, *args, context=None):
        """Call ``method`` as JSON-RPC does (``call_kw``), as the officer, with the
        context a client chose."""
        kwargs = {"context": {**OLD_KEY, **(context or {})}}
        model = records.with_user(self.officer)
        if method in ("create",):
            return call_kw(model, method, list(args), kwargs)
        return call_kw(model, method, [records.ids, *args], kwargs)

    def _snapshot(self, *records):
        self.env.invalidate_all()
        return [
            r.sudo()
            .with_context(active_test=False)
            .read([f for f in r._fields if r._fields[f].store])
            for r in records
        ]

    def _refused(self, call, *records, error=UserError, words=None):
        """``call()`` is refused with a message and nothing of ``records``
        changes."""
        before = self._snapshot(*records)
        with self.assertRaises(error) as caught, self.env.cr.savepoint():
            call()
        message = str(caught.exception.args[0] if caught.exception.args else "")
        self.assertTrue(message.strip(), "the refusal says nothing")
        if words:
            self.assertIn(words, message)
        self.env.invalidate_all()
        self.assertEqual(self._snapshot(*records), before, "the database changed")
        return message

    # --- the lock ------------------------------------------------------------------
    def test_old_context_key_writes_no_field_of_a_confirmed_decision(self):
        """The context key that used to unlock a decision unlocks nothing."""
        decision = self._confirmed([self.emp_staff, self.emp_leader])
        other_period = self._period(
            "2041-2042", "2041-09-01", "2042-08-31", self.school_a
        )
        legal = self.env["school.emulation.legal.basis"].search([], limit=1)
        proposal = self.env["school.emulation.proposal"].create(
            {"period_id": self.year.id, "company_id": self.school_a.id}
        )
        attachment = self.env["ir.attachment"].create(
            {"name": "qd.pdf", "datas": base64.b64encode(b"%PDF-1.4 lock")}
        )
        decision.sudo().attachment_ids = [Command.link(attachment.id)]
        values = {
            "name": "999/QĐ-UBND",
            "date": "2041-01-01",
            "signer": "Someone else",
            "authority_id": self.district.id,
            "legal_basis_id": legal.id,
            "period_id": other_period.id,
            "proposal_id": proposal.id,
            "award_ids": [Command.unlink(decision.award_ids[0].id)],
            "currency_id": self.env.ref("base.USD").id,
            "attachment_ids": [Command.clear()],
            "state": "draft",
            "note": "swapped",
            "company_id": self.school_b.id,
            "number_key": "x",
            "number_year": 1999,
        }
        self.assertEqual(set(values), set(DECISION_FIELDS))
        for name, value in values.items():
            with self.subTest(field=name):
                self._refused(
                    lambda n=name, v=value: self._client(decision, "write", {n: v}),
                    decision,
                    *decision.award_ids,
                )

    def test_old_context_key_writes_no_field_of_a_confirmed_award(self):
        decision = self._confirmed([self.emp_staff])
        award = decision.award_ids
        draft = self._decision([self.emp_leader], number="126/QĐ-UBND")
        initiative = self.env["school.emulation.initiative"].create(
            {
                "name": "Sáng kiến",
                "period_id": self.year.id,
                "company_id": self.school_a.id,
                "author_ids": [Command.create({"employee_id": self.emp_staff.id})],
            }
        )
        values = {
            "decision_id": draft.id,
            "period_id": self._period(
                "2041-2042", "2041-09-01", "2042-08-31", self.school_a
            ).id,
            "title_id": self.ldtt.id,
            "award_form_id": self.form_ht.id,
            "award_type": "ad_hoc",
            "achievement": "changed",
            "initiative_id": initiative.id,
            "so_vang_number": "1",
            "decision_number": "999/QĐ",
            "decision_date": "2041-01-01",
            "authority_id": self.district.id,
            "bonus_amount": 99999999,
            "bonus_note": "paid",
            "currency_id": self.env.ref("base.USD").id,
            "state": "draft",
            "source": "history",
            "revoke_date": "2041-08-01",
            "revoke_reason": "x",
            "revoked_by_id": self.officer.id,
            "recover_item": True,
            "recover_amount": 1,
            "review_needed": True,
            "review_reason": "x",
            "company_id": self.school_b.id,
            "subject_type": "student",
            "employee_id": self.emp_other.id,
        }
        self.assertEqual(set(values), set(AWARD_FIELDS))
        for name, value in values.items():
            with self.subTest(field=name):
                self._refused(
                    lambda n=name, v=value: self._client(award, "write", {n: v}),
                    award,
                    decision,
                    draft,
                )
        self.assertNotEqual(award.bonus_amount, 99999999)

    def test_trusted_path_does_not_unlock_a_confirmed_decision(self):
        """Even server code under ``trusted_write`` changes nothing but the state
        of a revocation."""
        decision = self._confirmed()
        with trusted_write(decision._name, decision.award_ids._name):
            self._refused(
                lambda: decision.write({"name": "1/QĐ"}), decision, words="revoke"
            )
            self._refused(
                lambda: decision.award_ids.write({"bonus_amount": 1}),
                decision.award_ids,
            )

    def test_unlink_and_copy_of_a_confirmed_decision_and_award(self):
        decision = self._confirmed()
        award = decision.award_ids
        for records, method in (
            (decision, "unlink"),
            (award, "unlink"),
            (decision, "copy"),
            (award, "copy"),
        ):
            with self.subTest(model=records._name, method=method):
                count = records.sudo().search_count([])
                self._refused(lambda r=records, m=method: self._client(r, m), decision)
                self.assertEqual(records.sudo().search_count([]), count)

    # --- history awards ------------------------------------------------------------
    def test_history_award_never_joins_a_decision(self):
        decision = self._confirmed()
        draft = self._decision([self.emp_leader], number="126/QĐ-UBND")
        count = self.Award.sudo().search_count([])
        for target in (decision, draft):
            with self.subTest(decision=target.state):
                self._refused(
                    lambda t=target: self._client(
                        self.Award,
                        "create",
                        {
                            **self._award_vals(self.emp_other),
                            "decision_id": t.id,
                            "source": "history",
                        },
                    ),
                    decision,
                    draft,
                )
        self.assertEqual(self.Award.sudo().search_count([]), count)
        self.assertEqual(decision.bonus_total, decision.sudo().bonus_total)
        history = self._history()
        self.assertEqual((history.state, history.source), ("confirmed", "history"))
        for target in (decision, draft):
            with self.subTest(move=target.state):
                self._refused(
                    lambda t=target: self._client(
                        history, "write", {"decision_id": t.id}
                    ),
                    history,
                    target,
                )
        # an award of a confirmed decision is never created either
        self._refused(
            lambda: self._client(
                self.Award,
                "create",
                {**self._award_vals(self.emp_other), "decision_id": decision.id},
            ),
            decision,
        )

    def test_history_award_typed_server_fields_refused(self):
        for name, value in (
            ("bonus_amount", 50000000),
            ("state", "revoked"),
            ("revoke_reason", "x"),
        ):
            with self.subTest(field=name):
                count = self.Award.sudo().search_count([])
                self._refused(
                    lambda n=name, v=value: self._client(
                        self.Award,
                        "create",
                        {**self._award_vals(self.emp_other), n: v},
                    )
                )
                self.assertEqual(self.Award.sudo().search_count([]), count)

    def test_history_award_deleted_by_the_officer_only_and_tracked(self):
        history = self._history()
        with self.assertRaises(AccessError):
            history.with_user(self.users["leader"]).unlink()
        history.with_user(self.officer).unlink()
        self.assertFalse(history.exists())
        self.assertIn(
            "History award deleted",
            " ".join(self.emp_other.message_ids.mapped("body")),
        )

    # --- revocation ----------------------------------------------------------------
    def _wizard(self, decision, awards, reason="Hồ sơ không trung thực"):
        return (
            self.env["school.emulation.revoke"]
            .with_user(self.officer)
            .create(
                {
                    "decision_id": decision.id,
                    "award_ids": [Command.set(awards.ids)],
                    "reason": reason,
                    "date": "2041-09-01",
                }
            )
        )

    def test_an_award_is_revoked_once_and_the_chatter_says_who_when_why(self):
        decision = self._confirmed([self.emp_staff, self.emp_leader])
        award = decision.award_ids[0]
        self._wizard(decision, award).action_revoke()
        self.assertEqual(award.state, "revoked")
        self.assertEqual(award.revoked_by_id, self.officer)
        self.assertEqual(award.revoke_reason, "Hồ sơ không trung thực")
        said = " ".join(decision.message_ids.mapped("body"))
        for words in (self.officer.name, "01/09/2041", "Hồ sơ không trung thực"):
            self.assertIn(words, said)
        self.assertIn(self.officer.name, " ".join(award.message_ids.mapped("body")))
        message = self._refused(
            lambda: self._wizard(decision, award, "Lần hai").action_revoke(),
            award,
            decision,
        )
        self.assertIn("Hồ sơ không trung thực", message)  # the first one stands
        self._refused(
            lambda: award._revoke("2041-10-01", "Lần ba", True, True), award, decision
        )

    def test_revoking_a_draft_decisions_award_through_another_wizard(self):
        decision = self._confirmed()
        draft = self._decision([self.emp_leader], number="126/QĐ-UBND")
        for awards in (draft.award_ids, decision.award_ids | draft.award_ids):
            with self.subTest(count=len(awards)):
                self._refused(
                    lambda a=awards: self._wizard(decision, a).action_revoke(),
                    decision,
                    draft,
                    *decision.award_ids,
                    *draft.award_ids,
                )
        # nor through the draft decision's own wizard
        self._refused(
            lambda: self._wizard(draft, draft.award_ids).action_revoke(),
            draft,
            *draft.award_ids,
        )

    def test_revoking_every_award_revokes_the_decision_once(self):
        decision = self._confirmed([self.emp_staff, self.emp_leader])
        self._wizard(decision, decision.award_ids).action_revoke()
        self.assertEqual(decision.state, "revoked")
        self._refused(
            lambda: self._client(decision, "write", {"state": "confirmed"}), decision
        )

    # --- signed copy and note --------------------------------------------------------
    def test_signed_copy_attached_once_and_never_swapped(self):
        decision = self._confirmed()
        Attachment = self.env["ir.attachment"].with_user(self.officer)
        signed, other = (
            Attachment.create(
                {
                    "name": name,
                    "datas": base64.b64encode(b"%PDF-1.4 " + name.encode()),
                    "res_model": decision._name,
                    "res_id": decision.id,
                }
            )
            for name in ("qd-ky.pdf", "qd-khac.pdf")
        )
        self._client(decision, "write", {"attachment_ids": [Command.link(signed.id)]})
        self.assertEqual(decision.attachment_ids, signed)
        self.assertIn("qd-ky.pdf", " ".join(decision.message_ids.mapped("body")))
        for value in (
            [Command.link(other.id)],
            [Command.set(other.ids)],
            [Command.unlink(signed.id)],
            [Command.clear()],
            [Command.create({"name": "x.pdf", "datas": base64.b64encode(b"x")})],
        ):
            with self.subTest(command=value[0][0]):
                self._refused(
                    lambda v=value: self._client(
                        decision, "write", {"attachment_ids": v}
                    ),
                    decision,
                    signed,
                )
        for call in (
            lambda: self._client(signed, "write", {"datas": base64.b64encode(b"x")}),
            lambda: self._client(signed, "write", {"res_id": other.id}),
            lambda: self._client(signed, "unlink"),
            lambda: self._client(decision, "write", {"note": "swapped"}),
        ):
            self._refused(call, decision, signed)
        self.assertEqual(signed.raw, b"%PDF-1.4 qd-ky.pdf")

    # --- numbers -------------------------------------------------------------------
    def test_typed_so_vang_number_refused(self):
        draft = self._decision([self.emp_staff])
        self._refused(
            lambda: self._client(draft.award_ids, "write", {"so_vang_number": "5"}),
            draft.award_ids,
        )
        self._refused(
            lambda: self._client(
                self.Award,
                "create",
                {
                    **self._award_vals(self.emp_leader),
                    "decision_id": draft.id,
                    "so_vang_number": "5",
                },
            ),
            draft,
        )
        self.assertTrue(self.Award._fields["so_vang_number"].readonly)

    def test_golden_book_continues_across_decisions(self):
        # a history award keeps the number of the book it was recorded from
        history = self._history(so_vang_number="1")
        self.assertEqual(history.so_vang_number, "1")
        first = self._confirmed([self.emp_staff, self.emp_leader])
        self.assertIn("1", first.award_ids.mapped("so_vang_number"))
        second = self._confirmed([self.emp_other], number="126/QĐ-UBND")
        numbers = [int(n) for n in (first | second).award_ids.mapped("so_vang_number")]
        self.assertEqual(sorted(numbers), list(range(min(numbers), min(numbers) + 3)))
        self.assertEqual(
            max(int(n) for n in first.award_ids.mapped("so_vang_number")) + 1,
            int(second.award_ids.so_vang_number),
        )
        # another body keeps its own book
        third = self._confirmed(
            [self.emp_staff], number="7/QĐ-UBND", authority_id=self.province.id
        )
        self.assertEqual(third.award_ids.so_vang_number, "1")
        # the database refuses a duplicate in a book
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            self.env.cr.execute(
                "UPDATE school_emulation_award SET so_vang_key = %s WHERE id = %s",
                (first.award_ids[0].so_vang_key, second.award_ids.id),
            )

    def test_same_decision_number_with_invisible_characters(self):
        self._confirmed()
        for number in (
            "125/QĐ-UBND\u200b",
            "\u200f125/QĐ-UBND",
            "125/QĐ-UBND   ",
            " 125/qđ-ubnd",
            "125/Q\u0110-UBND\ufeff",
        ):
            with self.subTest(number=repr(number)):
                count = self.Decision.sudo().search_count([])
                self._refused(
                    lambda n=number: self._client(
                        self.Decision,
                        "create",
                        {
                            "name": n,
                            "date": "2041-12-01",
                            "authority_id": self.commune.id,
                            "period_id": self.year.id,
                            "company_id": self.school_a.id,
                        },
                    ),
                    words="125/QĐ-UBND",
                )
                self.assertEqual(self.Decision.sudo().search_count([]), count)
        # a draft renamed to the same number is refused too
        draft = self._decision([self.emp_leader], number="/")
        self._refused(
            lambda: self._client(draft, "write", {"name": "125/QĐ-UBND\u200e "}),
            draft,
        )
        # two drafts may carry the same number: the second confirmation is refused
        one = self._decision([self.emp_leader], number="140/QĐ-UBND")
        two = self._decision([self.emp_other], number="140/QĐ-UBND\u200b")
        one.action_confirm()
        self._refused(
            lambda: self._client(two, "action_confirm"),
            two,
            *two.award_ids,
            words="140/QĐ-UBND",
        )

    def test_normalised_number_stored_and_unique_in_the_database(self):
        decision = self._confirmed(number="  130/QĐ-UBND\u200b ")
        self.assertEqual(decision.name, "130/QĐ-UBND")
        self.assertEqual(decision.number_key, "130/qđ-ubnd")
        other = self._confirmed([self.emp_leader], number="131/QĐ-UBND")
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            self.env.cr.execute(
                "UPDATE school_emulation_decision SET number_key = %s WHERE id = %s",
                (decision.number_key, other.id),
            )
        # the same number in another year is another decision
        self._confirmed([self.emp_other], number="130/QĐ-UBND", date="2042-01-10")

    def test_school_decisions_numbered_from_the_register(self):
        wizard_vals = {
            "subject_type": "student",
            "award_form_id": self.form_ht.id,
            "achievement": "Nhặt được của rơi",
            "period_id": self.year.id,
            "decision_date": "2041-03-10",
        }
        Wizard = self.env["school.emulation.adhoc.award"].with_user(self.officer)
        decisions = self.Decision.browse()
        for student in (self.student_own, self.student_other):
            action = Wizard.create(
                {**wizard_vals, "student_id": student.id}
            ).action_create()
            decisions |= self.Decision.browse(action["res_id"])
        self.assertEqual(set(decisions.mapped("state")), {"confirmed"})
        first, second = (int(n.split("/")[0]) for n in decisions.mapped("name"))
        self.assertEqual(second, first + 1)
        self.assertTrue(all("/QĐ" in n for n in decisions.mapped("name")))
        # a typed number on the school's own decision is refused
        count = self.Decision.sudo().search_count([])
        self._refused(
            lambda: self._client(
                self.Decision,
                "create",
                {
                    "name": "99/QĐ-THCS",
                    "authority_id": self.principal.id,
                    "period_id": self.year.id,
                    "company_id": self.school_a.id,
                },
            )
        )
        self.assertEqual(self.Decision.sudo().search_count([]), count)

    def test_proposal_numbers_never_collide(self):
        Proposal = self.env["school.emulation.proposal"].with_user(self.officer)
        vals = {"period_id": self.year.id, "company_id": self.school_a.id}
        first = Proposal.create(vals)
        second = Proposal.create(vals)
        second.unlink()
        third = Proposal.create(vals)
        names = [first.name, third.name]
        self.assertEqual(len(set(names)), 2, names)
        self.assertTrue(all(n.startswith("DN/") for n in names), names)
        self.assertEqual(
            int(third.name.rsplit("/", 1)[1]), int(first.name.rsplit("/", 1)[1]) + 2
        )
        # another school has its own register
        other = (
            self.env["school.emulation.proposal"]
            .with_user(self.officer_b)
            .create(
                {
                    "period_id": self._period(
                        "2040-2041 B", "2040-09-01", "2041-08-31", self.school_b
                    ).id,
                    "company_id": self.school_b.id,
                }
            )
        )
        self.assertTrue(other.name.startswith("DN/"))
        # a number is never typed or changed by a client
        count = Proposal.sudo().search_count([])
        self._refused(
            lambda: self._client(Proposal, "create", {**vals, "name": first.name})
        )
        self.assertEqual(Proposal.sudo().search_count([]), count)
        self._refused(
            lambda: self._client(third, "write", {"name": first.name}), first, third
        )
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            self.env.cr.execute(
                "UPDATE school_emulation_proposal SET name = %s WHERE id = %s",
                (first.name, third.id),
            )

    def test_register_api(self):
        """The registers other documents use (minutes, tờ trình)."""
        company = self.school_a
        first = company._se_next_number("minutes", "2041-05-01")
        second = company._se_next_number("minutes", "2041-06-01")
        next_year = company._se_next_number("minutes", "2042-01-05")
        self.assertNotEqual(first, second)
        self.assertEqual(int(second.split("/")[0]), int(first.split("/")[0]) + 1)
        self.assertEqual(int(next_year.split("/")[0]), 1)  # restarts on 1 January
        self.assertIn("/BB", first)
        with self.assertRaises(UserError):
            company._se_next_number("nonsense")

    def test_generated_attachment_key_no_longer_skips_the_size_check(self):
        """``school_emulation_generated`` in the context skipped the upload limit;
        only server code under ``trusted_write("ir.attachment")`` does now."""
        self.env["ir.config_parameter"].sudo().set_param(
            "school_emulation.max_attachment_mb", "0.001"
        )
        decision = self._decision([self.emp_staff])
        vals = {
            "name": "big.pdf",
            "raw": b"0" * 4096,
            "res_model": decision._name,
            "res_id": decision.id,
        }
        Attachment = self.env["ir.attachment"].with_user(self.officer)
        count = Attachment.sudo().search_count([])
        self._refused(
            lambda: call_kw(
                Attachment,
                "create",
                [vals],
                {"context": {"school_emulation_generated": True}},
            ),
            words="MB",
        )
        self.assertEqual(Attachment.sudo().search_count([]), count)
        with trusted_write("ir.attachment"):
            self.assertTrue(Attachment.create(vals))
