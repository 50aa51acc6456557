from odoo import api, fields, models


class SchoolEmulationCouncilVote(models.TransientModel):
    """A council member's ballot paper: tick the candidates you approve."""

    _name = "school.emulation.council.vote"
    _description = "Council Ballot Paper"

    session_id = fields.Many2one(
        "school.emulation.council.session", required=True, ondelete="cascade"
    )
    council_id = fields.Many2one(related="session_id.council_id")
    member_id = fields.Many2one(
        "school.emulation.council.member",
        string="Written Opinion Of",
        help="Officer or secretary only: the absent member whose written opinion "
        "is entered. Leave empty to vote yourself.",
    )
    line_ids = fields.One2many(
        "school.emulation.council.vote.line", "vote_id", string="Candidates"
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        session = self.env["school.emulation.council.session"].browse(
            values.get("session_id")
        )
        if session and "line_ids" in fields_list:
            values["line_ids"] = [
                fields.Command.create({"line_id": line.id, "yes": True})
                for line in session.sudo()._ballot_lines()
            ]
        return values

    def action_cast(self):
        self.ensure_one()
        yes = self.line_ids.filtered("yes").line_id
        self.session_id.cast_vote(
            yes, member=self.member_id or None, written=bool(self.member_id)
        )
        return {"type": "ir.actions.act_window_close"}


class SchoolEmulationCouncilVoteLine(models.TransientModel):
    _name = "school.emulation.council.vote.line"
    _description = "Council Ballot Paper Line"

    vote_id = fields.Many2one(
        "school.emulation.council.vote", required=True, ondelete="cascade"
    )
    line_id = fields.Many2one(
        "school.emulation.proposal.line", string="Candidate", required=True
    )
    candidate = fields.Char(related="line_id.subject_name")
    award_name = fields.Char(related="line_id.award_name")
    yes = fields.Boolean(string="Agree")
