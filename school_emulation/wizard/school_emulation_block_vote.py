from odoo import fields, models


class SchoolEmulationBlockVote(models.TransientModel):
    """Enter one unit's secret acclamation ballot (suy tôn) for one award."""

    _name = "school.emulation.block.vote"
    _description = "Acclamation Ballot"

    block_id = fields.Many2one("school.emulation.block", required=True)
    voter_id = fields.Many2one(
        "school.emulation.block.member",
        string="Voting Unit",
        required=True,
        domain="[('block_id', '=', block_id)]",
    )
    award = fields.Selection(
        [
            ("flag", "Emulation Flag (Cờ thi đua)"),
            ("merit", "Certificate of Merit (Bằng khen)"),
        ],
        required=True,
        default="flag",
    )
    candidate_ids = fields.Many2many(
        "school.emulation.block.member",
        relation="school_emulation_block_vote_candidate_rel",
        string="Yes For",
        domain="[('block_id', '=', block_id)]",
    )

    def action_confirm(self):
        self.ensure_one()
        self.block_id.cast_vote(self.voter_id, self.award, self.candidate_ids)
        return {"type": "ir.actions.act_window_close"}
