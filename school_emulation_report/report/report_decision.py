from odoo import api, models

from odoo.addons.school_emulation.models.school_emulation_decision import (
    _is_unnumbered,
)
from odoo.addons.school_emulation.models.school_emulation_legal_basis import CITED_AS

from ..tools.vn_format import vn_date

PEOPLE = ("employee", "student")


class ReportDecision(models.AbstractModel):
    _name = "report.school_emulation_report.report_decision"
    _inherit = "school.emulation.document.mixin"
    _description = "Award Decision"
    _document_model = "school.emulation.decision"

    @api.model
    def _is_draft(self, decision):
        """The school prepared it for another body: a draft (DỰ THẢO) until the
        signed copy is attached."""
        issuer = self._issuer(decision.company_id, decision.authority_id)
        return not issuer["own"] and not decision.attachment_ids

    @api.model
    def _awards(self, decision):
        return decision.award_ids.filtered(lambda x: x.state != "revoked").sorted("id")

    @api.model
    def _default_texts(self, record):
        decision = record
        company = decision.company_id
        issuer = self._issuer(company, decision.authority_id)
        awards = self._awards(decision)
        date = decision.date
        bases = (
            self._catalogue_laws(date)
            | decision.authority_id.legal_basis_id
            | awards.mapped("title_id.legal_basis_id")
            | awards.mapped("award_form_id.legal_basis_id")
            | decision.legal_basis_id
        )
        # the law on the deciding body's organisation (catalogue, by authority)
        bases |= decision.authority_id.organisation_basis_ids
        basis_lines = self._basis_lines(bases, date)
        proposal = decision.proposal_id
        if proposal and not issuer["own"]:
            number = proposal.to_trinh_number
            basis_lines.append(
                f"Xét đề nghị của {company.name} tại Tờ trình"
                + (f" số {number}" if number else "")
                + (
                    f" {vn_date(proposal.submitted_date)}"
                    if proposal.submitted_date
                    else ""
                )
                + "."
            )
        # a body deciding on its units' proposals: each one's tờ trình
        inboxes = awards.inbox_line_id.sudo().inbox_id.sorted(
            lambda i: (i.sender_name, i.id)
        )
        for inbox in inboxes:
            basis_lines.append(
                f"Xét đề nghị của {inbox.sender_name} tại Tờ trình"
                + (f" số {inbox.to_trinh_number}" if inbox.to_trinh_number else "")
                + (f" {vn_date(inbox.submitted_date)}" if inbox.submitted_date else "")
                + ";"
            )
        if inboxes and basis_lines[-1].endswith(";"):
            basis_lines[-1] = basis_lines[-1][:-1] + "."
        awarded = awards.mapped("title_id.legal_basis_id") | awards.mapped(
            "award_form_id.legal_basis_id"
        )
        decree = awarded.filtered(
            lambda b: b.document_type == "decree"
            and not (b.date_expired and date and b.date_expired < date)
        )[:1]
        bonus_basis = f"{CITED_AS['decree']} số {decree.number}" if decree else ""
        name = "..." if _is_unnumbered(decision.name, self.env) else decision.name
        recipients = ["Như Điều %s" % (3 if decision.bonus_total else 2)]
        if not issuer["own"]:
            recipients.append(company.name)
        recipients += inboxes.mapped("sender_name")
        return {
            "issuer": issuer,
            "draft": not issuer["own"] and not decision.attachment_ids,
            "number": name,
            "date": date,
            "addressee": "",
            "bases": basis_lines,
            "body": self._render_body(
                "report_decision_body",
                decision,
                issuer_values=issuer,
                awards=awards,
                bonus_basis=bonus_basis,
            ),
            "recipients": recipients,
            "signer_title": issuer["signer_title"],
            "signer_name": issuer["signer_name"]
            if not issuer["own"]
            else (issuer["signer_name"] or decision.signer or ""),
        }
