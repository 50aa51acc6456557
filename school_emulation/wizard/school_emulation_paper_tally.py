from odoo import api, fields, models


class SchoolEmulationPaperTally(models.TransientModel):
    """The counting board's tally sheet of the paper ballots of a session: how
    many papers, and how many say yes for each candidate. No paper is tied to a
    member; the tally is sealed into the ballot box as nameless ballots
    (``record_paper_tally``), and this sheet is deleted once entered."""

    _name = "school.emulation.paper.tally"
    _description = "Paper Ballot Tally"

    session_id = fields.Many2one(
        "school.emulation.council.session", required=True, ondelete="cascade"
    )
    paper_count = fields.Integer(
        string="Paper Ballots",
        help="Present members who have not voted in Odoo: each hands in one paper.",
    )
    expected_count = fields.Integer(compute="_compute_expected_count")
    line_ids = fields.One2many(
        "school.emulation.paper.tally.line", "tally_id", string="Candidates"
    )

    @api.depends("session_id")
    def _compute_expected_count(self):
        for rec in self:
            rec.expected_count = len(rec.session_id.sudo()._paper_voters())

    def action_confirm(self):
        self.ensure_one()
        session = self.session_id
        session.record_paper_tally(
            self.paper_count,
            {str(ln.proposal_line_id.id): ln.yes_count for ln in self.line_ids},
        )
        self.sudo().unlink()
        return {"type": "ir.actions.act_window_close"}


class SchoolEmulationPaperTallyLine(models.TransientModel):
    _name = "school.emulation.paper.tally.line"
    _description = "Paper Ballot Tally Line"

    tally_id = fields.Many2one(
        "school.emulation.paper.tally", required=True, ondelete="cascade"
    )
    proposal_line_id = fields.Many2one(
        "school.emulation.proposal.line", string="Candidate", required=True
    )
    subject_name = fields.Char(
        related="proposal_line_id.subject_name", string="Candidate Name"
    )
    award_name = fields.Char(related="proposal_line_id.award_name")
    yes_count = fields.Integer(string="Yes Votes")
