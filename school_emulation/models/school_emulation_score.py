from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import scoring
from .school_emulation_state_mixin import is_officer, is_server_write, trusted_write

STAGES = {
    # stage: (score field, author field, comment field)
    "self": ("self_score", "self_user_id", "self_comment"),
    "group": ("group_score", "group_user_id", "group_comment"),
    "final": ("final_score", "final_user_id", "final_comment"),
}


class SchoolEmulationScore(models.Model):
    """The score of a registration on a criterion: self, group, then council."""

    _name = "school.emulation.score"
    _description = "Emulation Score"
    _order = "registration_id, sequence, id"
    # who scored, and the resulting points: set by the server from the scores given
    _SERVER_FIELDS = (
        "self_user_id",
        "group_user_id",
        "final_user_id",
        "points",
        "is_scored",
    )
    # the line itself: created by the registration's acceptance, never moved
    _FIXED_FIELDS = ("registration_id", "criterion_id")

    registration_id = fields.Many2one(
        "school.emulation.registration", required=True, index=True, ondelete="cascade"
    )
    criterion_id = fields.Many2one(
        "school.emulation.criterion", required=True, index=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    section = fields.Char(related="criterion_id.section")
    kind = fields.Selection(related="criterion_id.kind", store=True)
    max_points = fields.Float(related="criterion_id.max_points")
    weight = fields.Float(related="criterion_id.weight", store=True)
    evidence_required = fields.Boolean(related="criterion_id.evidence_required")
    self_score = fields.Float(digits=(6, 2))
    self_user_id = fields.Many2one(
        "res.users", string="Self Score By", readonly=True, copy=False
    )
    self_comment = fields.Char()
    group_score = fields.Float(digits=(6, 2))
    group_user_id = fields.Many2one(
        "res.users", string="Group Score By", readonly=True, copy=False
    )
    group_comment = fields.Char()
    final_score = fields.Float(string="Council Score", digits=(6, 2))
    final_user_id = fields.Many2one(
        "res.users", string="Council Score By", readonly=True, copy=False
    )
    final_comment = fields.Char(string="Council Comment")
    points = fields.Float(
        compute="_compute_points",
        store=True,
        digits=(6, 2),
        help="The latest score given: council, else group, else self.",
    )
    is_scored = fields.Boolean(compute="_compute_points", store=True)
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence")
    evidence_count = fields.Integer(compute="_compute_evidence_count")
    company_id = fields.Many2one(
        related="registration_id.company_id", store=True, index=True
    )

    _sql_constraints = [
        (
            "registration_criterion_unique",
            "UNIQUE(registration_id, criterion_id)",
            "A criterion is scored once per registration.",
        ),
    ]

    @api.depends(
        "self_score",
        "group_score",
        "final_score",
        "self_user_id",
        "group_user_id",
        "final_user_id",
    )
    def _compute_points(self):
        for rec in self:
            if rec.final_user_id:
                rec.points = rec.final_score
            elif rec.group_user_id:
                rec.points = rec.group_score
            elif rec.self_user_id:
                rec.points = rec.self_score
            else:
                rec.points = 0.0
            rec.is_scored = bool(rec.final_user_id or rec.group_user_id)

    @api.depends("attachment_ids")
    def _compute_evidence_count(self):
        for rec in self:
            rec.evidence_count = len(rec.attachment_ids)

    def action_open_evidence(self):
        """The line in a dialog, to attach or read its evidence."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._(
                "Evidence: %(criterion)s", criterion=self.criterion_id.name
            ),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [
                (
                    self.env.ref(
                        "school_emulation.school_emulation_score_view_form"
                    ).id,
                    "form",
                )
            ],
            "target": "new",
        }

    def _stage_allowed(self, stage):
        """Who may give each stage's score (the server check behind the buttons)."""
        user = self.env.user
        if is_officer(self.env):
            return True
        reg = self.registration_id
        if stage == "self":
            # fixed once the person submitted it (action_submit_self_score)
            return user == reg.user_id and not reg.self_score_date
        if stage == "group":
            return user == reg.leader_user_id
        return user.has_group("school_emulation.group_school_emulation_council")

    def _is_trusted(self):
        return is_server_write(self.env, self._name)

    def _refuse(self, names, name=None):
        labels = ", ".join(
            self._fields[n]._description_string(self.env) for n in sorted(names)
        )
        raise UserError(
            self.env._(
                "Scores: %(fields)s are set by the server from the scores given, "
                "never written directly.",
                fields=labels,
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        """Score lines are made by the registration's acceptance (server side)."""
        if not (self.env.su or self._is_trusted()):
            raise UserError(
                self.env._(
                    "Score lines are created when the registration is accepted, "
                    "not directly."
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        trusted = self._is_trusted()
        if not trusted:
            guarded = set(vals) & set(self._SERVER_FIELDS + self._FIXED_FIELDS)
            if guarded:
                self._refuse(guarded)
        stages = [
            stage
            for stage, (score, _author, comment) in STAGES.items()
            if score in vals or comment in vals
        ]
        if not self.env.su:
            self._check_sheet_open()
        if stages and not self.env.su:
            self._check_scoring(stages, vals)
        for stage in stages:
            vals[STAGES[stage][1]] = self.env.uid
        with trusted_write(self._name):
            result = super().write(vals)
        if "group" in stages:
            self.registration_id._se_check_group_scored()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sheet(self):
        if not (self.env.su or self._is_trusted()):
            raise UserError(
                self.env._(
                    "Score lines belong to the registration's sheet: they are not "
                    "deleted one by one."
                )
            )

    def copy(self, default=None):
        if not (self.env.su or self._is_trusted()):
            raise UserError(self.env._("Score lines are not duplicated."))
        return super().copy(default)

    def _check_sheet_open(self):
        for reg in self.registration_id:
            if reg.scores_locked:
                raise UserError(
                    self.env._(
                        "The scores of %(name)s are locked (%(reason)s).",
                        name=reg.display_name,
                        reason=reg.lock_reason or "-",
                    )
                )

    def _check_scoring(self, stages, vals):
        for rec in self:
            reg = rec.registration_id
            if reg.scores_locked:
                raise UserError(
                    self.env._(
                        "The scores of %(name)s are locked (%(reason)s).",
                        name=reg.display_name,
                        reason=reg.lock_reason or "-",
                    )
                )
            if reg.state != "accepted":
                raise UserError(
                    self.env._(
                        "Registration %(name)s is not accepted: it cannot be scored.",
                        name=reg.display_name,
                    )
                )
            for stage in stages:
                if not rec._stage_allowed(stage):
                    raise UserError(
                        self.env._(
                            "You cannot give the %(stage)s score of %(name)s.",
                            stage=dict(self._stage_labels())[stage],
                            name=reg.display_name,
                        )
                    )
                value = vals.get(STAGES[stage][0])
                if value is not None and value is not False:
                    value = self.env["school.emulation.input.mixin"]._clean_number(
                        value,
                        rec._fields[STAGES[stage][0]]._description_string(self.env),
                    )
                    vals[STAGES[stage][0]] = value
                try:
                    scoring.check_points(value, rec.criterion_id.max_points)
                except scoring.ScoreError:
                    raise ValidationError(
                        self.env._(
                            "%(criterion)s: %(value)s is outside 0 to %(max)s points.",
                            criterion=rec.criterion_id.name,
                            value=self._se_format_number(value),
                            max=self._se_format_number(rec.criterion_id.max_points),
                        )
                    ) from None

    def _stage_labels(self):
        return [
            ("self", self.env._("self")),
            ("group", self.env._("group")),
            ("final", self.env._("council")),
        ]
