from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SchoolEmulationReceivedMixin(models.AbstractModel):
    """A subject that may be a candidate a unit below sent (a line of the body
    above's proposal, an award of its decision): then it names the received
    candidate (``inbox_line_id``), never the unit's own record, which the body
    does not read."""

    _name = "school.emulation.received.mixin"
    _inherit = ["school.emulation.subject.mixin"]
    _description = "Subject Received from a Unit"

    inbox_line_id = fields.Many2one(
        "school.emulation.inbox.line",
        string="Received From",
        index=True,
        ondelete="restrict",
        help="The candidate as a unit below sent it: the award goes back to the "
        "unit's history.",
    )
    unit_name = fields.Char(
        related="inbox_line_id.sender_name", string="Unit", store=True
    )

    @api.depends("inbox_line_id.subject_name", "inbox_line_id.subject_ref")
    def _compute_subject_name(self):
        received = self.filtered("inbox_line_id")
        res = super(
            SchoolEmulationReceivedMixin, self - received
        )._compute_subject_name()
        for rec in received:
            rec.subject_name = rec.inbox_line_id.subject_name
            rec.subject_key = rec.inbox_line_id._se_subject_key()
        return res

    @api.constrains("inbox_line_id", "company_id")
    def _check_inbox_line(self):
        for rec in self.filtered("inbox_line_id"):
            line = rec.inbox_line_id.sudo()
            if line.company_id != rec.company_id:
                raise ValidationError(
                    self.env._(
                        "%(candidate)s was sent to %(body)s: only that body proposes "
                        "or awards it.",
                        candidate=line.display_name,
                        body=line.company_id.name,
                    )
                )
