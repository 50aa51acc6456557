from odoo import fields, models

from .school_emulation_award import award_history_action


class SchoolEmulationAwardHistoryMixin(models.AbstractModel):
    """Award history (all years) shown on the forms of staff, students, groups,
    classes and the school; the eligibility engine reads the same records."""

    _name = "school.emulation.award.history.mixin"
    _description = "Award History"

    emulation_award_ids = fields.Many2many(
        "school.emulation.award",
        string="Award History",
        compute="_compute_emulation_awards",
    )
    emulation_award_count = fields.Integer(
        string="Awards", compute="_compute_emulation_awards"
    )

    def _compute_emulation_awards(self):
        Award = self.env["school.emulation.award"]
        awards = Award.search(Award._subject_domain(self)) if self.ids else Award
        by_subject = {}
        for award in awards:
            by_subject.setdefault(award._subject().id, []).append(award.id)
        for rec in self:
            ids = by_subject.get(rec.id, [])
            rec.emulation_award_ids = Award.browse(ids)
            rec.emulation_award_count = len(ids)

    def action_view_award_history(self):
        self.ensure_one()
        return award_history_action(self)


class HrEmployee(models.Model):
    _name = "hr.employee"
    _inherit = ["hr.employee", "school.emulation.award.history.mixin"]

    # Users outside HR read employees through hr.employee.public, which does not
    # have the history: on hr.employee it is HR-only (Odoo's hr test
    # test_employee_fields_groups checks every field for this).
    emulation_award_ids = fields.Many2many(groups="hr.group_hr_user")
    emulation_award_count = fields.Integer(groups="hr.group_hr_user")


class HrDepartment(models.Model):
    _name = "hr.department"
    _inherit = ["hr.department", "school.emulation.award.history.mixin"]


class SchoolStudent(models.Model):
    _name = "school.student"
    _inherit = ["school.student", "school.emulation.award.history.mixin"]


class SchoolClass(models.Model):
    _name = "school.class"
    _inherit = ["school.class", "school.emulation.award.history.mixin"]


class ResCompany(models.Model):
    _name = "res.company"
    _inherit = ["res.company", "school.emulation.award.history.mixin"]
