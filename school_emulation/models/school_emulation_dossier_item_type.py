from odoo import api, fields, models


class SchoolEmulationDossierItemType(models.Model):
    """A document of the dossier (tờ trình, báo cáo thành tích, biên bản...). Each
    title or award form of the catalogue lists the ones it needs."""

    _name = "school.emulation.dossier.item.type"
    _description = "Dossier Document Type"
    _order = "sequence, id"

    code = fields.Char(required=True, index=True)
    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    scope = fields.Selection(
        [("proposal", "Once per Proposal"), ("line", "For Each Candidate")],
        required=True,
        default="proposal",
    )
    description = fields.Text(translate=True)
    generated = fields.Selection(
        [
            ("proposal", "With the proposal (Tờ trình and its list)"),
            ("minutes", "With the council's minutes"),
        ],
        string="Produced by the Software",
        help="A document the software writes itself: its checklist row is done "
        "without an upload (the proposal's Tờ trình and list are issued when it is "
        "sent; the minutes once every session of the proposal is closed). A signed "
        "copy may still be attached.",
    )
    legal_basis_id = fields.Many2one(
        "school.emulation.legal.basis", string="Legal Basis", ondelete="restrict"
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", string="School", index=True)

    @api.model
    def _link_defaults(self, model, domain, xmlids):
        """Give the catalogue records of ``model`` matching ``domain`` these
        documents, only where none are set yet (a school's choice is kept)."""
        items = self.browse([self.env.ref(x).id for x in xmlids])
        records = self.env[model].with_context(active_test=False).search(domain)
        records.filtered(lambda r: not r.dossier_item_type_ids).write(
            {"dossier_item_type_ids": [fields.Command.set(items.ids)]}
        )
        return True
