from odoo import models


class SchoolEmulationDecision(models.Model):
    """The deciding body named in notices as the decision prints it."""

    _inherit = "school.emulation.decision"

    def _se_body_label(self):
        self.ensure_one()
        Report = self.env["report.school_emulation_report.report_decision"]
        return (
            Report._body_name(self.company_id, self.authority_id)
            or super()._se_body_label()
        )
