from odoo import models

from odoo.addons.school_emulation.models.school_emulation_state_mixin import (
    trusted_write,
)

from ..tools.xlsx_builder import build as build_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class SchoolEmulationXlsxExport(models.AbstractModel):
    """Excel files in the superior body's layout, attached and downloaded."""

    _name = "school.emulation.xlsx.export"
    _description = "Excel Export"

    def _download(self, record_or_model, name, sheets):
        Attachment = self.env["ir.attachment"]
        with trusted_write("ir.attachment"):
            attachment = Attachment.create(
                {
                    "name": name,
                    "raw": build_xlsx(sheets),
                    "mimetype": XLSX,
                    # the builder's alone: attached to the record, every reader of it
                    # would read rows built with the builder's rights
                    "res_model": record_or_model._name,
                    "res_id": False,
                }
            )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }
