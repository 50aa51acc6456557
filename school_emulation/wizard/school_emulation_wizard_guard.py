from collections import defaultdict

from odoo import Command, api, models
from odoo.exceptions import AccessError

# wizards of the addon: every record id a client sends into one is checked
WIZARD_PREFIX = "school.emulation."
# records of the addon: besides being of the user's school, they must be readable
OWN_MODELS = ("school.emulation.", "school.student", "school.class")


class Base(models.AbstractModel):
    """Wizards (transient models) of the addon take no record the user may not see.

    A wizard shows its many2one values with their names and its related fields
    (``council_id``, a candidate's name, a decision number) with the rights of the
    superuser, and a client sets any id it likes in ``create``, ``write``,
    ``onchange`` or a ``default_*`` context key. So every record a wizard is given
    must belong to the user's schools (or be a shared catalogue record), and an
    emulation record must be readable by the user; otherwise the wizard is refused.
    """

    _inherit = "base"

    def _se_wizard_guarded(self):
        return (
            self._transient and self._name.startswith(WIZARD_PREFIX) and not self.env.su
        )

    def _se_collect_ids(self, vals, targets):
        """Add to ``targets`` (model name -> ids) every record ``vals`` names,
        nested wizard lines included."""
        for fname, value in vals.items():
            field = self._fields.get(fname)
            if not value or field is None or not field.relational:
                continue
            comodel = self.env[field.comodel_name]
            if field.type == "many2one":
                if isinstance(value, dict):
                    value = value.get("id")
                elif isinstance(value, models.BaseModel):
                    value = value.id
                if isinstance(value, int):
                    targets[comodel._name].add(value)
                continue
            if isinstance(value, models.BaseModel):
                targets[comodel._name].update(value.ids)
                continue
            for command in value:
                if isinstance(command, int):
                    targets[comodel._name].add(command)
                    continue
                if not isinstance(command, list | tuple) or not command:
                    continue
                op = command[0]
                if op in (Command.UPDATE, Command.LINK) and isinstance(command[1], int):
                    targets[comodel._name].add(command[1])
                elif op == Command.SET:
                    targets[comodel._name].update(command[2] or ())
                if (
                    op in (Command.CREATE, Command.UPDATE)
                    and len(command) > 2
                    and isinstance(command[2], dict)
                    and comodel._transient
                ):
                    comodel._se_collect_ids(command[2], targets)

    def _se_check_wizard_ids(self, vals_list):
        targets = defaultdict(set)
        for vals in vals_list:
            if isinstance(vals, dict):
                self._se_collect_ids(vals, targets)
        allowed = self.env.companies
        for model_name, ids in targets.items():
            ids = {i for i in ids if isinstance(i, int) and i > 0}
            if not ids:
                continue
            records = self.env[model_name].sudo().browse(ids).exists()
            if model_name == "res.company":
                foreign = records - allowed.sudo()
            elif "company_id" in records._fields:
                foreign = records.filtered(
                    lambda r: r.company_id and r.company_id not in allowed.sudo()
                )
            else:
                foreign = records.browse()
            if foreign or (
                model_name.startswith(OWN_MODELS)
                and not records.sudo(False).has_access("read")
            ):
                raise AccessError(
                    self.env._(
                        "%(wizard)s: it names a record of another school, or one "
                        "you may not read (%(model)s).",
                        wizard=self._description,
                        model=self.env[model_name]._description,
                    )
                )

    @api.model
    def default_get(self, fields_list):
        result = super().default_get(fields_list)
        if self._se_wizard_guarded():
            self._se_check_wizard_ids([result])
        return result

    @api.model_create_multi
    def create(self, vals_list):
        if self._se_wizard_guarded():
            self._se_check_wizard_ids(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        if self._se_wizard_guarded():
            self._se_check_wizard_ids([vals])
        return super().write(vals)

    def onchange(self, values, field_names, fields_spec):
        if self._se_wizard_guarded():
            self._se_check_wizard_ids([values])
        return super().onchange(values, field_names, fields_spec)
