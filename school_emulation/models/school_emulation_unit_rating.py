from odoo import fields, models

from .school_emulation_title import RATINGS


class SchoolEmulationUnitRating(models.Model):
    """A collective's task-completion rating for a school year (a group, or the
    whole school when no group is set), as given by the superior body or the
    party cell. Collective titles read it (TTLĐTT: hoàn thành tốt nhiệm vụ)."""

    _name = "school.emulation.unit.rating"
    _description = "Collective Task Rating"
    _inherit = ["mail.thread"]
    _order = "period_id desc, department_id"
    _check_company_auto = True

    department_id = fields.Many2one(
        "hr.department",
        string="Group",
        index=True,
        ondelete="cascade",
        check_company=True,
        help="Leave empty for the whole school.",
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
    rating = fields.Selection(RATINGS, required=True, tracking=True)
    source_document = fields.Char(
        help="Who rated the collective and in which document.",
    )
    company_id = fields.Many2one(
        "res.company",
        string="School",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    _sql_constraints = [
        (
            "unit_period_unique",
            "UNIQUE NULLS NOT DISTINCT(company_id, department_id, period_id)",
            "A collective has one task rating per school year.",
        ),
    ]
