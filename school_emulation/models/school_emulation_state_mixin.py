import contextvars
from contextlib import contextmanager

from odoo import api, models
from odoo.exceptions import UserError

# Models whose guarded fields the server is writing right now (in this thread or
# task only). A client can send any context key over JSON-RPC; it cannot set this.
_TRUSTED_MODELS = contextvars.ContextVar("school_emulation_trusted", default=())
# Set while the public ``load()`` (the client's import) runs: the records it loads
# are the client's, not the module's own data files.
_CLIENT_IMPORT = contextvars.ContextVar("school_emulation_client_import", default=False)


@contextmanager
def trusted_write(*model_names):
    """Let the server itself write the guarded fields of ``model_names``.

    Used only by server code *after* its own checks (an ``action_*`` method that
    validated the transition, the revocation wizard, the close of a vote). Nothing
    a client sends (context, values, ids) turns it on.
    """
    token = _TRUSTED_MODELS.set(_TRUSTED_MODELS.get() + tuple(model_names))
    try:
        yield
    finally:
        _TRUSTED_MODELS.reset(token)


def is_trusted(model_name):
    return model_name in _TRUSTED_MODELS.get()


def is_loading(env):
    """The registry is loading modules: the records written now come from the
    modules' own data and demo files (``<record>`` and ``<function>``), not from a
    client. No request is served on a registry being loaded (``Registry.new``
    holds the registry lock until it is ready)."""
    return bool(env.registry._init)


def is_server_write(env, model_name):
    """Trusted path of ``model_name`` or module loading (for models guarded
    without the mixin, e.g. score lines)."""
    return is_trusted(model_name) or is_loading(env)


def is_officer(env):
    """The current user is the school's emulation officer (or above): the policy is
    ``res.users._se_is_officer``, which a deployment overrides with ``_inherit``."""
    return env.user._se_is_officer()


def check_officer(env, message):
    """Refuse with ``message`` (already translated) unless the user is the officer
    (``res.users._se_check_officer``)."""
    env.user._se_check_officer(message)


class SchoolEmulationStateMixin(models.AbstractModel):
    """State changes driven by one transition table, checked on the server.

    Models set ``_TRANSITIONS = {state: {next states}}``; each ``action_*`` calls
    ``self._check_transition(new_state)`` and then writes through
    ``self._write_state(vals)`` (the trusted path). Role checks go in
    ``_check_transition_rights`` (whole call) or ``_check_transition_record`` (per
    record).

    Whoever calls (web client, JSON-RPC, another module), ``create``/``write``:

    - never move ``state`` (a new record starts in its default state);
    - never write the ``_SERVER_FIELDS`` (authors, reviewers, dates of a step,
      numbers from a register): only the trusted path does;
    - pass ``_check_write_locked(vals)``, the model's own lock (e.g. nothing of a
      confirmed decision changes), which applies to the trusted path too unless the
      model says otherwise.
    """

    _name = "school.emulation.state.mixin"
    _inherit = ["school.emulation.notify.mixin"]
    _description = "Guarded State Transitions"
    _TRANSITIONS = {}
    _SERVER_FIELDS = ()
    # states in which a record is neither deleted nor duplicated
    _LOCKED_STATES = ()

    # ------------------------------------------------------------------ guard
    def _is_trusted(self):
        return is_trusted(self._name) or is_loading(self.env)

    def _trusted(self):
        """``with self._trusted(): ...`` (server code, after its checks)."""
        return trusted_write(self._name)

    def _write_state(self, vals):
        """Write a transition (and its server fields) after ``_check_transition``."""
        with self._trusted():
            return self.write(vals)

    def _guarded_field_labels(self, names):
        return ", ".join(
            self._fields[name]._description_string(self.env)
            for name in sorted(names)
            if name in self._fields
        )

    def _refuse_guarded(self, names):
        raise UserError(
            self.env._(
                "%(model)s: %(fields)s change only through the workflow's buttons, "
                "never by a direct write.",
                model=self._description,
                fields=self._guarded_field_labels(names),
            )
        )

    def _guarded_fields(self):
        return {"state", *self._SERVER_FIELDS} & set(self._fields)

    def _check_create_guarded(self, vals_list):
        """Refuse a client's create that sets ``state`` or a server field, in the
        values or through a ``default_<field>`` context key."""
        if self._is_trusted():
            return
        default_state = self._fields["state"].default
        default_state = default_state(self) if callable(default_state) else None
        context = self.env.context
        names = {
            n
            for n in self._SERVER_FIELDS
            if context.get(f"default_{n}") and n in self._fields
        }
        if context.get("default_state", default_state) != default_state:
            names.add("state")
        for vals in vals_list:
            names.update(n for n in self._SERVER_FIELDS if vals.get(n))
            if "state" in vals and vals["state"] != default_state:
                names.add("state")
        if names:
            self._refuse_guarded(names)

    @api.model_create_multi
    def create(self, vals_list):
        self._check_create_guarded(vals_list)
        return super().create(vals_list)

    @api.model
    def load(self, fields, data):
        token = _CLIENT_IMPORT.set(True)
        try:
            return super().load(fields, data)
        finally:
            _CLIENT_IMPORT.reset(token)

    def _load_records(self, data_list, update=False, ignore_duplicates=False):
        # The module's own data and demo files (XML/CSV) are server data; a
        # client's import goes through ``load()`` and stays guarded.
        if _CLIENT_IMPORT.get():
            return super()._load_records(data_list, update, ignore_duplicates)
        with self._trusted():
            return super()._load_records(data_list, update, ignore_duplicates)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked_state(self):
        if self._is_trusted():
            return
        for rec in self:
            if rec.state in self._LOCKED_STATES:
                raise UserError(
                    self.env._(
                        "%(record)s is %(state)s: it cannot be deleted.",
                        record=rec.display_name,
                        state=rec._state_label(),
                    )
                )

    def copy(self, default=None):
        for rec in self:
            if rec.state in self._LOCKED_STATES:
                raise UserError(
                    self.env._(
                        "%(record)s is %(state)s: it cannot be duplicated.",
                        record=rec.display_name,
                        state=rec._state_label(),
                    )
                )
        return super().copy(default)

    def _state_label(self):
        self.ensure_one()
        labels = dict(self._fields["state"]._description_selection(self.env))
        return labels.get(self.state, self.state)

    def write(self, vals):
        if not self._is_trusted():
            names = self._guarded_fields() & set(vals)
            if "state" in names and all(rec.state == vals["state"] for rec in self):
                names.discard("state")
            if names:
                self._refuse_guarded(names)
        self._check_write_locked(vals)
        return super().write(vals)

    def _check_write_locked(self, vals):
        """Hook: refuse a write of ``vals`` on locked records (whoever calls)."""

    # ------------------------------------------------------------ transitions
    def _check_transition(self, new_state):
        self._check_transition_rights(new_state)
        labels = dict(self._fields["state"]._description_selection(self.env))
        for rec in self:
            if new_state not in self._TRANSITIONS.get(rec.state, ()):
                raise UserError(
                    self.env._(
                        "%(record)s cannot go from %(old)s to %(new)s.",
                        record=rec.display_name,
                        old=labels[rec.state],
                        new=labels[new_state],
                    )
                )
            rec._check_transition_record(new_state)

    def _can_transition(self, new_state):
        """True when ``_check_transition(new_state)`` would pass (drives buttons)."""
        try:
            self._check_transition(new_state)
        except UserError:
            return False
        return True

    def _check_transition_rights(self, new_state):
        """Hook: refuse the whole call (e.g. a role check)."""

    def _check_transition_record(self, new_state):
        """Hook: refuse one record (e.g. its owner or reviewer)."""
