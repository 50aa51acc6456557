from odoo import models


class ReportClassWeek(models.AbstractModel):
    _name = "report.school_emulation_report.report_class_week"
    _inherit = "school.emulation.document.mixin"
    _description = "Class Weekly Ranking"
    _document_model = "school.emulation.class.week"
