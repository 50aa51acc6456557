from odoo import api, models


class ReportCouncilMinutes(models.AbstractModel):
    _name = "report.school_emulation_report.report_council_minutes"
    _inherit = "school.emulation.document.mixin"
    _description = "Council Minutes"
    _document_model = "school.emulation.council.session"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data)
        # the date of the header is the session's date in the school, the same
        # as the body's (the minutes were written in the school's time zone)
        values["local_date"] = lambda session: session._se_local_datetime(
            session.date, session.company_id
        ).date()
        return values
