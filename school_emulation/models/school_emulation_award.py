from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.money import bonus_amount
from .school_emulation_state_mixin import check_officer

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
# Fields a revocation or a dependent re-check may still write on a confirmed award.
REVOCATION_FIELDS = {
    "state",
    "revoke_date",
    "revoke_reason",
    "recover_item",
    "recover_amount",
    "review_needed",
    "review_reason",
}


def default_currency(env):
    """Bonuses are paid in đồng, whatever the company's accounting currency."""
    return env.ref("base.VND", raise_if_not_found=False) or env.company.currency_id


def award_history_action(record):
    """The award history (all years) of an employee, student, group, class or
    school, newest first."""
    Award = record.env["school.emulation.award"]
    action = record.env["ir.actions.act_window"]._for_xml_id(
        "school_emulation.school_emulation_award_action"
    )
    action["domain"] = Award._subject_domain(record)
    action["context"] = {"search_default_group_period": 1}
    action["display_name"] = record.env._(
        "Award History: %(name)s", name=record.display_name
    )
    return action


class SchoolEmulationDecision(models.Model):
    """An award decision (quyết định khen thưởng) of a competent body and its list.

    Confirmed decisions are read-only; they change only through a revocation.
    """

    _name = "school.emulation.decision"
    _description = "Award Decision"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Decision Number", required=True, tracking=True, help="e.g. 125/QĐ-UBND"
    )
    date = fields.Date(
        string="Decision Date",
        required=True,
        tracking=True,
        default=fields.Date.context_today,
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
            "UNIQUE(company_id, authority_id, name, date)",
            "This decision is already recorded.",
        ),
    ]

    @api.depends("award_ids.bonus_amount", "award_ids.state")
    def _compute_totals(self):
        for rec in self:
            active = rec.award_ids.filtered(lambda a: a.state != "revoked")
            rec.award_count = len(active)
            rec.bonus_total = sum(active.mapped("bonus_amount"))

    def write(self, vals):
        if not self.env.context.get("school_emulation_revoking") and any(
            rec.state != "draft" for rec in self
        ):
            allowed = {"attachment_ids", "note", "message_main_attachment_id"}
            if set(vals) - allowed:
                raise UserError(
                    self.env._(
                        "A confirmed award decision cannot be changed; revoke it "
                        "(fully or in part) instead."
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(rec.state != "draft" for rec in self):
            raise UserError(
                self.env._("A confirmed award decision cannot be deleted; revoke it.")
            )

    def action_confirm(self):
        """Number the Sổ vàng lines, compute the bonuses and lock the decision."""
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
            rec.award_ids._check_unique_achievement()
            rec.award_ids._compute_bonus(rec.date)
            for index, award in enumerate(rec.award_ids.sorted("id"), start=1):
                if not award.so_vang_number:
                    award.so_vang_number = str(index)
            rec.award_ids.write({"state": "confirmed"})
            rec.award_ids._claim_initiatives()
            rec.write({"state": "confirmed"})
            rec.proposal_id._on_decision_confirmed(rec)
        return True

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


class SchoolEmulationAward(models.Model):
    """One title or award form given to one subject (a line of a decision, or a
    record of the past imported from Excel). The award history reads these."""

    _name = "school.emulation.award"
    _description = "Award"
    _inherit = [
        "school.emulation.subject.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "period_date_start desc, decision_date desc, id desc"
    _check_company_auto = True

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
        string="Sổ vàng No.", help="The recipient's order number in the decision."
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
    bonus_amount = fields.Monetary(currency_field="currency_id", readonly=True)
    bonus_note = fields.Char(readonly=True)
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self._default_currency(), required=True
    )
    state = fields.Selection(
        AWARD_STATES, default="draft", required=True, readonly=True, tracking=True
    )
    source = fields.Selection(
        [("decision", "Decision"), ("history", "History (imported)")],
        default="decision",
        required=True,
    )
    revoke_date = fields.Date(readonly=True, tracking=True)
    revoke_reason = fields.Text(readonly=True, tracking=True)
    recover_item = fields.Boolean(
        string="Recover Certificate/Item", readonly=True, tracking=True
    )
    recover_amount = fields.Monetary(
        currency_field="currency_id", readonly=True, tracking=True
    )
    review_needed = fields.Boolean(
        readonly=True,
        tracking=True,
        help="A title this award depended on was revoked and the conditions no "
        "longer hold.",
    )
    review_reason = fields.Text(readonly=True)
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
    ]

    @api.model_create_multi
    def create(self, vals_list):
        decided = self.env["school.emulation.decision"].browse(
            {
                v["decision_id"]
                for v in vals_list
                if v.get("decision_id") and v.get("source") != "history"
            }
        )
        for decision in decided.filtered(lambda d: d.state != "draft"):
            raise UserError(
                self.env._(
                    "Decision %(name)s is %(state)s: awards are added only to a draft "
                    "decision.",
                    name=decision.name,
                    state=dict(
                        decision._fields["state"]._description_selection(self.env)
                    )[decision.state],
                )
            )
        for vals in vals_list:
            if vals.get("source") == "history" or not vals.get("decision_id"):
                # Past awards decided elsewhere: recorded as they are.
                vals.setdefault("source", "history")
                vals["state"] = "confirmed"
            elif vals.get("title_id") and "award_type" not in vals:
                vals["award_type"] = (
                    self.env["school.emulation.title"]
                    .browse(vals["title_id"])
                    .award_type
                )
        records = super().create(vals_list)
        records._check_unique_achievement()
        return records

    def write(self, vals):
        if not self.env.context.get("school_emulation_revoking"):
            locked = self.filtered(
                lambda a: a.state == "revoked"
                or (a.state == "confirmed" and a.source == "decision")
            )
            if locked and set(vals) - {"message_main_attachment_id"}:
                raise UserError(
                    self.env._(
                        "Awards of a confirmed decision cannot be changed; revoke "
                        "them instead."
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(a.state != "draft" and a.source == "decision" for a in self):
            raise UserError(
                self.env._("A confirmed award cannot be deleted; revoke it.")
            )

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

    @api.constrains("subject_type", "employee_id", "student_id", "department_id")
    def _check_subject(self):
        for rec in self:
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

    def _claim_initiatives(self):
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
            award.with_context(school_emulation_revoking=True).write(
                {"bonus_amount": amount, "bonus_note": note}
            )

    # --- revocation -------------------------------------------------------------------
    def _revoke(self, date, reason, recover_item, recover_money):
        """Revoke these awards, then re-check the titles that depended on them."""
        revoking = self.with_context(school_emulation_revoking=True)
        for award in revoking:
            award.write(
                {
                    "state": "revoked",
                    "revoke_date": date,
                    "revoke_reason": reason,
                    "recover_item": recover_item,
                    "recover_amount": award.bonus_amount if recover_money else 0,
                }
            )
        for decision in self.decision_id:
            decision.message_post(
                body=self.env._(
                    "Revoked on %(date)s (%(reason)s): %(awards)s.",
                    date=fields.Date.to_string(date),
                    reason=reason,
                    awards=", ".join(
                        f"{a.subject_name} - {a.award_name}"
                        for a in self.filtered(lambda a, d=decision: a.decision_id == d)
                    ),
                )
            )
            if all(a.state == "revoked" for a in decision.award_ids):
                decision.with_context(school_emulation_revoking=True).write(
                    {"state": "revoked"}
                )
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
                award.with_context(school_emulation_revoking=True).write(
                    {"review_needed": True, "review_reason": why}
                )
                award.activity_schedule(
                    activity_type_id=activity.id,
                    summary=self.env._("Review: a title it rests on was revoked"),
                    note=why,
                    user_id=self.env.user.id,
                )
                flagged |= award
        return flagged
