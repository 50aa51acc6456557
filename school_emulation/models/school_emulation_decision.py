import json
import re
import unicodedata

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import package
from ..tools.clean_input import identifier_key
from .school_emulation_state_mixin import check_officer, trusted_write

# Written by the chatter and activities on any record, locked or not.
FREE_FIELDS = {"message_main_attachment_id", "message_follower_ids", "activity_ids"}
# Number of a decision not numbered yet (the school's own: its register at
# confirmation; another body's: typed from the signed copy before confirming).
UNNUMBERED = "/"


def _is_unnumbered(name, env=None):
    name = (name or "").strip()
    placeholders = {UNNUMBERED, "(number)"}
    if env is not None:
        placeholders.add(env._("(number)"))
    return not name or name in placeholders


def default_currency(env):
    """Bonuses are paid in đồng, whatever the company's accounting currency."""
    return env.ref("base.VND", raise_if_not_found=False) or env.company.currency_id


class SchoolEmulationDecision(models.Model):
    """An award decision (quyết định khen thưởng) of a competent body and its list.

    Once confirmed nothing of it or of its awards changes, whoever calls: the only
    way on is one revocation per award (the revocation wizard), recorded in the
    chatter. The signed copy may be attached once, if none is there yet.
    """

    _name = "school.emulation.decision"
    _description = "Award Decision"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.emulation.state.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _TRANSITIONS = {
        "draft": {"confirmed"},
        "confirmed": {"revoked"},
        "revoked": set(),
    }
    _SERVER_FIELDS = ("number_key", "number_year")

    name = fields.Char(
        string="Decision Number",
        required=True,
        tracking=True,
        default=UNNUMBERED,
        help="e.g. 125/QĐ-UBND. The school's own decisions are numbered from its "
        "register when they are confirmed.",
    )
    number_key = fields.Char(
        compute="_compute_number_key",
        store=True,
        index=True,
        help="The number as compared for uniqueness (normalised, case-folded); "
        "empty while the decision is a draft.",
    )
    number_year = fields.Integer(compute="_compute_number_key", store=True)
    date = fields.Date(
        string="Decision Date",
        required=True,
        tracking=True,
        default=lambda self: self._se_today(),
    )
    signer = fields.Char(tracking=True, help="Name and position of the signer.")
    authority_id = fields.Many2one(
        "school.emulation.authority",
        string="Decided By",
        required=True,
        ondelete="restrict",
        tracking=True,
    )
    legal_basis_id = fields.Many2one(
        "school.emulation.legal.basis", string="Legal Basis", ondelete="restrict"
    )
    period_id = fields.Many2one(
        "school.emulation.period",
        string="School Year",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        default=lambda self: self.env["school.emulation.period"]._get_current(),
    )
    proposal_id = fields.Many2one(
        "school.emulation.proposal",
        string="Proposal",
        index=True,
        ondelete="set null",
        check_company=True,
    )
    award_ids = fields.One2many(
        "school.emulation.award", "decision_id", string="Awards", copy=False
    )
    award_count = fields.Integer(compute="_compute_totals")
    unit_award_count = fields.Integer(
        compute="_compute_totals",
        help="Awards for candidates the units below sent.",
    )
    bonus_total = fields.Monetary(
        string="Total Bonus Money",
        compute="_compute_totals",
        currency_field="currency_id",
    )
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self._default_currency(), required=True
    )
    attachment_ids = fields.Many2many(
        "ir.attachment", string="Signed Decision (PDF)", copy=False
    )
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("revoked", "Revoked")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company",
        string="School",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    @api.model
    def _default_currency(self):
        return default_currency(self.env)

    _sql_constraints = [
        (
            "number_unique",
            "UNIQUE(company_id, authority_id, number_key, number_year)",
            "This decision is already recorded.",
        ),
    ]

    @api.depends("name", "state", "date")
    def _compute_number_key(self):
        for rec in self:
            numbered = rec.state != "draft" and not _is_unnumbered(rec.name)
            rec.number_key = identifier_key(rec.name) if numbered else False
            rec.number_year = rec.date.year if rec.date else 0

    @api.depends("award_ids.bonus_amount", "award_ids.state")
    def _compute_totals(self):
        for rec in self:
            active = rec.award_ids.filtered(lambda a: a.state != "revoked")
            rec.award_count = len(active)
            rec.bonus_total = sum(active.mapped("bonus_amount"))
            rec.unit_award_count = len(active.filtered("inbox_line_id"))

    # --- guards -----------------------------------------------------------------
    def _lock_error(self):
        return UserError(
            self.env._(
                "A confirmed award decision cannot be changed; revoke it "
                "(fully or in part) instead."
            )
        )

    def _refuse_guarded(self, names):
        if any(rec.state != "draft" for rec in self):
            raise self._lock_error()
        return super()._refuse_guarded(names)

    def _check_write_locked(self, vals):
        """Nothing of a confirmed decision changes, trusted or not, except its
        state by a revocation and a first signed copy (tracked)."""
        locked = self.filtered(lambda d: d.state != "draft")
        names = set(vals) - FREE_FIELDS
        if not locked or not names:
            return
        if names == {"state"} and self._is_trusted():
            return
        if names == {"attachment_ids"}:
            locked._check_first_signed_copy(vals["attachment_ids"])
            return
        raise self._lock_error()

    def _check_first_signed_copy(self, commands):
        """The signed copy may be linked once to a decision that has none."""
        ids = []
        for command in commands or ():
            kind = command[0] if isinstance(command, list | tuple) and command else 0
            if kind == fields.Command.LINK and len(command) > 1:
                ids.append(command[1])
            elif kind == fields.Command.SET and len(command) > 2:
                ids.extend(command[2] or ())
            else:
                raise self._signed_copy_error()
        ids = self.env["school.emulation.input.mixin"]._clean_ids(
            ids, self._fields["attachment_ids"]._description_string(self.env)
        )
        if not ids or any(rec.attachment_ids for rec in self):
            raise self._signed_copy_error()

    def _signed_copy_error(self):
        return UserError(
            self.env._(
                "The signed copy of a confirmed decision is attached once, when it "
                "has none yet; it is never removed or replaced."
            )
        )

    def _clean_vals(self, vals):
        if vals.get("name"):
            name = self.env["school.emulation.input.mixin"]._clean_identifier(
                vals["name"], self._fields["name"]._description_string(self.env)
            )
            vals["name"] = UNNUMBERED if _is_unnumbered(name, self.env) else name
        return vals

    def _check_number_origin(self):
        """The school's own decisions take their number from its register."""
        if self._is_trusted():
            return
        for rec in self:
            if (
                rec.state == "draft"
                and rec._se_own_register()
                and not _is_unnumbered(rec.name)
            ):
                raise UserError(
                    self.env._(
                        "Decisions of %(authority)s are numbered from the school's "
                        "register when they are confirmed: leave the number empty.",
                        authority=rec.authority_id.display_name,
                    )
                )

    def _check_number_unique(self, name=None):
        """Refuse a number already recorded for the same body and year (compared
        without invisible characters, spaces or case)."""
        for rec in self:
            number = name or rec.name
            if _is_unnumbered(number):
                continue
            other = self.sudo().search(
                [
                    ("id", "!=", rec.id),
                    ("company_id", "=", rec.company_id.id),
                    ("authority_id", "=", rec.authority_id.id),
                    ("number_year", "=", rec.date.year),
                    ("number_key", "=", identifier_key(number)),
                ],
                limit=1,
            )
            if other:
                raise UserError(
                    self.env._(
                        "Decision %(name)s of %(authority)s (%(year)s) is already "
                        "recorded.",
                        name=other.name,
                        authority=rec.authority_id.display_name,
                        year=rec.date.year,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [self._clean_vals(dict(vals)) for vals in vals_list]
        records = super().create(vals_list)
        records._check_number_origin()
        records._check_number_unique()
        return records

    def write(self, vals):
        vals = self._clean_vals(dict(vals))
        signing = (
            "attachment_ids" in vals
            and not set(vals) - FREE_FIELDS - {"attachment_ids"}
            and self.filtered(lambda d: d.state != "draft")
        )
        result = super().write(vals)
        if {"name", "authority_id", "date", "company_id"} & set(vals):
            self._check_number_origin()
            self._check_number_unique()
        for rec in signing or ():
            rec.message_post(
                body=self.env._(
                    "Signed copy attached by %(user)s: %(files)s.",
                    user=self.env.user.name,
                    files=", ".join(rec.attachment_ids.mapped("name")),
                )
            )
        return result

    def copy(self, default=None):
        if any(rec.state != "draft" for rec in self):
            raise UserError(
                self.env._(
                    "A confirmed award decision is not copied; record a new "
                    "decision instead."
                )
            )
        return super().copy(default)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(rec.state != "draft" for rec in self):
            raise UserError(
                self.env._("A confirmed award decision cannot be deleted; revoke it.")
            )

    # --- actions ----------------------------------------------------------------
    def action_confirm(self):
        """Number the decision (school's own) and its Golden Book lines, compute
        the bonuses and lock the decision."""
        check_officer(
            self.env, self.env._("Only the emulation officer can confirm decisions.")
        )
        for rec in self:
            if rec.state != "draft":
                raise UserError(
                    self.env._("%(name)s is already confirmed.", name=rec.name)
                )
            if not rec.award_ids:
                raise UserError(
                    self.env._("Decision %(name)s lists no award.", name=rec.name)
                )
        self._check_transition("confirmed")
        for rec in self:
            rec._confirm()
        return True

    def _confirm(self):
        """After the checks of ``action_confirm``: the trusted part."""
        self.ensure_one()
        number = self.name
        if self._se_own_register() and _is_unnumbered(number):
            number = self.company_id._se_next_number("decision", self.date)
        elif _is_unnumbered(number):
            raise UserError(
                self.env._(
                    "Write the number of the decision of %(authority)s before "
                    "confirming it.",
                    authority=self.authority_id.display_name,
                )
            )
        self._check_number_unique(number)
        awards = self.award_ids.sorted("id")
        awards._check_unique_achievement()
        awards._check_transition("confirmed")
        with trusted_write(awards._name, self._name):
            awards._compute_bonus(self.date)
            for award in awards:
                award.write(
                    {
                        "so_vang_number": self.company_id._se_next_number(
                            "so_vang", self.date, book=self.authority_id
                        )
                    }
                )
            awards.write({"state": "confirmed"})
            awards._claim_initiatives()
            self.write({"state": "confirmed", "name": number})
        self.proposal_id._on_decision_confirmed(self)
        self.award_ids._se_deliver_down(
            self, self.proposal_id.line_ids.inbox_line_id.inbox_id
        )
        self._se_inform(self._se_decision_recipients(), self._se_decision_texts)

    def _se_own_register(self):
        """The decision is the company's own (its authority stands at the
        company's level: the principal for a school, the chairman for a commune):
        numbered from the company's register."""
        self.ensure_one()
        return self.authority_id.level == self.company_id.emulation_level

    def _se_decision_recipients(self):
        """``{decision: res.users}`` told when it is recorded: the school's
        officers, the people awarded who have a user, the leaders of the groups
        awarded."""
        officers = self._se_school_officers()
        return {
            rec: officers[rec]
            | rec.award_ids.employee_id.user_id
            | rec.award_ids.department_id.manager_id.user_id
            for rec in self
        }

    def _se_body_label(self):
        """The deciding body as a notice names it (hook: the report addon names
        it as the decision prints it)."""
        self.ensure_one()
        return self.authority_id.name or ""

    @staticmethod
    def _se_decision_texts(rec):
        _ = rec.env._
        return (
            _("Decision %(number)s recorded", number=rec.name),
            _(
                "Decision %(number)s of %(date)s (%(authority)s) is recorded: "
                "%(count)s awards are in the award history.",
                number=rec.name,
                date=rec._se_format_date(rec.date),
                authority=rec._se_body_label(),
                count=len(rec.award_ids),
            ),
        )

    def _se_decision_payload(self):
        """The decision file a unit on its own database imports: the decision and
        its awards for the candidates units sent (sealed: a changed file is
        refused)."""
        self.ensure_one()
        awards = self.award_ids.filtered("inbox_line_id").sorted("id")
        return package.seal(
            {
                "kind": package.DECISION_KIND,
                "version": package.VERSION,
                "body": self.company_id.name,
                "decision": {
                    "number": self.name,
                    "date": fields.Date.to_string(self.date),
                    "signer": self.signer or "",
                    "authority_code": self.authority_id.code or "",
                    "body_label": self._se_body_label(),
                },
                "awards": [
                    {
                        "award_ref": str(award.id),
                        "unit": line.inbox_id.sender_name,
                        "proposal_ref": line.inbox_id.proposal_ref or "",
                        "to_trinh_number": line.inbox_id.to_trinh_number or "",
                        "line_ref": line.source_ref or "",
                        "subject_ref": line.subject_ref or "",
                        "subject_name": line.subject_name,
                        "award_name": award.award_name,
                        "so_vang_number": award.so_vang_number or "",
                        "bonus_amount": award.bonus_amount,
                        "bonus_note": award.bonus_note or "",
                    }
                    for award in awards
                    for line in award.inbox_line_id
                ],
            }
        )

    def action_export_decision_file(self):
        """Download the decision file for the units on their own databases."""
        self.ensure_one()
        _ = self.env._
        check_officer(self.env, _("Only the emulation officer exports a decision."))
        if self.state != "confirmed" or not self.award_ids.filtered("inbox_line_id"):
            raise UserError(
                _(
                    "Only a confirmed decision on the units' candidates is sent back "
                    "to them as a file."
                )
            )
        data = json.dumps(
            self._se_decision_payload(), ensure_ascii=False, indent=2
        ).encode("utf-8")
        stem = unicodedata.normalize(
            "NFKD", self.name.replace("Đ", "D").replace("đ", "d")
        )
        stem = re.sub(r"[^A-Za-z0-9]+", "-", stem.encode("ascii", "ignore").decode())
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"quyet-dinh-{stem.strip('-')}.json",
                "raw": data,
                "mimetype": "application/json",
                "res_model": self._name,
                "res_id": self.id,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    def action_open_revoke(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Revoke Awards"),
            "res_model": "school.emulation.revoke",
            "view_mode": "form",
            "target": "new",
            "context": {"default_decision_id": self.id},
        }
