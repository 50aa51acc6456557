from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    emulation_superior_name = fields.Char(
        string="Governing Body (documents)",
        help="First line of the agency block, e.g. UBND XÃ XUÂN SƠN (NĐ 30/2020).",
    )
    emulation_place = fields.Char(
        string="Place Name (documents)",
        help="Place written before the date, e.g. Xuân Sơn.",
    )
    emulation_head_name = fields.Char(string="Principal (signer)")
    emulation_head_title = fields.Char(
        string="Signer Title", default="HIỆU TRƯỞNG", translate=False
    )
