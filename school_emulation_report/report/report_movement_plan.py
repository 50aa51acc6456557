from odoo import models


class ReportMovementPlan(models.AbstractModel):
    _name = "report.school_emulation_report.report_movement_plan"
    _inherit = "school.emulation.document.mixin"
    _description = "Emulation Plan"
    _document_model = "school.emulation.movement"
