from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .school_emulation_title import INITIATIVE_SCOPES


class SchoolEmulationInitiative(models.Model):
    """An initiative (sáng kiến) or research project (đề tài) and its recognition.

    The recognised scope feeds the eligibility of CSTĐCS and CSTĐ tỉnh. An initiative
    supports one award only (CV 5007/BNV-TĐKT §III.5c).
    """

    _name = "school.emulation.initiative"
    _description = "Initiative"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "period_id desc, name"
    _check_company_auto = True

    name = fields.Char(string="Initiative", required=True, tracking=True)
    kind = fields.Selection(
        [("initiative", "Initiative (sáng kiến)"), ("research", "Research (đề tài)")],
        required=True,
        default="initiative",
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
    author_ids = fields.One2many(
        "school.emulation.initiative.author", "initiative_id", string="Authors"
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("graded", "Graded"),
            ("recognised", "Recognised"),
            ("not_recognised", "Not Recognised"),
        ],
        default="draft",
        required=True,
        tracking=True,
    )
    requested_scope = fields.Selection(INITIATIVE_SCOPES, default="school")
    recognised_scope = fields.Selection(
        INITIATIVE_SCOPES,
        tracking=True,
        help="Scope of effect recognised by the competent body.",
    )
    recognition_number = fields.Char(string="Recognition Decision", tracking=True)
    recognition_date = fields.Date(tracking=True)
    used_for_award_id = fields.Many2one(
        "school.emulation.award",
        string="Used For Award",
        readonly=True,
        copy=False,
        ondelete="set null",
        help="An initiative supports one title or award form only.",
    )
    company_id = fields.Many2one(
        "res.company",
        string="School",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    @api.constrains("author_ids")
    def _check_shares(self):
        for rec in self.filtered("author_ids"):
            total = round(sum(rec.author_ids.mapped("share")), 2)
            if total != 100:
                raise ValidationError(
                    self.env._(
                        "The authors' contribution shares of %(name)s add up to "
                        "%(total)s %%; they must add up to 100 %%.",
                        name=rec.name,
                        total=total,
                    )
                )

    @api.constrains("state", "recognised_scope")
    def _check_scope(self):
        for rec in self:
            if rec.state == "recognised" and not rec.recognised_scope:
                raise ValidationError(
                    self.env._("Set the recognised scope of %(name)s.", name=rec.name)
                )


class SchoolEmulationInitiativeAuthor(models.Model):
    _name = "school.emulation.initiative.author"
    _description = "Initiative Author"
    _order = "share desc, id"

    initiative_id = fields.Many2one(
        "school.emulation.initiative", required=True, ondelete="cascade", index=True
    )
    employee_id = fields.Many2one(
        "hr.employee", string="Author", required=True, index=True, ondelete="restrict"
    )
    share = fields.Float(string="Contribution (%)", digits=(5, 2), default=100.0)
    company_id = fields.Many2one(
        related="initiative_id.company_id", store=True, index=True
    )

    _sql_constraints = [
        (
            "share_range",
            "CHECK(share > 0 AND share <= 100)",
            "A contribution share is more than 0 and at most 100 %.",
        ),
        (
            "author_unique",
            "UNIQUE(initiative_id, employee_id)",
            "An author is listed once per initiative.",
        ),
    ]
