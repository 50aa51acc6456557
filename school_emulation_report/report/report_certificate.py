from odoo import api, models

from odoo.addons.school_emulation.models.school_emulation_decision import (
    _is_unnumbered,
)


class ReportCertificate(models.AbstractModel):
    _name = "report.school_emulation_report.report_certificate"
    _inherit = "school.emulation.document.mixin"
    _description = "Certificate of Merit"
    _document_model = "school.emulation.award"

    @api.model
    def _default_texts(self, record):
        award = record
        decision = award.decision_id
        issuer = self._issuer(award.company_id, award.authority_id)
        number = award.decision_number or decision.name or ""
        return {
            "issuer": issuer,
            "draft": not issuer["own"] and not decision.attachment_ids,
            "number": "" if _is_unnumbered(number, self.env) else number,
            "date": award.decision_date or decision.date,
            "addressee": "",
            "bases": [],
            "body": self._render_body("report_certificate_body", award),
            "recipients": [],
            "signer_title": issuer["signer_title"],
            "signer_name": issuer["signer_name"]
            if not issuer["own"]
            else (issuer["signer_name"] or decision.signer or ""),
        }
