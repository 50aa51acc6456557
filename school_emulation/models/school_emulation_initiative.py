from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import grading
from .school_emulation_state_mixin import (
    check_officer,
    is_officer,
    is_server_write,
    trusted_write,
)
from .school_emulation_title import INITIATIVE_SCOPES


class SchoolEmulationInitiative(models.Model):
    """An initiative (sáng kiến) or research project (đề tài) and its recognition.

    The recognised scope feeds the eligibility of CSTĐCS and CSTĐ tỉnh. An initiative
    supports one award only (CV 5007/BNV-TĐKT §III.5c).
    """

    _name = "school.emulation.initiative"
    _description = "Initiative"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.emulation.state.mixin"]
    _order = "period_id desc, name"
    _check_company_auto = True
    _TRANSITIONS = {
        "draft": {"submitted"},
        "submitted": {"graded", "draft"},
        "graded": {"recognised", "not_recognised", "submitted"},
        "recognised": set(),
        "not_recognised": {"submitted"},
    }
    # the council's grades and the award it supports: written by the server
    _SERVER_FIELDS = ("score_raw", "score_normalised", "used_for_award_id")
    _LOCKED_STATES = ("submitted", "graded", "recognised", "not_recognised")
    # the authors' content: fixed once submitted (back to draft to change it)
    _CONTENT_FIELDS = (
        "name",
        "field_subject",
        "date_applied",
        "applied_at",
        "description",
        "results",
        "attachment_ids",
        "author_ids",
        "kind",
        "period_id",
        "requested_scope",
        "company_id",
    )
    # the recognition: the officer records it once graded; fixed once recognised
    _RECOGNITION_FIELDS = ("recognised_scope", "recognition_number", "recognition_date")

    name = fields.Char(string="Initiative", required=True, tracking=True)
    field_subject = fields.Char(
        string="Field / Subject", help="e.g. Toán, quản lý, công tác chủ nhiệm."
    )
    date_applied = fields.Date(string="First Applied On")
    applied_at = fields.Char(string="Applied At", help="Unit or classes where applied.")
    description = fields.Html()
    results = fields.Html(help="Effect measured, with evidence.")
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence")
    council_id = fields.Many2one(
        "school.emulation.council",
        string="Initiative Council",
        check_company=True,
        domain="[('kind', '=', 'initiative'), ('period_id', '=', period_id)]",
        ondelete="restrict",
    )
    review_ids = fields.One2many(
        "school.emulation.initiative.review", "initiative_id", string="Gradings"
    )
    recusal_ids = fields.One2many(
        "school.emulation.initiative.recusal", "initiative_id", string="Recusals"
    )
    score_raw = fields.Float(
        string="Average Score", digits=(5, 2), readonly=True, copy=False
    )
    score_normalised = fields.Float(
        string="Normalised Score",
        digits=(5, 2),
        readonly=True,
        copy=False,
        help="Average after removing each grader's own severity (z-scores).",
    )
    is_published = fields.Boolean(string="Published", copy=False, tracking=True)
    kind = fields.Selection(
        [("initiative", "Initiative (sáng kiến)"), ("research", "Research (đề tài)")],
        required=True,
        default="initiative",
    )
    period_id = fields.Many2one(
        "school.emulation.period",
        string="School Year",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        default=lambda self: self.env["school.emulation.period"]._get_current(),
    )
    author_ids = fields.One2many(
        "school.emulation.initiative.author", "initiative_id", string="Authors"
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("graded", "Graded"),
            ("recognised", "Recognised"),
            ("not_recognised", "Not Recognised"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    requested_scope = fields.Selection(INITIATIVE_SCOPES, default="school")
    recognised_scope = fields.Selection(
        INITIATIVE_SCOPES,
        tracking=True,
        copy=False,
        help="Scope of effect recognised by the competent body.",
    )
    recognition_number = fields.Char(
        string="Recognition Decision", tracking=True, copy=False
    )
    recognition_date = fields.Date(tracking=True, copy=False)
    used_for_award_id = fields.Many2one(
        "school.emulation.award",
        string="Used For Award",
        readonly=True,
        copy=False,
        ondelete="set null",
        help="An initiative supports one title or award form only.",
    )
    company_id = fields.Many2one(
        "res.company",
        string="School",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    can_submit = fields.Boolean(compute="_compute_can_transition")
    can_back_to_draft = fields.Boolean(compute="_compute_can_transition")
    can_assign_graders = fields.Boolean(compute="_compute_can_transition")
    can_recognise = fields.Boolean(compute="_compute_can_transition")
    can_not_recognise = fields.Boolean(compute="_compute_can_transition")

    @api.depends("state", "author_ids.share")
    @api.depends_context("uid")
    def _compute_can_transition(self):
        officer = is_officer(self.env)
        for rec in self:
            rec.can_submit = rec._can_transition("submitted")
            rec.can_back_to_draft = rec._can_transition("draft")
            rec.can_assign_graders = officer and rec.state == "submitted"
            rec.can_recognise = rec._can_transition("recognised")
            rec.can_not_recognise = rec._can_transition("not_recognised")

    @api.constrains("author_ids")
    def _check_shares(self):
        for rec in self.filtered("author_ids"):
            total = round(sum(rec.author_ids.mapped("share")), 2)
            if total != 100:
                raise ValidationError(
                    self.env._(
                        "The authors' contribution shares of %(name)s add up to "
                        "%(total)s %%; they must add up to 100 %%.",
                        name=rec.name,
                        total=self._se_format_number(total),
                    )
                )

    # --- flow ----------------------------------------------------------------------
    def _check_transition_rights(self, new_state):
        if new_state == "submitted" and all(r.state == "draft" for r in self):
            return  # the authors submit (record rule: their own)
        check_officer(
            self.env,
            self.env._("Only the emulation officer moves an initiative on."),
        )

    def _check_transition_record(self, new_state):
        if new_state == "submitted" and not grading.contribution_ok(
            self.author_ids.mapped("share")
        ):
            raise UserError(
                self.env._(
                    "List the authors of %(name)s with contribution shares adding "
                    "up to 100 %%.",
                    name=self.name,
                )
            )

    def action_submit(self):
        self._check_transition("submitted")
        self._write_state({"state": "submitted"})

    def action_back_to_draft(self):
        self._check_transition("draft")
        self._write_state({"state": "draft"})

    def _recused(self, member):
        """Why ``member`` may not grade this initiative (empty: may grade)."""
        self.ensure_one()
        authors = self.author_ids.employee_id
        if member.employee_id in authors:
            return self.env._("author of the initiative")
        if (
            self.council_id.exclude_author_department
            and member.employee_id.department_id
            and member.employee_id.department_id in authors.department_id
        ):
            return self.env._("same group as an author")
        return ""

    def action_assign_graders(self):
        """One grading sheet per council member; recused members get a recusal
        record (logged in the chatter) instead."""
        check_officer(
            self.env, self.env._("Only the emulation officer assigns graders.")
        )
        Review = self.env["school.emulation.initiative.review"]
        Recusal = self.env["school.emulation.initiative.recusal"]
        for rec in self:
            if rec.state != "submitted":
                raise UserError(
                    self.env._("Submit %(name)s before grading.", name=rec.name)
                )
            if not rec.council_id:
                raise UserError(
                    self.env._(
                        "Choose the initiative council of %(name)s.", name=rec.name
                    )
                )
            graded = rec.review_ids.member_id | rec.recusal_ids.member_id
            for member in rec.council_id.member_ids - graded:
                reason = rec._recused(member)
                if reason:
                    Recusal.sudo().create(
                        {
                            "initiative_id": rec.id,
                            "member_id": member.id,
                            "reason": reason,
                        }
                    )
                    rec.message_post(
                        body=self.env._(
                            "%(member)s is recused from grading: %(reason)s.",
                            member=member.name,
                            reason=reason,
                        )
                    )
                else:
                    with trusted_write(Review._name):
                        Review.create({"initiative_id": rec.id, "member_id": member.id})
        return True

    def _normalise_council(self):
        """Z-score normalisation over every graded initiative of the councils."""
        Initiative = self.sudo()
        for council in self.council_id:
            initiatives = Initiative.search(
                [("council_id", "=", council.id), ("review_ids.state", "=", "done")]
            )
            reviews = initiatives.review_ids.filtered(lambda r: r.state == "done")
            grades = {}
            for review in reviews:
                grades.setdefault(review.member_id.id, {})[review.initiative_id.id] = (
                    review.total
                )
            result = grading.normalise(grades)
            for initiative in initiatives:
                initiative._write_state(
                    {
                        "score_raw": result.raw_means.get(initiative.id, 0.0),
                        "score_normalised": result.scores.get(initiative.id, 0.0),
                    }
                )
            for review in reviews:
                gap = result.outliers.get(review.member_id.id)
                review._write_state({"outlier": bool(gap), "disagreement": gap or 0.0})

    def _check_graded(self):
        for rec in self.filtered(lambda r: r.state == "submitted"):
            if rec.review_ids and all(r.state == "done" for r in rec.review_ids):
                rec.sudo()._write_state({"state": "graded"})
        self._normalise_council()

    def action_recognise(self):
        self._check_transition("recognised")
        for rec in self:
            if not rec.recognised_scope or not rec.recognition_number:
                raise UserError(
                    self.env._(
                        "Set the recognised scope and the recognition decision of "
                        "%(name)s.",
                        name=rec.name,
                    )
                )
        self._write_state({"state": "recognised"})

    def action_not_recognise(self):
        self._check_transition("not_recognised")
        self._write_state({"state": "not_recognised", "is_published": False})

    def write(self, vals):
        if vals.get("is_published") and not self.env.su:
            check_officer(self.env, self.env._("Only the emulation officer publishes."))
            if any(r.state != "recognised" for r in self):
                raise UserError(
                    self.env._("Only a recognised initiative is published.")
                )
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        if not self._is_trusted():
            names = {
                n for vals in vals_list for n in self._RECOGNITION_FIELDS if vals.get(n)
            }
            if names:
                self._refuse_guarded(names)
        return super().create(vals_list)

    def _check_write_locked(self, vals):
        _ = self.env._
        content = set(vals) & set(self._CONTENT_FIELDS)
        if content:
            for rec in self.filtered(lambda r: r.state != "draft"):
                raise UserError(
                    _(
                        "Initiative %(name)s is %(state)s: %(fields)s can no longer "
                        "change.",
                        name=rec.name,
                        state=rec._state_label(),
                        fields=self._guarded_field_labels(content),
                    )
                )
        recognition = set(vals) & set(self._RECOGNITION_FIELDS)
        if recognition and not self._is_trusted():
            check_officer(
                self.env,
                _("Only the emulation officer records the recognition."),
            )
            for rec in self.filtered(lambda r: r.state != "graded"):
                raise UserError(
                    _(
                        "Initiative %(name)s is %(state)s: its recognition is "
                        "recorded once it is graded, and then kept.",
                        name=rec.name,
                        state=rec._state_label(),
                    )
                )
        if "council_id" in vals and not self._is_trusted():
            check_officer(
                self.env, _("Only the emulation officer chooses the council.")
            )
            for rec in self.filtered(
                lambda r: r.state not in ("draft", "submitted") or r.review_ids
            ):
                raise UserError(
                    _(
                        "The graders of %(name)s are assigned: its council is kept.",
                        name=rec.name,
                    )
                )
        if "review_ids" in vals or "recusal_ids" in vals:
            if not self._is_trusted():
                raise UserError(
                    _("Gradings and recusals are made by assigning the graders.")
                )

    @api.constrains("state", "recognised_scope")
    def _check_scope(self):
        for rec in self:
            if rec.state == "recognised" and not rec.recognised_scope:
                raise ValidationError(
                    self.env._("Set the recognised scope of %(name)s.", name=rec.name)
                )


class SchoolEmulationInitiativeAuthor(models.Model):
    _name = "school.emulation.initiative.author"
    _description = "Initiative Author"
    _order = "share desc, id"

    initiative_id = fields.Many2one(
        "school.emulation.initiative", required=True, ondelete="cascade", index=True
    )
    employee_id = fields.Many2one(
        "hr.employee", string="Author", required=True, index=True, ondelete="restrict"
    )
    share = fields.Float(string="Contribution (%)", digits=(5, 2), default=100.0)
    company_id = fields.Many2one(
        related="initiative_id.company_id", store=True, index=True
    )

    def _check_initiative_draft(self, initiatives):
        for initiative in initiatives.filtered(lambda r: r.state != "draft"):
            raise UserError(
                self.env._(
                    "Initiative %(name)s is submitted: its authors can no longer "
                    "change.",
                    name=initiative.name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not is_server_write(self.env, "school.emulation.initiative"):
            self._check_initiative_draft(
                self.env["school.emulation.initiative"].browse(
                    [
                        v.get("initiative_id")
                        for v in vals_list
                        if v.get("initiative_id")
                    ]
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        # the value first (what was typed is wrong), then the lock
        if "share" in vals:
            vals["share"] = self.env["school.emulation.input.mixin"]._clean_number(
                vals["share"], self._fields["share"]._description_string(self.env)
            )
            if not 0 < vals["share"] <= 100:
                # the database's own words for the CHECK (translated with it)
                constraint = self.env.ref(
                    "school_emulation.constraint_school_emulation_initiative_author_"
                    "share_range",
                    raise_if_not_found=False,
                )
                raise ValidationError(
                    constraint.sudo().message
                    if constraint
                    else "A contribution share is more than 0 and at most 100 %."
                )
        initiatives = self.initiative_id
        if vals.get("initiative_id"):
            initiatives |= initiatives.browse(vals["initiative_id"])
        self._check_initiative_draft(initiatives)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        self._check_initiative_draft(self.initiative_id)

    _sql_constraints = [
        (
            "share_range",
            "CHECK(share > 0 AND share <= 100)",
            "A contribution share is more than 0 and at most 100 %.",
        ),
        (
            "author_unique",
            "UNIQUE(initiative_id, employee_id)",
            "An author is listed once per initiative.",
        ),
    ]


class SchoolEmulationInitiativeRecusal(models.Model):
    """A council member kept out of grading an initiative, and why (kept as a
    record: the recusal is part of the minutes)."""

    _name = "school.emulation.initiative.recusal"
    _description = "Initiative Grading Recusal"

    initiative_id = fields.Many2one(
        "school.emulation.initiative", required=True, ondelete="cascade", index=True
    )
    member_id = fields.Many2one(
        "school.emulation.council.member", required=True, ondelete="cascade"
    )
    reason = fields.Char(required=True)
    company_id = fields.Many2one(
        related="initiative_id.company_id", store=True, index=True
    )
