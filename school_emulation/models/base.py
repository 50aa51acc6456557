"""One guard for the values every model of our two addons receives.

A JSON-RPC client can send what no form would: a NUL byte in a text (PostgreSQL
refuses it with a technical English error), NaN, infinity or ``1e309`` as a number
(PostgreSQL stores NaN in a numeric column, overflows on the rest), an integer past
the 4-byte range. ``create``/``write`` of *our* models (``_original_module`` one of
our addons, or a ``school.*`` name) refuse these in words before the ORM sees them,
and store identifiers (codes, document numbers) in their normal form, so that
"HS 001" with a zero-width space is not a second "HS 001". On other addons' models
only the fields our addons add are checked (``res.company``'s document code...);
a model without such fields pays one cache lookup per call.

The same file (Odoo's ``base``, extended once) holds the school's date helpers and
``BaseWizardGuard``: no wizard of the addon takes a record the user may not see.
"""

import datetime
from collections import defaultdict

import pytz
from markupsafe import Markup

from odoo import Command, api, fields, models, tools
from odoo.exceptions import AccessError, UserError

from ..tools import vn_format

OUR_MODULES = ("school_emulation", "school_emulation_report")
# The school's time zone when its company has none (domain: schools in Vietnam).
SCHOOL_TZ = "Asia/Ho_Chi_Minh"
TEXT_TYPES = ("char", "text", "html")
NUMBER_TYPES = ("float", "monetary")
CHECKED_TYPES = (*TEXT_TYPES, *NUMBER_TYPES, "integer")
INT4 = 2**31 - 1
# Char fields stored as identifiers besides the ``code``/``*_code``/``number``/
# ``*_number`` names (the decision number has its own normalisation).
EXTRA_IDENTIFIERS = {"school.class": ("name",)}


def is_identifier(model_name, field):
    """True for a plain stored Char field that holds a code or a number."""
    if field.type != "char" or not field.store or field.translate:
        return False
    if field.compute or field.related:
        return False
    name = field.name
    return (
        name in ("code", "number")
        or name.endswith(("_code", "_number"))
        or name in EXTRA_IDENTIFIERS.get(model_name, ())
    )


class Base(models.AbstractModel):
    _inherit = "base"

    def _se_guarded(self):
        """True for the models of our addons (cheap: called on every create/write)."""
        return self._original_module in OUR_MODULES or self._name.startswith("school.")

    @tools.ormcache()
    def _se_guard(self):
        """What create/write check on this model: ``True`` (every field: one of our
        models), or the names of the fields our addons add to another addon's
        model (``hr.employee``, ``res.company``...), usually none. Cached per
        model (the registry clears it whenever models are set up again)."""
        if self._se_guarded():
            return True
        return frozenset(
            name
            for name, field in self._fields.items()
            if field._module in OUR_MODULES and field.type in CHECKED_TYPES
        )

    def _se_vals_to_clean(self, vals):
        """The keys of ``vals`` to check, or None when there is nothing to do."""
        guard = self._se_guard()
        if guard is True:
            return vals.keys()
        if guard and not guard.isdisjoint(vals):
            return guard.intersection(vals)
        return None

    def _se_clean_vals(self, vals, names=None):
        """``vals`` with clean texts, finite numbers and normal identifiers (only
        the keys ``names`` if given), or a ``UserError`` naming the field."""
        Input = self.env["school.emulation.input.mixin"]
        cleaned = dict(vals)
        for fname in vals if names is None else names:
            value = vals[fname]
            field = self._fields.get(fname)
            if field is None or value is None or value is False:
                continue
            ftype = field.type
            if ftype in TEXT_TYPES:
                if not isinstance(value, str):
                    continue  # e.g. a {lang: text} dict: the ORM judges it
                label = field._description_string(self.env)
                if is_identifier(self._name, field):
                    new = Input._clean_identifier(value, label)
                else:
                    new = Input._clean_text(value, label)
                cleaned[fname] = Markup(new) if isinstance(value, Markup) else new
            elif ftype in NUMBER_TYPES:
                label = field._description_string(self.env)
                cleaned[fname] = Input._clean_number(value, label)
            elif ftype == "integer" and not isinstance(value, bool | str):
                label = field._description_string(self.env)
                if isinstance(value, float):
                    Input._clean_number(value, label)
                if isinstance(value, int | float) and not -INT4 - 1 <= value <= INT4:
                    raise UserError(
                        self.env._("%(label)s is out of range.", label=label)
                    )
        return cleaned

    # --- the school's calendar ----------------------------------------------------
    @api.model
    def _se_tz(self, company=None):
        """The school's time zone: its company's (partner) time zone, else
        Asia/Ho_Chi_Minh. Neither the server's nor the user's clock: a decision
        dated by the school is dated in the school's calendar."""
        company = company or self.env.company
        name = company.sudo().partner_id.tz or SCHOOL_TZ
        return name if name in pytz.all_timezones_set else SCHOOL_TZ

    @api.model
    def _se_today(self, company=None):
        """Today in the school (use it for every date default and every date in a
        message instead of ``fields.Date.today()``, which is the UTC date)."""
        return fields.Date.context_today(
            self.with_context(tz=self._se_tz(company)), timestamp=self._se_utcnow()
        )

    @api.model
    def _se_local_datetime(self, value=None, company=None):
        """``value`` (a naive UTC datetime, default now) in the school's time."""
        value = value or self._se_utcnow()
        tz = pytz.timezone(self._se_tz(company))
        return pytz.utc.localize(value).astimezone(tz).replace(tzinfo=None)

    @api.model
    def _se_utcnow(self):
        """Now, as a naive UTC datetime (one place for tests to freeze)."""
        return fields.Datetime.now()

    # --- the school's number and date formats -----------------------------------
    @api.model
    def _se_format_date(self, value, company=None):
        """``value`` the school's way, "15/07/2026", whatever the reader's
        language: a date as it is, a datetime (naive UTC, as the ORM gives it)
        in the school's time zone first. Use it for every date in a message,
        a chatter note or an error."""
        if not value:
            return ""
        if isinstance(value, datetime.datetime):
            value = self._se_local_datetime(value, company)
        return vn_format.format_date(value)

    @api.model
    def _se_format_number(self, value, digits=None):
        """``value`` with Vietnamese separators: "85,71", "1.234,5"; ``digits``
        fixes the number of decimals (default: at most 2, no trailing zeros)."""
        return vn_format.format_number(value, digits)

    @api.model
    def _se_format_money(self, amount, currency=None):
        """``amount`` the school's way: "32.690.000 đồng" (no decimals on whole
        đồng); another currency with its decimals and its code."""
        currency = currency or self.env.company.currency_id
        if not currency or currency.name == "VND":
            return vn_format.format_money(amount)
        return vn_format.format_money(
            amount, unit=currency.name, digits=currency.decimal_places
        )

    # --- CRUD -------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if self._se_guard():
            vals_list = [
                self._se_clean_vals(vals, names)
                if (names := self._se_vals_to_clean(vals)) is not None
                else vals
                for vals in vals_list
            ]
        return super().create(vals_list)

    def write(self, vals):
        names = self._se_vals_to_clean(vals)
        if names is not None:
            vals = self._se_clean_vals(vals, names)
        return super().write(vals)


# wizards of the addon: every record id a client sends into one is checked
WIZARD_PREFIX = "school.emulation."
# records of the addon: besides being of the user's school, they must be readable
OWN_MODELS = ("school.emulation.", "school.student", "school.class")


class BaseWizardGuard(models.AbstractModel):
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
