from odoo import api, fields, models
from odoo.exceptions import UserError


class SchoolEmulationMovementRegister(models.TransientModel):
    """Register a whole group (tổ) or class in a movement at once."""

    _name = "school.emulation.movement.register"
    _description = "Bulk Registration"

    movement_id = fields.Many2one("school.emulation.movement", required=True)
    company_id = fields.Many2one(related="movement_id.company_id")
    subject_type = fields.Selection(
        [("employee", "Staff of a group"), ("student", "Students of a class")],
        required=True,
        default="employee",
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Group",
        domain="[('company_id', 'in', [company_id, False])]",
    )
    class_id = fields.Many2one(
        "school.class", domain="[('company_id', '=', company_id)]"
    )
    title_id = fields.Many2one("school.emulation.title", string="Title")
    award_form_id = fields.Many2one("school.emulation.award.form", string="Award Form")
    submit = fields.Boolean(
        string="Submit Directly",
        help="Submit the registrations instead of leaving drafts.",
    )
    subject_count = fields.Integer(compute="_compute_subject_count")

    @api.depends("subject_type", "department_id", "class_id")
    def _compute_subject_count(self):
        for rec in self:
            rec.subject_count = len(rec._subjects())

    def _subjects(self):
        self.ensure_one()
        if self.subject_type == "employee":
            if not self.department_id:
                return self.env["hr.employee"]
            return self.env["hr.employee"].search(
                [("department_id", "=", self.department_id.id)]
            )
        return self.class_id.student_ids

    def action_confirm(self):
        self.ensure_one()
        if not (self.title_id or self.award_form_id):
            raise UserError(
                self.env._("Choose the title or award form to register for.")
            )
        subjects = self._subjects()
        if not subjects:
            raise UserError(
                self.env._("The chosen group or class has nobody to register.")
            )
        field = "employee_id" if self.subject_type == "employee" else "student_id"
        Registration = self.env["school.emulation.registration"]
        existing = Registration.search(
            [
                ("movement_id", "=", self.movement_id.id),
                (field, "in", subjects.ids),
                ("title_id", "=", self.title_id.id),
                ("award_form_id", "=", self.award_form_id.id),
            ]
        )
        already = existing.mapped(field)
        registrations = Registration.create(
            [
                {
                    "movement_id": self.movement_id.id,
                    "subject_type": self.subject_type,
                    field: subject.id,
                    "title_id": self.title_id.id,
                    "award_form_id": self.award_form_id.id,
                }
                for subject in subjects - already
            ]
        )
        if self.submit and registrations:
            registrations.action_submit()
        action = self.movement_id.action_view_registrations()
        action["domain"] = [("id", "in", (registrations | existing).ids)]
        return action
