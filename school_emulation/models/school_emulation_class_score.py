from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import scoring
from .school_emulation_state_mixin import is_officer, is_trusted

# trusted token: the week saves a whole sheet and ranks once afterwards
DEFER_RESULTS = "school.emulation.class.week:defer_results"
# the duty team (Liên đội / Sao đỏ): enters the class weeks of its school, nothing else
CLASS_SCORER_GROUP = "school_emulation.group_school_emulation_class_scorer"


def is_class_scorer(env):
    """The current user scores class weeks as the duty team, not as the officer:
    their writes are limited to the sheet (``_SCORER_FIELDS``), on own schools."""
    return not env.su and env.user.has_group(CLASS_SCORER_GROUP) and not is_officer(env)


def check_class_scorer_write(records, names, allowed, companies=None):
    """Refuse a class scorer's write of ``names`` (fields of ``records``) outside
    ``allowed``, or in a school (``companies``, default: the records') that is not
    theirs, whoever the client is."""
    env = records.env
    if not is_class_scorer(env):
        return
    refused = set(names) - set(allowed)
    if refused:
        raise UserError(
            env._(
                "%(model)s: %(fields)s can be changed by the emulation officer only.",
                model=records._description,
                fields=", ".join(
                    records._fields[n]._description_string(env)
                    for n in sorted(refused)
                    if n in records._fields
                )
                or ", ".join(sorted(refused)),
            )
        )
    companies = records.company_id if companies is None else companies
    if companies - env.user.company_ids:
        raise UserError(
            env._("A class emulation scorer enters the weeks of their own school only.")
        )


class SchoolEmulationClassScore(models.Model):
    """Points of one class on one criterion in one week (entered by the duty team)."""

    _name = "school.emulation.class.score"
    _description = "Class Weekly Score"
    _order = "week_id, class_name, sequence, id"
    # computed from the points; never written by a client
    _SERVER_FIELDS = ("weighted_points",)
    # a line stays on its week, class and criterion
    _FIXED_FIELDS = ("week_id", "class_id", "criterion_id")
    # what the class scorer (Liên đội / Sao đỏ) writes on a line
    _SCORER_FIELDS = ("points", "note")

    week_id = fields.Many2one(
        "school.emulation.class.week", required=True, index=True, ondelete="cascade"
    )
    class_id = fields.Many2one("school.class", required=True, index=True)
    class_name = fields.Char(related="class_id.name", store=True, string="Class Name")
    homeroom_user_id = fields.Many2one(related="class_id.homeroom_user_id", store=True)
    criterion_id = fields.Many2one(
        "school.emulation.criterion", required=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    kind = fields.Selection(related="criterion_id.kind", store=True)
    max_points = fields.Float(related="criterion_id.max_points")
    points = fields.Float(digits=(6, 2))
    weighted_points = fields.Float(
        compute="_compute_weighted_points", store=True, digits=(8, 2)
    )
    note = fields.Char()
    company_id = fields.Many2one(related="week_id.company_id", store=True, index=True)

    _sql_constraints = [
        (
            "line_unique",
            "UNIQUE(week_id, class_id, criterion_id)",
            "A class is scored once per criterion and week.",
        ),
    ]

    @api.depends("points", "criterion_id.weight")
    def _compute_weighted_points(self):
        for rec in self:
            rec.weighted_points = rec.points * rec.criterion_id.weight

    @api.constrains("week_id", "class_id", "criterion_id")
    def _check_line_in_week(self):
        """A line belongs to its week's sheet: a class of the week's school and
        year, a criterion of the week's set (the grid is a view on these lines).
        Read as the server: a client may send the id of a record it cannot read,
        and the message names only the week's own records."""
        for rec in self.sudo():
            week, cls = rec.week_id, rec.class_id
            if (cls.company_id, cls.period_id) != (week.company_id, week.period_id):
                raise ValidationError(
                    self.env._(
                        "The classes of %(week)s are those of school year %(year)s "
                        "at %(school)s.",
                        week=week.display_name,
                        year=week.period_id.display_name,
                        school=week.company_id.display_name,
                    )
                )
            if rec.criterion_id.set_id != week.criterion_set_id:
                raise ValidationError(
                    self.env._(
                        "The criteria of %(week)s are those of its criteria set "
                        "%(set)s.",
                        week=week.display_name,
                        set=week.criterion_set_id.display_name,
                    )
                )

    @api.constrains("points")
    def _check_points(self):
        for rec in self:
            try:
                scoring.check_points(rec.points, rec.criterion_id.max_points)
            except scoring.ScoreError:
                raise ValidationError(
                    self.env._(
                        "%(class)s, %(criterion)s: %(points)s is outside 0 to %(max)s.",
                        **{
                            "class": rec.class_id.name,
                            "criterion": rec.criterion_id.name,
                            "points": self._se_format_number(rec.points),
                            "max": self._se_format_number(rec.criterion_id.max_points),
                        },
                    )
                ) from None

    def _clean_points(self, vals):
        if vals.get("points") not in (None, False):
            vals["points"] = self.env["school.emulation.input.mixin"]._clean_number(
                vals["points"], self._fields["points"]._description_string(self.env)
            )

    def _refuse_server_fields(self, names):
        raise UserError(
            self.env._(
                "Class scores: %(fields)s cannot be written directly.",
                fields=", ".join(
                    self._fields[n]._description_string(self.env) for n in sorted(names)
                ),
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            names = {n for n in self._SERVER_FIELDS if vals.get(n)}
            if names:
                self._refuse_server_fields(names)
            self._clean_points(vals)
        weeks = self.env["school.emulation.class.week"].browse(
            {v["week_id"] for v in vals_list if v.get("week_id")}
        )
        weeks._check_open()
        for vals in vals_list:
            check_class_scorer_write(
                self, vals, self._SCORER_FIELDS + self._FIXED_FIELDS, weeks.company_id
            )
        records = super().create(vals_list)
        if not is_trusted(DEFER_RESULTS):
            records.week_id._compute_results()
        return records

    def write(self, vals):
        names = set(vals) & set(self._SERVER_FIELDS + self._FIXED_FIELDS)
        if names:
            self._refuse_server_fields(names)
        check_class_scorer_write(self, vals, self._SCORER_FIELDS)
        self._clean_points(vals)
        self.week_id._check_open()
        result = super().write(vals)
        if "points" in vals and not is_trusted(DEFER_RESULTS):
            self.week_id._compute_results()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked_week(self):
        self.week_id._check_open()
