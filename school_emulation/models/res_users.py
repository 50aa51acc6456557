from odoo import api, models
from odoo.exceptions import UserError

OFFICER_GROUP = "school_emulation.group_school_emulation_officer"


class ResUsers(models.Model):
    """Who may act for the school: policy a deployment overrides with ``_inherit``
    (e.g. "the deputy principal acts as the officer" or an officer per school)."""

    _inherit = "res.users"

    def _se_is_officer(self, company=None):
        """This user is the emulation officer (or above) of ``company`` (default:
        the current school). Override to widen or narrow who acts as officer."""
        self.ensure_one()
        return self.has_group(OFFICER_GROUP)

    @api.model
    def _se_officers(self, companies):
        """The emulation officers of ``companies`` (who is told of a school's
        steps: deadlines, decisions). Override together with ``_se_is_officer``."""
        return self.sudo().search(
            [
                ("groups_id", "in", self.env.ref(OFFICER_GROUP).ids),
                ("company_ids", "in", companies.ids),
                ("share", "=", False),
            ]
        )

    def _se_check_officer(self, message, company=None):
        """Refuse with ``message`` (already translated) unless the user is the
        officer of ``company``."""
        if not self._se_is_officer(company):
            raise UserError(message)
