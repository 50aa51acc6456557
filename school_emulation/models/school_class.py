from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SchoolClass(models.Model):
    """A class (lớp) of one school year, e.g. 6A1, with its homeroom teacher."""

    _name = "school.class"
    _description = "Class"
    _inherit = ["mail.thread", "school.emulation.award.history.mixin"]
    _order = "period_id desc, grade, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True, help="e.g. 6A1")
    grade = fields.Integer(required=True, default=6, tracking=True)
    period_id = fields.Many2one(
        "school.emulation.period",
        string="School Year",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        default=lambda self: self.env["school.emulation.period"]._get_current(),
    )
    homeroom_teacher_id = fields.Many2one(
        "hr.employee",
        string="Homeroom Teacher",
        index=True,
        tracking=True,
        check_company=True,
    )
    homeroom_user_id = fields.Many2one(
        related="homeroom_teacher_id.user_id", store=True, string="Homeroom User"
    )
    student_ids = fields.One2many("school.student", "class_id", string="Students")
    student_count = fields.Integer(compute="_compute_student_count")
    company_id = fields.Many2one(
        "res.company",
        string="School",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "name_period_unique",
            "UNIQUE(name, period_id, company_id)",
            "A class with this name already exists in this school year.",
        ),
    ]

    def _compute_student_count(self):
        counts = dict(
            self.env["school.student"]._read_group(
                [("class_id", "in", self.ids)], ["class_id"], ["__count"]
            )
        )
        for rec in self:
            rec.student_count = counts.get(rec, 0)

    @api.constrains("grade")
    def _check_grade(self):
        for rec in self:
            if not 1 <= rec.grade <= 12:
                raise ValidationError(
                    self.env._(
                        "Class %(name)s: grade %(grade)s is not a school grade "
                        "(1 to 12).",
                        name=rec.name,
                        grade=rec.grade,
                    )
                )

    registration_count = fields.Integer(compute="_compute_registration_count")

    def _compute_registration_count(self):
        counts = self.env["school.emulation.registration"]._se_counts_by(
            self, "class_id"
        )
        for rec in self:
            rec.registration_count = counts.get(rec, 0)

    def action_view_registrations(self):
        self.ensure_one()
        return self.env["school.emulation.registration"]._se_action_for(
            self, "class_id"
        )

    def _emulation_rollup(self, date_from, date_to, title_date=None):
        """Average weekly totals and ranks of these classes between two dates (a
        semester or the year), and the best class title whose threshold they reach.

        Returns ``{class: {"average": float, "rank": int, "title": title}}``; the
        thresholds are the class titles in force on ``title_date`` (default:
        ``date_to``).
        """
        result = {}
        for company in self.company_id:
            ranked = self.env["school.emulation.class.result"]._rank_range(
                company, date_from, date_to
            )
            titles = (
                self.env["school.emulation.title"]
                ._get_in_force(
                    title_date or date_to,
                    [
                        ("subject_type", "=", "student_collective"),
                        ("class_min_avg_total", ">", 0),
                    ],
                    company=company,
                    raise_if_missing=False,
                )
                .sorted("class_min_avg_total", reverse=True)
            )
            for cls in self.filtered(lambda c, co=company: c.company_id == co):
                totals, rank = ranked.get(cls, (None, 0))
                average = totals.total if totals else 0.0
                title = titles.filtered(
                    lambda t, avg=average: avg >= t.class_min_avg_total
                )[:1]
                result[cls] = {"average": average, "rank": rank, "title": title}
        return result
