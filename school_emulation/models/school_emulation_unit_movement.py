from odoo import fields, models, tools

from .school_emulation_movement import MOVEMENT_STATES


class SchoolEmulationUnitMovement(models.Model):
    """Which units carry out a body's movement, and how many registered (read
    only, a view): one row per unit movement linked to the body's, in one query.
    The body reads these counts, never the units' registrations."""

    _name = "school.emulation.unit.movement"
    _description = "Movement of a Unit"
    _auto = False
    _order = "unit_name, id"
    _rec_name = "unit_name"

    superior_movement_id = fields.Many2one(
        "school.emulation.movement", string="Movement", readonly=True
    )
    unit_company_id = fields.Many2one("res.company", string="Unit", readonly=True)
    unit_name = fields.Char(string="Unit Name", readonly=True)
    state = fields.Selection(
        MOVEMENT_STATES,
        string="Stage at the Unit",
        readonly=True,
    )
    registration_count = fields.Integer(string="Registered", readonly=True)
    accepted_count = fields.Integer(string="Accepted", readonly=True)
    company_id = fields.Many2one("res.company", string="Body", readonly=True)

    def _query(self):
        return """
            SELECT m.id AS id, p.company_id AS company_id,
                   p.id AS superior_movement_id, m.company_id AS unit_company_id,
                   c.name AS unit_name, m.state AS state,
                   COALESCE(r.registered, 0) AS registration_count,
                   COALESCE(r.accepted, 0) AS accepted_count
              FROM school_emulation_movement m
              JOIN school_emulation_movement p
                ON p.id = m.parent_id AND p.company_id != m.company_id
              JOIN res_company c ON c.id = m.company_id
              LEFT JOIN (
                    SELECT movement_id,
                           count(*) FILTER (WHERE state != 'draft') AS registered,
                           count(*) FILTER (WHERE state = 'accepted') AS accepted
                      FROM school_emulation_registration
                     GROUP BY movement_id
              ) r ON r.movement_id = m.id
             WHERE m.active
        """

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"CREATE OR REPLACE VIEW {self._table} AS ({self._query()})"
        )
