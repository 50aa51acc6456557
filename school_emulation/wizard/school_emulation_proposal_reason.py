from odoo import fields, models


class SchoolEmulationProposalReason(models.TransientModel):
    """Why a proposal is returned or rejected by the receiving body."""

    _name = "school.emulation.proposal.reason"
    _description = "Proposal Return or Rejection"

    proposal_id = fields.Many2one(
        "school.emulation.proposal", required=True, ondelete="cascade"
    )
    action = fields.Selection(
        [("return", "Returned for completion"), ("reject", "Rejected")],
        required=True,
        default="return",
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.proposal_id._set_reason(self.action, self.reason)
        return {"type": "ir.actions.act_window_close"}
