from odoo import models


class ReportBallotMinutes(models.AbstractModel):
    _name = "report.school_emulation_report.report_ballot_minutes"
    _inherit = "school.emulation.document.mixin"
    _description = "Ballot-Count Minutes"
    _document_model = "school.emulation.council.session"
