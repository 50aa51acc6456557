from odoo import models


class ReportAchievementIndividual(models.AbstractModel):
    _name = "report.school_emulation_report.report_achievement_individual"
    _inherit = "school.emulation.document.mixin"
    _description = "Individual Achievement Report"
    _document_model = "hr.employee"
