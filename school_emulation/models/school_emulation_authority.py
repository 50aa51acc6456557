from odoo import fields, models

LEVELS = [
    ("school", "School"),
    ("commune", "Commune / Ward"),
    ("district", "District (until 30/06/2025)"),
    ("province", "Province"),
    ("ministry", "Ministry"),
    ("government", "Prime Minister"),
    ("state", "State President"),
]


class SchoolEmulationAuthority(models.Model):
    """A body that decides titles and awards (cấp có thẩm quyền) between dates.

    The district level was abolished on 01/07/2025: the commune/ward took over.
    Bodies are records, never names in code.
    """

    _name = "school.emulation.authority"
    _description = "Deciding Authority"
    _inherit = ["school.emulation.dated.mixin"]
    _order = "sequence, level, date_start desc"
    _dated_key = ("code",)

    code = fields.Char(required=True, index=True)
    name = fields.Char(required=True, help="Who decides, e.g. the chair.")
    body = fields.Char(
        string="Advising Office",
        help="The office that receives and appraises dossiers.",
    )
    level = fields.Selection(LEVELS, required=True, default="commune")
    organisation_basis_ids = fields.Many2many(
        "school.emulation.legal.basis",
        "school_emulation_authority_organisation_basis_rel",
        "authority_id",
        "legal_basis_id",
        string="Organisation Law",
        help="The law on the body's organisation that its decisions cite first "
        "(e.g. Luật Tổ chức chính quyền địa phương), while in force.",
    )
    sequence = fields.Integer(default=10)
    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        help="Address used on documents sent to this body.",
    )
