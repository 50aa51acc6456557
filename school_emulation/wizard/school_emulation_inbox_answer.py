from odoo import fields, models


class SchoolEmulationInboxAnswer(models.TransientModel):
    """The receiving body's answer to a unit's proposal: the dossier accepted on
    a day, or returned for completion with the reason."""

    _name = "school.emulation.inbox.answer"
    _description = "Answer to a Received Proposal"

    inbox_id = fields.Many2one(
        "school.emulation.inbox", required=True, ondelete="cascade"
    )
    action = fields.Selection(
        [("accept", "Accept the dossier"), ("return", "Return for completion")],
        required=True,
        default="accept",
    )
    accepted_date = fields.Date(
        string="Dossier Accepted On", default=lambda self: self._se_today()
    )
    reason = fields.Text(help="What the unit must complete or correct.")

    def action_confirm(self):
        self.ensure_one()
        if self.action == "return":
            self.inbox_id.action_return(self.reason)
        else:
            self.inbox_id.action_accept(self.accepted_date)
        return {"type": "ir.actions.act_window_close"}
