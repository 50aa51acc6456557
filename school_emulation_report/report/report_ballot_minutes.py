from odoo import api, models
from odoo.exceptions import UserError


class ReportBallotMinutes(models.AbstractModel):
    _name = "report.school_emulation_report.report_ballot_minutes"
    _inherit = "school.emulation.document.mixin"
    _description = "Ballot-Count Minutes"
    _document_model = "school.emulation.council.session"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data)
        show_of_hands = values["docs"].filtered(lambda s: not s.has_ballot)
        if show_of_hands:
            raise UserError(
                self.env._(
                    "%(session)s voted by show of hands: it has no ballot-count "
                    "minutes.",
                    session=", ".join(show_of_hands.mapped("name")),
                )
            )
        values["local_date"] = lambda session: session._se_local_datetime(
            session.date, session.company_id
        ).date()
        return values
