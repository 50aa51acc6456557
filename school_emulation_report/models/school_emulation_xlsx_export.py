from odoo import api, models

from odoo.addons.school_emulation.models.school_emulation_state_mixin import (
    trusted_write,
)

from ..tools.vn_format import vn_date
from ..tools.xlsx_builder import build as build_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# the documents a commune files are in Vietnamese, as the PDFs are, whatever the
# language of the user who builds them
DOCUMENT_LANG = "vi_VN"


class SchoolEmulationXlsxExport(models.AbstractModel):
    """Excel files in the superior body's layout, attached and downloaded."""

    _name = "school.emulation.xlsx.export"
    _description = "Excel Export"

    @api.model
    def _document_lang(self):
        """The language the sheets are written in: Vietnamese when it is
        installed (the commune files them as the PDFs), else the user's."""
        if self.env["res.lang"]._lang_get(DOCUMENT_LANG):
            return DOCUMENT_LANG
        return self.env.lang

    @api.model
    def _frame(self, company, date=None):
        """The administrative frame of a sheet (NĐ 30/2020, as the PDFs): agency
        block, place and date, signers (who prepared it, the head of the school).
        Merge it into a sheet dict of the builder."""
        company = company or self.env.company
        agency = self.env["school.emulation.document.mixin"]._agency(company)
        date = date or self._se_today(company)
        place = agency["place"]
        preparer = "" if self.env.su else self.env.user.name
        return {
            "agency": {"superior": agency["superior"], "agency": agency["agency"]},
            "place_date": f"{place}, {vn_date(date)}" if place else vn_date(date),
            "signatures": [
                (
                    self.env._("PREPARED BY"),
                    self.env._("(Signature and full name)"),
                    preparer,
                ),
                (
                    agency["head_title"],
                    self.env._("(Signature, full name and seal)"),
                    agency["head_name"],
                ),
            ],
        }

    def _download(self, record_or_model, name, sheets):
        Attachment = self.env["ir.attachment"]
        with trusted_write("ir.attachment"):
            attachment = Attachment.create(
                {
                    "name": name,
                    "raw": build_xlsx(sheets),
                    "mimetype": XLSX,
                    # the builder's alone: attached to the record, every reader of it
                    # would read rows built with the builder's rights
                    "res_model": record_or_model._name,
                    "res_id": False,
                }
            )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }
