from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .school_emulation_state_mixin import check_officer


class SchoolEmulationGoodDeed(models.Model):
    """A good deed (người tốt, việc tốt) noted by a teacher in a few clicks; the
    officer turns it into an ad-hoc award proposal or an exemplar."""

    _name = "school.emulation.good.deed"
    _description = "Good Deed"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    date = fields.Date(required=True, default=fields.Date.context_today)
    subject_type = fields.Selection(
        [("student", "Student"), ("employee", "Colleague")],
        string="Who",
        required=True,
        default="student",
    )
    student_name = fields.Char(
        string="Student", help="Name as the teacher knows it; the officer links it."
    )
    class_id = fields.Many2one("school.class", check_company=True)
    student_id = fields.Many2one(
        "school.student",
        string="Student Record",
        check_company=True,
        groups="school_emulation.group_school_emulation_leader",
    )
    employee_id = fields.Many2one("hr.employee", string="Colleague", check_company=True)
    description = fields.Text(string="What Happened", required=True)
    reported_by = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True
    )
    state = fields.Selection(
        [
            ("new", "New"),
            ("proposed", "Award Proposed"),
            ("exemplar", "Exemplar"),
            ("closed", "Closed"),
        ],
        default="new",
        required=True,
        readonly=True,
        tracking=True,
    )
    proposal_id = fields.Many2one(
        "school.emulation.proposal", readonly=True, ondelete="set null"
    )
    exemplar_id = fields.Many2one(
        "school.emulation.exemplar", readonly=True, ondelete="set null"
    )
    company_id = fields.Many2one(
        "res.company",
        string="School",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    @api.constrains("subject_type", "student_name", "student_id", "employee_id")
    def _check_who(self):
        for rec in self.sudo():
            if rec.subject_type == "student" and not (
                rec.student_name or rec.student_id
            ):
                raise ValidationError(self.env._("Write the student's name."))
            if rec.subject_type == "employee" and not rec.employee_id:
                raise ValidationError(self.env._("Choose the colleague."))

    @api.depends("subject_type", "student_name", "employee_id", "date")
    def _compute_display_name(self):
        for rec in self:
            who = (
                rec.student_name
                if rec.subject_type == "student"
                else rec.employee_id.name
            )
            rec.display_name = f"{who or ''} ({fields.Date.to_string(rec.date)})"

    def action_propose_award(self):
        """Open the ad-hoc award form filled from the good deed."""
        self.ensure_one()
        check_officer(
            self.env, self.env._("Only the emulation officer proposes awards.")
        )
        if self.subject_type == "student" and not self.student_id:
            raise UserError(self.env._("Link the student record first."))
        self.state = "proposed"
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Ad-hoc Award"),
            "res_model": "school.emulation.adhoc.award",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_subject_type": self.subject_type,
                "default_student_id": self.student_id.id,
                "default_employee_id": self.employee_id.id,
                "default_achievement": self.description,
            },
        }

    def action_make_exemplar(self):
        self.ensure_one()
        check_officer(
            self.env, self.env._("Only the emulation officer records exemplars.")
        )
        if self.subject_type == "student" and not self.student_id:
            raise UserError(self.env._("Link the student record first."))
        exemplar = self.env["school.emulation.exemplar"].create(
            {
                "name": self.description[:80],
                "exemplar_type": "good_deed",
                "subject_type": self.subject_type,
                "student_id": self.student_id.id,
                "employee_id": self.employee_id.id,
                "story": self.description,
                "company_id": self.company_id.id,
            }
        )
        self.write({"state": "exemplar", "exemplar_id": exemplar.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "school.emulation.exemplar",
            "res_id": exemplar.id,
            "view_mode": "form",
        }
