from odoo import fields, models


class SchoolEmulationRatingScheme(models.Model):
    """How staff task completion is rated (NĐ 90/2020, NĐ 233/2026...)."""

    _name = "school.emulation.rating.scheme"
    _description = "Staff Rating Scheme"
    _inherit = ["school.emulation.dated.mixin"]
    _order = "date_start desc"
    _dated_key = ("code",)

    code = fields.Char(required=True, index=True)
    name = fields.Char(required=True)
    uses_points = fields.Boolean(help="The rating follows from yearly points.")
    points_htxsnv = fields.Integer(string="Points for HTXSNV (min)")
    points_httnv = fields.Integer(string="Points for HTTNV (min)")
    points_htnv = fields.Integer(string="Points for HTNV (min)")
    htxsnv_quota_pct = fields.Integer(
        string="HTXSNV Quota (%)",
        help="HTXSNV may be given to at most this share of those rated HTTNV.",
    )
    htxsnv_quota_pct_unit_excellent = fields.Integer(
        string="HTXSNV Quota if Unit Excellent (%)"
    )
    min_months_worked = fields.Integer(
        string="Minimum Months Worked",
        help="Staff who worked fewer months in the year are not rated.",
    )

    _sql_constraints = [
        (
            "points_order",
            "CHECK(points_htxsnv >= points_httnv AND points_httnv >= points_htnv "
            "AND points_htnv >= 0)",
            "Points thresholds must decrease from HTXSNV to HTNV.",
        ),
    ]

    def _rating_for_points(self, points):
        """The rating level a number of points gives under this scheme."""
        self.ensure_one()
        if not self.uses_points:
            return False
        if points >= self.points_htxsnv:
            return "htxsnv"
        if points >= self.points_httnv:
            return "httnv"
        if points >= self.points_htnv:
            return "htnv"
        return "khtnv"
