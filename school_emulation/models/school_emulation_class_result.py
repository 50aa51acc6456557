from odoo import api, fields, models

from ..tools import scoring


class SchoolEmulationClassResult(models.Model):
    """A class's total and rank for one week (stored for the board and charts)."""

    _name = "school.emulation.class.result"
    _description = "Class Weekly Ranking"
    _order = "week_start desc, rank, class_id"

    week_id = fields.Many2one(
        "school.emulation.class.week", required=True, index=True, ondelete="cascade"
    )
    week_start = fields.Date(related="week_id.week_start", store=True)
    month = fields.Char(compute="_compute_month", store=True, help="YYYY-MM")
    period_id = fields.Many2one(related="week_id.period_id", store=True, index=True)
    class_id = fields.Many2one("school.class", required=True, index=True)
    homeroom_user_id = fields.Many2one(related="class_id.homeroom_user_id", store=True)
    standard_total = fields.Float(digits=(8, 2))
    bonus_total = fields.Float(digits=(8, 2))
    penalty_total = fields.Float(digits=(8, 2))
    total = fields.Float(digits=(8, 2), aggregator="avg")
    rank = fields.Integer(aggregator="min")
    company_id = fields.Many2one(related="week_id.company_id", store=True, index=True)

    _sql_constraints = [
        (
            "week_class_unique",
            "UNIQUE(week_id, class_id)",
            "One result per class and week.",
        ),
    ]

    @api.depends("week_start")
    def _compute_month(self):
        for rec in self:
            rec.month = rec.week_start.strftime("%Y-%m") if rec.week_start else False

    @api.model
    def _rank_range(self, company, date_from, date_to):
        """Rank classes on their average weekly totals between two dates.

        Returns ``{class: (Totals of averages, rank)}``; ranked as the weeks are,
        on the total alone: equal averages share the rank.
        """
        rows = self.sudo()._read_group(
            [
                ("company_id", "=", company.id),
                ("week_start", ">=", date_from),
                ("week_start", "<=", date_to),
            ],
            ["class_id"],
            ["total:avg", "standard_total:avg", "bonus_total:avg", "penalty_total:avg"],
        )
        totals = {
            cls: scoring.Totals(round(t, 2), round(s, 2), round(b, 2), round(p, 2))
            for cls, t, s, b, p in rows
        }
        ranks = scoring.rank_by_total(totals)
        return {cls: (tot, ranks[cls]) for cls, tot in totals.items()}
