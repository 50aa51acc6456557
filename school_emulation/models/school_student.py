from odoo import api, fields, models


class SchoolStudent(models.Model):
    """A student (học sinh). Personal data of a minor: see the record rules."""

    _name = "school.student"
    _description = "Student"
    _inherit = ["mail.thread", "school.emulation.award.history.mixin"]
    _order = "class_id, name"
    _check_company_auto = True
    _rec_names_search = ["name", "code"]

    code = fields.Char(
        required=True, index=True, tracking=True, help="Student code of the school."
    )
    name = fields.Char(string="Full Name", required=True, tracking=True)
    birth_date = fields.Date(string="Date of Birth")
    gender = fields.Selection([("male", "Male"), ("female", "Female")])
    class_id = fields.Many2one(
        "school.class",
        string="Current Class",
        index=True,
        tracking=True,
        check_company=True,
    )
    grade = fields.Integer(related="class_id.grade", store=True)
    homeroom_user_id = fields.Many2one(
        related="class_id.homeroom_user_id", store=True, string="Homeroom User"
    )
    guardian_id = fields.Many2one(
        "res.partner",
        string="Guardian",
        help="Parent or guardian to contact.",
    )
    result_ids = fields.One2many(
        "school.student.result", "student_id", string="Yearly Results"
    )
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
            "code_company_unique",
            "UNIQUE(code, company_id)",
            "A student with this code already exists in this school.",
        ),
    ]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = f"[{rec.code}] {rec.name}" if rec.code else rec.name

    registration_count = fields.Integer(compute="_compute_registration_count")

    def _compute_registration_count(self):
        counts = self.env["school.emulation.registration"]._se_counts_by(
            self, "student_id"
        )
        for rec in self:
            rec.registration_count = counts.get(rec, 0)

    def action_view_registrations(self):
        self.ensure_one()
        return self.env["school.emulation.registration"]._se_action_for(
            self, "student_id"
        )
