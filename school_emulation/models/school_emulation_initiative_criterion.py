from odoo import fields, models


class SchoolEmulationInitiativeCriterion(models.Model):
    """A criterion of the initiative rubric (novelty, effect, replicability...)."""

    _name = "school.emulation.initiative.criterion"
    _description = "Initiative Grading Criterion"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    weight = fields.Integer(required=True, default=25, help="Share of the 100 points.")
    max_points = fields.Float(required=True, default=10.0)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", string="School", index=True)

    _sql_constraints = [
        (
            "positive",
            "CHECK(weight > 0 AND max_points > 0)",
            "Weights and maximum points are positive.",
        ),
    ]
