from collections import defaultdict
from datetime import datetime, time

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import package
from ..tools.workdays import add_working_days
from .school_emulation_award import AWARD_TYPES
from .school_emulation_registration import IN_FORCE_AT_YEAR_END, SUBJECT_FIELDS
from .school_emulation_state_mixin import (
    check_officer,
    is_officer,
    is_server_write,
    is_trusted,
    trusted_write,
)

PROPOSAL_STATES = [
    ("draft", "Draft"),
    ("group_reviewed", "Group Reviewed"),
    ("council_reviewed", "Council Reviewed"),
    ("published", "Publicly Posted"),
    ("submitted", "Submitted"),
    ("returned", "Returned"),
    ("decided", "Decided"),
    ("rejected", "Rejected"),
]
POSTING_DAYS_PARAM = "school_emulation.posting_days"


class SchoolEmulationProposal(models.Model):
    """A proposal for titles and awards (đề nghị khen thưởng) of a group (tổ) or of
    the school to the competent body, from the group review to the decision."""

    _name = "school.emulation.proposal"
    _description = "Award Proposal"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.emulation.state.mixin"]
    _order = "period_id desc, id desc"
    _check_company_auto = True
    _TRANSITIONS = {
        "draft": {"group_reviewed", "council_reviewed", "submitted"},
        "group_reviewed": {"council_reviewed", "draft"},
        "council_reviewed": {"published", "draft"},
        "published": {"submitted", "council_reviewed"},
        "submitted": {"returned", "decided", "rejected"},
        "returned": {"draft", "submitted"},
        "decided": set(),
        "rejected": set(),
    }
    # dates and reasons of the steps: written by the workflow only
    _SERVER_FIELDS = (
        "posting_start",
        "posting_end",
        "submitted_date",
        "to_trinh_number",
        "return_reason",
        "reject_reason",
        "accepted_date",
        "rule_basis_id",
        "receiving_company_id",
    )
    _LOCKED_STATES = (
        "group_reviewed",
        "council_reviewed",
        "published",
        "submitted",
        "decided",
        "rejected",
    )
    # the list itself: changed only while the proposal is a draft (or returned)
    _LIST_FIELDS = (
        "period_id",
        "level",
        "kind",
        "department_id",
        "line_ids",
        "posting_days",
        "company_id",
    )
    # what is sent: fixed once submitted
    _SENT_FIELDS = ("authority_id", "deadline", "override_reason", "description")

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/"
    )
    description = fields.Char(string="Subject", tracking=True)
    period_id = fields.Many2one(
        "school.emulation.period",
        string="School Year",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
        default=lambda self: self.env["school.emulation.period"]._get_current(),
    )
    level = fields.Selection(
        [("group", "Group (tổ)"), ("school", "School")],
        required=True,
        default="school",
        tracking=True,
    )
    kind = fields.Selection(
        [("annual", "Annual review"), ("ad_hoc", "Ad hoc (simplified procedure)")],
        required=True,
        default="annual",
        tracking=True,
    )
    department_id = fields.Many2one(
        "hr.department", string="Group", index=True, check_company=True
    )
    leader_user_id = fields.Many2one(
        related="department_id.manager_id.user_id", store=True, string="Group Leader"
    )
    authority_id = fields.Many2one(
        "school.emulation.authority",
        string="Sent To",
        ondelete="restrict",
        tracking=True,
        help="The competent body that decides.",
    )
    line_ids = fields.One2many(
        "school.emulation.proposal.line", "proposal_id", string="Candidates"
    )
    line_count = fields.Integer(compute="_compute_counts")
    document_ids = fields.One2many(
        "school.emulation.proposal.document", "proposal_id", string="Dossier"
    )
    checklist_done = fields.Boolean(compute="_compute_counts")
    comment_ids = fields.One2many(
        "school.emulation.proposal.comment", "proposal_id", string="Comments"
    )
    session_ids = fields.Many2many(
        "school.emulation.council.session",
        compute="_compute_counts",
        string="Council Sessions",
    )
    decision_ids = fields.One2many(
        "school.emulation.decision", "proposal_id", string="Decisions"
    )
    posting_days = fields.Integer(
        string="Posting (working days)",
        default=lambda self: int(
            self.env["ir.config_parameter"].sudo().get_param(POSTING_DAYS_PARAM, 3)
        ),
        help="How long the list is publicly posted inside the school before it is "
        "sent (no national rule; 3 working days by default).",
    )
    posting_start = fields.Date(readonly=True, copy=False, tracking=True)
    posting_end = fields.Date(readonly=True, copy=False, tracking=True)
    deadline = fields.Date(
        string="Submission Deadline",
        tracking=True,
        help="Deadline of the receiving body (e.g. before 10/7 for education).",
    )
    submitted_date = fields.Date(readonly=True, copy=False, tracking=True)
    to_trinh_number = fields.Char(
        string="Submission Number",
        readonly=True,
        copy=False,
        tracking=True,
        help="Number of the Tờ trình from the school's register, given at each "
        "submission to the superior body.",
    )
    accepted_date = fields.Date(
        string="Dossier Accepted On",
        readonly=True,
        copy=False,
        tracking=True,
        help="The day the receiving body accepted the dossier; the rules in force "
        "that day are the ones it is judged under.",
    )
    rule_basis_id = fields.Many2one(
        "school.emulation.legal.basis",
        string="Judged Under",
        readonly=True,
        copy=False,
        tracking=True,
        ondelete="restrict",
        help="The rule set applied: the law on emulation and awards of the legal "
        "catalogue in force on the day the dossier was accepted.",
    )
    receiving_company_id = fields.Many2one(
        "res.company",
        string="Received By",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="The superior body in this product that received the proposal: it "
        "answers it (returned or accepted) and its decision comes back here.",
    )
    has_units = fields.Boolean(
        compute="_compute_has_units",
        help="The proposal's body has units below it: its candidates come from "
        "their proposals.",
    )
    return_reason = fields.Text(readonly=True, copy=False, tracking=True)
    reject_reason = fields.Text(readonly=True, copy=False, tracking=True)
    override_reason = fields.Text(
        string="Officer Override",
        tracking=True,
        copy=False,
        help="Written reason to submit although a check fails.",
    )
    state = fields.Selection(
        PROPOSAL_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        group_expand="_group_expand_states",
    )
    company_id = fields.Many2one(
        "res.company",
        string="School",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    can_group_review = fields.Boolean(compute="_compute_can_transition")
    can_to_draft = fields.Boolean(compute="_compute_can_transition")
    can_council_review = fields.Boolean(compute="_compute_can_transition")
    can_publish = fields.Boolean(compute="_compute_can_transition")
    can_submit = fields.Boolean(compute="_compute_can_transition")
    can_return = fields.Boolean(compute="_compute_can_transition")
    can_reject = fields.Boolean(compute="_compute_can_transition")
    can_record_decision = fields.Boolean(compute="_compute_can_transition")

    _sql_constraints = [
        (
            "posting_days_positive",
            "CHECK(posting_days > 0)",
            "The posting period is at least one working day.",
        ),
        (
            "number_unique",
            "UNIQUE(company_id, name)",
            "This proposal number is already used in the school's register.",
        ),
    ]

    def _group_expand_states(self, states, domain):
        return [key for key, _label in PROPOSAL_STATES]

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [dict(vals) for vals in vals_list]
        for vals in vals_list:
            # numbers come from the school's register, never from the client
            if vals.get("name", "/") != "/" and not is_trusted(self._name):
                self._refuse_number()
            company = self.env["res.company"].browse(vals.get("company_id"))
            vals["name"] = self._se_free_number(company or self.env.company)
        records = super().create(vals_list)
        records.filtered("deadline")._schedule_deadline()
        return records

    def write(self, vals):
        if "name" in vals and not is_trusted(self._name):
            self._refuse_number()
        res = super().write(vals)
        if "deadline" in vals:
            self._schedule_deadline()
        return res

    @api.model
    def _se_free_number(self, company):
        """The register's next number not given yet: a database upgraded from the
        first versions (numbered by a plain sequence) keeps its numbers, and the
        register passes over them."""
        number = company._se_next_number("proposal")
        Proposal = self.sudo().with_context(active_test=False)
        while Proposal.search_count(
            [("company_id", "=", company.id), ("name", "=", number)], limit=1
        ):
            number = company._se_next_number("proposal")
        return number

    def _refuse_number(self):
        raise UserError(
            self.env._(
                "Proposal numbers come from the school's register; they are never "
                "typed or changed."
            )
        )

    def _schedule_deadline(self):
        """One 'submission deadline' activity per open proposal, on its deadline,
        for the school's officers (a group's own proposal: its leader too)."""
        xmlid = "school_emulation.mail_activity_proposal_deadline"
        self.activity_unlink([xmlid])
        open_ones = self.filtered(
            lambda r: r.deadline and r.state not in ("submitted", "decided", "rejected")
        )
        if open_ones:
            open_ones._se_schedule(
                open_ones._se_responsible_recipients(),
                xmlid,
                lambda rec: (
                    rec.env._("Send the dossier of %(name)s", name=rec.name),
                    rec.env._(
                        "Send the dossier of %(name)s to %(body)s by %(date)s.",
                        name=rec.name,
                        body=rec.authority_id.name or "-",
                        date=rec._se_format_date(rec.deadline),
                    ),
                ),
                deadline=lambda rec: rec.deadline,
            )

    def _se_responsible_recipients(self):
        """``{proposal: res.users}`` who carry a proposal forward: the school's
        officers, and the group leader for a group's own proposal."""
        officers = self._se_school_officers()
        return {
            rec: officers[rec]
            | (
                rec.department_id.manager_id.user_id
                if rec.level == "group"
                else self.env["res.users"]
            )
            for rec in self
        }

    @api.depends("line_ids.session_id", "document_ids.done", "line_ids")
    def _compute_counts(self):
        for rec in self:
            rec.line_count = len(rec.line_ids)
            # an empty checklist (nothing prepared yet) is not a complete one
            rec.checklist_done = bool(rec.document_ids) and all(
                rec.document_ids.mapped("done")
            )
            rec.session_ids = rec.line_ids.session_id

    @api.depends("company_id")
    def _compute_has_units(self):
        bodies = self.company_id._se_with_units()
        for rec in self:
            rec.has_units = rec.company_id in bodies

    @api.constrains("level", "department_id")
    def _check_department(self):
        for rec in self:
            if rec.level == "group" and not rec.department_id:
                raise ValidationError(
                    self.env._("A group proposal needs its group (tổ).")
                )

    # --- transitions ---------------------------------------------------------
    @api.depends("state", "level", "kind", "line_ids", "department_id")
    @api.depends_context("uid")
    def _compute_can_transition(self):
        officer = is_officer(self.env)
        for rec in self:
            rec.can_group_review = rec._can_transition("group_reviewed")
            rec.can_to_draft = rec._can_transition("draft")
            rec.can_council_review = rec._can_transition("council_reviewed")
            rec.can_publish = rec._can_transition("published")
            rec.can_submit = rec._can_transition("submitted")
            rec.can_return = rec._can_transition("returned")
            rec.can_reject = rec._can_transition("rejected")
            rec.can_record_decision = (
                officer and rec.state == "submitted" and not rec.receiving_company_id
            )

    def _check_write_locked(self, vals):
        _ = self.env._
        for names, open_states in (
            (set(vals) & set(self._LIST_FIELDS), ("draft", "returned")),
            (
                set(vals) & set(self._SENT_FIELDS),
                (
                    "draft",
                    "group_reviewed",
                    "council_reviewed",
                    "published",
                    "returned",
                ),
            ),
        ):
            if not names:
                continue
            for rec in self.filtered(lambda r, s=open_states: r.state not in s):
                raise UserError(
                    _(
                        "Proposal %(name)s is %(state)s: %(fields)s can no longer "
                        "change.",
                        name=rec.name,
                        state=rec._state_label(),
                        fields=self._guarded_field_labels(names),
                    )
                )
        if "override_reason" in vals and not self._is_trusted():
            check_officer(
                self.env, _("Only the emulation officer writes an override reason.")
            )

    def _check_transition_rights(self, new_state):
        if new_state == "group_reviewed" or (
            new_state == "draft" and all(r.state == "group_reviewed" for r in self)
        ):
            return  # the group leader may (record check below)
        check_officer(
            self.env,
            self.env._("Only the emulation officer can move a proposal on."),
        )

    def _check_transition_record(self, new_state):
        _ = self.env._
        if new_state == "group_reviewed":
            if self.level != "group":
                raise UserError(_("Only a group proposal is reviewed by its group."))
            if not is_officer(self.env) and self.leader_user_id != self.env.user:
                raise UserError(
                    _(
                        "Only the leader of %(group)s or the officer can confirm it.",
                        group=self.department_id.name,
                    )
                )
        if self.state == "draft" and new_state == "council_reviewed":
            if self.level != "school":
                raise UserError(_("A group proposal is reviewed by its group first."))
        if self.state == "draft" and new_state == "submitted":
            if self.kind != "ad_hoc":
                raise UserError(
                    _("Only ad-hoc proposals skip the council and public posting.")
                )
        if not self.line_ids and new_state != "draft":
            raise UserError(_("Proposal %(name)s has no candidate.", name=self.name))
        if (
            new_state in ("returned", "rejected", "decided")
            and self.receiving_company_id
            and not self._is_trusted()
        ):
            raise self._se_answered_upstairs_error()

    def _se_answered_upstairs_error(self):
        return UserError(
            self.env._(
                "%(name)s was sent to %(body)s in this product: that body answers it "
                "and its decision comes back by itself.",
                name=self.name,
                body=self.receiving_company_id.sudo().name,
            )
        )

    def action_group_review(self):
        self._check_transition("group_reviewed")
        self._write_state({"state": "group_reviewed"})

    def action_to_draft(self):
        self._check_transition("draft")
        self._write_state({"state": "draft"})

    def action_council_review(self):
        """The council has decided every candidate (ballot or consensus)."""
        self._check_transition("council_reviewed")
        for rec in self:
            pending = rec.line_ids.filtered(lambda ln: ln.council_result == "pending")
            if pending:
                raise UserError(
                    self.env._(
                        "The council has not decided on: %(names)s.",
                        names=", ".join(pending.mapped("display_name")),
                    )
                )
        self._write_state({"state": "council_reviewed"})

    def _posting_end(self, start):
        calendar = self.company_id.resource_calendar_id
        weekdays = (
            {int(d) for d in calendar.attendance_ids.mapped("dayofweek")}
            if calendar
            else {0, 1, 2, 3, 4}
        )
        holidays = set()
        if calendar:
            for leave in self.env["resource.calendar.leaves"].search(
                [
                    ("calendar_id", "in", [calendar.id, False]),
                    ("resource_id", "=", False),
                    (
                        "date_from",
                        "<=",
                        datetime.combine(start.replace(year=start.year + 1), time.max),
                    ),
                    ("date_to", ">=", datetime.combine(start, time.min)),
                ]
            ):
                day = leave.date_from.date()
                while day <= leave.date_to.date():
                    holidays.add(day)
                    day = fields.Date.add(day, days=1)
        return add_working_days(
            start,
            self.posting_days,
            lambda d: d.weekday() in weekdays and d not in holidays,
        )

    def action_publish(self):
        """Post the approved list inside the school for comments."""
        self._check_transition("published")
        today = self._se_today(self.company_id[:1] or None)
        for rec in self:
            end = rec._posting_end(today)
            rec._write_state(
                {"state": "published", "posting_start": today, "posting_end": end}
            )
            rec._se_schedule(
                rec._se_responsible_recipients(),
                "school_emulation.mail_activity_proposal_posting",
                lambda r: (
                    r.env._("Public posting ends: answer comments, then submit"),
                    r.env._(
                        "The list of %(name)s is posted until %(date)s: answer the "
                        "comments, then submit the dossier.",
                        name=r.name,
                        date=r._se_format_date(r.posting_end),
                    ),
                ),
                deadline=end,
            )
            rec._se_inform(rec._se_candidate_recipients(), rec._se_posted_texts)
            rec.message_post(
                body=self.env._(
                    "Publicly posted from %(start)s to %(end)s; comments are recorded "
                    "on the proposal.",
                    start=self._se_format_date(today),
                    end=self._se_format_date(end),
                )
            )

    def _submission_problems(self):
        """What blocks the submission, in words (empty: nothing)."""
        self.ensure_one()
        _ = self.env._
        problems = []
        today = self._se_today(self.company_id[:1] or None)
        if self.kind == "annual" and self.posting_end and today <= self.posting_end:
            problems.append(
                _(
                    "The public posting runs until %(date)s.",
                    date=self._se_format_date(self.posting_end),
                )
            )
        if not self.authority_id:
            problems.append(_("Choose the body the proposal is sent to."))
        self._prepare_documents()
        missing = self.document_ids.filtered(lambda d: not d.done)
        if missing:
            problems.append(
                _(
                    "Dossier documents missing: %(docs)s.",
                    docs=", ".join(missing.mapped("display_name")),
                )
            )
        lines = self.line_ids.filtered(lambda ln: ln.council_result != "rejected")
        lines._check_eligibility()
        for line in lines.filtered(lambda ln: ln.title_id and not ln.eligible):
            problems.append(
                _(
                    "%(line)s is not eligible: %(why)s",
                    line=line.display_name,
                    why=line.eligibility_reasons,
                )
            )
        return problems

    def action_submit(self):
        self._check_transition("submitted")
        for rec in self:
            problems = rec._submission_problems()
            if problems and not rec.override_reason:
                raise UserError(
                    self.env._(
                        "%(name)s cannot be submitted yet:\n%(problems)s\nFix these, "
                        "or write an override reason (officer).",
                        name=rec.name,
                        problems="\n".join(f"- {p}" for p in problems),
                    )
                )
            if problems:
                rec.message_post(
                    body=self.env._(
                        "Submitted with an officer override (%(reason)s) despite: "
                        "%(problems)s",
                        reason=rec.override_reason,
                        problems="; ".join(problems),
                    )
                )
            receiver = rec._se_receiving_body()
            today = rec._se_today(rec.company_id)
            rec._write_state(
                {
                    "state": "submitted",
                    "submitted_date": today,
                    "to_trinh_number": rec.company_id._se_next_number(
                        "to_trinh", today
                    ),
                    "receiving_company_id": receiver.id,
                }
            )
            if receiver:
                self.env["school.emulation.inbox"]._se_receive(rec, receiver)
            rec.activity_unlink(
                [
                    "school_emulation.mail_activity_proposal_posting",
                    "school_emulation.mail_activity_proposal_deadline",
                ]
            )

    def _se_package_values(self):
        """What the unit's dossier file carries for the body above to import it
        (``manifest.json``, section ``package``): the proposal and its candidates,
        by codes and names (the body's database has none of the unit's ids)."""
        self.ensure_one()
        company = self.company_id
        period = self.period_id
        return {
            "kind": package.DOSSIER_KIND,
            "version": package.VERSION,
            "unit": company.name,
            "unit_code": company.emulation_doc_code or "",
            "superior": company._se_superior_name(),
            "proposal_ref": self.name,
            "to_trinh_number": self.to_trinh_number or "",
            "submitted_date": fields.Date.to_string(self.submitted_date) or "",
            "deadline": fields.Date.to_string(self.deadline) or "",
            "description": self.description or "",
            "authority_code": self.authority_id.code or "",
            "school_year": {
                "name": period.name,
                "date_start": fields.Date.to_string(period.date_start),
                "date_end": fields.Date.to_string(period.date_end),
            },
            "candidates": self.env["school.emulation.inbox.line"]._se_package_rows(
                self.line_ids.filtered(lambda ln: ln.council_result != "rejected")
            ),
        }

    def _se_receiving_body(self):
        """The body in this product that receives the proposal: none when the
        proposal goes to the unit's own authority (e.g. the principal's Giấy khen)
        or to a body outside the product; otherwise the unit's superior. Refuses a
        proposal addressed to a body that is not above the unit."""
        self.ensure_one()
        company = self.company_id
        authority = self.authority_id
        chain = company._se_superiors()
        if authority.company_id and authority.company_id not in chain:
            raise UserError(
                self.env._(
                    "%(body)s is not a body above %(unit)s: a proposal goes to the "
                    "unit's own superior (%(superior)s).",
                    body=authority.display_name,
                    unit=company.name,
                    superior=company.sudo().emulation_superior_id.name or "-",
                )
            )
        if (
            not authority
            or authority.level == company.emulation_level
            or authority.company_id == company
        ):
            return company.browse()
        return company.browse(company.sudo().emulation_superior_id.id)

    def _se_answered_by_superior(self, inbox, answer):
        """The superior body answered in its inbox (``inbox``, already checked
        there): the proposal follows, and its officers are told. Server code."""
        self.ensure_one()
        _ = self.env._
        with self._trusted():
            if answer == "returned":
                self._check_transition("returned")
                self._write_state(
                    {"state": "returned", "return_reason": inbox.return_reason}
                )
            else:
                self._record_acceptance(inbox.accepted_date)
        officers = self._se_school_officers()
        if answer == "returned":
            self._se_schedule(
                officers,
                "school_emulation.mail_activity_se_complete",
                lambda r: (
                    r.env._(
                        "%(name)s returned by %(body)s",
                        name=r.name,
                        body=r.receiving_company_id.name,
                    ),
                    r.env._(
                        "%(body)s returned %(name)s for completion: %(reason)s. "
                        "Complete the dossier and send it again.",
                        body=r.receiving_company_id.name,
                        name=r.name,
                        reason=r.return_reason,
                    ),
                ),
            )
            return
        self._se_inform(
            officers,
            lambda r: (
                r.env._(
                    "%(name)s accepted by %(body)s",
                    name=r.name,
                    body=r.receiving_company_id.name,
                ),
                r.env._(
                    "%(body)s accepted the dossier of %(name)s on %(date)s; it is "
                    "judged under %(basis)s.",
                    body=r.receiving_company_id.name,
                    name=r.name,
                    date=r._se_format_date(r.accepted_date),
                    basis=r.rule_basis_id.display_name or "-",
                ),
            ),
        )

    def _set_reason(self, action, reason):
        if not reason or not reason.strip():
            raise UserError(self.env._("Write the reason."))
        new_state, field = {
            "return": ("returned", "return_reason"),
            "reject": ("rejected", "reject_reason"),
        }[action]
        self._check_transition(new_state)
        self._write_state({"state": new_state, field: reason.strip()})

    def action_open_reason(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reason"),
            "res_model": "school.emulation.proposal.reason",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_proposal_id": self.id,
                "default_action": self.env.context.get("reason_action", "return"),
            },
        }

    def action_record_decision(self):
        """Open a draft decision holding the approved candidates."""
        self.ensure_one()
        if self.state != "submitted":
            raise UserError(self.env._("Record the decision of a submitted proposal."))
        if self.receiving_company_id:
            raise self._se_answered_upstairs_error()
        check_officer(
            self.env, self.env._("Only the emulation officer records decisions.")
        )
        decision = self.env["school.emulation.decision"].create(
            {
                "name": self.env._("(number)"),
                "authority_id": self.authority_id.id,
                "period_id": self.period_id.id,
                "proposal_id": self.id,
                "company_id": self.company_id.id,
                "award_ids": [
                    fields.Command.create(line._award_values())
                    for line in self.line_ids.filtered(
                        lambda ln: ln.council_result == "approved"
                    )
                ],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "school.emulation.decision",
            "res_id": decision.id,
            "view_mode": "form",
        }

    def _se_candidate_recipients(self):
        """``{proposal: res.users}``: the people on the list who have a user, and
        the leaders of the groups on it."""
        return {
            rec: rec.line_ids.employee_id.user_id
            | rec.line_ids.department_id.manager_id.user_id
            for rec in self
        }

    @staticmethod
    def _se_posted_texts(rec):
        _ = rec.env._
        return (
            _("The list %(name)s is posted", name=rec.name),
            _(
                "The proposed list %(name)s is posted publicly until %(date)s; "
                "comments are written on the proposal.",
                name=rec.name,
                date=rec._se_format_date(rec.posting_end),
            ),
        )

    def _on_decision_confirmed(self, decision):
        """The decision (checked and confirmed by the officer) closes the proposal:
        an automatic transition on the trusted path."""
        for rec in self:
            if rec.state == "submitted":
                rec._check_transition("decided")
                rec._write_state({"state": "decided"})
            rec.message_post(
                body=self.env._(
                    "Decision %(number)s of %(date)s recorded: %(count)s awards.",
                    number=decision.name,
                    date=self._se_format_date(decision.date),
                    count=len(decision.award_ids),
                )
            )

    def _se_decided_by_superior(self, decision, received):
        """The superior body's ``decision`` decided on these sent proposals;
        ``received`` are the awards it gave, now in the units' histories.
        ``decision``: the record (same database) or ``{number, date, body}``
        (a decision file)."""
        if not isinstance(decision, dict):
            decision = {
                "number": decision.name,
                "date": decision.date,
                "body": decision.sudo()._se_body_label(),
            }
        for rec in self.filtered(lambda p: p.state == "submitted"):
            with rec._trusted():
                rec._check_transition("decided")
                rec._write_state({"state": "decided"})
            mine = received.filtered(
                lambda a, r=rec: a.proposal_line_id.proposal_id == r
            )
            texts = rec._se_superior_decision_texts(decision, mine)
            rec.message_post(body=texts(rec)[1])
            rec._se_inform(
                {
                    rec: rec._se_school_officers()[rec]
                    | mine.employee_id.user_id
                    | mine.department_id.manager_id.user_id
                },
                texts,
            )

    def _se_superior_decision_texts(self, decision, awards):
        def texts(rec):
            _ = rec.env._
            return (
                _("Decision %(number)s recorded", number=decision["number"]),
                _(
                    "Decision %(number)s of %(date)s (%(body)s) decided on "
                    "%(name)s: %(count)s of %(total)s candidates awarded; the awards "
                    "are in the award history.",
                    number=decision["number"],
                    date=rec._se_format_date(decision["date"]),
                    body=decision["body"],
                    name=rec.name,
                    count=len(awards),
                    total=len(
                        rec.line_ids.filtered(
                            lambda ln: ln.council_result != "rejected"
                        )
                    ),
                ),
            )

        return texts

    def _se_registrations_to_propose(self):
        """The accepted registrations a proposal is filled from, best ranked first:
        a group's proposal takes its members' (the group and its staff), the
        school's takes all; of the proposal's school year, with the title or form
        they registered for."""
        self.ensure_one()
        domain = [
            ("movement_id.period_id", "=", self.period_id.id),
            ("company_id", "=", self.company_id.id),
            ("state", "=", "accepted"),
            "|",
            ("title_id", "!=", False),
            ("award_form_id", "!=", False),
        ]
        if self.level == "group":
            domain += [
                "|",
                ("department_id", "=", self.department_id.id),
                ("employee_id.department_id", "=", self.department_id.id),
            ]
        return (
            self.env["school.emulation.registration"]
            .sudo()
            .search(domain, order="total_score desc, id")
        )

    def action_fill_from_registrations(self):
        """One click instead of one pick per candidate: a line for each accepted
        registration (its subject, title or form, its commitment as the
        achievement), in ranking order, except those already on the proposal.
        Whoever may edit the draft (the group leader, the officer)."""
        self.ensure_one()
        _ = self.env._
        if self.state != "draft":
            raise UserError(_("Candidates are added to a draft proposal only."))
        self.check_access("write")
        if (
            self.level == "group"
            and not is_officer(self.env)
            and self.leader_user_id != self.env.user
        ):
            raise UserError(
                _(
                    "Only the leader of %(group)s or the officer can confirm it.",
                    group=self.department_id.name,
                )
            )
        have = {
            (ln.subject_key, ln.title_id.id, ln.award_form_id.id)
            for ln in self.line_ids
        }
        values = []
        for reg in self._se_registrations_to_propose():
            key = (reg.subject_key, reg.title_id.id, reg.award_form_id.id)
            if key in have:
                continue
            have.add(key)
            values.append(
                {
                    "proposal_id": self.id,
                    "subject_type": reg.subject_type,
                    "employee_id": reg.employee_id.id,
                    "student_id": reg.student_id.id,
                    "department_id": reg.department_id.id,
                    "class_id": reg.class_id.id,
                    "title_id": reg.title_id.id,
                    "award_form_id": reg.award_form_id.id,
                    "achievement": reg.commitment or False,
                }
            )
        lines = self.env["school.emulation.proposal.line"].create(values)
        self.message_post(
            body=_(
                "%(count)s candidates added from the accepted registrations.",
                count=len(lines),
            )
        )
        return True

    def _se_received_to_propose(self):
        """The candidates of the accepted received proposals of this school year,
        proposed to this proposal's authority, that no live proposal of this body
        holds yet."""
        self.ensure_one()
        taken = self.env["school.emulation.proposal.line"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("inbox_line_id", "!=", False),
                ("proposal_id.state", "!=", "rejected"),
            ]
        )
        return self.env["school.emulation.inbox.line"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("inbox_id.state", "=", "accepted"),
                ("inbox_id.period_id", "=", self.period_id.id),
                ("inbox_id.authority_id", "=", self.authority_id.id),
                ("id", "not in", taken.inbox_line_id.ids),
            ],
            order="sender_name, inbox_id, sequence, id",
        )

    def action_fill_from_received(self):
        """Consolidate: a line for each candidate of the units' accepted
        proposals (as they sent it), in one click. The officer of this body."""
        self.ensure_one()
        _ = self.env._
        if self.state != "draft":
            raise UserError(_("Candidates are added to a draft proposal only."))
        check_officer(
            self.env, _("Only the emulation officer consolidates received proposals.")
        )
        self.check_access("write")
        received = self._se_received_to_propose()
        lines = self.env["school.emulation.proposal.line"].create(
            [
                {
                    "proposal_id": self.id,
                    "sequence": index,
                    "subject_type": line.subject_type,
                    "title_id": line.title_id.id,
                    "award_form_id": line.award_form_id.id,
                    "award_type": line.award_type,
                    "achievement": line.achievement,
                    "inbox_line_id": line.id,
                }
                for index, line in enumerate(received, start=1)
            ]
        )
        self.message_post(
            body=_(
                "%(count)s candidates of %(units)s units consolidated from their "
                "accepted proposals.",
                count=len(lines),
                units=len(received.inbox_id.mapped("sender_name")),
            )
        )
        return True

    def action_open_acceptance(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Dossier Accepted"),
            "res_model": "school.emulation.proposal.acceptance",
            "view_mode": "form",
            "target": "new",
            "context": {"default_proposal_id": self.id},
        }

    def action_record_acceptance(self, accepted_date):
        """The receiving body accepted the dossier on ``accepted_date``: record the
        day and the rule set in force that day (domain.md §0.2: "Store on every
        proposal the date the receiving body accepted the dossier and the rule set
        applied"; a dossier accepted before 01/10/2026 stays under Luật
        06/2022/QH15). The rule set is catalogue data picked by its effective
        dates (``school.emulation.eligibility._rule_set_basis``). Officer only,
        once the proposal has been sent."""
        _ = self.env._
        check_officer(
            self.env,
            _("Only the emulation officer records that a dossier was accepted."),
        )
        for rec in self.filtered("receiving_company_id"):
            raise rec._se_answered_upstairs_error()
        return self._record_acceptance(accepted_date)

    def _record_acceptance(self, accepted_date):
        """After the checks of ``action_record_acceptance`` (or of the receiving
        body's inbox): the day and the rule set."""
        _ = self.env._
        day = fields.Date.to_date(accepted_date)
        if not day:
            raise UserError(_("Give the day the receiving body accepted the dossier."))
        Engine = self.env["school.emulation.eligibility"]
        for rec in self:
            if rec.state not in ("submitted", "decided", "rejected"):
                raise UserError(
                    _(
                        "Proposal %(name)s has not been sent: no body has accepted its "
                        "dossier.",
                        name=rec.name,
                    )
                )
            if rec.submitted_date and day < rec.submitted_date:
                raise UserError(
                    _(
                        "Proposal %(name)s was sent on %(sent)s: its dossier cannot "
                        "have been accepted on %(date)s.",
                        name=rec.name,
                        sent=self._se_format_date(rec.submitted_date),
                        date=self._se_format_date(day),
                    )
                )
            rec._write_state(
                {
                    "accepted_date": day,
                    "rule_basis_id": Engine._rule_set_basis(day, rec.company_id).id,
                }
            )
        return True

    # --- eligibility and dossier ----------------------------------------------
    def action_check_eligibility(self):
        self.line_ids._check_eligibility()
        return True

    def _prepare_documents(self):
        """Checklist rows for every document the candidates' titles and forms need."""
        Document = self.env["school.emulation.proposal.document"]
        for rec in self:
            have = {(d.item_type_id.id, d.line_id.id) for d in rec.document_ids}
            values = []
            for line in rec.line_ids.filtered(
                lambda ln: ln.council_result != "rejected"
            ):
                for item in (line.title_id or line.award_form_id).dossier_item_type_ids:
                    key = (item.id, line.id if item.scope == "line" else False)
                    if key not in have:
                        have.add(key)
                        values.append(
                            {
                                "proposal_id": rec.id,
                                "item_type_id": item.id,
                                "line_id": key[1],
                            }
                        )
            Document.create(values)

    def attach_to_checklist(self, item_code, attachment_ids, line_id=False):
        """Attach files to a checklist document (by its code), e.g. a generated
        PDF or a scanned signed copy."""
        self.ensure_one()
        self._prepare_documents()
        docs = self.document_ids.filtered(
            lambda d: d.item_type_id.code == item_code
            and (not line_id or d.line_id.id == line_id)
        )
        if not docs:
            raise UserError(
                self.env._(
                    "The dossier of %(name)s has no document %(code)s.",
                    name=self.name,
                    code=item_code,
                )
            )
        # a file of nobody's record is readable by its uploader only: tie it to the
        # proposal so that whoever may read the proposal reads its dossier
        self.env["ir.attachment"].browse(attachment_ids).filtered(
            lambda a: not a.res_model
        ).write({"res_model": self._name, "res_id": self.id})
        docs.write({"attachment_ids": [fields.Command.link(a) for a in attachment_ids]})
        return True

    def action_prepare_dossier(self):
        self._prepare_documents()
        return True


class SchoolEmulationProposalLine(models.Model):
    """A candidate of a proposal: who, for which title or form, for what, whether
    the rules hold and what the council decided."""

    _name = "school.emulation.proposal.line"
    _description = "Award Proposal Line"
    _inherit = ["school.emulation.received.mixin"]
    _order = "proposal_id, sequence, id"
    _check_company_auto = True
    # eligibility, ballot rule and ballot results: written by the server only
    _SERVER_FIELDS = (
        "eligible",
        "eligibility_reasons",
        "eligibility_checked",
        "ballot_required",
        "ballot_threshold_pct",
        "vote_yes",
        "vote_cast",
        "vote_members",
        "vote_passed",
        "council_result",
    )
    # the candidate: changed only while the proposal is a draft (or returned)
    _CANDIDATE_FIELDS = (
        "proposal_id",
        "inbox_line_id",
        "sequence",
        "subject_type",
        "employee_id",
        "student_id",
        "department_id",
        "class_id",
        "title_id",
        "award_form_id",
        "award_type",
        "achievement",
        "initiative_id",
    )

    proposal_id = fields.Many2one(
        "school.emulation.proposal", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    period_id = fields.Many2one(related="proposal_id.period_id", store=True)
    proposal_state = fields.Selection(related="proposal_id.state", string="Stage")
    title_id = fields.Many2one(
        "school.emulation.title",
        string="Title",
        ondelete="restrict",
        domain=IN_FORCE_AT_YEAR_END[:-1] + ", ('is_default_variant', '=', True)]",
    )
    award_form_id = fields.Many2one(
        "school.emulation.award.form",
        string="Award Form",
        ondelete="restrict",
        domain=IN_FORCE_AT_YEAR_END,
    )
    period_date_end = fields.Date(
        related="proposal_id.period_id.date_end", string="End of the School Year"
    )
    award_name = fields.Char(string="Award", compute="_compute_award_name", store=True)
    award_type = fields.Selection(AWARD_TYPES, required=True, default="merit")
    achievement = fields.Text(help="Summary of the achievement.")
    initiative_id = fields.Many2one(
        "school.emulation.initiative",
        string="Initiative Used",
        check_company=True,
        ondelete="restrict",
    )
    eligible = fields.Boolean(readonly=True, copy=False)
    eligibility_reasons = fields.Text(readonly=True, copy=False)
    eligibility_checked = fields.Datetime(readonly=True, copy=False)
    session_id = fields.Many2one(
        "school.emulation.council.session",
        string="Council Session",
        index=True,
        ondelete="set null",
        copy=False,
    )
    ballot_required = fields.Boolean(readonly=True, copy=False)
    ballot_threshold_pct = fields.Integer(
        string="Threshold (%)", readonly=True, copy=False
    )
    vote_yes = fields.Integer(string="Yes", readonly=True, copy=False)
    vote_cast = fields.Integer(string="Ballots", readonly=True, copy=False)
    vote_members = fields.Integer(string="Council Members", readonly=True, copy=False)
    vote_passed = fields.Boolean(readonly=True, copy=False)
    vote_pct = fields.Float(
        string="Yes (% of members)", compute="_compute_vote_pct", digits=(5, 2)
    )
    council_result = fields.Selection(
        [("pending", "Pending"), ("approved", "Approved"), ("rejected", "Rejected")],
        default="pending",
        required=True,
        copy=False,
    )
    award_ids = fields.One2many(
        "school.emulation.award", "proposal_line_id", string="Awards Given"
    )
    company_id = fields.Many2one(
        related="proposal_id.company_id", store=True, index=True
    )

    _sql_constraints = [
        (
            "title_or_form",
            "CHECK((title_id IS NULL) != (award_form_id IS NULL))",
            "A candidate is proposed for a title or an award form, not both.",
        ),
    ]

    @api.depends("title_id", "award_form_id")
    def _compute_award_name(self):
        for rec in self:
            rec.award_name = (rec.title_id or rec.award_form_id).name or ""

    def _se_unit_subject_key(self):
        """Who this candidate is, as the body above keeps it."""
        self.ensure_one()
        return self.subject_key

    @api.depends("vote_yes", "vote_members")
    def _compute_vote_pct(self):
        for rec in self:
            rec.vote_pct = (
                100.0 * rec.vote_yes / rec.vote_members if rec.vote_members else 0.0
            )

    @api.depends("subject_name", "award_name")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = f"{rec.subject_name} - {rec.award_name}"

    @api.onchange("initiative_id")
    def _onchange_initiative_id(self):
        used = self.initiative_id.used_for_award_id
        if used:
            return {
                "warning": {
                    "title": self.env._("Initiative already used"),
                    "message": self.env._(
                        "%(initiative)s already supports %(award)s; an initiative "
                        "is used for one award only.",
                        initiative=self.initiative_id.name,
                        award=used.display_name,
                    ),
                }
            }

    @api.onchange("title_id")
    def _onchange_title_id(self):
        if self.title_id:
            self.award_type = self.title_id.award_type

    def _refuse_server_fields(self, names):
        raise UserError(
            self.env._(
                "Proposal candidates: %(fields)s are set by the eligibility check or "
                "the council, never written directly.",
                fields=", ".join(
                    self._fields[n]._description_string(self.env) for n in sorted(names)
                ),
            )
        )

    def _check_proposal_open(self, proposals):
        for proposal in proposals.filtered(
            lambda p: p.state not in ("draft", "returned")
        ):
            raise UserError(
                self.env._(
                    "Proposal %(name)s is %(state)s: its candidates can no longer "
                    "change.",
                    name=proposal.name,
                    state=proposal._state_label(),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not is_server_write(self.env, self._name):
            names = {
                n
                for v in vals_list
                for n in self._SERVER_FIELDS
                if v.get(n) and not (n == "council_result" and v[n] == "pending")
            }
            if names:
                self._refuse_server_fields(names)
            self._check_proposal_open(
                self.env["school.emulation.proposal"].browse(
                    {v["proposal_id"] for v in vals_list if v.get("proposal_id")}
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        trusted = is_server_write(self.env, self._name)
        if not trusted:
            names = set(vals) & set(self._SERVER_FIELDS)
            if names:
                self._refuse_server_fields(names)
            if set(vals) & set(self._CANDIDATE_FIELDS):
                proposals = self.proposal_id
                if vals.get("proposal_id"):
                    proposals |= proposals.browse(vals["proposal_id"])
                self._check_proposal_open(proposals)
        if "council_result" in vals:
            for line in self:
                if line.ballot_required and line.session_id.state == "closed":
                    raise UserError(
                        self.env._(
                            "The ballot decided %(line)s.", line=line.display_name
                        )
                    )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        if not is_server_write(self.env, self._name):
            self._check_proposal_open(self.proposal_id)

    def _write_trusted(self, vals):
        with trusted_write(self._name):
            return self.write(vals)

    def _compute_ballot_rule(self):
        """Ballot requirement and threshold of the title rule in force."""
        for line in self:
            if not line.title_id:
                line._write_trusted(
                    {"ballot_required": False, "ballot_threshold_pct": 0}
                )
                continue
            title = line.title_id
            rule = title._get_rule(
                title.code,
                line.period_id.date_end,
                variant=None if title.is_default_variant else title.variant,
                company=line.company_id,
            )._rule_values()
            line._write_trusted(
                {
                    "ballot_required": rule["ballot_required"],
                    "ballot_threshold_pct": rule["ballot_threshold_pct"],
                }
            )

    def _check_eligibility(self):
        """Judge these candidates with the one evaluation of their round
        (``school.emulation.eligibility.evaluate_round``, which the menu's check
        uses too) and write the answers: why not, or why yes. One write per
        distinct answer."""
        Engine = self.env["school.emulation.eligibility"]
        received = self.filtered("inbox_line_id")
        for line in received:
            line._write_trusted(
                {
                    "eligible": line.inbox_line_id.eligible,
                    "eligibility_reasons": line.inbox_line_id.eligibility_reasons,
                    "eligibility_checked": fields.Datetime.now(),
                }
            )
        groups = defaultdict(lambda: self.browse())
        for line in (self - received).filtered("title_id"):
            groups[(line.period_id, line.title_id, line.subject_type)] |= line
        by_period = defaultdict(list)
        for (period, title, kind), lines in groups.items():
            field = SUBJECT_FIELDS.get(kind)
            subjects = lines.mapped(field) if field else lines.company_id
            by_period[period].append((title, subjects, lines))
        answers = defaultdict(lambda: self.browse())
        for period, items in by_period.items():
            found = Engine.evaluate_round(
                period, [(title, subjects) for title, subjects, _lines in items]
            )
            for (_title, _subjects, lines), results in zip(items, found, strict=True):
                for line in lines:
                    res = results[line._subject().id]
                    answers[(res["eligible"], res["explanation"])] |= line
        now = fields.Datetime.now()
        for (eligible, text), lines in answers.items():
            lines._write_trusted(
                {
                    "eligible": eligible,
                    "eligibility_reasons": text,
                    "eligibility_checked": now,
                }
            )

    def _award_values(self):
        self.ensure_one()
        return {
            "proposal_line_id": self.id,
            "period_id": self.period_id.id,
            "subject_type": self.subject_type,
            "employee_id": self.employee_id.id,
            "student_id": self.student_id.id,
            "department_id": self.department_id.id,
            "class_id": self.class_id.id,
            "title_id": self.title_id.id,
            "award_form_id": self.award_form_id.id,
            "award_type": self.award_type,
            "achievement": self.achievement,
            "initiative_id": self.initiative_id.id,
            "inbox_line_id": self.inbox_line_id.id,
            "company_id": self.company_id.id,
        }

    def action_approve(self):
        self._council_decide("approved")

    def action_reject(self):
        self._council_decide("rejected")

    def _council_decide(self, result):
        """Consensus result for candidates that need no ballot (LĐTT, TTLĐTT...)."""
        check_officer(
            self.env, self.env._("Only the emulation officer records the result.")
        )
        if self.filtered("ballot_required"):
            raise UserError(
                self.env._("Candidates for a ballot title are decided by the ballot.")
            )
        self._write_trusted({"council_result": result})


class SchoolEmulationProposalDocument(models.Model):
    _name = "school.emulation.proposal.document"
    _description = "Dossier Document"
    _order = "proposal_id, item_type_id, line_id"

    proposal_id = fields.Many2one(
        "school.emulation.proposal", required=True, ondelete="cascade", index=True
    )
    item_type_id = fields.Many2one(
        "school.emulation.dossier.item.type",
        string="Document",
        required=True,
        ondelete="restrict",
    )
    line_id = fields.Many2one(
        "school.emulation.proposal.line", string="Candidate", ondelete="cascade"
    )
    attachment_ids = fields.Many2many("ir.attachment", string="Files")
    done = fields.Boolean(compute="_compute_done", store=True)
    note = fields.Char()
    company_id = fields.Many2one(
        related="proposal_id.company_id", store=True, index=True
    )

    @api.depends(
        "attachment_ids",
        "item_type_id.generated",
        "proposal_id.line_ids.session_id.state",
    )
    def _compute_done(self):
        """Done when a file is attached, or when the software writes the document
        itself (``item_type_id.generated``): the Tờ trình and its list always (they
        are issued with the submission), the minutes once every council session
        of the proposal is closed."""
        for rec in self:
            generated = rec.item_type_id.generated
            sessions = rec.proposal_id.line_ids.session_id
            rec.done = bool(
                rec.attachment_ids
                or generated == "proposal"
                or (
                    generated == "minutes"
                    and sessions
                    and all(s.state == "closed" for s in sessions)
                )
            )

    @api.depends("item_type_id.name", "line_id.subject_name")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = rec.item_type_id.name + (
                f" ({rec.line_id.subject_name})" if rec.line_id else ""
            )


class SchoolEmulationProposalComment(models.Model):
    """A comment received during the public posting, and the answer."""

    _name = "school.emulation.proposal.comment"
    _description = "Public Posting Comment"
    _order = "create_date desc, id desc"

    proposal_id = fields.Many2one(
        "school.emulation.proposal", required=True, ondelete="cascade", index=True
    )
    line_id = fields.Many2one(
        "school.emulation.proposal.line",
        string="About",
        ondelete="set null",
        domain="[('proposal_id', '=', proposal_id)]",
    )
    author_id = fields.Many2one(
        "res.users", string="Author", default=lambda self: self.env.user, readonly=True
    )
    comment = fields.Text(required=True)
    response = fields.Text(help="The council's answer.")
    company_id = fields.Many2one(
        related="proposal_id.company_id", store=True, index=True
    )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        for rec in records:
            if rec.proposal_id.state != "published" and not is_officer(self.env):
                raise UserError(
                    self.env._("Comments are taken while the list is publicly posted.")
                )
        return records
