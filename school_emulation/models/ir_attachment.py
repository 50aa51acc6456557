from odoo import api, models
from odoo.exceptions import UserError

from .school_emulation_state_mixin import is_trusted

MAX_SIZE_PARAM = "school_emulation.max_attachment_mb"
DEFAULT_MAX_MB = 20
# the records people attach evidence, scans and photos to
OWN_MODELS = ("school.emulation.", "school.student", "school.class")
# what makes a file another file: content, owner record, kind
CONTENT_FIELDS = {
    "raw",
    "datas",
    "db_datas",
    "store_fname",
    "url",
    "type",
    "mimetype",
    "checksum",
    "file_size",
    "res_model",
    "res_id",
    "res_field",
}


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
        ZIP) pass when their server code creates them under
        ``trusted_write("ir.attachment")`` (a client cannot turn that on)."""
        if is_trusted(self._name):
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
                        size=self._se_format_number(rec.file_size / 1024 / 1024, 1),
                        limit=self._se_format_number(limit / 1024 / 1024, 1),
                    )
                )

    def _check_school_emulation_signed(self):
        """The signed copy of a confirmed award decision is never replaced."""
        if not self.ids:
            return
        decisions = (
            self.env["school.emulation.decision"]
            .sudo()
            .search([("attachment_ids", "in", self.ids), ("state", "!=", "draft")])
        )
        if decisions:
            raise UserError(
                self.env._(
                    "%(files)s is the signed copy of confirmed decision %(name)s: it "
                    "is never changed or deleted.",
                    files=", ".join(
                        (self & decisions.attachment_ids).sudo().mapped("name")
                    ),
                    name=", ".join(decisions.mapped("name")),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._check_school_emulation_size()
        return records

    def write(self, vals):
        if CONTENT_FIELDS & set(vals):
            self._check_school_emulation_signed()
        result = super().write(vals)
        if {"raw", "datas", "res_model"} & set(vals):
            self._check_school_emulation_size()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed_decision(self):
        self._check_school_emulation_signed()
