from odoo import fields, models


class HrDepartment(models.Model):
    _name = "hr.department"
    _inherit = ["hr.department", "school.emulation.award.history.mixin"]

    emulation_group_type = fields.Selection(
        [
            ("management", "Management Board (BGH)"),
            ("subject", "Subject Group (tổ chuyên môn)"),
            ("office", "Office Group (tổ văn phòng)"),
            ("other", "Other"),
        ],
        string="Group Type",
        help="How the school's emulation treats this department.",
    )

    registration_count = fields.Integer(compute="_compute_registration_count")

    def _compute_registration_count(self):
        counts = self.env["school.emulation.registration"]._se_counts_by(
            self, "department_id"
        )
        for rec in self:
            rec.registration_count = counts.get(rec, 0)

    def action_view_registrations(self):
        self.ensure_one()
        return self.env["school.emulation.registration"]._se_action_for(
            self, "department_id"
        )
