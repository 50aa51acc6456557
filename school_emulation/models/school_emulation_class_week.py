from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import scoring
from .school_emulation_class_score import (
    CLASS_SCORER_GROUP,
    DEFER_RESULTS,
    check_class_scorer_write,
)
from .school_emulation_state_mixin import check_officer, is_officer, trusted_write

# How far back a new week looks for the school's previous week (its criteria set):
# past the summer holidays, into the previous school year.
PREVIOUS_WEEK_DAYS = 400


def newest_versions(sets):
    """``{set: its newest active version}``, following ``previous_id`` forward (a
    new version replaces the old one for the weeks to come): one query per step."""
    Set = sets.env["school.emulation.criterion.set"]
    newest = {cset: cset for cset in sets}
    frontier, seen = sets, set(sets.ids)
    while frontier:
        successors = Set.search_fetch(
            [("previous_id", "in", frontier.ids), ("id", "not in", list(seen))],
            ["previous_id", "version"],
            order="version desc, id desc",
        )
        step = {}
        for succ in successors:
            step.setdefault(succ.previous_id, succ)  # the highest version first
        for origin, current in newest.items():
            if current in step:
                newest[origin] = step[current]
        frontier = Set.union(*step.values()) if step else Set
        seen.update(frontier.ids)
    return newest


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
    # what the class scorer (Liên đội / Sao đỏ) writes: the sheet, never the lock
    _SCORER_FIELDS = _SHEET_FIELDS

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
        compute="_compute_criterion_set_id",
        store=True,
        readonly=False,
        precompute=True,
        help="By default the set of the school's previous week (its newest version).",
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
    can_score = fields.Boolean(
        compute="_compute_can_score",
        help="The current user enters this week: the officer or the class scorer.",
    )

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

    @api.depends("week_start", "company_id")
    def _compute_criterion_set_id(self):
        """A new week takes the criteria set of its school's previous week."""
        previous = self.filtered(
            lambda w: not w.criterion_set_id and w.company_id
        )._previous_criterion_sets()
        for rec in self:
            rec.criterion_set_id = rec.criterion_set_id or previous.get(rec)

    def _previous_criterion_sets(self):
        """``{week: criteria set}``: the set of the latest earlier week of each
        week's school (the latest week at all while its Monday is not chosen), moved
        on to the set's newest version. One query for all the weeks (plus one per
        version step)."""
        if not self:
            return {}
        starts = [w.week_start for w in self if w.week_start]
        domain = [("company_id", "in", self.company_id.ids)]
        if len(starts) == len(self):
            domain += [
                ("week_start", "<", max(starts)),
                ("week_start", ">=", min(starts) - timedelta(days=PREVIOUS_WEEK_DAYS)),
            ]
        earlier = self.search_fetch(
            [*domain, ("id", "not in", self._origin.ids)],
            ["company_id", "week_start", "criterion_set_id"],
            order="week_start desc",
            # a new week of one school whose Monday is not chosen yet: its latest
            limit=1 if not starts and len(self.company_id) == 1 else None,
        )
        newest = newest_versions(earlier.criterion_set_id)
        result = {}
        for rec in self:
            for week in earlier:
                if week.company_id == rec.company_id and (
                    not rec.week_start or week.week_start < rec.week_start
                ):
                    result[rec] = newest[week.criterion_set_id]
                    break
        return result

    @api.depends("state")
    @api.depends_context("uid")
    def _compute_can_transition(self):
        officer = is_officer(self.env)
        for rec in self:
            rec.can_lock = rec._can_transition("locked")
            # the reason is typed in the form before the button is clicked
            rec.can_unlock = officer and rec.state == "locked"

    @api.depends("state", "company_id")
    @api.depends_context("uid")
    def _compute_can_score(self):
        for rec in self:
            rec.can_score = rec.state == "open" and rec._is_scorer()

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

    @api.model_create_multi
    def create(self, vals_list):
        defaults = {
            key.removeprefix("default_")
            for key, value in self.env.context.items()
            if key.startswith("default_") and value
        } & set(self._fields)
        for vals in vals_list:
            company = self.env["res.company"].browse(
                vals.get("company_id") or self.env.company.id
            )
            check_class_scorer_write(
                self, {*vals, *defaults}, (*self._SCORER_FIELDS, "company_id"), company
            )
        return super().create(vals_list)

    def write(self, vals):
        check_class_scorer_write(self, vals, self._SCORER_FIELDS)
        if "criterion_set_id" in vals:
            self._check_set_change(vals["criterion_set_id"])
        # A whole sheet saved from the form: rank once, not once per line.
        with trusted_write(DEFER_RESULTS):
            result = super().write(vals)
        if "line_ids" in vals:
            self._compute_results()
        return result

    def _check_set_change(self, set_id):
        """The lines of a week are its set's criteria: the set stays once scored."""
        for rec in self:
            if rec.line_ids.criterion_id.set_id - rec.criterion_set_id.browse(set_id):
                raise UserError(
                    self.env._(
                        "%(week)s already has score lines: its criteria set can no "
                        "longer change.",
                        week=rec.display_name,
                    )
                )

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

    def _is_scorer(self):
        """The current user enters these weeks: the emulation officer, or the class
        emulation scorer (Liên đội / Sao đỏ) of their schools."""
        if is_officer(self.env):
            return True
        user = self.env.user
        return user.has_group(CLASS_SCORER_GROUP) and not (
            self.company_id - user.company_ids
        )

    def _check_scorer(self):
        if not self._is_scorer():
            raise UserError(
                self.env._(
                    "Only the emulation officer or the class emulation scorer enters "
                    "the class weeks."
                )
            )

    def action_prepare_lines(self):
        """Add the missing lines: every class of the school year x every criterion."""
        self._check_scorer()
        self._check_open()
        classes = self.env["school.class"].search(
            [
                ("period_id", "in", self.period_id.ids),
                ("company_id", "in", self.company_id.ids),
            ]
        )
        self._add_lines(
            {
                week: classes.filtered(
                    lambda c, w=week: (c.period_id, c.company_id)
                    == (w.period_id, w.company_id)
                )
                for week in self
            }
        )
        return True

    def _add_lines(self, classes_by_week):
        """Create, in one batch, the lines ``{week: classes}`` x every criterion of
        the week's set still lack."""
        vals = []
        for week, classes in classes_by_week.items():
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
        return self.env["school.emulation.class.score"].create(vals)

    def action_next_week(self):
        """Open the school's following week: the same criteria set (in its newest
        version) and the same classes, no points yet. The week is created when it
        does not exist yet."""
        self.ensure_one()
        self._check_scorer()
        monday = self.week_start + timedelta(days=7)
        period = self.period_id
        if monday > period.date_end:
            raise UserError(
                self.env._(
                    "%(week)s is the last week of school year %(year)s: open the next "
                    "school year's first week instead.",
                    week=self.display_name,
                    year=period.name,
                )
            )
        week = self.search(
            [("company_id", "=", self.company_id.id), ("week_start", "=", monday)],
            limit=1,
        )
        if not week:
            week = self.create(
                {
                    "period_id": period.id,
                    "week_start": monday,
                    "criterion_set_id": newest_versions(self.criterion_set_id)[
                        self.criterion_set_id
                    ].id,
                    "company_id": self.company_id.id,
                }
            )
            week._add_lines({week: self.line_ids.class_id.filtered("active")})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": week.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

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
            # Competition ranking on the total alone ("1, 2, 2, 4"): classes with
            # equal totals share the rank, whatever their penalty or standard points.
            ranks = scoring.rank_by_total(totals)
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
