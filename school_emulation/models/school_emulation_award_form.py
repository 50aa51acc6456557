from odoo import api, fields, models

from .school_emulation_authority import LEVELS


class SchoolEmulationAwardForm(models.Model):
    """A form of award (hình thức khen thưởng: Giấy khen, Bằng khen...)."""

    _name = "school.emulation.award.form"
    _description = "Award Form"
    _inherit = ["school.emulation.dated.mixin", "mail.thread"]
    _order = "sequence, code, date_start desc"
    _dated_key = ("code",)

    code = fields.Char(required=True, index=True, tracking=True)
    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    level = fields.Selection(LEVELS, required=True, default="commune")
    authority_id = fields.Many2one(
        "school.emulation.authority",
        string="Issued By",
        ondelete="restrict",
        tracking=True,
    )
    for_individual = fields.Boolean(string="Individuals", default=True)
    for_collective = fields.Boolean(string="Collectives", default=True)
    for_student = fields.Boolean(string="Students")
    coefficient_individual = fields.Float(
        string="Coefficient (Individual)", digits=(6, 2), tracking=True
    )
    coefficient_collective = fields.Float(
        string="Coefficient (Collective)", digits=(6, 2), tracking=True
    )
    coefficient_household_factor = fields.Float(
        string="Household Factor",
        digits=(6, 2),
        help="Households receive this factor times the individual amount.",
    )
    dossier_item_type_ids = fields.Many2many(
        "school.emulation.dossier.item.type",
        "school_emulation_award_form_dossier_rel",
        "award_form_id",
        "item_type_id",
        string="Dossier Documents",
    )
    min_service_years = fields.Integer(
        string="Minimum Years of Service",
        help="For commemorative medals (e.g. 20 years in the education sector).",
    )

    _sql_constraints = [
        (
            "positive_coefficients",
            "CHECK(coefficient_individual >= 0 AND coefficient_collective >= 0 "
            "AND min_service_years >= 0)",
            "Coefficients and years of service cannot be negative.",
        ),
    ]

    @api.model
    def for_school_year(self, code, period_id):
        """The award form of ``code`` in force at the end of school year
        ``period_id``, for the year's school. A missing form raises.

        Data and demo files name a form by code this way, never one legal era's
        record (see ``school.emulation.title.for_school_year``).
        """
        period = self.env["school.emulation.period"].browse(period_id)
        return self._get_in_force(
            period.date_end, [("code", "=", code)], company=period.company_id
        )
