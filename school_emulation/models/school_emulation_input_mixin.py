from odoo import api, models
from odoo.exceptions import UserError

from ..tools import clean_input


class SchoolEmulationInputMixin(models.AbstractModel):
    """Turn untrusted input into clean values, or refuse it in words.

    The pure checks live in ``tools/clean_input.py``; this mixin words their refusals
    (Vietnamese through ``vi.po``, English msgids) so that a JSON-RPC client gets a
    ``UserError`` instead of a ``TypeError`` or a database error. Models that receive
    identifiers, ids or numbers from clients inherit it (or call it through
    ``self.env["school.emulation.input.mixin"]``).
    """

    _name = "school.emulation.input.mixin"
    _description = "Clean Input"

    @api.model
    def _input_error(self, code, label=None):
        label = label or self.env._("value")
        messages = {
            "not_text": self.env._("%(label)s must be text.", label=label),
            "control_char": self.env._(
                "%(label)s contains a NUL byte or another control character.",
                label=label,
            ),
            "not_number": self.env._("%(label)s must be a number.", label=label),
            "not_finite": self.env._(
                "%(label)s must be a finite number (not NaN or infinity).",
                label=label,
            ),
            "bad_ids": self.env._(
                "%(label)s must be a list of record ids (whole positive numbers).",
                label=label,
            ),
        }
        return UserError(messages.get(code, messages["not_text"]))

    @api.model
    def _clean_identifier(self, value, label=None):
        """A number or code normalised for storage and uniqueness checks."""
        if not value:
            return value
        try:
            return clean_input.normalize_identifier(value)
        except ValueError as exc:
            raise self._input_error(str(exc), label) from None

    @api.model
    def _clean_text(self, value, label=None):
        if not value:
            return value
        try:
            return clean_input.clean_text(value)
        except ValueError as exc:
            raise self._input_error(str(exc), label) from None

    @api.model
    def _clean_ids(self, value, label=None, allow_empty=True):
        try:
            return clean_input.clean_ids(value, allow_empty=allow_empty)
        except ValueError as exc:
            raise self._input_error(str(exc), label) from None

    @api.model
    def _clean_number(self, value, label=None):
        try:
            return clean_input.check_finite(value)
        except ValueError as exc:
            raise self._input_error(str(exc), label) from None
