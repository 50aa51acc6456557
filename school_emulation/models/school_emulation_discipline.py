from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .school_emulation_title import DISCIPLINE_LEVELS


class SchoolEmulationDiscipline(models.Model):
    """A disciplinary measure, or a pending investigation, with its period of effect."""

    _name = "school.emulation.discipline"
    _description = "Discipline Record"
    _inherit = ["mail.thread"]
    _order = "date_start desc"
    _check_company_auto = True

    # no check_company: the school is this record's (company_id is related to
    # it); on a new record the company domain would hide every record
    employee_id = fields.Many2one(
        "hr.employee",
        string="Staff Member",
        required=True,
        index=True,
        ondelete="cascade",
    )
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, string="Group"
    )
    kind = fields.Selection(
        [
            ("discipline", "Discipline"),
            ("investigation", "Pending review, investigation or complaint"),
        ],
        required=True,
        default="discipline",
        tracking=True,
        help="While a review is pending, no title or award may be proposed.",
    )
    level = fields.Selection(DISCIPLINE_LEVELS, tracking=True)
    date_start = fields.Date(string="In Effect From", required=True, tracking=True)
    date_end = fields.Date(
        string="In Effect Until",
        tracking=True,
        help="Achievements count again from the end of the discipline period.",
    )
    decision_number = fields.Char(string="Decision")
    reason = fields.Text()
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True, string="School"
    )

    _sql_constraints = [
        (
            "dates_check",
            "CHECK(date_end IS NULL OR date_end >= date_start)",
            "A discipline period cannot end before it starts.",
        ),
    ]

    @api.constrains("kind", "level")
    def _check_level(self):
        for rec in self:
            if rec.kind == "discipline" and not rec.level:
                raise ValidationError(
                    self.env._("A discipline record needs its level.")
                )
