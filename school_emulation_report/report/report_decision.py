from odoo import models


class ReportDecision(models.AbstractModel):
    _name = "report.school_emulation_report.report_decision"
    _inherit = "school.emulation.document.mixin"
    _description = "Award Decision"
    _document_model = "school.emulation.decision"
