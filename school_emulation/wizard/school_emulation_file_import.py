import base64

from odoo import fields, models
from odoo.exceptions import UserError


class SchoolEmulationFileImport(models.TransientModel):
    """A file from the other database of the chain: a unit's dossier ZIP (the
    body above imports it into its inbox) or the superior body's decision file
    (the school imports it into its award history)."""

    _name = "school.emulation.file.import"
    _description = "Import a Dossier or Decision File"

    file = fields.Binary(required=True, attachment=False)
    filename = fields.Char()

    def action_import(self):
        self.ensure_one()
        data = base64.b64decode(self.file or b"")
        if not data:
            raise UserError(self.env._("Choose the file to import."))
        name = self.filename or ""
        if data[:2] == b"PK" or name.lower().endswith(".zip"):
            inbox = self.env["school.emulation.inbox"]._se_import_package(data, name)
            return {
                "type": "ir.actions.act_window",
                "res_model": inbox._name,
                "res_id": inbox.id,
                "view_mode": "form",
            }
        awards = self.env["school.emulation.award"]._se_import_decision(data, name)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "school_emulation.school_emulation_award_action"
        )
        action["domain"] = [("id", "in", awards.ids)]
        return action
