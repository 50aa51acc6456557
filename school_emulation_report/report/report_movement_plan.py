import re

from odoo import api, models
from odoo.tools import html2plaintext


class ReportMovementPlan(models.AbstractModel):
    _name = "report.school_emulation_report.report_movement_plan"
    _inherit = "school.emulation.document.mixin"
    _description = "Emulation Plan"
    _document_model = "school.emulation.movement"

    @api.model
    def _cites_itself(self, movement, text):
        """True when ``text`` refers to the plan's own number (a plan is not its
        own basis: "theo kế hoạch 27/KH-TrTHCSXS" inside plan 27/KH-TrTHCSXS)."""
        number = (movement.launch_number or "").strip()
        if not number or not text:
            return False
        plain = html2plaintext(text) if "<" in text else text
        return bool(re.search(re.escape(number), plain, re.IGNORECASE))

    @api.model
    def _plan_data(self, movement):
        movement = movement.sudo()
        bases = []
        reference = (movement.superior_reference or "").strip()
        parent = movement.parent_id
        # a body's movement sent down is cited in full by the reference
        if (
            parent.launch_number
            and parent != movement
            and parent.launch_number not in reference
        ):
            bases.append(f"{parent.launch_number} ({parent.name})")
        if reference and not self._cites_itself(movement, reference):
            bases.append(reference)
        content = movement.content
        if self._cites_itself(movement, content or ""):
            content = False  # the plan's own content is written from its data
        return {
            "bases": bases,
            "content": content,
            "activities": movement.activity_item_ids.sorted("date_start"),
        }

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data)
        values["plan_data"] = self._plan_data
        values["plan_recipients"] = self.env[
            "report.school_emulation_report.report_year_end"
        ]._recipients
        return values
