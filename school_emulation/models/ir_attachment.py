from odoo import api, models
from odoo.exceptions import UserError

MAX_SIZE_PARAM = "school_emulation.max_attachment_mb"
DEFAULT_MAX_MB = 20
# the records people attach evidence, scans and photos to
OWN_MODELS = ("school.emulation.", "school.student", "school.class")


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def _school_emulation_max_bytes(self):
        value = (
            self.env["ir.config_parameter"].sudo().get_param(MAX_SIZE_PARAM)
            or DEFAULT_MAX_MB
        )
        try:
            return int(float(value) * 1024 * 1024)
        except ValueError:
            return DEFAULT_MAX_MB * 1024 * 1024

    def _check_school_emulation_size(self):
        """Files uploaded to the emulation records (evidence, scans, photos) stay
        under the school's limit; documents the system builds itself (a dossier
        ZIP) pass with ``school_emulation_generated`` in the context."""
        if self.env.context.get("school_emulation_generated"):
            return
        limit = None
        for rec in self:
            if not (rec.res_model or "").startswith(OWN_MODELS):
                continue
            limit = limit or self._school_emulation_max_bytes()
            if rec.file_size > limit:
                raise UserError(
                    self.env._(
                        "%(name)s is %(size)s MB: files attached to emulation records "
                        "may not exceed %(limit)s MB. Scan at a lower resolution or "
                        "split the file.",
                        name=rec.name,
                        size=round(rec.file_size / 1024 / 1024, 1),
                        limit=round(limit / 1024 / 1024, 1),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._check_school_emulation_size()
        return records

    def write(self, vals):
        result = super().write(vals)
        if {"raw", "datas", "res_model"} & set(vals):
            self._check_school_emulation_size()
        return result
