from odoo import fields, models


class SchoolEmulationBaseSalary(models.Model):
    """The base salary (lương cơ sở) in force between dates."""

    _name = "school.emulation.base.salary"
    _description = "Base Salary"
    _inherit = ["school.emulation.dated.mixin"]
    _order = "date_start desc"
    _dated_key = ()

    amount = fields.Monetary(
        required=True,
        currency_field="currency_id",
        help="VND per month.",
    )
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.ref("base.VND", raise_if_not_found=False)
        or self.env.company.currency_id,
    )

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "The base salary must be positive."),
    ]

    def _compute_display_name(self):
        for rec in self:
            rec.display_name = "{:,.0f} ({})".format(
                rec.amount, rec.date_start and rec.date_start.strftime("%d/%m/%Y")
            )
