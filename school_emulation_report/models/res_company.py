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
    emulation_doc_code = fields.Char(
        string="Document Code",
        help="Abbreviation of the school in document numbers, e.g. THCSXS.",
    )
    emulation_head_name = fields.Char(string="Principal (signer)")
    emulation_head_title = fields.Char(
        string="Signer Title", default="HIỆU TRƯỞNG", translate=False
    )

    def _se_register_values(self, kind, book=None):
        """Document numbers end in the school's code (e.g. 12/QĐ-THCSXS)."""
        values = super()._se_register_values(kind, book)
        if self.emulation_doc_code and kind in ("to_trinh", "decision"):
            values["suffix"] = f"{values['suffix']}-{self.emulation_doc_code}"
        return values
