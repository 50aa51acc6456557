from odoo import api, fields, models

from .school_emulation_title import STUDENT_RATINGS


class SchoolStudentResult(models.Model):
    """A student's results for a school year (TT 22/2021/TT-BGDĐT, Art. 8-9)."""

    _name = "school.student.result"
    _description = "Student Yearly Result"
    _order = "period_id desc, student_id"
    _check_company_auto = True

    # no check_company: the school is this record's (company_id is related to
    # it); on a new record the company domain would hide every record
    student_id = fields.Many2one(
        "school.student",
        required=True,
        index=True,
        ondelete="cascade",
    )
    class_id = fields.Many2one(
        "school.class",
        string="Class",
        index=True,
        check_company=True,
        help="The class the student was in that year.",
    )
    homeroom_user_id = fields.Many2one(
        related="class_id.homeroom_user_id", store=True, string="Homeroom User"
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
    scheme = fields.Selection(
        [
            ("tt22", "TT 22/2021 (conduct and learning results)"),
            ("tt58", "TT 58/2011 (legacy: conduct and academic rank)"),
        ],
        required=True,
        default="tt22",
    )
    conduct = fields.Selection(STUDENT_RATINGS, string="Conduct Result")
    learning = fields.Selection(STUDENT_RATINGS, string="Learning Result")
    subjects_ge_9 = fields.Integer(
        string="Subjects With Average >= 9.0",
        help="Scored subjects whose year average (ĐTBmcn) is at least 9.0.",
    )
    note = fields.Char()
    company_id = fields.Many2one(
        related="student_id.company_id", store=True, string="School", index=True
    )

    _sql_constraints = [
        (
            "student_period_unique",
            "UNIQUE(student_id, period_id)",
            "A student has one result per school year.",
        ),
        (
            "subjects_range",
            "CHECK(subjects_ge_9 >= 0 AND subjects_ge_9 <= 20)",
            "Subjects with an average of 9.0 or more: between 0 and 20.",
        ),
    ]

    @api.depends("student_id", "period_id")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = f"{rec.student_id.name} - {rec.period_id.name}"
