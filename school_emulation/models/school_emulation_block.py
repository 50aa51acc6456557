from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import scoring, voting
from .school_emulation_state_mixin import check_officer, is_trusted, trusted_write

AWARDS = [
    ("flag", "Emulation Flag (Cờ thi đua)"),
    ("merit", "Certificate of Merit (Bằng khen)"),
]


class SchoolEmulationBlock(models.Model):
    """An emulation block (khối thi đua) of schools for a school year.

    Yearly steps: the pledge; each unit's self score on the block's table; a cross-check
    by another unit; the final score approved at the block meeting; the ranking; the
    secret acclamation ballot (suy tôn) among member units for the Cờ and the Bằng khen.
    Members are units (partners): a school alone in this database enters the other
    units' results as received.
    """

    _name = "school.emulation.block"
    _description = "Emulation Block"
    _inherit = [
        "mail.thread",
        "school.emulation.state.mixin",
        "school.emulation.ballot.box.mixin",
    ]
    _BALLOT_OPEN_METHOD = "action_start_voting"
    _order = "period_id desc, name"
    _check_company_auto = True

    _TRANSITIONS = {
        "draft": {"scoring"},
        "scoring": {"voting"},
        "voting": {"done", "scoring"},
        "done": set(),
    }
    _LOCKED_STATES = ("scoring", "voting", "done")

    name = fields.Char(required=True, tracking=True)
    period_id = fields.Many2one(
        "school.emulation.period",
        string="School Year",
        required=True,
        check_company=True,
        default=lambda self: self.env["school.emulation.period"]._get_current(),
    )
    organiser = fields.Char(
        string="Organising Body", help="e.g. Phòng Văn hóa - Xã hội, UBND phường"
    )
    member_ids = fields.One2many(
        "school.emulation.block.member", "block_id", string="Units"
    )
    member_count = fields.Integer(compute="_compute_member_count")
    leader_member_id = fields.Many2one(
        "school.emulation.block.member",
        string="Block Leader",
        domain="[('block_id', '=', id)]",
        tracking=True,
    )
    deputy_member_id = fields.Many2one(
        "school.emulation.block.member",
        string="Deputy Leader",
        domain="[('block_id', '=', id)]",
        tracking=True,
    )
    pledge_number = fields.Char(string="Pledge (giao ước)", help="Number of the pledge")
    pledge_date = fields.Date()
    pledge_attachment_ids = fields.Many2many("ir.attachment", string="Pledge Document")
    criterion_set_id = fields.Many2one(
        "school.emulation.criterion.set",
        string="Scoring Table",
        required=True,
        check_company=True,
    )
    flag_threshold_pct = fields.Integer(
        string="Flag Ballot Threshold (%)",
        help="Yes votes needed for the Cờ thi đua, in percent of ALL member units "
        "(default: the Cờ thi đua title's threshold in force).",
    )
    merit_threshold_pct = fields.Integer(
        string="Merit Ballot Threshold (%)",
        default=50,
        help="Yes votes needed for the Bằng khen, in percent of ALL member units "
        "(block regulation).",
    )
    state = fields.Selection(
        [
            ("draft", "Pledge"),
            ("scoring", "Scoring"),
            ("voting", "Acclamation Ballot"),
            ("done", "Done"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        string="School",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    can_start_scoring = fields.Boolean(compute="_compute_can_transition")
    can_start_voting = fields.Boolean(compute="_compute_can_transition")
    can_back_to_scoring = fields.Boolean(compute="_compute_can_transition")
    can_close = fields.Boolean(compute="_compute_can_transition")

    _sql_constraints = [
        (
            "thresholds_range",
            "CHECK(flag_threshold_pct BETWEEN 0 AND 100 "
            "AND merit_threshold_pct BETWEEN 0 AND 100)",
            "Ballot thresholds are percentages between 0 and 100.",
        ),
    ]

    @api.depends("state")
    @api.depends_context("uid")
    def _compute_can_transition(self):
        for rec in self:
            rec.can_start_scoring = rec._can_transition("scoring")
            rec.can_start_voting = rec._can_transition("voting")
            rec.can_back_to_scoring = rec.state == "voting" and rec._can_transition(
                "scoring"
            )
            rec.can_close = rec._can_transition("done")

    def _check_write_locked(self, vals):
        """The scoring table and thresholds are fixed once scoring starts."""
        names = set(vals) & {
            "criterion_set_id",
            "flag_threshold_pct",
            "merit_threshold_pct",
            "period_id",
            "company_id",
        }
        if names:
            for rec in self.filtered(lambda r: r.state != "draft"):
                raise UserError(
                    self.env._(
                        "Block %(name)s is past its pledge: %(fields)s can no longer "
                        "change.",
                        name=rec.name,
                        fields=self._guarded_field_labels(names),
                    )
                )

    def _compute_member_count(self):
        for rec in self:
            rec.member_count = len(rec.member_ids)

    @api.model_create_multi
    def create(self, vals_list):
        periods = self.env["school.emulation.period"]
        for vals in vals_list:
            if not vals.get("flag_threshold_pct") and vals.get("period_id"):
                period = periods.browse(vals["period_id"])
                rule = self.env["school.emulation.title"]._get_in_force(
                    period.date_end,
                    [("code", "=", "CO_TINH"), ("is_default_variant", "=", True)],
                    raise_if_missing=False,
                )[:1]
                vals["flag_threshold_pct"] = rule.ballot_threshold_pct
        return super().create(vals_list)

    def _check_transition_rights(self, new_state):
        check_officer(
            self.env, self.env._("Only the emulation officer can move the block on.")
        )

    def action_start_scoring(self):
        self._check_transition("scoring")
        self._write_state({"state": "scoring"})
        self.member_ids._prepare_sheet()

    def action_start_voting(self, passphrase=None):
        """Open the acclamation ballot and seal its box. Returns the counting
        board's passphrase (generated when none is given): shown once, never
        stored; without it the ballots cannot be counted."""
        self.ensure_one()
        self._check_transition("voting")
        for block in self:
            unscored = block.member_ids.filtered(lambda m: not m.final_done)
            if unscored:
                raise UserError(
                    self.env._(
                        "Approve the final scores of every unit first: %(units)s.",
                        units=", ".join(unscored.mapped("name")),
                    )
                )
        passphrase = self._ballot_box_open(passphrase)
        self._write_state({"state": "voting"})
        return passphrase

    def action_back_to_scoring(self):
        self._check_transition("scoring")
        for block in self:
            block._ballot_box_discard()
        self._write_state({"state": "scoring"})

    def action_close(self, passphrase=None):
        """Close the year: the counting board's passphrase opens the sealed box in
        memory; only the yes votes per unit and award are written."""
        self._check_transition("done")
        for block in self:
            block._count_ballots(passphrase)
        self._write_state({"state": "done"})

    # --- secret acclamation ballot (suy tôn) -----------------------------------------
    def _ballot_races(self):
        return {award: self.member_ids for award, _label in AWARDS}

    def _ballot_voter_count(self):
        return (
            self.env["school.emulation.block.voter"]
            .sudo()
            .search_count([("block_id", "=", self.id)])
        )

    def _clean_units(self, value, label):
        Member = self.env["school.emulation.block.member"]
        if isinstance(value, models.BaseModel):
            if value._name != Member._name:
                raise UserError(self.env._("Only member units can be candidates."))
            return value
        if value is None or value is False:
            return Member
        ids = self.env["school.emulation.input.mixin"]._clean_ids(value, label)
        return Member.browse(ids)

    def cast_vote(self, voter, award, yes_candidates):
        """Record one unit's ballot for ``award``: yes for ``yes_candidates``, no for
        every other candidate. Who voted (``block.voter``) is written apart from
        one sealed ballot (ciphertext only). Records or ids are accepted."""
        self.ensure_one()
        check_officer(
            self.env,
            self.env._("Only the emulation officer enters the units' ballots."),
        )
        voter = self._clean_units(voter, self.env._("Voting unit"))
        yes_candidates = self._clean_units(yes_candidates, self.env._("Candidates"))
        if not isinstance(award, str) or award not in dict(AWARDS):
            raise UserError(
                self.env._("Choose the award of the ballot: flag or merit.")
            )
        if self.state != "voting":
            raise UserError(
                self.env._(
                    "The acclamation ballot of %(block)s is not open.", block=self.name
                )
            )
        if len(voter) != 1 or voter.block_id != self:
            raise UserError(
                self.env._(
                    "%(unit)s is not a member of this block.",
                    unit=", ".join(voter.mapped("name")) or "-",
                )
            )
        Voter = self.env["school.emulation.block.voter"].sudo()
        if Voter.search_count(
            [
                ("block_id", "=", self.id),
                ("member_id", "=", voter.id),
                ("award", "=", award),
            ]
        ):
            raise UserError(
                self.env._(
                    "%(unit)s has already voted for this award.", unit=voter.name
                )
            )
        if yes_candidates - self.member_ids:
            raise UserError(self.env._("Only member units can be candidates."))
        Voter.create({"block_id": self.id, "member_id": voter.id, "award": award})
        self._ballot_box_seal(award, yes_candidates.ids)
        return True

    def _count_ballots(self, passphrase):
        """Open the box and write the yes votes per unit and award (one write per
        unit, in the units' order: nothing follows the voters)."""
        self.ensure_one()
        if not self._ballot_keys() and not self._ballot_voter_count():
            tally = {}
        else:
            tally = self._ballot_box_close(passphrase)
        Member = self.env["school.emulation.block.member"]
        with trusted_write(Member._name):
            for member in self.member_ids.sorted("id"):
                member.write(
                    {
                        "flag_votes": tally.get("flag", {}).get(member.id, 0),
                        "merit_votes": tally.get("merit", {}).get(member.id, 0),
                    }
                )

    def get_ballot_paper(self):
        """What the ballot dialog shows the officer: the voting units, the two
        awards and the candidates (nothing ticked)."""
        self.ensure_one()
        check_officer(
            self.env,
            self.env._("Only the emulation officer enters the units' ballots."),
        )
        if self.state != "voting":
            raise UserError(
                self.env._(
                    "The acclamation ballot of %(block)s is not open.", block=self.name
                )
            )
        awards = dict(
            self.env["school.emulation.block.voter"]
            ._fields["award"]
            ._description_selection(self.env)
        )
        candidates = [
            {"id": m.id, "name": m.name, "detail": ""}
            for m in self.member_ids.sorted("id")
        ]
        return {
            "title": self.env._("Acclamation Ballot: %(block)s", block=self.name),
            "self_vote": False,
            "voters": [{"id": m.id, "name": m.name} for m in self.member_ids],
            "voter_label": self.env._("Voting unit"),
            "races": [
                {"key": key, "label": awards[key], "candidates": candidates}
                for key, _label in AWARDS
            ],
            "choices_kw": "yes_candidates",
            "voter_kw": "voter",
            "voter_flag_kw": False,
            "race_kw": "award",
        }


class SchoolEmulationBlockMember(models.Model):
    """A unit of an emulation block, with its scores, rank and ballot result."""

    _name = "school.emulation.block.member"
    _description = "Emulation Block Unit"
    _order = "block_id, final_total desc, name"

    block_id = fields.Many2one(
        "school.emulation.block", required=True, index=True, ondelete="cascade"
    )
    partner_id = fields.Many2one("res.partner", string="Unit", required=True)
    name = fields.Char(related="partner_id.name", store=True)
    is_own_school = fields.Boolean(
        help="This database's school; other units' results are entered as received."
    )
    cross_checker_id = fields.Many2one(
        "school.emulation.block.member",
        string="Cross-Checked By",
        domain="[('block_id', '=', block_id), ('id', '!=', id)]",
    )
    score_ids = fields.One2many(
        "school.emulation.block.score", "member_id", string="Scores"
    )
    self_total = fields.Float(compute="_compute_totals", store=True, digits=(8, 2))
    cross_total = fields.Float(compute="_compute_totals", store=True, digits=(8, 2))
    final_total = fields.Float(compute="_compute_totals", store=True, digits=(8, 2))
    penalty_total = fields.Float(compute="_compute_totals", store=True, digits=(8, 2))
    standard_total = fields.Float(compute="_compute_totals", store=True, digits=(8, 2))
    final_done = fields.Boolean(
        compute="_compute_totals", store=True, string="Final Score Approved"
    )
    rank = fields.Integer(compute="_compute_rank")
    # written by the count at the close of the ballot, never by a client
    flag_votes = fields.Integer(readonly=True, copy=False)
    merit_votes = fields.Integer(readonly=True, copy=False)
    proposed_award = fields.Selection(AWARDS, compute="_compute_ballot_result")
    company_id = fields.Many2one(related="block_id.company_id", store=True, index=True)

    _sql_constraints = [
        (
            "block_partner_unique",
            "UNIQUE(block_id, partner_id)",
            "A unit is a member of a block once.",
        ),
    ]

    @api.constrains("cross_checker_id")
    def _check_cross_checker(self):
        for rec in self:
            if rec.cross_checker_id == rec:
                raise ValidationError(
                    self.env._("%(unit)s cannot cross-check itself.", unit=rec.name)
                )

    @api.depends(
        "score_ids.self_score",
        "score_ids.cross_score",
        "score_ids.final_score",
        "score_ids.final_set",
        "score_ids.kind",
    )
    def _compute_totals(self):
        for rec in self:
            lines = rec.score_ids
            totals = {
                stage: scoring.totals(
                    [scoring.Line(s.kind, s[f"{stage}_score"]) for s in lines]
                )
                for stage in ("self", "cross", "final")
            }
            rec.self_total = totals["self"].total
            rec.cross_total = totals["cross"].total
            rec.final_total = totals["final"].total
            rec.penalty_total = totals["final"].penalty
            rec.standard_total = totals["final"].standard
            rec.final_done = bool(lines) and all(lines.mapped("final_set"))

    @api.depends("final_total")
    def _compute_rank(self):
        for block in self.block_id:
            members = block.member_ids
            ranks = scoring.rank(
                {
                    m.id: scoring.Totals(
                        m.final_total, m.standard_total, 0.0, m.penalty_total
                    )
                    for m in members
                }
            )
            for m in self.filtered(lambda x, b=block: x.block_id == b):
                m.rank = ranks.get(m.id, 0)

    @api.depends("flag_votes", "merit_votes", "rank")
    def _compute_ballot_result(self):
        for block in self.block_id:
            total = len(block.member_ids)
            for m in self.filtered(lambda x, b=block: x.block_id == b):
                # Integer rule over ALL member units: yes * 100 >= threshold * total.
                flag_ok = voting.passed(m.flag_votes, block.flag_threshold_pct, total)
                merit_ok = voting.passed(
                    m.merit_votes, block.merit_threshold_pct, total
                )
                # The flag goes only to the unit with the highest final score.
                if m.rank == 1 and flag_ok and m.flag_votes:
                    m.proposed_award = "flag"
                elif merit_ok and m.merit_votes:
                    m.proposed_award = "merit"
                else:
                    m.proposed_award = False

    @api.model_create_multi
    def create(self, vals_list):
        if not is_trusted(self._name) and any(
            vals.get("flag_votes") or vals.get("merit_votes") for vals in vals_list
        ):
            raise UserError(self._votes_refusal())
        return super().create(vals_list)

    def write(self, vals):
        if {"flag_votes", "merit_votes"} & set(vals) and not is_trusted(self._name):
            raise UserError(self._votes_refusal())
        return super().write(vals)

    def _votes_refusal(self):
        return self.env._(
            "Ballot results are written only by the count of the sealed ballot box."
        )

    def _prepare_sheet(self):
        Score = self.env["school.emulation.block.score"]
        vals = []
        for member in self:
            have = set(member.score_ids.criterion_id.ids)
            vals += [
                {"member_id": member.id, "criterion_id": crit.id}
                for crit in member.block_id.criterion_set_id.criterion_ids
                if not crit.display_type and crit.id not in have
            ]
        return Score.create(vals)


class SchoolEmulationBlockScore(models.Model):
    """A unit's score on one criterion of the block's table."""

    _name = "school.emulation.block.score"
    _description = "Emulation Block Score"
    _order = "member_id, sequence, id"

    member_id = fields.Many2one(
        "school.emulation.block.member", required=True, index=True, ondelete="cascade"
    )
    block_id = fields.Many2one(related="member_id.block_id", store=True)
    criterion_id = fields.Many2one(
        "school.emulation.criterion", required=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    kind = fields.Selection(related="criterion_id.kind", store=True)
    max_points = fields.Float(related="criterion_id.max_points")
    self_score = fields.Float(digits=(6, 2))
    cross_score = fields.Float(digits=(6, 2))
    final_score = fields.Float(digits=(6, 2))
    final_set = fields.Boolean(string="Final Approved")
    evidence = fields.Char()
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence Files")
    company_id = fields.Many2one(related="member_id.company_id", store=True, index=True)

    _sql_constraints = [
        (
            "member_criterion_unique",
            "UNIQUE(member_id, criterion_id)",
            "A unit is scored once per criterion.",
        ),
    ]

    @api.constrains("self_score", "cross_score", "final_score")
    def _check_range(self):
        for rec in self:
            for value in (rec.self_score, rec.cross_score, rec.final_score):
                try:
                    scoring.check_points(value, rec.criterion_id.max_points)
                except scoring.ScoreError:
                    raise ValidationError(
                        self.env._(
                            "%(unit)s, %(criterion)s: %(points)s is outside 0 to "
                            "%(max)s.",
                            unit=rec.member_id.name,
                            criterion=rec.criterion_id.name,
                            points=self._se_format_number(value),
                            max=self._se_format_number(rec.criterion_id.max_points),
                        )
                    ) from None

    def write(self, vals):
        if self.block_id.filtered(lambda b: b.state != "scoring"):
            raise UserError(
                self.env._("Scores can change only while the block is scoring.")
            )
        if "final_score" in vals and "final_set" not in vals:
            vals["final_set"] = True
        return super().write(vals)


class SchoolEmulationBlockVoter(models.Model):
    """Who has voted in the acclamation ballot (never what they voted)."""

    _name = "school.emulation.block.voter"
    _description = "Block Ballot Participation"

    block_id = fields.Many2one(
        "school.emulation.block", required=True, ondelete="cascade"
    )
    member_id = fields.Many2one(
        "school.emulation.block.member", required=True, ondelete="cascade"
    )
    award = fields.Selection(AWARDS, required=True)
    company_id = fields.Many2one(related="block_id.company_id", store=True, index=True)

    _sql_constraints = [
        (
            "one_vote",
            "UNIQUE(block_id, member_id, award)",
            "A unit votes once per award.",
        ),
    ]
