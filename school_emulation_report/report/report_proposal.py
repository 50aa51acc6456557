from odoo import api, models

from ..tools.vn_format import vn_date

PEOPLE = ("employee", "student")


class ReportProposal(models.AbstractModel):
    _name = "report.school_emulation_report.report_proposal"
    _inherit = "school.emulation.document.mixin"
    _description = "Award Proposal Letter and List"
    _document_model = "school.emulation.proposal"

    @api.model
    def _proposal_issuer(self, proposal):
        """A group's (tổ's) own proposal is the group's, to the school's council;
        the school's goes to the competent body."""
        if proposal.level == "group":
            return self._issuer(proposal.company_id, department=proposal.department_id)
        return self._issuer(proposal.company_id)

    @api.model
    def _addressee(self, proposal):
        if proposal.level == "group":
            return (
                f"Hội đồng Thi đua - Khen thưởng {proposal.company_id.name or ''}"
            ).strip()
        if not proposal.authority_id:
            return "..."
        return self._issuer(proposal.company_id, proposal.authority_id)["authority"]

    @api.model
    def _lines(self, proposal):
        lines = proposal.line_ids.filtered(lambda ln: ln.council_result != "rejected")
        people = lines.filtered(lambda ln: ln.subject_type in PEOPLE)
        return lines, people, lines - people

    @api.model
    def _default_texts(self, record):
        proposal = record
        company = proposal.company_id
        issuer = self._proposal_issuer(proposal)
        date = proposal.submitted_date or self._se_today(company)
        lines, _people, _groups = self._lines(proposal)
        bases = (
            self._catalogue_laws(date)
            | lines.mapped("title_id.legal_basis_id")
            | lines.mapped("award_form_id.legal_basis_id")
        )
        basis_lines = self._basis_lines(bases, date)
        if proposal.level == "school":
            for session in proposal.session_ids.sorted("date"):
                day = session.date and self._se_local_datetime(session.date, company)
                basis_lines.append(
                    "Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng "
                    f"{company.name} {vn_date(day and day.date())};"
                )
        addressee = self._addressee(proposal)
        if proposal.level == "group":
            number = False
        else:
            number = proposal.to_trinh_number or (
                f".../TTr-{company.emulation_doc_code or '...'}"
            )
        return {
            "issuer": issuer,
            "number": number,
            "date": date,
            "addressee": addressee,
            "bases": basis_lines,
            "body": self._render_body(
                "report_proposal_body",
                proposal,
                issuer_values=issuer,
                addressee=addressee,
            ),
            "recipients": ["Như trên"],
            "signer_title": issuer["signer_title"],
            "signer_name": issuer["signer_name"],
        }
