from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import package
from .school_emulation_award import AWARD_TYPES
from .school_emulation_registration import SUBJECT_TYPES
from .school_emulation_state_mixin import check_officer, trusted_write

INBOX_STATES = [
    ("waiting", "Waiting"),
    ("returned", "Returned"),
    ("accepted", "Dossier accepted"),
    ("decided", "Decided"),
]
REVIEW_ACTIVITY = "school_emulation.mail_activity_se_receive"


class SchoolEmulationInbox(models.Model):
    """A proposal a unit below sent to this body (hồ sơ đề nghị nhận được): what
    was sent, as it was sent: the header, the candidates and the dossier files,
    copied at the submission (or imported from the unit's dossier ZIP). The body
    answers it here (returned with a reason, or accepted on a day); the unit's own
    proposal follows. The body never reads the unit's records: only this copy."""

    _name = "school.emulation.inbox"
    _description = "Received Proposal"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.emulation.state.mixin"]
    _order = "submitted_date desc, id desc"
    _check_company_auto = True
    _TRANSITIONS = {
        "waiting": {"returned", "accepted"},
        "returned": {"waiting"},
        "accepted": {"decided", "returned"},
        "decided": set(),
    }
    _LOCKED_STATES = ("waiting", "returned", "accepted", "decided")
    # everything is what the unit sent or the body's answer: server only
    _SERVER_FIELDS = (
        "name",
        "sender_company_id",
        "sender_name",
        "proposal_id",
        "proposal_ref",
        "to_trinh_number",
        "submitted_date",
        "deadline",
        "description",
        "authority_id",
        "period_id",
        "period_name",
        "line_ids",
        "attachment_ids",
        "return_reason",
        "accepted_date",
        "rule_basis_id",
        "decided_date",
        "origin",
        "package_sha256",
        "company_id",
    )

    name = fields.Char(compute="_compute_name", store=True)
    sender_company_id = fields.Many2one(
        "res.company",
        string="Unit",
        index=True,
        readonly=True,
        help="The unit below that sent the proposal (in this database).",
    )
    sender_name = fields.Char(string="Unit Name", required=True, readonly=True)
    proposal_id = fields.Many2one(
        "school.emulation.proposal",
        string="Unit's Proposal",
        index=True,
        readonly=True,
        ondelete="set null",
        help="The unit's own proposal (same database): it follows the answers.",
    )
    proposal_ref = fields.Char(string="Unit's Reference", readonly=True)
    to_trinh_number = fields.Char(string="Submission Number", readonly=True)
    submitted_date = fields.Date(string="Sent On", readonly=True)
    deadline = fields.Date(string="Submission Deadline", readonly=True)
    description = fields.Char(string="Subject", readonly=True)
    authority_id = fields.Many2one(
        "school.emulation.authority",
        string="Proposed To",
        readonly=True,
        ondelete="restrict",
    )
    period_id = fields.Many2one(
        "school.emulation.period",
        string="School Year",
        index=True,
        readonly=True,
        check_company=True,
        ondelete="restrict",
    )
    period_name = fields.Char(string="Unit's School Year", readonly=True)
    line_ids = fields.One2many(
        "school.emulation.inbox.line", "inbox_id", string="Candidates", readonly=True
    )
    line_count = fields.Integer(compute="_compute_line_count")
    attachment_ids = fields.Many2many(
        "ir.attachment", string="Dossier Files", readonly=True, copy=False
    )
    return_reason = fields.Text(readonly=True, tracking=True)
    accepted_date = fields.Date(
        string="Dossier Accepted On",
        readonly=True,
        tracking=True,
        help="The rules in force that day are the ones the proposal is judged under.",
    )
    rule_basis_id = fields.Many2one(
        "school.emulation.legal.basis",
        string="Judged Under",
        readonly=True,
        ondelete="restrict",
    )
    decided_date = fields.Date(readonly=True, tracking=True)
    origin = fields.Selection(
        [("database", "Sent in this database"), ("import", "Imported dossier file")],
        default="database",
        required=True,
        readonly=True,
    )
    package_sha256 = fields.Char(
        string="Dossier File SHA-256",
        readonly=True,
        index=True,
        help="The fingerprint of the imported dossier ZIP: a file is imported once.",
    )
    state = fields.Selection(
        INBOX_STATES,
        default="waiting",
        required=True,
        readonly=True,
        tracking=True,
        group_expand="_group_expand_states",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Receiving Body",
        required=True,
        index=True,
        readonly=True,
        default=lambda self: self.env.company,
    )

    _sql_constraints = [
        (
            "package_once",
            "UNIQUE(company_id, package_sha256)",
            "This dossier file was already imported.",
        ),
    ]

    @api.model
    def _group_expand_states(self, states, domain):
        return [key for key, _label in INBOX_STATES]

    @api.depends("sender_name", "to_trinh_number", "proposal_ref")
    def _compute_name(self):
        for rec in self:
            number = rec.to_trinh_number or rec.proposal_ref or ""
            rec.name = " - ".join(p for p in (number, rec.sender_name) if p)

    @api.depends("line_ids")
    def _compute_line_count(self):
        for rec in self:
            rec.line_count = len(rec.line_ids)

    @api.model_create_multi
    def create(self, vals_list):
        if not self._is_trusted():
            raise UserError(
                self.env._(
                    "A received proposal comes from a unit's submission or from its "
                    "dossier file; it is not typed in."
                )
            )
        return super().create(vals_list)

    # --- receiving ---------------------------------------------------------------
    @api.model
    def _se_period_of(self, company, day):
        """The receiving body's school year holding ``day`` (its own record)."""
        if not day:
            return self.env["school.emulation.period"]
        return (
            self.env["school.emulation.period"]
            .sudo()
            .search(
                [
                    ("company_id", "=", company.id),
                    ("date_start", "<=", day),
                    ("date_end", ">=", day),
                ],
                limit=1,
            )
        )

    @api.model
    def _se_receive(self, proposal, receiver):
        """The submitted ``proposal`` arrives at ``receiver`` (same database):
        a new received proposal, or the one it was returned from, refreshed.
        Server code, called by the submission after its checks."""
        proposal = proposal.sudo()
        Inbox = self.sudo().with_context(mail_create_nolog=True)
        inbox = Inbox.search(
            [("proposal_id", "=", proposal.id), ("company_id", "=", receiver.id)],
            limit=1,
        )
        values = {
            "sender_company_id": proposal.company_id.id,
            "sender_name": proposal.company_id.name,
            "proposal_id": proposal.id,
            "proposal_ref": proposal.name,
            "to_trinh_number": proposal.to_trinh_number,
            "submitted_date": proposal.submitted_date,
            "deadline": proposal.deadline,
            "description": proposal.description,
            "authority_id": proposal.authority_id.id,
            "period_id": self._se_period_of(receiver, proposal.period_id.date_end).id,
            "period_name": proposal.period_id.name,
            "company_id": receiver.id,
            "line_ids": [fields.Command.clear()]
            + [
                fields.Command.create(vals)
                for vals in self.env["school.emulation.inbox.line"]._se_values_from(
                    proposal.line_ids.filtered(
                        lambda ln: ln.council_result != "rejected"
                    )
                )
            ],
        }
        files = [
            {"name": a.name, "raw": a.raw, "mimetype": a.mimetype}
            for a in proposal.document_ids.attachment_ids.sudo()
        ]
        return Inbox._se_store(inbox, values, files)

    @api.model
    def _se_store(self, inbox, values, files):
        """Create the received proposal (or refresh ``inbox``, returned and sent
        again) with ``values`` and the dossier ``files`` (attachment values), and
        give its review to the body's officers. Server code."""
        if inbox and inbox.state != "returned":
            raise UserError(
                self.env._(
                    "%(name)s is already with %(body)s.",
                    name=inbox.proposal_ref or inbox.name,
                    body=inbox.company_id.name,
                )
            )
        with trusted_write(self._name):
            if inbox:
                inbox.attachment_ids.unlink()
                inbox.write({**values, "state": "waiting", "return_reason": False})
                inbox.message_post(
                    body=self.env._(
                        "Sent again, completed, on %(date)s.",
                        date=self._se_format_date(inbox.submitted_date),
                    )
                )
            else:
                inbox = self.sudo().with_context(mail_create_nolog=True).create(values)
            attachments = (
                self.env["ir.attachment"]
                .sudo()
                .create(
                    [
                        {**vals, "res_model": self._name, "res_id": inbox.id}
                        for vals in files
                    ]
                )
            )
            inbox.write({"attachment_ids": [fields.Command.set(attachments.ids)]})
        inbox._se_tell_received()
        return inbox

    # --- between two databases -----------------------------------------------------
    @api.model
    def _se_file_error(self, filename, problems):
        """The refusal of a file with ``problems`` (``package.Problem``): each one
        in words, nothing imported."""
        _ = self.env._
        texts = {
            "not_zip": _("the file is not a ZIP archive"),
            "no_manifest": _("the ZIP holds no manifest.json"),
            "bad_manifest": _("manifest.json cannot be read"),
            "missing": _("%(name)s is listed in the manifest but missing"),
            "changed": _(
                "%(name)s differs from the manifest (size or SHA-256): it was "
                "changed after the file was made"
            ),
            "unlisted": _("%(name)s is in the file but not in the manifest"),
            "no_package": _(
                "the manifest lists no proposal and candidates: export the dossier "
                "again with an up-to-date version"
            ),
            "version": _("the file's format version %(name)s is not read here"),
            "not_json": _("the file is not a decision file (JSON)"),
            "not_decision": _("the file is not a decision file of this product"),
            "no_awards": _("the decision file lists no award"),
            "unknown_award": _("%(name)s: no such title or award form in force"),
        }
        lines = [
            texts[problem.code] % {"name": problem.name or "-"} for problem in problems
        ]
        return UserError(
            _(
                "%(file)s is refused, nothing was imported:\n%(problems)s",
                file=filename or _("The file"),
                problems="\n".join(f"- {line}" for line in lines),
            )
        )

    @api.model
    def _se_import_package(self, data, filename=""):
        """Import a unit's dossier ZIP (the unit on its own database): every file
        checked against the manifest's SHA-256, the proposal and its candidates
        created in this body's inbox with the files attached. A ZIP with anything
        wrong, addressed to another body, or imported before is refused whole."""
        _ = self.env._
        check_officer(
            self.env, _("Only the emulation officer imports a unit's dossier.")
        )
        receiver = self.env.company
        manifest, files, problems = package.read_dossier(data)
        if problems:
            raise self._se_file_error(filename, problems)
        pkg = manifest["package"]
        if not package.same_name(pkg.get("superior"), receiver.name):
            raise UserError(
                _(
                    "%(file)s is addressed to %(body)s, not to %(receiver)s: the "
                    "body it is sent to imports it.",
                    file=filename or _("The file"),
                    body=pkg.get("superior") or "-",
                    receiver=receiver.name,
                )
            )
        digest = package.sha256(data)
        Inbox = self.sudo()
        if Inbox.search_count(
            [("company_id", "=", receiver.id), ("package_sha256", "=", digest)]
        ):
            raise UserError(
                _("%(file)s was already imported.", file=filename or _("The file"))
            )
        inbox = Inbox.search(
            [
                ("company_id", "=", receiver.id),
                ("sender_company_id", "=", False),
                ("sender_name", "=", pkg.get("unit")),
                ("proposal_ref", "=", pkg.get("proposal_ref")),
            ],
            limit=1,
        )
        year = pkg.get("school_year") or {}
        period = self._se_period_of(receiver, year.get("date_end"))
        lines, problems = self._se_lines_from_package(
            pkg["candidates"], year.get("date_end"), receiver
        )
        if problems:
            raise self._se_file_error(filename, problems)
        authority = (
            self.env["school.emulation.authority"]
            .sudo()
            ._get_in_force(
                pkg.get("submitted_date") or year.get("date_end"),
                [("code", "=", pkg.get("authority_code"))],
                company=receiver,
                raise_if_missing=False,
            )[:1]
        )
        values = {
            "sender_company_id": False,
            "sender_name": pkg.get("unit") or "-",
            "proposal_id": False,
            "proposal_ref": pkg.get("proposal_ref"),
            "to_trinh_number": pkg.get("to_trinh_number"),
            "submitted_date": pkg.get("submitted_date") or False,
            "deadline": pkg.get("deadline") or False,
            "description": pkg.get("description"),
            "authority_id": authority.id,
            "period_id": period.id,
            "period_name": year.get("name"),
            "company_id": receiver.id,
            "origin": "import",
            "package_sha256": digest,
            "line_ids": [fields.Command.clear()]
            + [fields.Command.create(vals) for vals in lines],
        }
        mimetypes = {"pdf": "application/pdf", "json": "application/json"}
        attachments = [
            {
                "name": name,
                "raw": content,
                "mimetype": mimetypes.get(name.rpartition(".")[2].lower()),
            }
            for name, content in files.items()
        ]
        attachments.append(
            {
                "name": filename or "ho-so.zip",
                "raw": data,
                "mimetype": "application/zip",
            }
        )
        return self._se_store(inbox, values, attachments)

    @api.model
    def _se_lines_from_package(self, candidates, date_end, receiver):
        """Inbox line values of a package's candidates; a title or award form
        unknown here on the year's last day is a problem."""
        Title = self.env["school.emulation.title"].sudo()
        Form = self.env["school.emulation.award.form"].sudo()
        values, problems = [], []
        found = {}  # one lookup per code of the package, not per candidate

        def lookup(Model, code, extra=()):
            if (Model._name, code) not in found:
                found[(Model._name, code)] = Model._get_in_force(
                    date_end,
                    [("code", "=", code), *extra],
                    company=receiver,
                    raise_if_missing=False,
                )[:1]
            return found[(Model._name, code)]

        for row in candidates:
            title = form = None
            if row.get("title_code"):
                title = lookup(
                    Title, row["title_code"], [("is_default_variant", "=", True)]
                )
            elif row.get("form_code"):
                form = lookup(Form, row["form_code"])
            if not (title or form):
                problems.append(
                    package.Problem(
                        "unknown_award",
                        row.get("title_code") or row.get("form_code") or "-",
                    )
                )
                continue
            values.append(
                {
                    "sequence": row.get("sequence") or 10,
                    "subject_type": row.get("subject_type") or "employee",
                    "subject_name": row.get("subject_name") or "-",
                    "subject_ref": row.get("subject_ref"),
                    "job_title": row.get("job_title") or False,
                    "title_id": title.id if title else False,
                    "award_form_id": form.id if form else False,
                    "award_name": (title or form).name,
                    "award_type": row.get("award_type") or "merit",
                    "achievement": row.get("achievement") or False,
                    "eligible": bool(row.get("eligible")),
                    "eligibility_reasons": row.get("eligibility_reasons") or False,
                    "unit_vote": row.get("unit_vote") or False,
                    "source_ref": row.get("line_ref"),
                }
            )
        return values, problems

    def _se_tell_received(self):
        """The body's officers are given the review of what arrived."""
        officers = self._se_school_officers()
        self._se_schedule(
            officers,
            REVIEW_ACTIVITY,
            lambda r: (
                r.env._("Proposal received from %(unit)s", unit=r.sender_name),
                r.env._(
                    "%(unit)s sent %(name)s (%(count)s candidates): accept the "
                    "dossier or return it with the reason.",
                    unit=r.sender_name,
                    name=r.name,
                    count=len(r.line_ids),
                ),
            ),
            deadline=lambda r: r.deadline or r._se_today(r.company_id),
        )

    # --- answers -----------------------------------------------------------------
    def _check_transition_rights(self, new_state):
        check_officer(
            self.env,
            self.env._(
                "Only the emulation officer of the receiving body answers a received "
                "proposal."
            ),
        )

    def _check_transition_record(self, new_state):
        if self.company_id not in self.env.companies:
            raise UserError(
                self.env._(
                    "%(name)s was sent to %(body)s: only that body answers it.",
                    name=self.name,
                    body=self.company_id.name,
                )
            )

    def action_return(self, reason):
        """Return the dossier for completion, with the reason; the unit's proposal
        is returned with it and its officer is asked to complete it."""
        _ = self.env._
        if not reason or not reason.strip():
            raise UserError(_("Write the reason."))
        self._check_transition("returned")
        for rec in self:
            rec._write_state({"state": "returned", "return_reason": reason.strip()})
            rec._se_close(REVIEW_ACTIVITY)
            if rec.proposal_id:  # same database: the unit's proposal follows
                rec.proposal_id.sudo()._se_answered_by_superior(rec, "returned")
        return True

    def action_accept(self, accepted_date):
        """Accept the dossier on ``accepted_date``: the rule set in force that day
        applies (domain.md §0.2), recorded here and on the unit's proposal."""
        _ = self.env._
        day = fields.Date.to_date(accepted_date)
        if not day:
            raise UserError(_("Give the day the receiving body accepted the dossier."))
        self._check_transition("accepted")
        Engine = self.env["school.emulation.eligibility"].sudo()
        for rec in self:
            if rec.submitted_date and day < rec.submitted_date:
                raise UserError(
                    _(
                        "%(name)s was sent on %(sent)s: its dossier cannot have been "
                        "accepted on %(date)s.",
                        name=rec.name,
                        sent=self._se_format_date(rec.submitted_date),
                        date=self._se_format_date(day),
                    )
                )
            rec._write_state(
                {
                    "state": "accepted",
                    "accepted_date": day,
                    "rule_basis_id": Engine._rule_set_basis(day, rec.company_id).id,
                }
            )
            rec._se_close(REVIEW_ACTIVITY)
            if rec.proposal_id:  # same database: the unit's proposal follows
                rec.proposal_id.sudo()._se_answered_by_superior(rec, "accepted")
        return True

    def _se_decided(self, decision):
        """``decision`` (confirmed) decided on these received proposals."""
        for rec in self.filtered(lambda r: r.state == "accepted"):
            with trusted_write(self._name):
                rec.write({"state": "decided", "decided_date": decision.date})
            rec.message_post(
                body=self.env._(
                    "Decided by %(number)s of %(date)s.",
                    number=decision.name,
                    date=self._se_format_date(decision.date),
                )
            )

    def action_open_answer(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Answer the Unit"),
            "res_model": "school.emulation.inbox.answer",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_inbox_id": self.id,
                "default_action": self.env.context.get("answer", "accept"),
            },
        }


class SchoolEmulationInboxLine(models.Model):
    """A candidate of a received proposal, as the unit sent it."""

    _name = "school.emulation.inbox.line"
    _description = "Received Proposal Candidate"
    _order = "inbox_id, sequence, id"
    _check_company_auto = True

    inbox_id = fields.Many2one(
        "school.emulation.inbox", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    subject_type = fields.Selection(SUBJECT_TYPES, required=True)
    subject_name = fields.Char(string="Recipient", required=True)
    subject_ref = fields.Char(
        string="Unit's Subject Key",
        help="Who the candidate is in the unit's records (kind and id there).",
    )
    job_title = fields.Char(string="Position")
    title_id = fields.Many2one(
        "school.emulation.title", string="Title", ondelete="restrict"
    )
    award_form_id = fields.Many2one(
        "school.emulation.award.form", string="Award Form", ondelete="restrict"
    )
    award_name = fields.Char(string="Award")
    award_type = fields.Selection(AWARD_TYPES, required=True, default="merit")
    achievement = fields.Text()
    eligible = fields.Boolean(string="Eligible at the Unit")
    eligibility_reasons = fields.Text(string="Unit's Eligibility Check")
    unit_vote = fields.Char(string="Unit's Ballot")
    source_line_id = fields.Many2one(
        "school.emulation.proposal.line",
        string="Unit's Candidate",
        index=True,
        ondelete="set null",
    )
    source_ref = fields.Char(
        string="Unit's Line Key",
        help="The candidate's key in the unit's database (dossier files).",
    )
    sender_company_id = fields.Many2one(
        related="inbox_id.sender_company_id", store=True, string="Unit"
    )
    sender_name = fields.Char(related="inbox_id.sender_name", store=True)
    inbox_state = fields.Selection(related="inbox_id.state", string="Stage")
    period_id = fields.Many2one(related="inbox_id.period_id", store=True)
    consolidated_line_ids = fields.One2many(
        "school.emulation.proposal.line", "inbox_line_id", string="Proposed On"
    )
    company_id = fields.Many2one(related="inbox_id.company_id", store=True, index=True)

    @api.depends("subject_name", "award_name", "sender_name")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = (
                f"{rec.subject_name} ({rec.sender_name}) - {rec.award_name}"
            )

    def _se_subject_key(self):
        """The candidate's key at this body: its unit and its key there."""
        self.ensure_one()
        unit = self.inbox_id.sender_company_id.id or self.inbox_id.sender_name
        return f"unit:{unit}/{self.subject_ref or self.id}"

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env["school.emulation.inbox"]._is_trusted():
            raise UserError(
                self.env._("The candidates of a received proposal are what was sent.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env["school.emulation.inbox"]._is_trusted():
            raise UserError(
                self.env._("The candidates of a received proposal are what was sent.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_trusted(self):
        if not self.env["school.emulation.inbox"]._is_trusted():
            raise UserError(
                self.env._("The candidates of a received proposal are what was sent.")
            )

    @api.model
    def _se_values_from(self, lines):
        """Inbox line values of the unit's proposal ``lines`` (read as sent)."""
        return [
            {
                "sequence": line.sequence,
                "subject_type": line.subject_type,
                "subject_name": line.subject_name,
                "subject_ref": line._se_unit_subject_key(),
                "job_title": line.employee_id.job_title
                or line.inbox_line_id.job_title
                or False,
                "title_id": line.title_id.id,
                "award_form_id": line.award_form_id.id,
                "award_name": line.award_name,
                "award_type": line.award_type,
                "achievement": line.achievement,
                "eligible": line.eligible,
                "eligibility_reasons": line.eligibility_reasons,
                "unit_vote": (
                    f"{line.vote_yes}/{line.vote_members}"
                    if line.ballot_required and line.vote_members
                    else False
                ),
                "source_line_id": line.id,
                "source_ref": str(line.id),
            }
            for line in lines
        ]

    @api.model
    def _se_package_rows(self, lines):
        """The candidates of a unit's proposal ``lines`` as its dossier file
        carries them (codes, not ids of this database)."""
        rows = []
        for vals, line in zip(self._se_values_from(lines), lines, strict=True):
            vals.pop("source_line_id")
            vals["line_ref"] = vals.pop("source_ref")
            vals["title_code"] = line.title_id.code or ""
            vals["form_code"] = line.award_form_id.code or ""
            del vals["title_id"], vals["award_form_id"]
            rows.append(vals)
        return rows

    @api.constrains("title_id", "award_form_id")
    def _check_award(self):
        for rec in self:
            if bool(rec.title_id) == bool(rec.award_form_id):
                raise ValidationError(
                    self.env._(
                        "A candidate is proposed for a title or an award form, "
                        "not both."
                    )
                )
