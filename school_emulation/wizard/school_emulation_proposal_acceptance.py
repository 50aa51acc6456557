from odoo import fields, models


class SchoolEmulationProposalAcceptance(models.TransientModel):
    """The day the receiving body accepted a sent dossier (it decides the rule set
    the proposal is judged under)."""

    _name = "school.emulation.proposal.acceptance"
    _description = "Dossier Acceptance"

    proposal_id = fields.Many2one(
        "school.emulation.proposal", required=True, ondelete="cascade"
    )
    accepted_date = fields.Date(
        string="Dossier Accepted On",
        required=True,
        default=lambda self: self._se_today(),
    )

    def action_confirm(self):
        self.ensure_one()
        self.proposal_id.action_record_acceptance(self.accepted_date)
        return {"type": "ir.actions.act_window_close"}
