from odoo import api, fields, models

from .school_emulation_registration import SUBJECT_FIELDS, SUBJECT_TYPES

# Which kind of subject each title subject type applies to.
TITLE_SUBJECTS = {
    "individual": ("employee",),
    "collective": ("department", "school"),
    "student": ("student",),
    "student_collective": ("class",),
}


class SchoolEmulationSubjectMixin(models.AbstractModel):
    """Who receives a title or an award: a staff member, a student, a group (tổ), a
    class or the school itself (no record: the company)."""

    _name = "school.emulation.subject.mixin"
    _description = "Award Subject"

    subject_type = fields.Selection(
        SUBJECT_TYPES, string="Subject Type", required=True, default="employee"
    )
    employee_id = fields.Many2one(
        "hr.employee",
        string="Staff Member",
        index=True,
        check_company=True,
        ondelete="restrict",
    )
    student_id = fields.Many2one(
        "school.student", index=True, check_company=True, ondelete="restrict"
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Group",
        index=True,
        check_company=True,
        ondelete="restrict",
    )
    class_id = fields.Many2one(
        "school.class", index=True, check_company=True, ondelete="restrict"
    )
    subject_key = fields.Char(compute="_compute_subject_name", store=True, index=True)
    subject_name = fields.Char(
        string="Recipient", compute="_compute_subject_name", store=True
    )

    @api.depends(
        "subject_type",
        "employee_id.name",
        "student_id.name",
        "department_id.name",
        "class_id.name",
        "company_id.name",
    )
    def _compute_subject_name(self):
        for rec in self:
            subject = rec._subject()
            rec.subject_key = f"{rec.subject_type}:{subject.id or 0}"
            rec.subject_name = subject.display_name or ""

    def _subject(self):
        self.ensure_one()
        field = SUBJECT_FIELDS.get(self.subject_type)
        return self[field] if field else self.company_id

    @api.model
    def _subject_domain(self, record):
        """Domain finding the rows of ``record`` (employee, student, group, class or
        company)."""
        if record._name == "res.company":
            return [("subject_type", "=", "school"), ("company_id", "=", record.id)]
        field = {
            "hr.employee": "employee_id",
            "school.student": "student_id",
            "hr.department": "department_id",
            "school.class": "class_id",
        }[record._name]
        return [(field, "in", record.ids)]
