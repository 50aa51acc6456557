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
    emulation_superior_full_name = fields.Char(
        string="Governing Body Full Name",
        help="The governing body as it issues its own documents, e.g. Ủy ban nhân "
        "dân xã Xuân Sơn: the agency block of a decision of the commune.",
    )
    emulation_superior_head_title = fields.Char(
        string="Governing Body Head",
        help="Who decides at the governing body, e.g. Chủ tịch Ủy ban nhân dân xã "
        "Xuân Sơn: the addressee of the school's Tờ trình and the authority of the "
        "commune's decisions and certificates.",
    )
    emulation_superior_signer_title = fields.Char(
        string="Governing Body Signer Title",
        help="Title above the signature on the governing body's documents, e.g. "
        "CHỦ TỊCH. Empty: the head's title in capitals.",
    )
    emulation_superior_head_name = fields.Char(
        string="Governing Body Signer",
        help="Name of the person who signs for the governing body (may stay empty "
        "on a draft).",
    )

    def _se_superior_name(self):
        """A body outside Odoo is known by the name typed for the documents."""
        return super()._se_superior_name() or self.emulation_superior_name or ""
