from odoo import models


class ReportYearEnd(models.AbstractModel):
    _name = "report.school_emulation_report.report_year_end"
    _inherit = "school.emulation.document.mixin"
    _description = "Year-End Report"
    _document_model = "school.emulation.period"
