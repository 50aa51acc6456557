from odoo import api, models

from ..models.school_emulation_proposal import DossierEntries
from ..tools.vn_format import vn_date


class ReportDossierList(models.AbstractModel):
    """Bảng kê hồ sơ đề nghị khen thưởng: the numbered list of the documents of
    the dossier (name, number and date, pages and file in the ZIP, note), in the
    NĐ 30/2020 frame. Built with the dossier ZIP (which hands it the documents it
    holds), or printed alone (the documents are gathered the same way)."""

    _name = "report.school_emulation_report.report_dossier_list"
    _inherit = "school.emulation.document.mixin"
    _description = "Award Proposal Dossier List"
    _document_model = "school.emulation.proposal"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)  # checks access
        lang = self.env["school.emulation.xlsx.export"]._document_lang()
        given = (data or {}).get("se_dossier")
        dossiers = {}
        for proposal in values["docs"].with_context(lang=lang):
            if isinstance(given, DossierEntries) and len(values["docs"]) == 1:
                entries = given  # from action_dossier_bundle, never from a URL
            else:
                entries = proposal._se_dossier_entries()
            dossiers[proposal.id] = self._dossier_values(proposal, entries)
            dossiers[proposal.id]["date"] = entries.date or values["today"]
        values.update(doc_lang=lang, dossiers=dossiers)
        return values

    @api.model
    def _dossier_values(self, proposal, entries):
        _ = proposal.env._
        rows = []
        for entry in entries:
            pages = entry.get("pages")
            rows.append(
                {
                    "no": entry["no"],
                    "label": entry["label"],
                    "number": entry["number"],
                    "date": entry["date"].strftime("%d/%m/%Y")
                    if entry.get("date")
                    else "",
                    "pages": _("%(count)s page(s)", count=pages) if pages else "",
                    "file": entry["file"],
                    "note": entry["note"] or "",
                }
            )
        pages = sum(entry.get("pages") or 0 for entry in entries)
        subtitle = _("School year %(year)s", year=proposal.period_id.name)
        if proposal.to_trinh_number:
            subtitle = _(
                "(Attached to Proposal Letter No. %(number)s, %(date)s)",
                number=proposal.to_trinh_number,
                date=vn_date(proposal.submitted_date),
            )
        return {
            "subtitle": subtitle,
            "intro": _(
                "The award proposal dossier of %(school)s for the school year "
                "%(year)s, sent to %(body)s, holds the following documents:",
                school=proposal.company_id.name,
                year=proposal.period_id.name,
                body=self._body_name(proposal.company_id, proposal.authority_id)
                or "...",
            ),
            "rows": rows,
            "total": _(
                "In all: %(count)s documents, %(pages)s pages in PDF.",
                count=len(rows),
                pages=pages,
            ),
        }
