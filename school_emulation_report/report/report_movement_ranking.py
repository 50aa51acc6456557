from odoo import models


class ReportMovementRanking(models.AbstractModel):
    _name = "report.school_emulation_report.report_movement_ranking"
    _inherit = "school.emulation.document.mixin"
    _description = "Scores and Ranking"
    _document_model = "school.emulation.movement"
