from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError

from .school_emulation_dated_mixin import RELIABILITY

DOCUMENT_TYPES = [
    ("law", "Law"),
    ("resolution", "Resolution"),
    ("decree", "Decree"),
    ("circular", "Circular"),
    ("decision", "Decision"),
    ("guidance", "Guidance"),
    ("plan", "Plan"),
    ("other", "Other"),
]


class SchoolEmulationLegalBasis(models.Model):
    """A legal document that values of the catalogue rest on (căn cứ pháp lý)."""

    _name = "school.emulation.legal.basis"
    _description = "Legal Basis"
    _order = "date_effective desc, number"
    _rec_names_search = ["number", "name"]

    number = fields.Char(
        required=True, index=True, help="Document number, e.g. 152/2025/NĐ-CP."
    )
    name = fields.Char(string="Document Title", required=True)
    document_type = fields.Selection(DOCUMENT_TYPES, default="decree", required=True)
    issuer = fields.Char(help="Issuing body, e.g. Chính phủ, Bộ Nội vụ, UBND tỉnh.")
    date_issued = fields.Date(string="Issued On")
    date_effective = fields.Date(string="Effective From")
    date_expired = fields.Date(string="Expired On")
    url = fields.Char(string="Link")
    reliability = fields.Selection(RELIABILITY, default="secondary", required=True)
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company",
        string="School",
        index=True,
        help="Empty: a national or provincial text shared by every school.",
    )
    active = fields.Boolean(default=True)

    def init(self):
        # One number per school, and once among the shared texts (company_id NULL).
        tools.create_unique_index(
            self.env.cr,
            "school_emulation_legal_basis_number_uniq",
            self._table,
            ["number", "COALESCE(company_id, 0)"],
        )

    @api.depends("number", "name")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = f"{rec.number} - {rec.name}" if rec.name else rec.number

    @api.constrains("date_effective", "date_expired")
    def _check_dates(self):
        for rec in self:
            if (
                rec.date_effective
                and rec.date_expired
                and (rec.date_expired < rec.date_effective)
            ):
                raise ValidationError(
                    self.env._(
                        "%(number)s: the expiry date is before the effective date.",
                        number=rec.number,
                    )
                )
