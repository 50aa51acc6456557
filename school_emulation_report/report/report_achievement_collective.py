from odoo import models


class ReportAchievementCollective(models.AbstractModel):
    _name = "report.school_emulation_report.report_achievement_collective"
    _inherit = "school.emulation.document.mixin"
    _description = "Collective Achievement Report"
    _document_model = "hr.department"
