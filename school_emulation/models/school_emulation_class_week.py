from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import scoring
from .school_emulation_class_score import DEFER_RESULTS
from .school_emulation_state_mixin import check_officer, is_officer, trusted_write


class SchoolEmulationClassWeek(models.Model):
    """One week of class emulation (thi đua lớp): every class on every criterion."""

    _name = "school.emulation.class.week"
    _description = "Class Emulation Week"
    _inherit = ["mail.thread", "school.emulation.state.mixin"]
    _order = "week_start desc"
    _check_company_auto = True
    _TRANSITIONS = {"open": {"locked"}, "locked": {"open"}}
    # the ranking is computed by the server from the scores
    _SERVER_FIELDS = ("result_ids",)
    _LOCKED_STATES = ("locked",)
    # what a locked week keeps as it was
    _SHEET_FIELDS = ("period_id", "week_start", "criterion_set_id", "line_ids")

    period_id = fields.Many2one(
        "school.emulation.period",
        string="School Year",
        required=True,
        index=True,
        check_company=True,
        default=lambda self: self.env["school.emulation.period"]._get_current(),
    )
    week_start = fields.Date(string="Monday", required=True, index=True)
    week_end = fields.Date(string="Sunday", compute="_compute_week", store=True)
    number = fields.Integer(string="Week", compute="_compute_week", store=True)
    criterion_set_id = fields.Many2one(
        "school.emulation.criterion.set",
        string="Criteria Set",
        required=True,
        check_company=True,
    )
    state = fields.Selection(
        [("open", "Open"), ("locked", "Locked")],
        default="open",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    lock_reason = fields.Char(copy=False, tracking=True)
    line_ids = fields.One2many(
        "school.emulation.class.score", "week_id", string="Scores"
    )
    result_ids = fields.One2many(
        "school.emulation.class.result", "week_id", string="Ranking"
    )
    company_id = fields.Many2one(
        "res.company",
        string="School",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    can_lock = fields.Boolean(compute="_compute_can_transition")
    can_unlock = fields.Boolean(compute="_compute_can_transition")

    _sql_constraints = [
        (
            "week_unique",
            "UNIQUE(company_id, week_start)",
            "This week already has a class emulation sheet.",
        ),
    ]

    @api.depends("week_start", "period_id.date_start")
    def _compute_week(self):
        for rec in self:
            if not rec.week_start:
                rec.week_end, rec.number = False, 0
                continue
            rec.week_end = rec.week_start + timedelta(days=6)
            start = rec.period_id.date_start or rec.week_start
            rec.number = (rec.week_start - start).days // 7 + 1

    @api.depends("state")
    @api.depends_context("uid")
    def _compute_can_transition(self):
        officer = is_officer(self.env)
        for rec in self:
            rec.can_lock = rec._can_transition("locked")
            # the reason is typed in the form before the button is clicked
            rec.can_unlock = officer and rec.state == "locked"

    @api.depends("number", "week_start", "week_end")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = rec.week_start and self.env._(
                "Week %(number)s (%(start)s - %(end)s)",
                number=rec.number,
                start=rec.week_start.strftime("%d/%m"),
                end=self._se_format_date(rec.week_end),
            )

    @api.constrains("week_start", "period_id")
    def _check_week(self):
        for rec in self:
            if rec.week_start.weekday() != 0:
                raise ValidationError(
                    self.env._("A class emulation week starts on a Monday.")
                )
            period = rec.period_id
            if not period.date_start <= rec.week_start <= period.date_end:
                raise ValidationError(
                    self.env._(
                        "Week of %(date)s is outside school year %(year)s.",
                        date=self._se_format_date(rec.week_start),
                        year=period.name,
                    )
                )

    def write(self, vals):
        # A whole sheet saved from the form: rank once, not once per line.
        with trusted_write(DEFER_RESULTS):
            result = super().write(vals)
        if "line_ids" in vals:
            self._compute_results()
        return result

    def _check_write_locked(self, vals):
        names = set(vals) & set(self._SHEET_FIELDS)
        if names:
            self._check_open()

    def _check_transition_rights(self, new_state):
        self._check_officer()

    def _check_transition_record(self, new_state):
        if new_state == "open" and not (self.lock_reason or "").strip():
            raise UserError(
                self.env._(
                    "Write the reason for unlocking %(week)s first.",
                    week=self.display_name,
                )
            )

    def _check_officer(self):
        check_officer(
            self.env,
            self.env._("Only the emulation officer can lock or unlock a week."),
        )

    def action_prepare_lines(self):
        """Add the missing lines: every class of the school year x every criterion."""
        Score = self.env["school.emulation.class.score"]
        vals = []
        for week in self:
            week._check_open()
            classes = self.env["school.class"].search(
                [
                    ("period_id", "=", week.period_id.id),
                    ("company_id", "=", week.company_id.id),
                ]
            )
            existing = {
                (line.class_id.id, line.criterion_id.id) for line in week.line_ids
            }
            criteria = week.criterion_set_id.criterion_ids.filtered(
                lambda c: not c.display_type
            )
            vals += [
                {"week_id": week.id, "class_id": cls.id, "criterion_id": crit.id}
                for cls in classes
                for crit in criteria
                if (cls.id, crit.id) not in existing
            ]
        Score.create(vals)
        return True

    def action_lock(self):
        self._check_officer()
        weeks = self.filtered(lambda w: w.state == "open")
        weeks._check_transition("locked")
        weeks._write_state({"state": "locked"})
        self._compute_results()

    def action_unlock(self):
        """Reopen a locked week; the reason is required and kept in the chatter."""
        self._check_transition("open")
        self._write_state({"state": "open"})

    def _check_open(self):
        locked = self.filtered(lambda w: w.state == "locked")
        if locked:
            raise UserError(
                self.env._(
                    "%(week)s is locked: unlock it, with a reason, to change it.",
                    week=locked[0].display_name,
                )
            )

    def _compute_results(self):
        """Totals and ranks of every class in each week, stored for the board."""
        Result = self.env["school.emulation.class.result"].sudo()
        rows = (
            self.env["school.emulation.class.score"]
            .sudo()
            ._read_group(
                [("week_id", "in", self.ids)],
                ["week_id", "class_id", "kind"],
                ["weighted_points:sum"],
            )
        )
        sums = {}
        for week, cls, kind, points in rows:
            sums.setdefault(week.id, {}).setdefault(cls.id, {})[kind] = points
        existing = {
            (r.week_id.id, r.class_id.id): r
            for r in Result.search([("week_id", "in", self.ids)])
        }
        to_create = []
        for week in self:
            totals = {
                cls_id: scoring.totals(
                    [scoring.Line(kind, pts) for kind, pts in kinds.items()]
                )
                for cls_id, kinds in sums.get(week.id, {}).items()
            }
            ranks = scoring.rank(totals)
            for cls_id, tot in totals.items():
                vals = {
                    "standard_total": tot.standard,
                    "bonus_total": tot.bonus,
                    "penalty_total": tot.penalty,
                    "total": tot.total,
                    "rank": ranks[cls_id],
                }
                result = existing.get((week.id, cls_id))
                if result:
                    result.write(vals)
                else:
                    to_create.append({"week_id": week.id, "class_id": cls_id, **vals})
        Result.create(to_create)
