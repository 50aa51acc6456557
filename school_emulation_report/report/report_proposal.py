from odoo import models


class ReportProposal(models.AbstractModel):
    _name = "report.school_emulation_report.report_proposal"
    _inherit = "school.emulation.document.mixin"
    _description = "Award Proposal Letter and List"
    _document_model = "school.emulation.proposal"
