from odoo import models
from odoo.exceptions import UserError

OFFICER_GROUP = "school_emulation.group_school_emulation_officer"


def is_officer(env):
    """The current user is the school's emulation officer (or above)."""
    return env.user.has_group(OFFICER_GROUP)


def check_officer(env, message):
    """Refuse with ``message`` (already translated) unless the user is the officer."""
    if not is_officer(env):
        raise UserError(message)


class SchoolEmulationStateMixin(models.AbstractModel):
    """State changes driven by one transition table, checked on the server.

    Models set ``_TRANSITIONS = {state: {next states}}`` and call
    ``self._check_transition(new_state)`` first in each ``action_*``; role checks go
    in ``_check_transition_rights`` (whole call) or ``_check_transition_record``
    (per record).
    """

    _name = "school.emulation.state.mixin"
    _description = "Guarded State Transitions"
    _TRANSITIONS = {}

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

    def _check_transition_rights(self, new_state):
        """Hook: refuse the whole call (e.g. a role check)."""

    def _check_transition_record(self, new_state):
        """Hook: refuse one record (e.g. its owner or reviewer)."""
