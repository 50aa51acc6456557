import random

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import pagination, vn_format, voting
from .school_emulation_state_mixin import check_officer, is_officer, trusted_write


class SchoolEmulationCouncilSession(models.Model):
    """A council meeting (phiên họp): attendance, agenda of candidates, secret
    ballot in a sealed box, and the minutes generated from the data when it
    closes. Nothing of a closed session changes."""

    _name = "school.emulation.council.session"
    _description = "Council Session"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "school.emulation.state.mixin",
        "school.emulation.ballot.box.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True
    _TRANSITIONS = {"draft": {"open"}, "open": {"closed", "draft"}}
    _SERVER_FIELDS = (
        "minutes_html",
        "ballot_minutes_html",
        "minutes_number",
        "ballot_minutes_number",
    )

    name = fields.Char(required=True, tracking=True)
    council_id = fields.Many2one(
        "school.emulation.council",
        string="Council",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    period_id = fields.Many2one(related="council_id.period_id", store=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, tracking=True)
    location = fields.Char()
    proposal_ids = fields.Many2many(
        "school.emulation.proposal",
        string="Proposals Reviewed",
        check_company=True,
    )
    line_ids = fields.One2many(
        "school.emulation.proposal.line", "session_id", string="Candidates"
    )
    attendance_ids = fields.One2many(
        "school.emulation.council.attendance", "session_id", string="Attendance"
    )
    member_total = fields.Integer(
        string="Members", compute="_compute_attendance", store=True
    )
    present_count = fields.Integer(
        string="Present", compute="_compute_attendance", store=True
    )
    quorum_reached = fields.Boolean(compute="_compute_attendance", store=True)
    voted_count = fields.Integer(
        string="Ballots Cast", compute="_compute_voted", compute_sudo=True
    )
    has_voted = fields.Boolean(compute="_compute_voted", compute_sudo=True)
    is_member = fields.Boolean(compute="_compute_voted", compute_sudo=True)
    is_counter = fields.Boolean(
        compute="_compute_voted",
        compute_sudo=True,
        help="The current user is on the session's counting board.",
    )
    state = fields.Selection(
        [("draft", "Preparing"), ("open", "Voting Open"), ("closed", "Closed")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    conclusion = fields.Text(help="The council's conclusions for the minutes.")
    counting_board_ids = fields.Many2many(
        "school.emulation.council.member",
        "school_emulation_session_counting_board_rel",
        "session_id",
        "member_id",
        string="Counting Board",
        domain="[('council_id', '=', council_id)]",
        help="Ban kiểm phiếu: council members present at the session, chosen "
        "before the ballot box is opened; the first in the council's order heads "
        "it. Named in the ballot-count minutes.",
    )
    has_ballot = fields.Boolean(
        string="Secret Ballot",
        compute="_compute_has_ballot",
        help="At least one candidate is voted on by secret ballot: the session has "
        "ballot-count minutes. A show-of-hands session has none.",
    )
    # generated from the data at the close, then locked; sanitised all the same
    # (they end in a PDF: no script, no javascript: link survives)
    minutes_number = fields.Char(
        readonly=True,
        copy=False,
        tracking=True,
        help="Number of the minutes from the school's register, given at the close.",
    )
    ballot_minutes_number = fields.Char(
        readonly=True,
        copy=False,
        tracking=True,
        help="Number of the ballot-count minutes from the school's register, given "
        "at the close of a session with a secret ballot.",
    )
    minutes_html = fields.Html(
        string="Minutes",
        readonly=True,
        copy=False,
        sanitize=True,
        sanitize_overridable=False,
        sanitize_style=True,
    )
    ballot_minutes_html = fields.Html(
        string="Ballot-Count Minutes",
        readonly=True,
        copy=False,
        sanitize=True,
        sanitize_overridable=False,
        sanitize_style=True,
    )
    # the school is known before the council is chosen (the council list of a new
    # session is the school's); check_company keeps both in line
    company_id = fields.Many2one(
        "res.company",
        string="School",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    @api.model_create_multi
    def create(self, vals_list):
        councils = self.env["school.emulation.council"].browse(
            [v["council_id"] for v in vals_list if v.get("council_id")]
        )
        school = {c.id: c.company_id.id for c in councils}
        for vals in vals_list:
            if vals.get("council_id") and not vals.get("company_id"):
                vals["company_id"] = school[vals["council_id"]]
        return super().create(vals_list)

    @api.depends(
        "attendance_ids.present", "council_id.member_ids", "council_id.quorum_pct"
    )
    def _compute_attendance(self):
        for rec in self:
            total = len(rec.council_id.member_ids)
            present = len(rec.attendance_ids.filtered("present"))
            rec.member_total = total
            rec.present_count = present
            # Integers: present / total >= quorum %.
            rec.quorum_reached = bool(total) and (
                present * 100 >= rec.council_id.quorum_pct * total
            )

    @api.depends("line_ids.ballot_required")
    def _compute_has_ballot(self):
        for rec in self:
            rec.has_ballot = bool(rec.line_ids.filtered("ballot_required"))

    @api.constrains("counting_board_ids", "council_id")
    def _check_counting_board(self):
        for rec in self:
            if rec.counting_board_ids - rec.council_id.member_ids:
                raise ValidationError(
                    self.env._(
                        "The counting board of %(session)s is chosen among the "
                        "members of %(council)s.",
                        session=rec.name,
                        council=rec.council_id.name,
                    )
                )

    def _check_counting_board_present(self):
        """At the opening of the box: every member of the counting board is present
        (a member who is absent cannot count the ballots)."""
        for rec in self:
            present = rec.attendance_ids.filtered("present").member_id
            absent = rec.counting_board_ids - present
            if absent:
                raise UserError(
                    self.env._(
                        "The counting board is chosen among the members present: "
                        "%(names)s is not present.",
                        names=", ".join(absent.mapped("name")),
                    )
                )

    @api.depends_context("uid")
    def _compute_voted(self):
        Voter = self.env["school.emulation.ballot.voter"].sudo()
        counts = dict(
            Voter._read_group(
                [("session_id", "in", self.ids)], ["session_id"], ["__count"]
            )
        )
        mine = Voter.search(
            [("session_id", "in", self.ids), ("member_id.user_id", "=", self.env.uid)]
        ).session_id
        for rec in self:
            rec.voted_count = counts.get(rec, 0)
            rec.has_voted = rec in mine
            rec.is_member = bool(rec.council_id._member_of(self.env.user))
            rec.is_counter = self.env.user in rec.counting_board_ids.user_id

    def _check_transition_rights(self, new_state):
        check_officer(
            self.env,
            self.env._(
                "Only the emulation officer can open or close council sessions."
            ),
        )

    def _check_write_locked(self, vals):
        changed = {f for f in vals if not f.startswith(("message_", "activity_"))}
        if changed and any(rec.state == "closed" for rec in self):
            raise UserError(
                self.env._(
                    "The session is closed: its minutes, results and attendance "
                    "no longer change."
                )
            )
        if "counting_board_ids" in vals:
            if any(rec.state != "draft" for rec in self):
                raise UserError(
                    self.env._(
                        "The counting board is chosen before the ballot box is "
                        "opened; it no longer changes."
                    )
                )
            check_officer(
                self.env,
                self.env._("Only the emulation officer chooses the counting board."),
            )

    # --- preparation ------------------------------------------------------------------
    def action_prepare(self):
        """Attendance lines for every member; candidates from the proposals."""
        for rec in self:
            if rec.state != "draft":
                raise UserError(
                    self.env._("Only a session in preparation can be prepared.")
                )
            missing = rec.council_id.member_ids - rec.attendance_ids.member_id
            self.env["school.emulation.council.attendance"].create(
                [{"session_id": rec.id, "member_id": m.id} for m in missing]
            )
            lines = rec.proposal_ids.line_ids.filtered(
                lambda ln: ln.council_result != "rejected" and not ln.session_id
            )
            lines.write({"session_id": rec.id})
            lines._compute_ballot_rule()
        return True

    def action_open(self, passphrase=None):
        """Open the vote and seal the ballot box. Returns the counting board's
        passphrase (generated when none is given): it is shown once and never
        stored; without it the ballots cannot be counted. A session without a
        ballot candidate (consensus only) has no box: returns False."""
        self.ensure_one()
        self._check_transition("open")
        if not self.quorum_reached:
            raise UserError(
                self.env._(
                    "No quorum: %(present)s of %(total)s members are present; "
                    "%(pct)s %% of all members are required.",
                    present=self.present_count,
                    total=self.member_total,
                    pct=self.council_id.quorum_pct,
                )
            )
        if not self.line_ids:
            raise UserError(self.env._("The session has no candidates."))
        if self._ballot_lines():
            self._check_counting_board_present()
            passphrase = self._ballot_box_open(passphrase)
        else:
            passphrase = False
        self._write_state({"state": "open"})
        # a notification, not a to-do: casting a vote writes the voter row and
        # the sealed row only (sealed-ballot.md), never a to-do closed at that
        # moment
        if self._ballot_lines():
            self._se_inform(self._se_voter_recipients(), self._se_vote_texts)
        return passphrase

    def _se_voter_recipients(self):
        """``{session: res.users}`` asked to vote in Odoo when the vote opens: the
        present members who have a user (the others vote on paper)."""
        return {
            rec: rec.attendance_ids.filtered("present").member_id.user_id
            for rec in self
        }

    @staticmethod
    def _se_vote_texts(rec):
        _ = rec.env._
        return (
            _("Vote: %(session)s", session=rec.name),
            _(
                "The secret ballot of %(session)s is open: open the session and "
                "press 'Vote' (Bỏ phiếu). Your choice is sealed; nobody sees it.",
                session=rec.name,
            ),
        )

    def action_back_to_draft(self):
        self._check_transition("draft")
        if any(rec.voted_count for rec in self):
            raise UserError(
                self.env._("Ballots were cast: the session can only be closed.")
            )
        for rec in self:
            rec._ballot_box_discard()
        self._write_state({"state": "draft"})

    # --- secret ballot ----------------------------------------------------------------
    def _ballot_lines(self):
        return self.line_ids.filtered("ballot_required")

    def _ballot_races(self):
        return {"": self._ballot_lines()}

    def _ballot_voter_count(self):
        return (
            self.env["school.emulation.ballot.voter"]
            .sudo()
            .search_count([("session_id", "=", self.id)])
        )

    def _clean_lines(self, value):
        """Candidate lines from records or ids (as JSON-RPC sends them)."""
        Line = self.env["school.emulation.proposal.line"]
        if isinstance(value, models.BaseModel):
            if value._name != Line._name:
                raise UserError(
                    self.env._("Vote only for the ballot candidates of this session.")
                )
            return value
        if value is None or value is False:
            return Line
        ids = self.env["school.emulation.input.mixin"]._clean_ids(
            value, self.env._("Candidates")
        )
        return Line.browse(ids)

    def _clean_member(self, value):
        Member = self.env["school.emulation.council.member"]
        if isinstance(value, models.BaseModel):
            if value._name != Member._name or len(value) > 1:
                raise UserError(self.env._("A ballot is cast for one member."))
            return value
        if value is None or value is False:
            return Member
        ids = self.env["school.emulation.input.mixin"]._clean_ids(
            value, self.env._("Council Member")
        )
        if len(ids) != 1:
            raise UserError(self.env._("A ballot is cast for one member."))
        return Member.browse(ids)

    def cast_vote(self, yes_lines, member=None, written=False):
        """One member's ballot: yes for ``yes_lines``, no for every other ballot
        candidate of the session. ``member`` (with ``written``) records the
        written opinion of an absent member, entered by the officer or secretary.

        One call, the choices as arguments (the ballot dialog keeps them in the
        browser): it writes who voted (``ballot.voter``) and one sealed ballot
        (``ballot``: ciphertext only). Records or ids (JSON-RPC) are accepted;
        anything else is refused.
        """
        self.ensure_one()
        yes_lines = self._clean_lines(yes_lines)
        member = self._clean_member(member)
        written = bool(written)
        if self.state != "open":
            raise UserError(
                self.env._("Voting in %(session)s is closed.", session=self.name)
            )
        me = self.council_id._member_of(self.env.user)
        if member and member != me:
            if not written:
                raise UserError(self.env._("Members vote only for themselves."))
            if not (is_officer(self.env) or me.role == "secretary"):
                raise UserError(
                    self.env._(
                        "Only the officer or the council secretary enters written "
                        "opinions."
                    )
                )
            attendance = self.attendance_ids.filtered(lambda a: a.member_id == member)
            if attendance.present:
                raise UserError(
                    self.env._(
                        "%(name)s is present and votes in person.", name=member.name
                    )
                )
        member = member or me
        if not member or member.council_id != self.council_id:
            raise UserError(
                self.env._(
                    "Only members of %(council)s vote.", council=self.council_id.name
                )
            )
        candidates = self._ballot_lines()
        if not candidates:
            raise UserError(
                self.env._(
                    "%(session)s has no candidate for a secret ballot.",
                    session=self.name,
                )
            )
        if yes_lines - candidates:
            raise UserError(
                self.env._("Vote only for the ballot candidates of this session.")
            )
        own = self._recused_lines(member) & yes_lines
        if own:
            raise UserError(
                self.env._(
                    "%(name)s is a candidate (%(award)s) and does not vote on their "
                    "own candidacy.",
                    name=member.name,
                    award=", ".join(own.mapped("award_name")),
                )
            )
        Voter = self.env["school.emulation.ballot.voter"].sudo()
        if Voter.search_count(
            [("session_id", "=", self.id), ("member_id", "=", member.id)]
        ):
            raise UserError(self.env._("%(name)s has already voted.", name=member.name))
        Voter.create(
            {
                "session_id": self.id,
                "member_id": member.id,
                "channel": "written" if written else "in_person",
            }
        )
        self._ballot_box_seal("", yes_lines.ids)
        self.invalidate_recordset(["voted_count", "has_voted"])
        return True

    def _check_paper_counter(self):
        """The paper ballots are entered by the officer or a member of the
        session's counting board (Ban kiểm phiếu)."""
        if is_officer(self.env) or (
            self.env.user in self.sudo().counting_board_ids.user_id
        ):
            return
        raise UserError(
            self.env._(
                "Only the emulation officer or a member of the counting board "
                "enters paper ballots."
            )
        )

    def _paper_voters(self):
        """Present members who have not voted in Odoo: their ballots are on paper."""
        self.ensure_one()
        voted = (
            self.env["school.emulation.ballot.voter"]
            .sudo()
            .search([("session_id", "=", self.id)])
            .member_id
        )
        return self.attendance_ids.filtered("present").member_id - voted

    def record_paper_tally(self, paper_count, yes_counts):
        """The counting board's tally of the paper ballots: ``paper_count`` papers
        and, per ballot candidate (line id), how many papers say yes. Sealed as
        ``paper_count`` nameless ballots that give the same tally (the papers
        themselves stay with the board), through ``record_paper_ballots``."""
        self.ensure_one()
        self._check_paper_counter()
        Input = self.env["school.emulation.input.mixin"]
        count = Input._clean_number(paper_count, self.env._("Number of paper ballots"))
        if count != int(count) or count < 0:
            raise UserError(
                self.env._("The number of paper ballots is a whole number.")
            )
        count = int(count)
        if not isinstance(yes_counts, dict):
            raise Input._input_error("bad_ids", self.env._("Paper ballots"))
        candidates = self.sudo()._ballot_lines()
        tally = {}
        for key, value in yes_counts.items():
            line = self._clean_lines([int(key)] if str(key).isdigit() else key)
            if len(line) != 1 or line - candidates:
                raise UserError(
                    self.env._("Vote only for the ballot candidates of this session.")
                )
            yes = Input._clean_number(value, line.subject_name)
            if yes != int(yes) or not 0 <= yes <= count:
                raise UserError(
                    self.env._(
                        "%(name)s: %(yes)s yes votes on %(count)s paper ballots.",
                        name=line.subject_name,
                        yes=self._se_format_number(yes),
                        count=count,
                    )
                )
            tally[line.id] = int(yes)
        papers = [
            [line_id for line_id, yes in tally.items() if index < yes]
            for index in range(count)
        ]
        return self.record_paper_ballots(papers)

    def action_open_paper_tally(self):
        self.ensure_one()
        self._check_paper_counter()
        if self.state != "open":
            raise UserError(
                self.env._("Voting in %(session)s is closed.", session=self.name)
            )
        lines = self.sudo()._ballot_lines()
        wizard = (
            self.env["school.emulation.paper.tally"]
            .sudo()
            .create(
                {
                    "session_id": self.id,
                    "paper_count": len(self._paper_voters()),
                    "line_ids": [
                        Command.create({"proposal_line_id": ln.id}) for ln in lines
                    ],
                }
            )
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Paper Ballots: %(session)s", session=self.name),
            "res_model": wizard._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def _recused_lines(self, member):
        """The ballot lines ``member`` does not vote on: their own candidacy (a
        council member proposed for a title). Their ballot counts as not "yes"
        for it, and the threshold still counts over all members (domain.md,
        rule 9). Policy a deployment may widen (e.g. a member's own group)."""
        self.ensure_one()
        employee = member.employee_id
        if not employee:
            return self.env["school.emulation.proposal.line"]
        return (
            self.sudo()
            ._ballot_lines()
            .filtered(
                lambda ln: ln.subject_type == "employee" and ln.employee_id == employee
            )
        )

    def record_paper_ballots(self, papers):
        """Paper ballots counted by the counting committee (Ban kiểm phiếu): one
        set of yes candidates (records or ids) per paper, from every present member
        who has not voted in Odoo. They are marked as having voted; the papers carry
        no name and are sealed into the box in random order."""
        self.ensure_one()
        self._check_paper_counter()
        if self.state != "open":
            raise UserError(
                self.env._("Voting in %(session)s is closed.", session=self.name)
            )
        if not isinstance(papers, list | tuple):
            raise self.env["school.emulation.input.mixin"]._input_error(
                "bad_ids", self.env._("Paper ballots")
            )
        papers = [self._clean_lines(yes) for yes in papers]
        Voter = self.env["school.emulation.ballot.voter"].sudo()
        remaining = self._paper_voters()
        if len(papers) != len(remaining):
            raise UserError(
                self.env._(
                    "%(papers)s paper ballots for %(members)s present members who "
                    "have not voted: the counts must match.",
                    papers=len(papers),
                    members=len(remaining),
                )
            )
        candidates = self._ballot_lines()
        for yes in papers:
            if yes - candidates:
                raise UserError(
                    self.env._("Vote only for the ballot candidates of this session.")
                )
        Voter.create(
            [
                {"session_id": self.id, "member_id": m.id, "channel": "paper"}
                for m in remaining
            ]
        )
        random.SystemRandom().shuffle(papers)
        for yes in papers:
            self._ballot_box_seal("", yes.ids)
        self.invalidate_recordset(["voted_count", "has_voted"])
        return True

    def get_ballot_paper(self):
        """What the ballot dialog shows: the candidates (nothing ticked), and for
        the officer or secretary the absent members whose written opinion may be
        entered. Read only; the choices stay in the browser until ``cast_vote``."""
        self.ensure_one()
        if self.state != "open":
            raise UserError(
                self.env._("Voting in %(session)s is closed.", session=self.name)
            )
        me = self.council_id._member_of(self.env.user)
        voters = []
        enters_opinions = is_officer(self.env) or me.role == "secretary"
        if enters_opinions:
            voted = (
                self.env["school.emulation.ballot.voter"]
                .sudo()
                .search([("session_id", "=", self.id)])
                .member_id
            )
            absent = self.attendance_ids.filtered(lambda a: not a.present).member_id
            voters = [{"id": m.id, "name": m.name} for m in absent - voted]
        if not (me and not self.has_voted) and not voters:
            if enters_opinions and not me:
                raise UserError(
                    self.env._(
                        "No written opinion is left to enter: every absent member "
                        "has given one."
                    )
                )
            raise UserError(
                self.env._(
                    "Only members of %(council)s vote.", council=self.council_id.name
                )
            )
        # a member does not vote on their own candidacy (the written opinion of
        # an absent member is entered on a paper without that line too)
        recused = self._recused_lines(me) if me and not self.has_voted else None
        recused = recused or self.env["school.emulation.proposal.line"]
        return {
            "recused": [
                {"id": ln.id, "name": ln.subject_name, "detail": ln.award_name}
                for ln in recused
            ],
            "title": self.env._("Secret Ballot: %(session)s", session=self.name),
            "self_vote": bool(me and not self.has_voted),
            "voters": voters,
            "voter_label": self.env._("Written opinion of"),
            "races": [
                {
                    "key": "",
                    "label": "",
                    "candidates": [
                        {"id": ln.id, "name": ln.subject_name, "detail": ln.award_name}
                        for ln in self.sudo()._ballot_lines() - recused
                    ],
                }
            ],
            "choices_kw": "yes_lines",
            "voter_kw": "member",
            "voter_flag_kw": "written",
            "race_kw": False,
        }

    def action_close(self, passphrase=None):
        """Close voting: the counting board's passphrase opens the sealed box in
        memory; only the tallies per candidate are written, then the sealed
        ballots and the key are destroyed and the minutes frozen."""
        self._check_transition("closed")
        Line = self.env["school.emulation.proposal.line"]
        for rec in self:
            if rec._ballot_keys() or rec.voted_count:
                tally = rec._ballot_box_close(passphrase)[""]
            else:  # nobody voted and no box (nothing to open)
                tally = {}
            cast = rec.voted_count
            total = rec.member_total
            with trusted_write(Line._name):
                for line in rec.line_ids:
                    if line.ballot_required:
                        yes = tally.get(line.id, 0)
                        passed = voting.passed(yes, line.ballot_threshold_pct, total)
                        line.write(
                            {
                                "vote_yes": yes,
                                "vote_cast": cast,
                                "vote_members": total,
                                "vote_passed": passed,
                                "council_result": "approved" if passed else "rejected",
                            }
                        )
                    elif line.council_result == "pending":
                        line.council_result = "approved"
            local_day = rec._se_local_datetime(rec.date, rec.company_id).date()
            numbers = {
                "minutes_number": rec.company_id._se_next_number("minutes", local_day)
            }
            if rec._ballot_lines():
                # the ballot-count minutes are a document of their own, numbered
                # in the same register of minutes
                numbers["ballot_minutes_number"] = rec.company_id._se_next_number(
                    "minutes", local_day
                )
            rec._write_state(numbers)
            rec._write_state({"state": "closed", **rec._render_minutes()})
        return True

    def _se_document_lang(self):
        """The language of the school's documents: its partner's language when
        installed, else Vietnamese when installed (a school in Vietnam), else the
        current one. Never the language of whoever closes the session."""
        Lang = self.env["res.lang"]
        for code in (self.company_id.partner_id.lang, "vi_VN"):
            if code and Lang._lang_get(code):
                return code
        return self.env.lang

    # the council roles as written in the minutes: distinct terms from the
    # selection labels of the form ("Member" of a council is an "Ủy viên")
    _MINUTES_ROLES = {
        "chair": "Chủ tịch Hội đồng",
        "vice_chair": "Phó Chủ tịch Hội đồng",
        "secretary": "Thư ký Hội đồng",
        "member": "Ủy viên",
    }

    def _minutes_values(self):
        self.ensure_one()
        ballot_lines = self._ballot_lines()
        return {
            "session": self,
            "council": self.council_id,
            "tally_lines": ballot_lines,
            "other_lines": self.line_ids - ballot_lines,
            "local_date": self._se_local_datetime(self.date, self.company_id),
            "roles": self._MINUTES_ROLES,
            "chair": self.council_id.member_ids.filtered(lambda m: m.role == "chair")[
                :1
            ],
            "secretary": self.council_id.member_ids.filtered(
                lambda m: m.role == "secretary"
            )[:1],
            "number": self._se_format_number,
            "date_words": vn_format.format_date_words,
            # the printed minutes keep rows whole, header row on every page
            "table_pages": pagination.a4_pages,
        }

    def _render_minutes(self):
        """The minutes (and, after a secret ballot, the ballot-count minutes) in the
        school's language and time zone, whoever closes the session."""
        self.ensure_one()
        lang = self._se_document_lang()
        session = self.with_context(lang=lang, tz=self._se_tz(self.company_id))
        QWeb = session.env["ir.qweb"]
        values = session._minutes_values()
        return {
            "minutes_html": QWeb._render(
                "school_emulation.council_session_minutes", values
            ),
            "ballot_minutes_html": QWeb._render(
                "school_emulation.council_ballot_minutes", values
            )
            if values["tally_lines"]
            else False,
        }


class SchoolEmulationCouncilAttendance(models.Model):
    _name = "school.emulation.council.attendance"
    _description = "Council Session Attendance"
    _order = "session_id, member_id"

    session_id = fields.Many2one(
        "school.emulation.council.session",
        required=True,
        ondelete="cascade",
        index=True,
    )
    member_id = fields.Many2one(
        "school.emulation.council.member", required=True, ondelete="cascade"
    )
    role = fields.Selection(related="member_id.role")
    present = fields.Boolean(default=True)

    written_opinion = fields.Text(
        help="Absent members give their opinion in writing; it goes in the minutes."
    )
    company_id = fields.Many2one(
        related="session_id.company_id", store=True, index=True
    )

    _sql_constraints = [
        (
            "member_unique",
            "UNIQUE(session_id, member_id)",
            "A member appears once in the attendance.",
        ),
    ]

    @api.depends("member_id.name", "session_id.name")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = f"{rec.member_id.name} - {rec.session_id.name}"

    def write(self, vals):
        if any(a.session_id.state == "closed" for a in self):
            raise UserError(
                self.env._(
                    "The session is closed: its minutes, results and attendance "
                    "no longer change."
                )
            )
        if "present" in vals and any(a.session_id.state != "draft" for a in self):
            raise UserError(self.env._("Attendance is fixed once the session is open."))
        return super().write(vals)


class SchoolEmulationBallotVoter(models.Model):
    """Who has voted in a session (never what they voted)."""

    _name = "school.emulation.ballot.voter"
    _description = "Council Ballot Participation"

    session_id = fields.Many2one(
        "school.emulation.council.session",
        required=True,
        ondelete="cascade",
        index=True,
    )
    member_id = fields.Many2one(
        "school.emulation.council.member", required=True, ondelete="cascade"
    )
    channel = fields.Selection(
        [
            ("in_person", "In Odoo"),
            ("paper", "Paper Ballot"),
            ("written", "Written Opinion"),
        ],
        required=True,
        default="in_person",
    )
    company_id = fields.Many2one(
        related="session_id.company_id", store=True, index=True
    )

    _sql_constraints = [
        (
            "one_vote",
            "UNIQUE(session_id, member_id)",
            "A member votes once per session.",
        ),
    ]
