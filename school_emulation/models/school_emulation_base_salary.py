from odoo import api, fields, models


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

    @api.depends("amount", "currency_id", "date_start")
    def _compute_display_name(self):
        # "2.530.000 đồng (01/07/2026)": the school's formats, whatever the
        # reader's language
        for rec in self:
            amount = rec._se_format_money(rec.amount, rec.currency_id)
            if rec.date_start:
                amount = f"{amount} ({rec._se_format_date(rec.date_start)})"
            rec.display_name = amount
