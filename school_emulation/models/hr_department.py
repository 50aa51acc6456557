from odoo import fields, models

from .school_emulation_registration import registration_action, registration_counts


class HrDepartment(models.Model):
    _inherit = "hr.department"

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
        counts = registration_counts(self, "department_id")
        for rec in self:
            rec.registration_count = counts.get(rec, 0)

    def action_view_registrations(self):
        self.ensure_one()
        return registration_action(self, "department_id")
