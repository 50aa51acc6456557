from odoo import models


class ReportRegistrationSummary(models.AbstractModel):
    _name = "report.school_emulation_report.report_registration_summary"
    _inherit = "school.emulation.document.mixin"
    _description = "Registration Summary"
    _document_model = "school.emulation.period"
