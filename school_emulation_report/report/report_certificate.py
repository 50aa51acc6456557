from odoo import models


class ReportCertificate(models.AbstractModel):
    _name = "report.school_emulation_report.report_certificate"
    _inherit = "school.emulation.document.mixin"
    _description = "Certificate of Merit"
    _document_model = "school.emulation.award"
