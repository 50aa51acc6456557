from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import package
from ..tools.money import bonus_amount
from .school_emulation_decision import FREE_FIELDS, default_currency
from .school_emulation_state_mixin import check_officer, trusted_write

AWARD_TYPES = [
    ("merit", "Merit (công trạng)"),
    ("ad_hoc", "Ad hoc (đột xuất)"),
    ("movement", "Thematic (chuyên đề)"),
    ("service", "Long service (quá trình cống hiến)"),
]
AWARD_STATES = [
    ("draft", "Draft"),
    ("confirmed", "Confirmed"),
    ("revoked", "Revoked"),
]
# Fields the revocation writes, once, on an award of a confirmed decision.
REVOKE_ONCE_FIELDS = {
    "state",
    "revoke_date",
    "revoke_reason",
    "revoked_by_id",
    "recover_item",
    "recover_amount",
}
# ... and those a dependent re-check may still write (server code only).
REVOCATION_FIELDS = REVOKE_ONCE_FIELDS | {"review_needed", "review_reason"}
# What a history award (decided elsewhere) is recorded with, as typed.
HISTORY_TYPED = {"so_vang_number"}
# What an award of a decision takes from it.
DECISION_INFO = {"decision_number", "decision_date", "authority_id"}


class SchoolEmulationAward(models.Model):
    """One title or award form given to one subject: a line of a decision of this
    product, or a record of the past decided elsewhere (``source='history'``,
    recorded as it is). The award history reads these."""

    _name = "school.emulation.award"
    _description = "Award"
    _inherit = [
        "school.emulation.received.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "school.emulation.state.mixin",
    ]
    _order = "period_date_start desc, decision_date desc, id desc"
    _check_company_auto = True
    _TRANSITIONS = {
        "draft": {"confirmed"},
        "confirmed": {"revoked"},
        "revoked": set(),
    }
    _SERVER_FIELDS = (
        "source",
        "origin_award_id",
        "origin_ref",
        "so_vang_number",
        "so_vang_key",
        "bonus_amount",
        "bonus_note",
        *sorted(REVOCATION_FIELDS - {"state"}),
    )

    decision_id = fields.Many2one(
        "school.emulation.decision",
        string="Decision",
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    period_id = fields.Many2one(
        "school.emulation.period",
        string="School Year",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    period_date_start = fields.Date(related="period_id.date_start", store=True)
    title_id = fields.Many2one(
        "school.emulation.title", string="Title", index=True, ondelete="restrict"
    )
    title_code = fields.Char(
        compute="_compute_codes", store=True, index=True, string="Title Code"
    )
    award_form_id = fields.Many2one(
        "school.emulation.award.form",
        string="Award Form",
        index=True,
        ondelete="restrict",
    )
    form_code = fields.Char(compute="_compute_codes", store=True, index=True)
    award_name = fields.Char(string="Award", compute="_compute_codes", store=True)
    award_type = fields.Selection(AWARD_TYPES, required=True, default="merit")
    achievement = fields.Text(help="The achievement this award rewards.")
    proposal_line_id = fields.Many2one(
        "school.emulation.proposal.line",
        string="Proposal Line",
        index=True,
        ondelete="set null",
        copy=False,
    )
    initiative_id = fields.Many2one(
        "school.emulation.initiative",
        string="Initiative Used",
        ondelete="restrict",
        check_company=True,
    )
    so_vang_number = fields.Char(
        string="Sổ vàng No.",
        readonly=True,
        copy=False,
        help="The recipient's number in the Golden Book of the deciding body, "
        "given by the school's register when the decision is confirmed.",
    )
    so_vang_key = fields.Char(
        string="Golden Book Register No.",
        compute="_compute_so_vang_key",
        store=True,
        help="The Golden Book number given by the school's register (awards of "
        "its decisions only: a history award keeps the number it was recorded "
        "with).",
    )
    decision_number = fields.Char(
        compute="_compute_decision_info", store=True, readonly=False
    )
    decision_date = fields.Date(
        compute="_compute_decision_info", store=True, readonly=False
    )
    authority_id = fields.Many2one(
        "school.emulation.authority",
        string="Decided By",
        compute="_compute_decision_info",
        store=True,
        readonly=False,
        ondelete="restrict",
    )
    decision_attachment_ids = fields.Many2many(
        related="decision_id.attachment_ids", string="Decision (PDF)"
    )
    bonus_amount = fields.Monetary(
        currency_field="currency_id", readonly=True, copy=False
    )
    bonus_note = fields.Char(readonly=True, copy=False)
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self._default_currency(), required=True
    )
    state = fields.Selection(
        AWARD_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    source = fields.Selection(
        [
            ("decision", "Decision"),
            ("history", "History (imported)"),
            ("superior", "Decision of the superior body"),
        ],
        default="decision",
        required=True,
        readonly=True,
        help="History: decided elsewhere and recorded as it is (no decision here). "
        "Superior body: decided by the body above in this product (or its decision "
        "file) and arrived by itself.",
    )
    origin_award_id = fields.Many2one(
        "school.emulation.award",
        string="Awarded By",
        index=True,
        readonly=True,
        ondelete="restrict",
        help="The award of the superior body's decision this one records.",
    )
    origin_ref = fields.Char(
        string="Decision File Reference",
        readonly=True,
        index=True,
        copy=False,
        help="The award as the superior body's decision file names it (body, "
        "decision, award): a decision file is imported once.",
    )
    revoke_date = fields.Date(readonly=True, tracking=True, copy=False)
    revoke_reason = fields.Text(readonly=True, tracking=True, copy=False)
    revoked_by_id = fields.Many2one(
        "res.users", string="Revoked By", readonly=True, tracking=True, copy=False
    )
    recover_item = fields.Boolean(
        string="Recover Certificate/Item", readonly=True, tracking=True, copy=False
    )
    recover_amount = fields.Monetary(
        currency_field="currency_id", readonly=True, tracking=True, copy=False
    )
    review_needed = fields.Boolean(
        readonly=True,
        tracking=True,
        copy=False,
        help="A title this award depended on was revoked and the conditions no "
        "longer hold.",
    )
    review_reason = fields.Text(readonly=True, copy=False)
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
            "title_or_form",
            "CHECK((title_id IS NULL) != (award_form_id IS NULL))",
            "An award is either a title or an award form, not both.",
        ),
        (
            "one_award_per_achievement",
            "UNIQUE(proposal_line_id)",
            "One achievement earns one award.",
        ),
        (
            "origin_once",
            "UNIQUE(company_id, origin_ref)",
            "This award of the superior body's decision is already recorded.",
        ),
        (
            "so_vang_unique",
            "UNIQUE(company_id, authority_id, so_vang_key)",
            "This Golden Book number is already given.",
        ),
    ]

    # --- guards -----------------------------------------------------------------
    def _lock_error(self):
        return UserError(
            self.env._(
                "Awards of a confirmed decision cannot be changed; revoke them "
                "instead."
            )
        )

    def _locked(self):
        return self.filtered(
            lambda a: a.source == "superior"
            or (a.source == "decision" and a.state != "draft")
        )

    def _refuse_guarded(self, names):
        if self._locked():
            raise self._lock_error()
        return super()._refuse_guarded(names)

    def _guarded_fields(self):
        """A history award keeps the Golden Book number it was recorded with."""
        names = super()._guarded_fields()
        if self and all(a.source == "history" for a in self):
            names -= HISTORY_TYPED
        return names

    def _check_write_locked(self, vals):
        """Nothing of an award of a confirmed decision changes, trusted or not,
        except its one revocation and the review flag (server code only)."""
        names = set(vals) - FREE_FIELDS
        if not names:
            return
        locked = self._locked()
        if locked:
            if not self._is_trusted() or names - REVOCATION_FIELDS:
                raise self._lock_error()
            if names & REVOKE_ONCE_FIELDS:
                self._check_revocable()
        if "decision_id" in names:
            self._check_decision_target(vals["decision_id"])
        if DECISION_INFO & names and self.filtered("decision_id"):
            raise UserError(
                self.env._(
                    "The number, date and body of an award come from its decision."
                )
            )

    def _check_decision_target(self, decision_id):
        """Awards join a draft decision only, and history awards never do."""
        decision = self.env["school.emulation.decision"].browse(decision_id)
        if self.filtered(lambda a: a.source == "history") and decision:
            raise self._history_error()
        if not decision and self.filtered(lambda a: a.source == "decision"):
            raise UserError(
                self.env._(
                    "An award of a decision stays on it: delete the line from the "
                    "draft decision instead."
                )
            )
        if decision and decision.state != "draft":
            raise self._not_draft_error(decision)

    def _history_error(self):
        return UserError(
            self.env._(
                "A history award was decided elsewhere and is recorded as it is; it "
                "never joins a decision recorded here."
            )
        )

    def _not_draft_error(self, decision):
        return UserError(
            self.env._(
                "Decision %(name)s is %(state)s: awards are added only to a draft "
                "decision.",
                name=decision.name,
                state=dict(decision._fields["state"]._description_selection(self.env))[
                    decision.state
                ],
            )
        )

    def _check_revocable(self):
        """An award is revoked once, and only once confirmed (an award of a
        decision: once its decision is confirmed)."""
        for award in self:
            if award.state == "revoked":
                raise UserError(
                    self.env._(
                        "%(award)s of %(subject)s was already revoked on %(date)s by "
                        "%(user)s (%(reason)s); an award is revoked only once.",
                        award=award.award_name,
                        subject=award.subject_name,
                        date=self._se_format_date(award.revoke_date),
                        user=award.revoked_by_id.name or "-",
                        reason=award.revoke_reason or "-",
                    )
                )
            if award.state != "confirmed" or (
                award.source == "decision" and award.decision_id.state != "confirmed"
            ):
                raise UserError(
                    self.env._(
                        "%(award)s of %(subject)s is not an award of a confirmed "
                        "decision: it cannot be revoked here.",
                        award=award.award_name,
                        subject=award.subject_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        trusted = self._is_trusted()
        Decision = self.env["school.emulation.decision"]
        for vals in vals_list:
            decision = Decision.browse(vals.get("decision_id"))
            if self._prepare_superior_award(vals, trusted):
                continue
            if decision and decision.state != "draft":
                raise self._not_draft_error(decision)
            if vals.get("source") == "history" and decision:
                raise self._history_error()
            if not decision:
                if vals.get("source", "history") != "history":
                    raise UserError(
                        self.env._("An award of a decision needs its decision.")
                    )
                # Past awards decided elsewhere: recorded as they are.
                if vals.get("state", "confirmed") != "confirmed":
                    self._refuse_guarded({"state"})
                vals.pop("state", None)
                vals.pop("source", None)
                if not trusted:
                    names = {
                        n
                        for n in self._SERVER_FIELDS
                        if vals.get(n) and n not in HISTORY_TYPED
                    }
                    if names:
                        self._refuse_guarded(names)
                vals.update(source="history", state="confirmed")
            else:
                vals.pop("source", None)
            if decision and vals.get("title_id") and "award_type" not in vals:
                vals["award_type"] = (
                    self.env["school.emulation.title"]
                    .browse(vals["title_id"])
                    .award_type
                )
            if decision and DECISION_INFO & {k for k, v in vals.items() if v}:
                raise UserError(
                    self.env._(
                        "The number, date and body of an award come from its decision."
                    )
                )
        # the state of history awards was set above, after the client's values
        # were checked: the rest goes through the mixin's checks
        ids = [None] * len(vals_list)
        for is_history in (True, False):
            indexes = [
                i
                for i, vals in enumerate(vals_list)
                if (vals.get("source") in ("history", "superior")) == is_history
            ]
            if not indexes:
                continue
            batch = [vals_list[i] for i in indexes]
            if is_history:
                with self._trusted():
                    created = super().create(batch)
            else:
                created = super().create(batch)
            for index, record_id in zip(indexes, created.ids, strict=True):
                ids[index] = record_id
        records = self.browse(ids)
        records._check_unique_achievement()
        return records

    def _prepare_superior_award(self, vals, trusted):
        """An award arrived from the superior body's decision (server code only,
        never with a decision here): confirmed as it was given."""
        if vals.get("source") != "superior" and not vals.get("origin_award_id"):
            return False
        if not trusted or vals.get("decision_id"):
            self._refuse_guarded({"source", "origin_award_id"})
        vals.update(source="superior", state="confirmed")
        return True

    def copy(self, default=None):
        if self._locked():
            raise UserError(
                self.env._(
                    "An award of a confirmed decision is not copied; it belongs to "
                    "its decision."
                )
            )
        return super().copy(default)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if self._locked():
            raise UserError(
                self.env._("A confirmed award cannot be deleted; revoke it.")
            )
        history = self.filtered(lambda a: a.source == "history")
        if history:
            check_officer(
                self.env,
                self.env._("Only the emulation officer deletes a history award."),
            )
        for award in history:
            subject = award._subject()
            if subject and hasattr(subject, "message_post"):
                # the officer's deletion, noted on the subject's record
                subject.sudo().message_post(
                    body=self.env._(
                        "History award deleted by %(user)s: %(award)s (%(year)s, "
                        "decision %(number)s).",
                        user=self.env.user.name,
                        award=award.award_name,
                        year=award.period_id.name,
                        number=award.decision_number or "-",
                    )
                )

    @api.depends("so_vang_number", "source")
    def _compute_so_vang_key(self):
        for rec in self:
            decided = rec.source == "decision" and rec.so_vang_number
            rec.so_vang_key = rec.so_vang_number if decided else False

    @api.model
    def _history_action(self, record):
        """The award history (all years) of an employee, student, group, class or
        school, newest first."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "school_emulation.school_emulation_award_action"
        )
        action["domain"] = self._subject_domain(record)
        action["context"] = {"search_default_group_period": 1}
        action["display_name"] = self.env._(
            "Award History: %(name)s", name=record.display_name
        )
        return action

    @api.depends("title_id", "award_form_id")
    def _compute_codes(self):
        for rec in self:
            rec.title_code = rec.title_id.code or False
            rec.form_code = rec.award_form_id.code or False
            rec.award_name = (rec.title_id or rec.award_form_id).name or ""

    @api.depends("decision_id.name", "decision_id.date", "decision_id.authority_id")
    def _compute_decision_info(self):
        for rec in self.filtered("decision_id"):
            rec.decision_number = rec.decision_id.name
            rec.decision_date = rec.decision_id.date
            rec.authority_id = rec.decision_id.authority_id

    @api.depends("subject_name", "award_name", "period_id.name")
    def _compute_display_name(self):
        """'Lê Thị Hồng - Lao động tiên tiến (2025-2026)' (breadcrumbs, pickers)."""
        for rec in self:
            name = " - ".join(p for p in (rec.subject_name, rec.award_name) if p)
            year = rec.period_id.name
            rec.display_name = f"{name} ({year})" if year else name

    @api.constrains("subject_type", "employee_id", "student_id", "department_id")
    def _check_subject(self):
        for rec in self.filtered(lambda a: not a.inbox_line_id):
            if rec.subject_type != "school" and not rec._subject():
                raise ValidationError(
                    self.env._(
                        "Choose who receives the award %(award)s.", award=rec.award_name
                    )
                )

    def _check_unique_achievement(self):
        """A title is given once per subject and school year; an initiative supports
        one award only (Luật 2022 Art. 5.2c; CV 5007/BNV-TĐKT)."""
        titled = self.filtered(lambda a: a.title_id and a.state != "revoked")
        if titled:
            rows = self.sudo()._read_group(
                [
                    ("subject_key", "in", titled.mapped("subject_key")),
                    ("title_code", "in", titled.mapped("title_code")),
                    ("period_id", "in", titled.period_id.ids),
                    ("state", "!=", "revoked"),
                ],
                ["subject_key", "title_code", "period_id", "company_id"],
                ["__count"],
            )
            for key, code, period, _company, count in rows:
                if count > 1:
                    raise ValidationError(
                        self.env._(
                            "%(subject)s already holds %(title)s for %(year)s.",
                            subject=titled.filtered(
                                lambda a, k=key: a.subject_key == k
                            )[:1].subject_name,
                            title=code,
                            year=period.name,
                        )
                    )
        for award in self.filtered("initiative_id"):
            used = award.initiative_id.used_for_award_id
            others = self.sudo().search_count(
                [
                    ("initiative_id", "=", award.initiative_id.id),
                    ("state", "!=", "revoked"),
                    ("id", "!=", award.id),
                ]
            )
            if (used and used != award) or others:
                raise ValidationError(
                    self.env._(
                        "Initiative %(name)s already supports another award; an "
                        "initiative is used for one award only.",
                        name=award.initiative_id.name,
                    )
                )

    @api.model
    def _subject_domain(self, record):
        """A body's own history leaves out what it gave to the units below."""
        domain = super()._subject_domain(record)
        if record._name == "res.company":
            domain = [*domain, ("inbox_line_id", "=", False)]
        return domain

    def _se_deliver_down(self, decision, inboxes=None):
        """These confirmed awards of ``decision`` were for candidates the units
        below sent: each lands in its unit's award history (as an award of the
        superior body, locked), the received proposals and the units' proposals
        become decided and their people are told; and so on down the chain (an
        award the province gave a commune's candidate reaches the school).
        Server code, after the decision's confirmation."""
        awards = self.filtered(
            lambda a: a.state == "confirmed" and a.inbox_line_id.source_line_id
        )
        inboxes = (inboxes or self.env["school.emulation.inbox"]) | (
            awards.inbox_line_id.inbox_id
        )
        values = []
        for award in awards:
            vals = award.inbox_line_id.source_line_id.sudo()._award_values()
            vals.update(
                {
                    "source": "superior",
                    "origin_award_id": award.id,
                    "decision_number": award.decision_number,
                    "decision_date": award.decision_date,
                    "authority_id": award.authority_id.id,
                    "so_vang_number": award.so_vang_number,
                    "bonus_amount": award.bonus_amount,
                    "bonus_note": award.bonus_note,
                    "currency_id": award.currency_id.id,
                }
            )
            values.append(vals)
        with trusted_write(self._name):
            received = self.sudo().create(values)
        received._claim_initiatives()
        inboxes.sudo()._se_decided(decision)
        inboxes.sudo().proposal_id._se_decided_by_superior(decision, received)
        if received:
            received._se_deliver_down(decision)
        return received

    @api.model
    def _se_import_decision(self, data, filename=""):
        """Import the superior body's decision file (the school on its own
        database): its awards for this school's sent candidates land in the award
        history, the proposals become decided, their people are told. Refused
        whole when the file was changed, comes from a body that is not this
        school's superior, names a candidate this school did not send, or was
        imported before."""
        _ = self.env._
        check_officer(
            self.env, _("Only the emulation officer imports the superior's decision.")
        )
        Inbox = self.env["school.emulation.inbox"]
        company = self.env.company
        filename = filename or _("The file")
        payload, problems = package.read_decision(data)
        if problems:
            raise Inbox._se_file_error(filename, problems)
        superior = company._se_superior_name()
        if not package.same_name(payload.get("body"), superior):
            raise UserError(
                _(
                    "%(file)s is a decision of %(body)s, which is not the superior "
                    "body of %(school)s (%(superior)s): nothing was imported.",
                    file=filename,
                    body=payload.get("body") or "-",
                    school=company.name,
                    superior=superior or "-",
                )
            )
        info = payload.get("decision") or {}
        rows = [
            row
            for row in payload["awards"]
            if package.same_name(row.get("unit"), company.name)
        ]
        if not rows:
            raise UserError(
                _(
                    "%(file)s names no candidate of %(school)s: nothing was imported.",
                    file=filename,
                    school=company.name,
                )
            )
        ids = [int(r["line_ref"]) for r in rows if str(r.get("line_ref")).isdigit()]
        lines = self.env["school.emulation.proposal.line"].sudo().browse(ids).exists()
        by_id = {line.id: line for line in lines if line.company_id == company}
        wrong, found = [], []
        for row in rows:
            ref = str(row.get("line_ref") or "")
            line = by_id.get(int(ref)) if ref.isdigit() else None
            if (
                not line
                or line.proposal_id.to_trinh_number != row.get("to_trinh_number")
                or line.subject_key != row.get("subject_ref")
            ):
                wrong.append(row.get("subject_name") or "-")
            else:
                found.append((row, line))
        if wrong:
            raise UserError(
                _(
                    "%(file)s names candidates that %(school)s did not send: "
                    "%(names)s. Nothing was imported.",
                    file=filename,
                    school=company.name,
                    names=", ".join(wrong),
                )
            )
        refs = [
            f"{payload['body']}|{info.get('number')}|{row.get('award_ref')}"
            for row, _line in found
        ]
        if self.sudo().search_count(
            [("company_id", "=", company.id), ("origin_ref", "in", refs)]
        ):
            raise UserError(
                _(
                    "%(file)s was already imported: its awards are in the award "
                    "history.",
                    file=filename,
                )
            )
        authority = (
            self.env["school.emulation.authority"]
            .sudo()
            ._get_in_force(
                info.get("date"),
                [("code", "=", info.get("authority_code"))],
                company=company,
            )[:1]
        )
        values = []
        for (row, line), ref in zip(found, refs, strict=True):
            vals = line._award_values()
            vals.update(
                {
                    "source": "superior",
                    "origin_ref": ref,
                    "decision_number": info.get("number"),
                    "decision_date": info.get("date"),
                    "authority_id": authority.id,
                    "so_vang_number": row.get("so_vang_number") or False,
                    "bonus_amount": row.get("bonus_amount") or 0.0,
                    "bonus_note": row.get("bonus_note") or False,
                }
            )
            values.append(vals)
        with trusted_write(self._name):
            received = self.sudo().create(values)
        received._claim_initiatives()
        lines.proposal_id._se_decided_by_superior(
            {
                "number": info.get("number"),
                "date": fields.Date.to_date(info.get("date")),
                "body": info.get("body_label") or payload["body"],
            },
            received,
        )
        return received

    def _claim_initiatives(self):
        with trusted_write("school.emulation.initiative"):
            for award in self.filtered("initiative_id"):
                award.initiative_id.sudo().used_for_award_id = award

    def _coefficient(self):
        self.ensure_one()
        if self.title_id:
            return self.title_id.bonus_coefficient
        form = self.award_form_id
        if self.subject_type in ("department", "class", "school"):
            return form.coefficient_collective
        return form.coefficient_individual

    def _compute_bonus(self, date):
        """Bonus of each award on ``date``; for several titles of one subject and
        school year in the same decision only the highest is paid (NĐ 152/2025 Art.
        49.5), a title and an award form are both paid (Art. 49.7)."""
        salary = self.env["school.emulation.base.salary"]._get_in_force(
            date, company=self.company_id[:1]
        )[:1]
        best = {}
        for award in self.filtered("title_id"):
            key = (award.subject_key, award.period_id.id)
            if key not in best or award._coefficient() > best[key]._coefficient():
                best[key] = award
        for award in self:
            coefficient = award._coefficient()
            note = False
            if (
                award.title_id
                and best[(award.subject_key, award.period_id.id)] != award
            ):
                coefficient, note = (
                    0,
                    self.env._(
                        "Not paid: a higher title of the same year is paid "
                        "(NĐ 152/2025 Art. 49.5)."
                    ),
                )
            amount = bonus_amount(coefficient, salary.amount) if coefficient else 0
            with award._trusted():
                award.write({"bonus_amount": amount, "bonus_note": note})

    # --- revocation -------------------------------------------------------------------
    def _revoke(self, date, reason, recover_item, recover_money):
        """Revoke these awards of confirmed decisions, each once, record who, when
        and why in the chatter of the decision and of each award, then re-check
        the titles that depended on them. Server code only, after its own checks
        (the revocation wizard)."""
        reason = self.env["school.emulation.input.mixin"]._clean_text(reason)
        if not reason or not reason.strip():
            raise UserError(self.env._("Write the reason for the revocation."))
        reason = reason.strip()
        self._check_revocable()
        self._check_transition("revoked")
        date_text = self._se_format_date(fields.Date.to_date(date))
        user = self.env.user
        with self._trusted():
            for award in self:
                award.write(
                    award._se_revocation_values(
                        date, reason, recover_item, recover_money
                    )
                )
                award.message_post(
                    body=self.env._(
                        "Revoked by %(user)s on %(date)s: %(reason)s",
                        user=user.name,
                        date=date_text,
                        reason=reason,
                    )
                )
        self._se_revoke_down(date, reason, recover_item, recover_money)
        for decision in self.decision_id:
            decision.message_post(
                body=self.env._(
                    "Revoked by %(user)s on %(date)s (%(reason)s): %(awards)s.",
                    user=user.name,
                    date=date_text,
                    reason=reason,
                    awards=", ".join(
                        f"{a.subject_name} - {a.award_name}"
                        for a in self.filtered(lambda a, d=decision: a.decision_id == d)
                    ),
                )
            )
            if all(a.state == "revoked" for a in decision.award_ids):
                decision._check_transition("revoked")
                decision._write_state({"state": "revoked"})
        flagged = self._review_dependents()
        if not flagged:
            return {"type": "ir.actions.act_window_close"}
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Awards To Review"),
            "res_model": self._name,
            "view_mode": "list,form",
            "domain": [("id", "in", flagged.ids)],
        }

    def _se_revocation_values(self, date, reason, recover_item, recover_money):
        """What a revocation writes on this award (its one revocation)."""
        self.ensure_one()
        return {
            "state": "revoked",
            "revoke_date": date,
            "revoke_reason": reason,
            "revoked_by_id": self.env.user.id,
            "recover_item": recover_item,
            "recover_amount": self.bonus_amount if recover_money else 0,
        }

    def _se_revoke_down(self, date, reason, recover_item, recover_money):
        """The units' copies of these revoked awards (their award histories) are
        revoked with them, down the chain; their officers are told and the
        titles that depended on them re-checked. Server code, after ``_revoke``."""
        copies = self.sudo().search(
            [("origin_award_id", "in", self.ids), ("state", "=", "confirmed")]
        )
        if not copies:
            return copies
        body = self.company_id[:1].name
        date_text = self._se_format_date(fields.Date.to_date(date))
        with trusted_write(self._name):
            for award in copies:
                award.write(
                    award._se_revocation_values(
                        date, reason, recover_item, recover_money
                    )
                )
                award.message_post(
                    body=self.env._(
                        "Revoked by %(body)s on %(date)s: %(reason)s",
                        body=body,
                        date=date_text,
                        reason=reason,
                    )
                )

        def texts(rec):
            _ = rec.env._
            return (
                _("%(award)s revoked", award=rec.award_name),
                _(
                    "%(body)s revoked %(award)s of %(subject)s (decision %(number)s) "
                    "on %(date)s: %(reason)s.",
                    body=body,
                    award=rec.award_name,
                    subject=rec.subject_name,
                    number=rec.decision_number or "-",
                    date=rec._se_format_date(rec.revoke_date),
                    reason=rec.revoke_reason,
                ),
            )

        copies._se_inform(copies._se_school_officers(), texts)
        copies._review_dependents()
        copies._se_revoke_down(date, reason, recover_item, recover_money)
        return copies

    def _review_dependents(self):
        """Confirmed awards whose title rests on a revoked one (prerequisite, chain,
        members' share) are re-checked; those no longer eligible are flagged for
        review with the reasons, and the officer gets an activity."""
        codes = set(self.mapped("title_code")) - {False}
        if not codes:
            return self.browse()
        codes = list(codes)
        Title = self.env["school.emulation.title"].with_context(active_test=False)
        individual = set(
            Title.search(
                [
                    "|",
                    ("prerequisite_code", "in", codes),
                    ("consecutive_code", "in", codes),
                ]
            ).mapped("code")
        )
        collective = set(
            Title.search(
                [
                    "|",
                    ("member_title_code", "in", codes),
                    ("member_excellent_code", "in", codes),
                ]
            ).mapped("code")
        )
        first = min(self.mapped("period_date_start"))
        base = [("state", "=", "confirmed"), ("period_date_start", ">=", first)]
        candidates = self.search(
            [
                *base,
                ("title_code", "in", list(individual)),
                ("employee_id", "in", self.employee_id.ids),
            ]
        ) | self.search(
            [
                *base,
                ("title_code", "in", list(collective)),
                ("period_id", "in", self.period_id.ids),
                "|",
                ("department_id", "in", self.employee_id.department_id.ids),
                "&",
                ("subject_type", "=", "school"),
                ("company_id", "in", self.company_id.ids),
            ]
        )
        Engine = self.env["school.emulation.eligibility"]
        flagged = self.browse()
        groups = {}
        for award in candidates:
            key = (award.title_code, award.period_id, award.subject_type)
            groups[key] = groups.get(key, self.browse()) | award
        activity = self.env.ref("mail.mail_activity_data_todo")
        for (code, period, _kind), awards in groups.items():
            subjects = [a._subject() for a in awards]
            records = subjects[0].browse([s.id for s in subjects])
            results = Engine.evaluate(code, period, records)
            for award in awards:
                res = results[award._subject().id]
                if res["eligible"]:
                    continue
                why = "\n".join(res["reasons"])
                with award._trusted():
                    award.write({"review_needed": True, "review_reason": why})
                award.activity_schedule(
                    activity_type_id=activity.id,
                    summary=self.env._("Review: a title it rests on was revoked"),
                    note=why,
                    user_id=self.env.user.id,
                )
                flagged |= award
        return flagged
