from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError

from ..tools.vn_format import format_date_words
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
# How a document of each type is named when it is cited (NĐ 30/2020 Appendix I:
# "Căn cứ Nghị định số ... ngày ... của Chính phủ quy định ..."). Words of the
# Vietnamese document itself, not interface text.
CITED_AS = {
    "law": "Luật",
    "resolution": "Nghị quyết",
    "decree": "Nghị định",
    "circular": "Thông tư",
    "decision": "Quyết định",
    "guidance": "Hướng dẫn",
    "plan": "Kế hoạch",
    "other": "Văn bản",
}
# Short forms of issuers spelt out in a citation.
ISSUER_LONG_FORMS = (("UBND ", "Ủy ban nhân dân "), ("HĐND ", "Hội đồng nhân dân "))


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
    citation_summary = fields.Char(
        string="Summary (citation)",
        help="The summary as it follows the issuer in a citation, in lower case, "
        "e.g. quy định chi tiết thi hành một số điều của Luật Thi đua, khen "
        "thưởng. Empty: the title with a lower-case first letter.",
    )
    citation = fields.Char(
        compute="_compute_citation",
        help="The document as documents cite it after 'Căn cứ', e.g. Nghị định số "
        "152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết ...",
    )
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

    @api.depends(
        "number", "name", "document_type", "issuer", "date_issued", "citation_summary"
    )
    def _compute_citation(self):
        for rec in self:
            rec.citation = rec._citation()

    def _citation(self):
        """NĐ 30/2020 wording: a law by its name and date ("Luật Thi đua, khen
        thưởng ngày 15 tháng 6 năm 2022"); any other text by its kind, number,
        date, issuer and summary."""
        self.ensure_one()
        date = f" {format_date_words(self.date_issued)}" if self.date_issued else ""
        name = (self.name or "").strip()
        if self.document_type == "law":
            title = name if name.startswith("Luật") else f"Luật {name}"
            return f"{title}{date}"
        summary = (self.citation_summary or "").strip()
        if not summary and name:
            summary = name[0].lower() + name[1:]
        issuer = (self.issuer or "").strip()
        for short, long in ISSUER_LONG_FORMS:
            if issuer.startswith(short):
                issuer = long + issuer[len(short) :]
        if (
            self.document_type == "circular"
            and issuer.startswith("Bộ ")
            and not issuer.startswith("Bộ trưởng")
        ):
            issuer = f"Bộ trưởng {issuer}"  # a circular is the minister's
        parts = [f"{CITED_AS[self.document_type]} số {self.number}{date}"]
        if issuer:
            parts.append(f"của {issuer}")
        if summary:
            parts.append(summary)
        return " ".join(parts)

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
