from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.school_emulation_state_mixin import check_officer


class SchoolEmulationRevoke(models.TransientModel):
    """Revocation of awards of a confirmed decision (Luật 2022 Art. 94): only the
    confirmed awards of this decision, each once, recorded in the chatter."""

    _name = "school.emulation.revoke"
    _description = "Award Revocation"

    decision_id = fields.Many2one(
        "school.emulation.decision", required=True, ondelete="cascade"
    )
    award_ids = fields.Many2many(
        "school.emulation.award",
        string="Awards Revoked",
        domain="[('decision_id', '=', decision_id), ('state', '=', 'confirmed')]",
    )
    date = fields.Date(required=True, default=lambda self: self._se_today())
    reason = fields.Text(required=True)
    recover_item = fields.Boolean(string="Recover Certificate/Item", default=True)
    recover_money = fields.Boolean(string="Recover the Bonus", default=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        decision = self.env["school.emulation.decision"].browse(
            values.get("decision_id")
        )
        if decision and "award_ids" in fields_list:
            values["award_ids"] = [
                fields.Command.set(
                    decision.award_ids.filtered(lambda a: a.state == "confirmed").ids
                )
            ]
        return values

    def action_revoke(self):
        self.ensure_one()
        check_officer(
            self.env, self.env._("Only the emulation officer revokes awards.")
        )
        if not self.reason or not self.reason.strip():
            raise UserError(self.env._("Write the reason for the revocation."))
        if not self.award_ids:
            raise UserError(self.env._("Choose the awards to revoke."))
        decision = self.decision_id
        if decision.state != "confirmed":
            raise UserError(
                self.env._(
                    "Decision %(name)s is not confirmed: only the awards of a "
                    "confirmed decision are revoked.",
                    name=decision.name,
                )
            )
        strangers = self.award_ids.filtered(lambda a: a.decision_id != decision)
        if strangers:
            raise UserError(
                self.env._(
                    "%(awards)s are not awards of decision %(name)s: revoke them "
                    "from their own decision.",
                    awards=", ".join(
                        f"{a.subject_name} - {a.award_name}" for a in strangers
                    ),
                    name=decision.name,
                )
            )
        return self.award_ids._revoke(
            self.date, self.reason.strip(), self.recover_item, self.recover_money
        )
