"""RPC-bypass matrix: what the buttons guard, a direct call cannot skip.

Every stateful model, every role: a direct ``write`` of ``state``, of the fields a
step locks and of the fields only the server writes (authors, reviewers, dates,
totals); a ``create`` in a non-default state or with those fields; ``unlink`` and
``copy`` of a confirmed or locked record; the context keys a client could send.
Each is refused in words and leaves the database as it was.
"""

import math
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from ..models.school_emulation_state_mixin import trusted_write
from .common import PREFIX, JsonRpcMixin, SchoolEmulationCase

REFUSED = (UserError, AccessError, ValidationError)
ROLES = ("staff", "leader", "officer", "manager", "council")
GUARDED_MODELS = (
    "school.emulation.registration",
    "school.emulation.score",
    "school.emulation.initiative",
    "school.emulation.initiative.review",
    "school.emulation.initiative.review.line",
    "school.emulation.proposal",
    "school.emulation.proposal.line",
    "school.emulation.movement",
    "school.emulation.period",
    "school.emulation.exemplar",
    "school.emulation.good.deed",
    "school.emulation.class.week",
    "school.emulation.block",
)


@tagged("post_install", "-at_install")
class TestRpcBypass(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls._setup_movement()
        company = {"company_id": cls.school_a.id}
        # Fixtures in their confirmed or locked state, made on the server's own
        # trusted path (what the buttons would have done).
        with trusted_write(*GUARDED_MODELS):
            cls.reg = cls._register(cls.emp_staff)
            cls.reg.write({"state": "accepted"})
            cls.reg._prepare_sheet()
            cls.reg_locked = cls._register(cls.emp_leader)
            cls.reg_locked.write({"state": "accepted"})
            cls.reg_locked._prepare_sheet()
            cls.reg_locked.score_ids.sudo().write({"self_score": 10})
            cls.reg_locked.write({"scores_locked": True, "lock_reason": "Đã chốt"})
            cls.score = cls.reg_locked.score_ids[0]
            cls.score_open = cls.reg.score_ids[0]

            Initiative = cls.env["school.emulation.initiative"]
            cls.initiative = Initiative.create(
                {
                    "name": "Sáng kiến đã công nhận",
                    "period_id": cls.year.id,
                    "state": "recognised",
                    "recognised_scope": "school",
                    "recognition_number": "1/QĐ",
                    "author_ids": [
                        Command.create({"employee_id": cls.emp_staff.id, "share": 100})
                    ],
                    **company,
                }
            )
            cls.council = cls.env["school.emulation.council"].create(
                {
                    "name": "Hội đồng sáng kiến",
                    "kind": "initiative",
                    "period_id": cls.year.id,
                    "member_ids": [Command.create({"employee_id": cls.emp_other.id})],
                    **company,
                }
            )
            cls.initiative_graded = Initiative.create(
                {
                    "name": "Sáng kiến đang chấm",
                    "period_id": cls.year.id,
                    "council_id": cls.council.id,
                    "author_ids": [
                        Command.create({"employee_id": cls.emp_staff.id, "share": 100})
                    ],
                    **company,
                }
            )
            cls.initiative_graded.write({"state": "submitted"})
            cls.initiative_graded.action_assign_graders()
            cls.review = cls.initiative_graded.review_ids
            cls.review.write({"state": "done"})
            cls.review_line = cls.review.line_ids[:1]

            cls.proposal = cls.env["school.emulation.proposal"].create(
                {
                    "period_id": cls.year.id,
                    "level": "school",
                    "line_ids": [
                        Command.create(
                            {
                                "subject_type": "employee",
                                "employee_id": cls.emp_staff.id,
                                "title_id": cls.ldtt.id,
                            }
                        )
                    ],
                    **company,
                }
            )
            cls.proposal.write({"state": "submitted", "submitted_date": "2041-06-01"})
            cls.proposal_line = cls.proposal.line_ids

            cls.movement_closed = cls.env["school.emulation.movement"].create(
                {"name": "Phong trào đã đóng", "period_id": cls.year.id, **company}
            )
            cls.movement_closed.write({"state": "closed"})
            cls.period_closed = cls._period(
                "2050-2051", "2050-09-01", "2051-08-31", cls.school_a
            )
            cls.period_closed.write({"state": "closed"})
            cls.exemplar = cls.env["school.emulation.exemplar"].create(
                {
                    "name": "Điển hình",
                    "period_id": cls.year.id,
                    "subject_type": "employee",
                    "employee_id": cls.emp_staff.id,
                    **company,
                }
            )
            cls.exemplar.write({"state": "recognised"})
            cls.good_deed = cls.env["school.emulation.good.deed"].create(
                {
                    "subject_type": "employee",
                    "employee_id": cls.emp_other.id,
                    "description": "Nhặt được của rơi trả người mất",
                    **company,
                }
            )
            cls.good_deed.write({"state": "proposed"})

            cls.week_cset = cls.env["school.emulation.criterion.set"].create(
                {
                    "name": "Thi đua lớp",
                    "criterion_ids": [
                        Command.create({"name": "Chuyên cần", "max_points": 50})
                    ],
                    **company,
                }
            )
            Week = cls.env["school.emulation.class.week"]
            cls.week = Week.create(
                {
                    "period_id": cls.year.id,
                    "week_start": date(2040, 9, 3),
                    "criterion_set_id": cls.week_cset.id,
                    **company,
                }
            )
            cls.week.action_prepare_lines()
            cls.week.line_ids.write({"points": 40})
            cls.week.write({"state": "locked"})
            cls.week_line = cls.week.line_ids[:1]
            cls.week_open = Week.create(
                {
                    "period_id": cls.year.id,
                    "week_start": date(2040, 9, 10),
                    "criterion_set_id": cls.week_cset.id,
                    **company,
                }
            )
            cls.week_open.action_prepare_lines()

            cls.block = cls.env["school.emulation.block"].create(
                {
                    "name": "Khối THCS",
                    "period_id": cls.year.id,
                    "criterion_set_id": cls.week_cset.id,
                    **company,
                }
            )
            cls.block.write({"state": "voting"})

    # ------------------------------------------------------------------ helpers
    def _snapshot(self, record, fnames):
        self.env.invalidate_all()
        return record.sudo().read(sorted(set(fnames) | {"id"}))

    def _assert_refused(self, call):
        """``call`` raises a refusal in words (Odoo's ``assertRaises`` takes one
        exception class, not a tuple)."""
        try:
            call()
        except REFUSED as exc:
            self.assertTrue(str(exc.args[0]).strip(), "a refusal says why, in words")
        else:
            self.fail("the call was not refused")

    def _check_write(self, record, vals):
        fnames = [f for f in vals if f in record._fields] + (
            ["state"] if "state" in record._fields else []
        )
        before = self._snapshot(record, fnames)
        for role in ROLES:
            with self.subTest(model=record._name, vals=vals, role=role):
                self._assert_refused(
                    lambda r=role: record.with_user(self.users[r]).write(dict(vals))
                )
                self.assertEqual(self._snapshot(record, fnames), before)

    def _count(self, model):
        self.env.invalidate_all()
        return self.env[model].sudo().with_context(active_test=False).search_count([])

    def _check_create(self, model, vals, context=None):
        before = self._count(model)
        for role in ROLES:
            with self.subTest(model=model, vals=vals, context=context, role=role):
                Model = self.env[model].with_user(self.users[role])
                self._assert_refused(
                    lambda M=Model: M.with_context(**(context or {})).create(dict(vals))
                )
                self.assertEqual(self._count(model), before)

    def _check_unlink_copy(self, record):
        before = self._count(record._name)
        for role in ROLES:
            for method in ("unlink", "copy"):
                with self.subTest(model=record._name, method=method, role=role):
                    rec = record.with_user(self.users[role])
                    self._assert_refused(getattr(rec, method))
                    self.assertEqual(self._count(record._name), before)
                    self.assertTrue(record.exists())

    # ------------------------------------------------------------- the matrix
    def _write_cases(self):
        """(record, values) pairs: state moves, locked fields, server fields."""
        other_user = self.users["manager"]
        return [
            # registration: state, the sent sheet, the reviewers' fields
            (self.reg, {"state": "draft"}),
            (self.reg, {"state": "returned"}),
            (self.reg, {"commitment": "Tự nâng chỉ tiêu"}),
            (self.reg, {"title_id": False}),
            (self.reg, {"return_reason": "Tự ghi lý do"}),
            (self.reg, {"date_submitted": "2030-01-01"}),
            (self.reg, {"criterion_set_id": False}),
            (self.reg, {"self_score_date": "2030-01-01"}),
            (self.reg_locked, {"scores_locked": False}),
            (self.reg_locked, {"score_ids": [Command.delete(self.score.id)]}),
            # score lines of a locked sheet: authors, points, the scores
            (self.score, {"group_user_id": False, "final_user_id": False}),
            (self.score, {"self_user_id": other_user.id}),
            (self.score, {"points": 999}),
            (self.score, {"self_score": 40}),
            (self.score, {"registration_id": self.reg.id}),
            (self.score_open, {"points": 999}),
            (self.score_open, {"group_user_id": other_user.id}),
            # initiative: state, content and scope once recognised, the grades
            (self.initiative, {"state": "draft"}),
            (self.initiative_graded, {"state": "recognised"}),
            (self.initiative, {"recognised_scope": "national"}),
            (self.initiative_graded, {"recognised_scope": "national"}),
            (self.initiative, {"name": "Đổi tên"}),
            (self.initiative, {"score_raw": 99.0, "score_normalised": 99.0}),
            (self.initiative_graded, {"council_id": False}),
            (self.initiative_graded, {"review_ids": [Command.clear()]}),
            # grading sheet (done) and its lines
            (self.review, {"state": "draft"}),
            (self.review, {"total": 100.0}),
            (self.review, {"outlier": True, "disagreement": 9.0}),
            (self.review, {"member_id": False}),
            (self.review, {"comment": "Sửa sau khi chốt"}),
            (self.review_line, {"points": 999}),
            (self.review_line, {"points": 1.0}),
            # proposal: state, the sent list, dates and reasons of the steps
            (self.proposal, {"state": "decided"}),
            (self.proposal, {"state": "draft"}),
            (self.proposal, {"level": "group"}),
            (self.proposal, {"authority_id": False}),
            (self.proposal, {"submitted_date": "2030-01-01"}),
            (self.proposal, {"accepted_date": "2030-01-01"}),
            (self.proposal, {"return_reason": "Tự trả"}),
            (self.proposal, {"posting_start": "2030-01-01"}),
            (self.proposal_line, {"eligible": True}),
            (self.proposal_line, {"vote_yes": 99, "vote_passed": True}),
            (self.proposal_line, {"council_result": "approved"}),
            (self.proposal_line, {"achievement": "Thêm thành tích"}),
            # movement, period, exemplar, good deed
            (self.movement_closed, {"state": "running"}),
            (self.movement_closed, {"criterion_set_id": self.cset.id}),
            (self.movement_closed, {"date_end": "2041-12-31"}),
            (self.period_closed, {"state": "open"}),
            (self.period_closed, {"date_end": "2051-07-31"}),
            (self.exemplar, {"state": "spotted"}),
            (self.exemplar, {"is_published": True}),
            (self.good_deed, {"state": "closed"}),
            (self.good_deed, {"reported_by": other_user.id}),
            (self.good_deed, {"description": "Sửa lại"}),
            # class week (locked) and its scores
            (self.week, {"state": "open"}),
            (self.week, {"criterion_set_id": self.cset.id}),
            (
                self.week,
                {"line_ids": [Command.update(self.week_line.id, {"points": 50})]},
            ),
            (self.week, {"result_ids": [Command.clear()]}),
            (self.week_line, {"points": 50}),
            (self.week_line, {"weighted_points": 999}),
            (self.week_open.line_ids[:1], {"weighted_points": 999}),
            (self.week_open.line_ids[:1], {"week_id": self.week.id}),
            # block
            (self.block, {"state": "done"}),
            (self.block, {"state": "draft"}),
            (self.block, {"merit_threshold_pct": 10}),
        ]

    def test_write_matrix(self):
        """No role moves a state, or writes a locked or a server field, by a
        direct write."""
        for record, vals in self._write_cases():
            self._check_write(record, vals)

    def test_create_matrix(self):
        """No role creates a record in a non-default state or with server fields."""
        company = {"company_id": self.school_a.id}
        cases = [
            (
                "school.emulation.registration",
                {
                    "movement_id": self.movement.id,
                    "subject_type": "employee",
                    "employee_id": self.emp_other.id,
                    "state": "accepted",
                },
            ),
            (
                "school.emulation.registration",
                {
                    "movement_id": self.movement.id,
                    "subject_type": "employee",
                    "employee_id": self.emp_other.id,
                    "scores_locked": True,
                },
            ),
            (
                "school.emulation.registration",
                {
                    "movement_id": self.movement.id,
                    "subject_type": "employee",
                    "employee_id": self.emp_other.id,
                    "criterion_set_id": self.week_cset.id,
                },
            ),
            (
                "school.emulation.score",
                {
                    "registration_id": self.reg.id,
                    "criterion_id": self.score.criterion_id.id,
                    "self_user_id": self.users["leader"].id,
                },
            ),
            (
                "school.emulation.initiative",
                {"name": "SK", "period_id": self.year.id, "state": "recognised"},
            ),
            (
                "school.emulation.initiative",
                {
                    "name": "SK",
                    "period_id": self.year.id,
                    "recognised_scope": "national",
                },
            ),
            (
                "school.emulation.initiative",
                {"name": "SK", "period_id": self.year.id, "score_raw": 99},
            ),
            (
                "school.emulation.initiative.review",
                {
                    "initiative_id": self.initiative_graded.id,
                    "member_id": self.council.member_ids.id,
                    "state": "done",
                },
            ),
            (
                "school.emulation.initiative.review.line",
                {
                    "review_id": self.review.id,
                    "criterion_id": self.review_line.criterion_id.id,
                    "points": 10,
                },
            ),
            (
                "school.emulation.proposal",
                {"period_id": self.year.id, "state": "decided", **company},
            ),
            (
                "school.emulation.proposal",
                {"period_id": self.year.id, "posting_end": "2030-01-01", **company},
            ),
            (
                "school.emulation.proposal.line",
                {
                    "proposal_id": self.proposal.id,
                    "subject_type": "employee",
                    "employee_id": self.emp_other.id,
                    "title_id": self.ldtt.id,
                },
            ),
            (
                "school.emulation.movement",
                {"name": "PT", "period_id": self.year.id, "state": "running"},
            ),
            (
                "school.emulation.period",
                {
                    "name": "2060-2061",
                    "date_start": "2060-09-01",
                    "date_end": "2061-08-31",
                    "state": "closed",
                    **company,
                },
            ),
            (
                "school.emulation.exemplar",
                {"name": "ĐH", "state": "recognised", "is_published": True},
            ),
            (
                "school.emulation.good.deed",
                {
                    "subject_type": "employee",
                    "employee_id": self.emp_other.id,
                    "description": "Việc tốt",
                    "reported_by": self.users["manager"].id,
                },
            ),
            (
                "school.emulation.good.deed",
                {
                    "subject_type": "employee",
                    "employee_id": self.emp_other.id,
                    "description": "Việc tốt",
                    "state": "exemplar",
                },
            ),
            (
                "school.emulation.class.week",
                {
                    "period_id": self.year.id,
                    "week_start": date(2040, 9, 17),
                    "criterion_set_id": self.week_cset.id,
                    "state": "locked",
                },
            ),
            (
                "school.emulation.class.score",
                {
                    "week_id": self.week.id,
                    "class_id": self.class_other.id,
                    "criterion_id": self.week_line.criterion_id.id,
                    "points": 10,
                },
            ),
            (
                "school.emulation.block",
                {
                    "name": "Khối",
                    "period_id": self.year.id,
                    "criterion_set_id": self.week_cset.id,
                    "state": "done",
                },
            ),
        ]
        for model, vals in cases:
            self._check_create(model, vals)

    def test_unlink_and_copy_matrix(self):
        """Confirmed or locked records are neither deleted nor duplicated."""
        for record in (
            self.reg,
            self.reg_locked,
            self.score,
            self.initiative,
            self.initiative_graded,
            self.review,
            self.review_line,
            self.proposal,
            self.movement_closed,
            self.period_closed,
            self.exemplar,
            self.good_deed,
            self.week,
            self.block,
        ):
            self._check_unlink_copy(record)
        # lines of a sent proposal or a locked week: not deleted either
        for record in (self.proposal_line, self.week_line):
            before = self._count(record._name)
            for role in ROLES:
                with self.subTest(model=record._name, method="unlink", role=role):
                    self._assert_refused(record.with_user(self.users[role]).unlink)
                    self.assertEqual(self._count(record._name), before)

    def test_context_keys_matrix(self):
        """Context keys a client can send change nothing the server guards."""
        # default_<field>: a default is a value too
        defaults = [
            (
                "school.emulation.registration",
                {
                    "movement_id": self.movement.id,
                    "subject_type": "employee",
                    "employee_id": self.emp_other.id,
                },
                {"default_state": "accepted"},
            ),
            (
                "school.emulation.registration",
                {
                    "movement_id": self.movement.id,
                    "subject_type": "employee",
                    "employee_id": self.emp_other.id,
                },
                {"default_scores_locked": True},
            ),
            (
                "school.emulation.initiative",
                {"name": "SK", "period_id": self.year.id},
                {"default_state": "recognised"},
            ),
            (
                "school.emulation.proposal",
                {"period_id": self.year.id, "company_id": self.school_a.id},
                {"default_state": "decided"},
            ),
            (
                "school.emulation.good.deed",
                {
                    "subject_type": "employee",
                    "employee_id": self.emp_other.id,
                    "description": "Việc tốt",
                },
                {"default_exemplar_id": self.exemplar.id},
            ),
            (
                "school.emulation.movement",
                {"name": "PT", "period_id": self.year.id},
                {"default_state": "closed"},
            ),
        ]
        for model, vals, context in defaults:
            self._check_create(model, vals, context)

        # school_emulation_defer_results (read by the class scores before): sent by
        # a client, it no longer leaves the ranking stale
        line = self.week_open.line_ids[:1]
        officer = self.users["officer"]
        line.with_user(officer).with_context(school_emulation_defer_results=True).write(
            {"points": 30}
        )
        result = self.week_open.result_ids.filtered(
            lambda r: r.class_id == line.class_id
        )
        self.assertEqual(result.total, 30.0)

        # reason_action (read by the proposal's reason window): a client choosing
        # "reject" still needs the officer's right and a submitted proposal
        before = self._snapshot(self.proposal, ["state", "reject_reason"])
        for role in ("staff", "leader", "council"):
            with self.subTest(context="reason_action", role=role):
                Proposal = self.proposal.with_user(self.users[role])
                self._assert_refused(
                    lambda P=Proposal: P.with_context(reason_action="reject")
                    .env["school.emulation.proposal.reason"]
                    .create(
                        {
                            "proposal_id": self.proposal.id,
                            "action": "reject",
                            "reason": "x",
                        }
                    )
                    .action_confirm()
                )
                self.assertEqual(
                    self._snapshot(self.proposal, ["state", "reject_reason"]), before
                )

        # install_mode / import_file style keys and the import: load() stays guarded
        before = self._count("school.emulation.movement")
        for role in ("officer", "manager"):
            with self.subTest(context="load", role=role):
                Movement = self.env["school.emulation.movement"].with_user(
                    self.users[role]
                )
                result = Movement.with_context(
                    install_mode=True, import_file=True
                ).load(
                    ["name", "period_id/.id", "state"],
                    [["PT nhập", str(self.year.id), "closed"]],
                )
                self.assertFalse(result["ids"])
                self.assertTrue(result["messages"], "the import says why")
                self.assertEqual(self._count("school.emulation.movement"), before)

    def test_numbers_are_finite(self):
        """NaN and infinity are refused wherever points are typed."""
        self.reg.score_ids.sudo().invalidate_recordset()
        staff = self.users["staff"]
        for value in (math.nan, math.inf, "nan"):
            with self.subTest(field="self_score", value=value):
                before = self._snapshot(self.score_open, ["self_score", "points"])
                self._assert_refused(
                    lambda v=value: self.score_open.with_user(staff).write(
                        {"self_score": v}
                    )
                )
                self.assertEqual(
                    self._snapshot(self.score_open, ["self_score", "points"]), before
                )
            with self.subTest(field="class points", value=value):
                line = self.week_open.line_ids[:1]
                before = self._snapshot(line, ["points"])
                self._assert_refused(
                    lambda v=value, ln=line: ln.with_user(self.users["officer"]).write(
                        {"points": v}
                    )
                )
                self.assertEqual(self._snapshot(line, ["points"]), before)

    def test_teacher_cannot_raise_locked_total(self):
        """The observed abuse: clearing the reviewers' fields on a locked sheet and
        writing points directly leave the total as it was (SQL check)."""
        teacher = self.users["leader"]  # the subject of reg_locked
        query = "SELECT total_score FROM school_emulation_registration WHERE id = %s"
        self.env.flush_all()
        self.env.cr.execute(query, [self.reg_locked.id])
        (total_before,) = self.env.cr.fetchone()
        for vals in (
            {"group_user_id": False, "final_user_id": False},
            {"points": 999},
            {"self_score": 40},
        ):
            with self.subTest(vals=vals):
                self._assert_refused(
                    lambda v=vals: self.reg_locked.score_ids.with_user(teacher).write(v)
                )
                self.env.flush_all()
                self.env.cr.execute(query, [self.reg_locked.id])
                self.assertEqual(self.env.cr.fetchone()[0], total_before)

    def test_buttons_follow_the_server_check(self):
        """can_* flags are computed from the same transition check."""
        with trusted_write("school.emulation.registration"):
            draft = self._register(self.emp_other)
        staff, leader = self.users["staff"], self.users["leader"]
        self.assertFalse(self.reg.with_user(staff).can_accept)
        self.assertTrue(self.reg.with_user(leader).can_return)
        self.assertFalse(draft.with_user(staff).can_submit)  # not his registration
        self.assertTrue(draft.with_user(self.users["officer"]).can_submit)
        self.assertFalse(self.movement_closed.with_user(staff).can_start)
        self.assertTrue(self.movement_closed.with_user(self.users["officer"]).can_start)
        self.assertFalse(self.proposal.with_user(leader).can_reject)
        self.assertTrue(self.proposal.with_user(self.users["officer"]).can_reject)
        self.assertTrue(self.week.with_user(self.users["officer"]).can_unlock)
        self.assertFalse(self.week.with_user(leader).can_unlock)
        self.assertFalse(self.review.with_user(staff).can_reopen)


@tagged("post_install", "-at_install")
class TestRpcBypassJsonRpc(JsonRpcMixin, HttpCase):
    """The same refusals sent as the web client sends them: JSON-RPC ``call_kw``
    with the client's own context, by the officer (the strongest school role)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.school = cls.env["res.company"].create({"name": "THCS RPC"})
        company = {"company_id": cls.school.id}
        users = {
            role: new_test_user(
                cls.env,
                login=f"se_rpc_{role}",
                password=f"se_rpc_{role}",
                groups=PREFIX + group,
                company_id=cls.school.id,
                company_ids=[cls.school.id],
            )
            for role, group in (
                ("staff", "group_school_emulation_user"),
                ("officer", "group_school_emulation_officer"),
            )
        }
        cls.staff, cls.officer = users["staff"], users["officer"]
        year = cls.env["school.emulation.period"].create(
            {
                "name": "2070-2071",
                "date_start": "2070-09-01",
                "date_end": "2071-08-31",
                **company,
            }
        )
        cset = cls.env["school.emulation.criterion.set"].create(
            {
                "name": "Tiêu chí",
                "criterion_ids": [Command.create({"name": "Dạy", "max_points": 50})],
                **company,
            }
        )
        employee = cls.env["hr.employee"].create(
            {"name": "Giáo viên RPC", "user_id": cls.staff.id, **company}
        )
        with trusted_write(
            "school.emulation.movement",
            "school.emulation.registration",
            "school.emulation.score",
        ):
            cls.movement = cls.env["school.emulation.movement"].create(
                {
                    "name": "Phong trào RPC",
                    "period_id": year.id,
                    "criterion_set_id": cset.id,
                    "state": "running",
                    **company,
                }
            )
            cls.reg = cls.env["school.emulation.registration"].create(
                {
                    "movement_id": cls.movement.id,
                    "subject_type": "employee",
                    "employee_id": employee.id,
                    "state": "accepted",
                }
            )
            cls.reg._prepare_sheet()
            cls.reg.write({"scores_locked": True, "lock_reason": "Đã chốt"})
        cls.other = cls.env["hr.employee"].create({"name": "Người khác", **company})

    def _snapshot(self):
        self.env.invalidate_all()
        return (
            self.reg.read(["state", "scores_locked", "total_score"]),
            self.reg.score_ids.read(["points", "self_user_id", "group_user_id"]),
            self.env["school.emulation.registration"].search_count([]),
        )

    @mute_logger("odoo.http")
    def test_json_rpc_refusals(self):
        """Each call is refused with a message and the database is unchanged."""
        score = self.reg.score_ids[:1]
        new_reg = {
            "movement_id": self.movement.id,
            "subject_type": "employee",
            "employee_id": self.other.id,
        }
        cases = [
            ("registration", "write", [self.reg.ids, {"state": "draft"}], {}),
            ("registration", "write", [self.reg.ids, {"scores_locked": False}], {}),
            ("registration", "create", [{**new_reg, "state": "accepted"}], {}),
            (
                "registration",
                "create",
                [new_reg],
                {"context": {"default_state": "accepted"}},
            ),
            ("registration", "copy", [self.reg.ids], {}),
            ("score", "write", [score.ids, {"points": 999}], {}),
            ("score", "write", [score.ids, {"group_user_id": False}], {}),
            ("score", "write", [score.ids, {"self_score": 40}], {}),
        ]
        before = self._snapshot()
        for login in ("se_rpc_staff", "se_rpc_officer"):
            self.authenticate(login, login)
            for model, method, args, kwargs in cases:
                with self.subTest(login=login, model=model, method=method, args=args):
                    result, error = self.json_rpc(
                        f"school.emulation.{model}", method, args, kwargs
                    )
                    self.assertFalse(result)
                    self.assertIn(
                        error.get("name"),
                        ("odoo.exceptions.UserError", "odoo.exceptions.AccessError"),
                    )
                    self.assertTrue(error.get("message"))
                    self.assertEqual(self._snapshot(), before)
