from odoo import models


class ReportCouncilMinutes(models.AbstractModel):
    _name = "report.school_emulation_report.report_council_minutes"
    _inherit = "school.emulation.document.mixin"
    _description = "Council Minutes"
    _document_model = "school.emulation.council.session"
