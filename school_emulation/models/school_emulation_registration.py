from odoo import api, fields, models, tools
from odoo.exceptions import UserError

from ..tools import scoring
from .school_emulation_state_mixin import is_officer, trusted_write

SUBJECT_TYPES = [
    ("employee", "Staff Member"),
    ("student", "Student"),
    ("department", "Group"),
    ("class", "Class"),
    ("school", "School"),
]
SUBJECT_FIELDS = {
    "employee": "employee_id",
    "student": "student_id",
    "department": "department_id",
    "class": "class_id",
}
FIELD_SUBJECTS = {field: subject for subject, field in SUBJECT_FIELDS.items()}
REGISTRATION_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("accepted", "Accepted"),
    ("returned", "Returned"),
]


# A picker offers the catalogue version (title, award form) in force at the end
# of the school year, as the eligibility check reads it.
IN_FORCE_AT_YEAR_END = (
    "[('date_start', '<=', period_date_end), '|', ('date_end', '=', False), "
    "('date_end', '>=', period_date_end), ('company_id', 'in', [company_id, False])]"
)


class SchoolEmulationRegistration(models.Model):
    """An emulation registration (đăng ký thi đua) of a subject in a movement."""

    _name = "school.emulation.registration"
    _description = "Emulation Registration"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.emulation.state.mixin"]
    _order = "movement_id, total_score desc, id"
    _check_company_auto = True

    _TRANSITIONS = {
        "draft": {"submitted"},
        "submitted": {"accepted", "returned"},
        "returned": {"submitted", "draft"},
        "accepted": {"returned"},
    }
    # written by the workflow only (the return wizard, the submit and lock buttons)
    _SERVER_FIELDS = (
        "return_reason",
        "date_submitted",
        "criterion_set_id",
        "scores_locked",
        "self_score_date",
    )
    _LOCKED_STATES = ("submitted", "accepted")
    # what the subject registers for: fixed once the registration is sent
    _CONTENT_FIELDS = (
        "movement_id",
        "subject_type",
        "employee_id",
        "student_id",
        "department_id",
        "class_id",
        "title_id",
        "award_form_id",
        "commitment",
    )
    # the subject's own account for the achievement report: the subject's user or
    # the officer writes it
    _REPORT_FIELDS = ("report_duties", "report_achievements")

    # no check_company: the school is this record's (company_id is related to
    # it); on a new record the company domain would hide every record
    movement_id = fields.Many2one(
        "school.emulation.movement",
        string="Movement",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
    )
    period_id = fields.Many2one(related="movement_id.period_id", store=True, index=True)
    subject_type = fields.Selection(
        SUBJECT_TYPES, required=True, default="employee", tracking=True
    )
    employee_id = fields.Many2one(
        "hr.employee",
        string="Staff Member",
        index=True,
        check_company=True,
        default=lambda self: self.env.user.employee_id,
    )
    student_id = fields.Many2one("school.student", index=True, check_company=True)
    department_id = fields.Many2one(
        "hr.department", string="Group", index=True, check_company=True
    )
    class_id = fields.Many2one("school.class", index=True, check_company=True)
    subject_key = fields.Char(compute="_compute_subject", store=True, index=True)
    subject_name = fields.Char(string="Subject", compute="_compute_subject", store=True)
    group_key = fields.Char(
        compute="_compute_subject",
        store=True,
        help="Ranking group: the staff member's group, the student's class...",
    )
    group_name = fields.Char(
        string="Ranking Group", compute="_compute_subject", store=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Subject's User",
        compute="_compute_subject",
        store=True,
        index=True,
        help="Who registers and self-scores: the staff member, or the leader of the "
        "group or class for a collective.",
    )
    leader_user_id = fields.Many2one(
        "res.users",
        string="Group Scorer",
        compute="_compute_subject",
        store=True,
        index=True,
        help="The group leader or homeroom teacher who gives the group score.",
    )
    title_id = fields.Many2one(
        "school.emulation.title",
        string="Title",
        index=True,
        tracking=True,
        domain=IN_FORCE_AT_YEAR_END[:-1] + ", ('is_default_variant', '=', True)]",
    )
    award_form_id = fields.Many2one(
        "school.emulation.award.form",
        string="Award Form",
        index=True,
        tracking=True,
        domain=IN_FORCE_AT_YEAR_END,
    )
    period_date_end = fields.Date(
        related="movement_id.period_id.date_end",
        string="End of the School Year",
        help="The catalogue version in force on this day is the one offered.",
    )
    commitment = fields.Text(help="Concrete targets the subject commits to.")
    # the subject's own account for the achievement report (báo cáo thành tích,
    # NĐ 152/2025 Mẫu 05 / 04, part II), written by the subject's user or the
    # officer, also after acceptance (it is the year's account, not a target)
    report_duties = fields.Text(
        string="Duties and Powers",
        help="Part II.1 of the achievement report: the duties and powers assigned "
        "this school year.",
    )
    report_achievements = fields.Text(
        string="Achievements (own account)",
        help="Part II.2 of the achievement report, written by the person (or the "
        "group leader for a collective): results against the targets, with figures; "
        "measures and innovations; movements; training.",
    )
    state = fields.Selection(
        REGISTRATION_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        group_expand="_group_expand_states",
    )
    return_reason = fields.Text(readonly=True, copy=False, tracking=True)
    date_submitted = fields.Date(readonly=True, copy=False)
    criterion_set_id = fields.Many2one(
        "school.emulation.criterion.set",
        string="Criteria Set",
        readonly=True,
        copy=False,
        help="The version of the criteria this registration is scored on.",
    )
    score_ids = fields.One2many(
        "school.emulation.score", "registration_id", string="Scores", copy=False
    )
    standard_total = fields.Float(
        compute="_compute_totals", store=True, digits=(8, 2), aggregator="sum"
    )
    bonus_total = fields.Float(compute="_compute_totals", store=True, digits=(8, 2))
    penalty_total = fields.Float(compute="_compute_totals", store=True, digits=(8, 2))
    total_score = fields.Float(
        string="Total", compute="_compute_totals", store=True, digits=(8, 2), index=True
    )
    rank_movement = fields.Integer(
        string="Rank",
        compute="_compute_ranking",
        help="Rank among accepted registrations.",
    )
    rank_group = fields.Integer(string="Rank in Group", compute="_compute_ranking")
    band = fields.Char(string="Classification", compute="_compute_ranking")
    progress = fields.Integer(
        compute="_compute_progress", help="Share of criteria scored (final or group)."
    )
    scores_locked = fields.Boolean(readonly=True, copy=False, tracking=True)
    registration_deadline = fields.Date(related="movement_id.registration_deadline")
    scoring_deadline = fields.Date(related="movement_id.scoring_deadline")
    deadline_passed = fields.Boolean(
        compute="_compute_deadline_passed",
        help="The movement's registration deadline is over (school's date).",
    )
    self_score_date = fields.Date(
        string="Self-Score Submitted On",
        readonly=True,
        copy=False,
        tracking=True,
        help="The day the person submitted their self-score: from then the group "
        "leader scores, and the self-score no longer changes.",
    )
    can_submit_self_score = fields.Boolean(compute="_compute_can_transition")
    can_self_score = fields.Boolean(compute="_compute_can_transition")
    can_group_score = fields.Boolean(compute="_compute_can_transition")
    can_council_score = fields.Boolean(compute="_compute_can_transition")
    lock_reason = fields.Char(
        copy=False,
        tracking=True,
        help="Why the scores are locked or unlocked; required for both.",
    )
    company_id = fields.Many2one(
        related="movement_id.company_id", store=True, index=True, string="School"
    )
    can_submit = fields.Boolean(compute="_compute_can_transition")
    can_accept = fields.Boolean(compute="_compute_can_transition")
    can_return = fields.Boolean(compute="_compute_can_transition")
    can_reset_to_draft = fields.Boolean(compute="_compute_can_transition")
    can_lock_scores = fields.Boolean(compute="_compute_can_transition")

    def init(self):
        # One registration per subject, movement and title (or award form).
        tools.create_unique_index(
            self.env.cr,
            "school_emulation_registration_subject_uniq",
            self._table,
            [
                "movement_id",
                "subject_key",
                "COALESCE(title_id, 0)",
                "COALESCE(award_form_id, 0)",
            ],
        )

    def _group_expand_states(self, states, domain):
        return [key for key, _label in REGISTRATION_STATES]

    @api.depends("movement_id.registration_deadline", "company_id")
    def _compute_deadline_passed(self):
        today = self._se_today(self.company_id[:1] or None)
        for rec in self:
            deadline = rec.registration_deadline
            rec.deadline_passed = bool(deadline and deadline < today)

    @api.depends("state", "self_score_date", "scores_locked")
    @api.depends_context("uid")
    def _compute_can_transition(self):
        officer = self._is_officer()
        user = self.env.user
        council = user.has_group("school_emulation.group_school_emulation_council")
        for rec in self:
            rec.can_submit = rec._can_transition("submitted")
            rec.can_accept = rec._can_transition("accepted")
            rec.can_return = rec._can_transition("returned")
            rec.can_reset_to_draft = rec._can_transition("draft")
            rec.can_lock_scores = officer and rec.state == "accepted"
            # the columns of the score sheet this user may fill (the server's
            # check is the score line's _stage_allowed)
            open_sheet = rec.state == "accepted" and not rec.scores_locked
            rec.can_self_score = open_sheet and (
                officer or (user == rec.user_id and not rec.self_score_date)
            )
            rec.can_submit_self_score = (
                open_sheet and not rec.self_score_date and user == rec.user_id
            )
            rec.can_group_score = open_sheet and (officer or user == rec.leader_user_id)
            rec.can_council_score = open_sheet and (officer or council)

    @api.depends(
        "subject_type",
        "employee_id.department_id.manager_id.user_id",
        "employee_id.user_id",
        "student_id.class_id.homeroom_user_id",
        "department_id.manager_id.user_id",
        "class_id.homeroom_user_id",
        "company_id",
    )
    def _compute_subject(self):
        for rec in self:
            subject = rec._subject()
            rec.subject_key = rec._subject_key(
                rec.subject_type, subject.id, rec.company_id.id
            )
            rec.subject_name = subject.display_name or rec.company_id.name
            group, leader, user = self.env["hr.department"], False, False
            if rec.subject_type == "employee":
                group = rec.employee_id.department_id
                user = rec.employee_id.user_id
                leader = group.manager_id.user_id
            elif rec.subject_type == "student":
                group = rec.student_id.class_id
                leader = user = group.homeroom_user_id
            elif rec.subject_type == "department":
                leader = user = rec.department_id.manager_id.user_id
            elif rec.subject_type == "class":
                leader = user = rec.class_id.homeroom_user_id
            rec.group_key = f"{group._name}:{group.id}" if group else rec.subject_type
            rec.group_name = group.display_name or ""
            rec.user_id = user
            rec.leader_user_id = leader

    def _subject(self):
        self.ensure_one()
        field = SUBJECT_FIELDS.get(self.subject_type)
        return self[field] if field else self.company_id

    @api.depends("score_ids.points", "score_ids.kind", "score_ids.weight")
    def _compute_totals(self):
        for rec in self:
            tot = scoring.totals(
                [scoring.Line(s.kind, s.points, s.weight) for s in rec.score_ids]
            )
            rec.standard_total = tot.standard
            rec.bonus_total = tot.bonus
            rec.penalty_total = tot.penalty
            rec.total_score = tot.total

    @api.depends("score_ids.is_scored")
    def _compute_progress(self):
        for rec in self:
            lines = rec.score_ids
            done = len(lines.filtered("is_scored"))
            rec.progress = int(100 * done / len(lines)) if lines else 0

    @api.depends("total_score", "state")
    def _compute_ranking(self):
        """Rank accepted registrations of the same movements in one grouped query.

        Ranks are over every accepted registration of the movement, whatever the
        reader may see (the rank reveals no one else's score).
        """
        Registration = self.sudo()
        movement_ids = [
            movement.id
            for (movement,) in Registration._read_group(
                [("id", "in", self.ids)], ["movement_id"]
            )
        ]
        rows = Registration._read_group(
            [("movement_id", "in", movement_ids), ("state", "=", "accepted")],
            ["movement_id", "group_key", "criterion_set_id", "id"],
            [
                "total_score:sum",
                "standard_total:sum",
                "bonus_total:sum",
                "penalty_total:sum",
            ],
        )
        by_movement, group_of, band_of = {}, {}, {}
        bands = {
            cset.id: [(b.name, b.min_total) for b in cset.band_ids]
            for cset in self.env["school.emulation.criterion.set"]
            .sudo()
            .browse({row[2].id for row in rows})
        }
        for movement, group_key, cset, reg, total, std, bonus, pen in rows:
            by_movement.setdefault(movement.id, {})[reg.id] = scoring.Totals(
                total, std, bonus, pen
            )
            group_of[reg.id] = group_key
            band_of[reg.id] = scoring.classify(total, bands.get(cset.id, [])) or ""
        ranks, group_ranks = {}, {}
        for items in by_movement.values():
            ranks.update(scoring.rank(items))
            group_ranks.update(scoring.rank_within(items, group_of.get))
        # Bulk cache update: one call per field instead of one assignment per record.
        cache = self.env.cache
        ids = self._ids
        cache.update(
            self, self._fields["rank_movement"], [ranks.get(i, 0) for i in ids]
        )
        cache.update(
            self, self._fields["rank_group"], [group_ranks.get(i, 0) for i in ids]
        )
        cache.update(self, self._fields["band"], [band_of.get(i, "") for i in ids])

    @api.constrains(
        "subject_type", "employee_id", "student_id", "department_id", "class_id"
    )
    def _check_subject(self):
        for rec in self:
            field = SUBJECT_FIELDS.get(rec.subject_type)
            if field and not rec[field]:
                raise UserError(
                    self.env._(
                        "Choose the subject of registration %(name)s.",
                        name=rec.display_name,
                    )
                )

    @api.depends("subject_name", "title_id", "award_form_id", "movement_id")
    def _compute_display_name(self):
        for rec in self:
            what = rec.title_id.name or rec.award_form_id.name or ""
            rec.display_name = " - ".join(p for p in (rec.subject_name, what) if p)

    @api.model_create_multi
    def create(self, vals_list):
        # the client's values first; the criteria set is the movement's, set here
        self._check_create_guarded(vals_list)
        movements = self.env["school.emulation.movement"].browse(
            [v.get("movement_id") for v in vals_list]
        )
        if not self._is_officer():
            movements._check_open_for_registration()
        for vals, movement in zip(vals_list, movements, strict=True):
            vals.setdefault("criterion_set_id", movement.criterion_set_id.id)
            # the staff member defaults to the user: keep only the subject's field
            kind = vals.get("subject_type", "employee")
            for other in set(SUBJECT_FIELDS.values()) - {SUBJECT_FIELDS.get(kind)}:
                vals[other] = False
        self._check_duplicates(vals_list, movements)
        with self._trusted():
            records = super().create(vals_list)
        for rec, vals in zip(records, vals_list, strict=True):
            rec._check_report_writer(vals)
        return records

    def _check_report_writer(self, vals):
        """The achievement account is the subject's own: written by the subject's
        user (the staff member, or the group leader or homeroom teacher for a
        collective) or the officer, never by a colleague."""
        if not set(vals) & set(self._REPORT_FIELDS) or self.env.su:
            return
        if self._is_officer():
            return
        for rec in self:
            if rec.user_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Only %(subject)s or the emulation officer writes the "
                        "achievement account of %(name)s.",
                        subject=rec.user_id.name or rec.subject_name,
                        name=rec.display_name,
                    )
                )

    def _check_write_locked(self, vals):
        self._check_report_writer(vals)
        content = set(vals) & set(self._CONTENT_FIELDS)
        if content:
            for rec in self.filtered(lambda r: r.state in self._LOCKED_STATES):
                raise UserError(
                    self.env._(
                        "Registration %(name)s is %(state)s: %(fields)s can no "
                        "longer change (return it first).",
                        name=rec.display_name,
                        state=rec._state_label(),
                        fields=self._guarded_field_labels(content),
                    )
                )
        if "score_ids" in vals and not self.env.su:
            for rec in self.filtered(
                lambda r: r.scores_locked or r.state != "accepted"
            ):
                raise UserError(
                    self.env._(
                        "The score sheet of %(name)s is locked or not open: its "
                        "lines change only through scoring.",
                        name=rec.display_name,
                    )
                )
        if "lock_reason" in vals and not (self.env.su or self._is_officer()):
            raise UserError(
                self.env._("Only the emulation officer can lock or unlock scores.")
            )

    @api.model
    def _subject_key(self, kind, subject_id, company_id):
        """The subject's key of the unique index: the school itself has no record
        of its own and is keyed by its company."""
        return f"{kind}:{subject_id or company_id}"

    def _check_duplicates(self, vals_list, movements):
        """The database refuses a second registration of a subject for the same
        movement and title (or form); say it in words first (one query)."""
        wanted = {}
        for vals, movement in zip(vals_list, movements, strict=True):
            kind = vals.get("subject_type", "employee")
            field = SUBJECT_FIELDS.get(kind)
            subject_id = vals.get(field) if field else False
            key = (
                movement.id,
                self._subject_key(kind, subject_id, movement.company_id.id),
                vals.get("title_id") or False,
                vals.get("award_form_id") or False,
            )
            wanted[key] = movement
        existing = self.sudo().search_read(
            [
                ("movement_id", "in", movements.ids),
                ("subject_key", "in", [key[1] for key in wanted]),
            ],
            ["movement_id", "subject_key", "subject_name", "title_id", "award_form_id"],
            load=None,
        )
        for row in existing:
            key = (
                row["movement_id"],
                row["subject_key"],
                row["title_id"] or False,
                row["award_form_id"] or False,
            )
            if key in wanted:
                raise UserError(
                    self.env._(
                        "%(subject)s has already registered for %(movement)s with "
                        "this title or award form.",
                        subject=row["subject_name"],
                        movement=wanted[key].name,
                    )
                )

    # --- workflow ---------------------------------------------------------------
    def _is_officer(self):
        return is_officer(self.env)

    def _check_transition_record(self, new_state):
        reviewer = new_state in ("accepted", "returned")
        allowed = self._is_officer() or (
            self.env.user == self.leader_user_id
            if reviewer
            else self.env.user in (self.user_id | self.leader_user_id)
        )
        if not allowed:
            raise UserError(
                self.env._(
                    "You cannot change the status of registration %(name)s.",
                    name=self.display_name,
                )
            )

    def action_submit(self):
        self._check_transition("submitted")
        today = self._se_today(self.company_id[:1] or None)
        for rec in self:
            deadline = rec.movement_id.registration_deadline
            if deadline and today > deadline and not self._is_officer():
                raise UserError(
                    self.env._(
                        "The registration deadline of %(movement)s was %(date)s.",
                        movement=rec.movement_id.name,
                        date=self._se_format_date(deadline),
                    )
                )
        self.movement_id._check_open_for_registration()
        self._write_state(
            {"state": "submitted", "date_submitted": today, "return_reason": False}
        )
        self._se_tell_submitted()

    def action_accept(self):
        self._check_transition("accepted")
        self._write_state({"state": "accepted"})
        self.sudo()._prepare_sheet()
        self._se_close("school_emulation.mail_activity_se_review")
        self._se_inform(self._se_owner_recipients(), self._se_accepted_texts)

    def action_return(self, reason):
        if not (reason or "").strip():
            raise UserError(
                self.env._("Give the reason for returning the registration.")
            )
        self._check_transition("returned")
        self._write_state({"state": "returned", "return_reason": reason})
        self._se_tell_returned()

    # --- who is told at each step (policy a deployment may override) -----------
    def _se_reviewer_recipients(self):
        """``{registration: res.users}`` who review a sent registration: the group
        leader (tổ trưởng) or homeroom teacher; the movement's responsible person
        when the sender is the leader."""
        return {
            rec: (rec.leader_user_id - self.env.user) or rec.movement_id.responsible_id
            for rec in self
        }

    def _se_owner_recipients(self):
        """``{registration: res.users}``: the person who registered (and scores)."""
        return {rec: rec.user_id for rec in self}

    def _se_due(self, deadline_field):
        """The date a step on this registration is due: the movement's deadline
        ``deadline_field`` (registration, scoring) while it lies ahead, else the
        school's today."""
        today = self._se_today(self.company_id)
        deadline = self.movement_id[deadline_field]
        return deadline if deadline and deadline >= today else today

    def _se_tell_returned(self):
        """Returned: the reviewer's to-do is done; the person is asked to complete
        and send again, with the reason."""
        self._se_close("school_emulation.mail_activity_se_review")
        self._se_schedule(
            self._se_owner_recipients(),
            "school_emulation.mail_activity_se_fix",
            self._se_returned_texts,
            deadline=lambda rec: rec._se_due("registration_deadline"),
        )

    def _se_tell_submitted(self):
        """Sent: the sender's own to-dos are done; the reviewer is asked."""
        owners = self._se_owner_recipients()
        for rec in self:
            rec._se_close("school_emulation.mail_activity_se_fix", users=owners[rec])
            rec.movement_id._se_close(
                "school_emulation.mail_activity_se_register", users=owners[rec]
            )
        self._se_schedule(
            self._se_reviewer_recipients(),
            "school_emulation.mail_activity_se_review",
            self._se_submitted_texts,
            deadline=lambda rec: rec._se_due("registration_deadline"),
        )

    @staticmethod
    def _se_submitted_texts(rec):
        _ = rec.env._
        return (
            _("Review the registration of %(name)s", name=rec.subject_name or ""),
            _(
                "%(name)s sent a registration for %(movement)s: accept it or return "
                "it with a reason.",
                name=rec.subject_name or "",
                movement=rec.movement_id.name,
            ),
        )

    @staticmethod
    def _se_accepted_texts(rec):
        _ = rec.env._
        return (
            _("Registration accepted: %(movement)s", movement=rec.movement_id.name),
            _(
                "Your registration for %(movement)s was accepted. Your score sheet "
                "is ready: give your self-score with its evidence, then submit it.",
                movement=rec.movement_id.name,
            ),
        )

    @staticmethod
    def _se_returned_texts(rec):
        _ = rec.env._
        return (
            _("Registration returned: %(movement)s", movement=rec.movement_id.name),
            _(
                "Your registration for %(movement)s was returned: %(reason)s. "
                "Complete it and send it again.",
                movement=rec.movement_id.name,
                reason=rec.return_reason or "",
            ),
        )

    def action_reset_to_draft(self):
        self._check_transition("draft")
        self._write_state({"state": "draft"})

    def action_open_return_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Return Registration"),
            "res_model": "school.emulation.registration.return",
            "view_mode": "form",
            "target": "new",
            "context": {"default_registration_ids": self.ids},
        }

    def _prepare_sheet(self):
        """Create the missing score lines of the registration's criteria set."""
        Score = self.env["school.emulation.score"]
        with trusted_write(Score._name):
            return self._prepare_sheet_lines(Score)

    def _prepare_sheet_lines(self, Score):
        existing = {(s.registration_id.id, s.criterion_id.id) for s in self.score_ids}
        vals = [
            {"registration_id": rec.id, "criterion_id": crit.id}
            for rec in self
            for crit in rec.criterion_set_id.criterion_ids
            if not crit.display_type and (rec.id, crit.id) not in existing
        ]
        return Score.create(vals)

    def action_submit_self_score(self):
        """The person has finished their self-score: it is fixed from now on and
        the group leader is asked to score."""
        for rec in self:
            if not (rec.user_id == self.env.user or rec._is_officer()):
                raise UserError(
                    self.env._(
                        "Only %(user)s submits the self-score of %(name)s.",
                        user=rec.user_id.name or "-",
                        name=rec.display_name,
                    )
                )
            if rec.state != "accepted" or rec.scores_locked:
                raise UserError(
                    self.env._(
                        "The score sheet of %(name)s is not open.",
                        name=rec.display_name,
                    )
                )
            if rec.self_score_date:
                raise UserError(
                    self.env._(
                        "The self-score of %(name)s was submitted on %(date)s.",
                        name=rec.display_name,
                        date=rec._se_format_date(rec.self_score_date),
                    )
                )
            missing = rec.score_ids.filtered(lambda s: not s.self_user_id)
            if missing:
                raise UserError(
                    self.env._(
                        "Give your self-score for every criterion first: %(list)s.",
                        list="; ".join(missing.criterion_id.mapped("name")),
                    )
                )
        for rec in self:
            rec._write_state({"self_score_date": self._se_today(rec.company_id)})
        self._se_schedule(
            self._se_reviewer_recipients(),
            "school_emulation.mail_activity_se_group_score",
            self._se_self_scored_texts,
            deadline=lambda rec: rec._se_due("scoring_deadline"),
        )
        return True

    @staticmethod
    def _se_self_scored_texts(rec):
        _ = rec.env._
        return (
            _("Give the group score of %(name)s", name=rec.subject_name or ""),
            _(
                "%(name)s submitted the self-score for %(movement)s (%(points)s "
                "points): give the group score.",
                name=rec.subject_name or "",
                movement=rec.movement_id.name,
                points=rec._se_format_number(rec.total_score),
            ),
        )

    def _se_check_group_scored(self):
        """The leader's 'group score' to-do is done once every line has its group
        score (called after the score lines are written)."""
        done = self.filtered(
            lambda r: r.score_ids and all(s.group_user_id for s in r.score_ids)
        )
        if done:
            done._se_close("school_emulation.mail_activity_se_group_score")

    def action_lock_scores(self, reason=None):
        """Lock the sheets; the reason is given or typed in the form first."""
        for rec in self:
            rec._check_lock_rights(reason or rec.lock_reason)
            if rec.state != "accepted":
                raise UserError(
                    self.env._(
                        "Only the sheet of an accepted registration is locked: "
                        "%(name)s.",
                        name=rec.display_name,
                    )
                )
            rec._write_state(
                {"scores_locked": True, "lock_reason": reason or rec.lock_reason}
            )

    def action_unlock_scores(self, reason=None):
        for rec in self:
            rec._check_lock_rights(reason or rec.lock_reason)
            rec._write_state(
                {"scores_locked": False, "lock_reason": reason or rec.lock_reason}
            )

    def _check_lock_rights(self, reason):
        if not self._is_officer():
            raise UserError(
                self.env._("Only the emulation officer can lock or unlock scores.")
            )
        if not (reason or "").strip():
            raise UserError(
                self.env._("Give the reason for locking or unlocking the scores.")
            )

    # --- counters for the subjects' smart buttons (policy a deployment may override)
    @api.model
    def _se_counts_by(self, records, field):
        """``{record: number of registrations}`` for ``field`` in one query."""
        return dict(
            self._read_group([(field, "in", records.ids)], [field], ["__count"])
        )

    @api.model
    def _se_action_for(self, record, field):
        """The registrations window of one employee, student, group or class."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "school_emulation.school_emulation_registration_action"
        )
        action["domain"] = [(field, "=", record.id)]
        action["context"] = {
            f"default_{field}": record.id,
            "default_subject_type": FIELD_SUBJECTS[field],
        }
        return action
