from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .school_emulation_title import RATINGS


class SchoolEmulationRating(models.Model):
    """A staff member's task-completion rating (xếp loại) for a school year."""

    _name = "school.emulation.rating"
    _description = "Staff Task Rating"
    _inherit = ["mail.thread"]
    _order = "period_date_start desc, employee_id"
    _check_company_auto = True

    # no check_company: the school is this record's (company_id is related to
    # it); on a new record the company domain would hide every record
    employee_id = fields.Many2one(
        "hr.employee",
        string="Staff Member",
        required=True,
        index=True,
        ondelete="cascade",
    )
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, string="Group"
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
    period_date_start = fields.Date(related="period_id.date_start", store=True)
    rating = fields.Selection(RATINGS, required=True, tracking=True)
    points = fields.Float(
        digits=(5, 2), help="Yearly points, when the scheme uses them."
    )
    scheme_id = fields.Many2one(
        "school.emulation.rating.scheme",
        string="Rating Scheme",
        ondelete="restrict",
        compute="_compute_scheme_id",
        store=True,
        readonly=False,
        help="The scheme in force on the rating date (by default the end of the year).",
    )
    source_document = fields.Char(
        help="Decision or minutes that set the rating, e.g. QĐ 15/QĐ-THCS.",
    )
    date = fields.Date(string="Rating Date")
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True, string="School"
    )

    _sql_constraints = [
        (
            "employee_period_unique",
            "UNIQUE(employee_id, period_id)",
            "A staff member has one task rating per school year.",
        ),
        (
            "points_range",
            "CHECK(points IS NULL OR (points >= 0 AND points <= 100))",
            "Rating points are between 0 and 100.",
        ),
    ]

    @api.depends("period_id", "date")
    def _compute_scheme_id(self):
        Scheme = self.env["school.emulation.rating.scheme"]
        for rec in self:
            rec.scheme_id = rec.scheme_id or (
                rec.period_id
                and Scheme._get_in_force(
                    rec.date or rec.period_id.date_end,
                    company=rec.company_id,
                    raise_if_missing=False,
                )[:1]
            )

    @api.constrains("rating", "points", "scheme_id")
    def _check_points_match_rating(self):
        for rec in self.filtered(lambda r: r.scheme_id.uses_points and r.points):
            expected = rec.scheme_id._rating_for_points(rec.points)
            # KHTNV may be given whatever the points (e.g. a disciplined violation).
            if rec.rating != "khtnv" and expected != rec.rating:
                raise ValidationError(
                    self.env._(
                        "%(employee)s: %(points)s points give %(expected)s under "
                        "%(scheme)s, not %(rating)s.",
                        employee=rec.employee_id.name,
                        points=self._se_format_number(rec.points),
                        expected=dict(RATINGS)[expected],
                        scheme=rec.scheme_id.name,
                        rating=dict(RATINGS)[rec.rating],
                    )
                )
