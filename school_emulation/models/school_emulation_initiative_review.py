from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import grading
from .school_emulation_state_mixin import (
    is_officer,
    is_server_write,
    trusted_write,
)


class SchoolEmulationInitiativeReview(models.Model):
    """One grader's sheet for one initiative."""

    _name = "school.emulation.initiative.review"
    _description = "Initiative Grading"
    _inherit = ["school.emulation.state.mixin"]
    _order = "initiative_id, id"
    _TRANSITIONS = {"draft": {"done"}, "done": {"draft"}}
    # the sheet's grader and initiative are set when the graders are assigned; the
    # total and the disagreement are computed by the server
    _SERVER_FIELDS = (
        "initiative_id",
        "member_id",
        "total",
        "outlier",
        "disagreement",
    )
    _LOCKED_STATES = ("done",)

    initiative_id = fields.Many2one(
        "school.emulation.initiative", required=True, ondelete="cascade", index=True
    )
    member_id = fields.Many2one(
        "school.emulation.council.member",
        string="Grader",
        required=True,
        ondelete="restrict",
    )
    user_id = fields.Many2one(related="member_id.user_id", store=True, index=True)
    line_ids = fields.One2many(
        "school.emulation.initiative.review.line", "review_id", string="Points"
    )
    total = fields.Float(digits=(5, 2), compute="_compute_total", store=True)
    comment = fields.Text()
    state = fields.Selection(
        [("draft", "To Grade"), ("done", "Graded")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
    )
    outlier = fields.Boolean(
        readonly=True, help="This grader's scores disagree with the other graders'."
    )
    disagreement = fields.Float(digits=(6, 4), readonly=True)
    company_id = fields.Many2one(
        related="initiative_id.company_id", store=True, index=True
    )
    can_done = fields.Boolean(compute="_compute_can_transition")
    can_reopen = fields.Boolean(compute="_compute_can_transition")

    _sql_constraints = [
        (
            "one_sheet",
            "UNIQUE(initiative_id, member_id)",
            "A grader grades an initiative once.",
        ),
    ]

    @api.depends("initiative_id.name", "member_id.name")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = " - ".join(
                p for p in (rec.initiative_id.name, rec.member_id.name) if p
            )

    @api.depends("state", "initiative_id.state")
    @api.depends_context("uid")
    def _compute_can_transition(self):
        for rec in self:
            rec.can_done = rec._can_transition("done")
            rec.can_reopen = rec._can_transition("draft")

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        for rec in records:
            reason = rec.initiative_id._recused(rec.member_id)
            if reason:
                raise ValidationError(
                    self.env._(
                        "%(member)s may not grade %(name)s: %(reason)s.",
                        member=rec.member_id.name,
                        name=rec.initiative_id.name,
                        reason=reason,
                    )
                )
            criteria = self.env["school.emulation.initiative.criterion"].search(
                [
                    "|",
                    ("company_id", "=", False),
                    ("company_id", "=", rec.company_id.id),
                ]
            )
            with trusted_write(self._name, "school.emulation.initiative.review.line"):
                rec.line_ids = [
                    fields.Command.create({"criterion_id": c.id}) for c in criteria
                ]
        return records

    def _check_write_locked(self, vals):
        if {"comment", "line_ids"} & set(vals) and not self._is_trusted():
            if any(rec.state == "done" for rec in self):
                raise UserError(self.env._("Reopen the grading sheet to change it."))
            self._check_grader()

    def _check_transition_rights(self, new_state):
        self._check_grader()

    def _check_transition_record(self, new_state):
        if new_state == "draft" and self.initiative_id.state not in (
            "submitted",
            "graded",
        ):
            raise UserError(self.env._("The initiative is already decided."))
        if new_state == "done" and self.initiative_id.state not in (
            "submitted",
            "graded",
        ):
            raise UserError(
                self.env._(
                    "Initiative %(name)s is not under grading.",
                    name=self.initiative_id.name,
                )
            )

    @api.depends("line_ids.points", "line_ids.criterion_id")
    def _compute_total(self):
        for rec in self:
            lines = rec.line_ids
            rec.total = (
                grading.weighted_total(
                    lines.mapped("points"),
                    [ln.criterion_id.weight for ln in lines],
                    [ln.criterion_id.max_points for ln in lines],
                )
                if lines
                else 0.0
            )

    def set_points(self, points):
        """Fill the sheet in rubric order (one value per criterion), e.g. from a
        paper grading sheet typed in by the secretary."""
        self.ensure_one()
        lines = self.line_ids.sorted(lambda ln: (ln.sequence, ln.id))
        if len(points) != len(lines):
            raise UserError(
                self.env._(
                    "%(count)s points given for %(criteria)s criteria.",
                    count=len(points),
                    criteria=len(lines),
                )
            )
        if self.state == "done":
            raise UserError(self.env._("Reopen the grading sheet to change it."))
        self._check_grader()
        for line, value in zip(lines, points, strict=True):
            line.points = value
        return True

    def _check_grader(self):
        for rec in self:
            if rec.user_id != self.env.user and not is_officer(self.env):
                raise UserError(
                    self.env._(
                        "Only %(member)s fills this grading sheet.",
                        member=rec.member_id.name,
                    )
                )

    def action_done(self):
        self._check_transition("done")
        self._write_state({"state": "done"})
        self.initiative_id._check_graded()

    def action_reopen(self):
        self._check_transition("draft")
        self._write_state({"state": "draft"})


class SchoolEmulationInitiativeReviewLine(models.Model):
    _name = "school.emulation.initiative.review.line"
    _description = "Initiative Grading Line"
    _order = "review_id, sequence, id"

    review_id = fields.Many2one(
        "school.emulation.initiative.review",
        required=True,
        ondelete="cascade",
        index=True,
    )
    criterion_id = fields.Many2one(
        "school.emulation.initiative.criterion", required=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    weight = fields.Integer(related="criterion_id.weight")
    max_points = fields.Float(related="criterion_id.max_points")
    points = fields.Float(digits=(5, 2))
    company_id = fields.Many2one(related="review_id.company_id", store=True, index=True)

    _sql_constraints = [
        (
            "criterion_unique",
            "UNIQUE(review_id, criterion_id)",
            "A criterion is graded once on a grading sheet.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        """The sheet's lines are made with the sheet (one per rubric criterion)."""
        if not (self.env.su or is_server_write(self.env, self._name)):
            raise UserError(
                self.env._(
                    "Grading lines are made with the grading sheet, not one by one."
                )
            )
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sheet(self):
        if not (self.env.su or is_server_write(self.env, self._name)):
            raise UserError(
                self.env._("Grading lines are removed with their grading sheet only.")
            )

    @api.constrains("points")
    def _check_points(self):
        for rec in self:
            if rec.points < 0 or rec.points > rec.criterion_id.max_points:
                raise ValidationError(
                    self.env._(
                        "%(criterion)s is graded between 0 and %(max)s.",
                        criterion=rec.criterion_id.name,
                        max=self._se_format_number(rec.criterion_id.max_points),
                    )
                )

    def write(self, vals):
        fixed = {"review_id", "criterion_id"} & set(vals)
        if fixed and not is_server_write(self.env, self._name):
            raise UserError(
                self.env._("A grading line stays on its sheet and criterion.")
            )
        if any(rec.review_id.state == "done" for rec in self):
            raise UserError(self.env._("Reopen the grading sheet to change it."))
        self.review_id._check_grader()
        if "points" in vals:
            vals["points"] = self.env["school.emulation.input.mixin"]._clean_number(
                vals["points"] or 0.0,
                self._fields["points"]._description_string(self.env),
            )
        return super().write(vals)
