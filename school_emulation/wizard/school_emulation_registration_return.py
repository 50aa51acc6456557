from odoo import fields, models


class SchoolEmulationRegistrationReturn(models.TransientModel):
    """Return registrations to their authors with a reason."""

    _name = "school.emulation.registration.return"
    _description = "Return Registration"

    registration_ids = fields.Many2many(
        "school.emulation.registration",
        relation="school_emulation_registration_return_rel",
        required=True,
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.registration_ids.action_return(self.reason)
        return {"type": "ir.actions.act_window_close"}
