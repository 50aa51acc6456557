from odoo import fields, models


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
