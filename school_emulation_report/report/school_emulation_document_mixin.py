from odoo import api, models

from ..tools.vn_format import money, vn_date


class SchoolEmulationDocumentMixin(models.AbstractModel):
    """Values every administrative document needs (NĐ 30/2020 layout): agency
    block, place and date, number formats."""

    _name = "school.emulation.document.mixin"
    _description = "Administrative Document Values"
    _document_model = None

    @api.model
    def _agency(self, company):
        return {
            "superior": (company.emulation_superior_name or "").upper(),
            "agency": (company.name or "").upper(),
            "agency_name": company.name or "",
            "code": company.emulation_doc_code or "",
            "place": company.emulation_place or company.city or "",
            "head_title": company.emulation_head_title or "HIỆU TRƯỞNG",
            "head_name": company.emulation_head_name or "",
        }

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env[self._document_model].browse(docids)
        # the templates read related records (ballots, awards, people) that the
        # reader may not open: the documents themselves must be readable first
        readable = docs
        if docs._name == "hr.employee" and not docs.browse().has_access("read"):
            # no HR rights: the employee is read through its public profile
            readable = self.env["hr.employee.public"].browse(docids)
        readable.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": self._document_model,
            "docs": docs,
            "agency": self._agency,
            "vn_date": vn_date,
            "money": money,
            "today": self._se_today(),
        }
