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


class ReportCouncilMinutes(models.AbstractModel):
    _name = "report.school_emulation_report.report_council_minutes"
    _inherit = "school.emulation.document.mixin"
    _description = "Council Minutes"
    _document_model = "school.emulation.council.session"


class ReportBallotMinutes(models.AbstractModel):
    _name = "report.school_emulation_report.report_ballot_minutes"
    _inherit = "school.emulation.document.mixin"
    _description = "Ballot-Count Minutes"
    _document_model = "school.emulation.council.session"


class ReportProposal(models.AbstractModel):
    _name = "report.school_emulation_report.report_proposal"
    _inherit = "school.emulation.document.mixin"
    _description = "Award Proposal Letter and List"
    _document_model = "school.emulation.proposal"


class ReportDecision(models.AbstractModel):
    _name = "report.school_emulation_report.report_decision"
    _inherit = "school.emulation.document.mixin"
    _description = "Award Decision"
    _document_model = "school.emulation.decision"


class ReportCertificate(models.AbstractModel):
    _name = "report.school_emulation_report.report_certificate"
    _inherit = "school.emulation.document.mixin"
    _description = "Certificate of Merit"
    _document_model = "school.emulation.award"


class ReportMovementPlan(models.AbstractModel):
    _name = "report.school_emulation_report.report_movement_plan"
    _inherit = "school.emulation.document.mixin"
    _description = "Emulation Plan"
    _document_model = "school.emulation.movement"


class ReportMovementRanking(models.AbstractModel):
    _name = "report.school_emulation_report.report_movement_ranking"
    _inherit = "school.emulation.document.mixin"
    _description = "Scores and Ranking"
    _document_model = "school.emulation.movement"


class ReportRegistrationSummary(models.AbstractModel):
    _name = "report.school_emulation_report.report_registration_summary"
    _inherit = "school.emulation.document.mixin"
    _description = "Registration Summary"
    _document_model = "school.emulation.period"


class ReportYearEnd(models.AbstractModel):
    _name = "report.school_emulation_report.report_year_end"
    _inherit = "school.emulation.document.mixin"
    _description = "Year-End Report"
    _document_model = "school.emulation.period"


class ReportAchievementIndividual(models.AbstractModel):
    _name = "report.school_emulation_report.report_achievement_individual"
    _inherit = "school.emulation.document.mixin"
    _description = "Individual Achievement Report"
    _document_model = "hr.employee"


class ReportClassWeek(models.AbstractModel):
    _name = "report.school_emulation_report.report_class_week"
    _inherit = "school.emulation.document.mixin"
    _description = "Class Weekly Ranking"
    _document_model = "school.emulation.class.week"


class ReportAchievementCollective(models.AbstractModel):
    _name = "report.school_emulation_report.report_achievement_collective"
    _inherit = "school.emulation.document.mixin"
    _description = "Collective Achievement Report"
    _document_model = "hr.department"
