from odoo import fields, models, tools

SENT_STATES = ("submitted", "returned", "decided", "rejected")


class SchoolEmulationUnitStatus(models.Model):
    """Where each unit below a body stands in a school year (read only, a view):
    its proposals not sent yet, and the received ones waiting, returned, accepted
    and decided. One row per unit and school year of the body, in one query
    whatever the number of units."""

    _name = "school.emulation.unit.status"
    _description = "Unit Status"
    _auto = False
    _order = "period_id desc, unit_name, id"
    _rec_name = "unit_name"

    unit_company_id = fields.Many2one("res.company", string="Unit", readonly=True)
    unit_name = fields.Char(string="Unit Name", readonly=True)
    period_id = fields.Many2one(
        "school.emulation.period", string="School Year", readonly=True
    )
    not_sent_count = fields.Integer(string="Not Sent", readonly=True)
    waiting_count = fields.Integer(string="Waiting", readonly=True)
    returned_count = fields.Integer(string="Returned", readonly=True)
    accepted_count = fields.Integer(string="Accepted", readonly=True)
    decided_count = fields.Integer(string="Decided", readonly=True)
    candidate_count = fields.Integer(string="Candidates Received", readonly=True)
    company_id = fields.Many2one("res.company", string="Body", readonly=True)

    def _query(self):
        sent = ", ".join(f"'{state}'" for state in SENT_STATES)
        return f"""
            WITH received AS (
                SELECT i.company_id, i.sender_company_id, i.period_id,
                       count(*) FILTER (WHERE i.state = 'waiting') AS waiting,
                       count(*) FILTER (WHERE i.state = 'returned') AS returned,
                       count(*) FILTER (WHERE i.state = 'accepted') AS accepted,
                       count(*) FILTER (WHERE i.state = 'decided') AS decided
                  FROM school_emulation_inbox i
                 WHERE i.sender_company_id IS NOT NULL
                 GROUP BY i.company_id, i.sender_company_id, i.period_id
            ), candidates AS (
                SELECT l.company_id, l.sender_company_id, l.period_id,
                       count(*) AS n
                  FROM school_emulation_inbox_line l
                 WHERE l.sender_company_id IS NOT NULL
                 GROUP BY l.company_id, l.sender_company_id, l.period_id
            ), unsent AS (
                SELECT p.company_id AS unit_id, per.id AS period_id, count(*) AS n
                  FROM school_emulation_proposal p
                  JOIN school_emulation_period sp ON sp.id = p.period_id
                  JOIN res_company u ON u.id = p.company_id
                  JOIN school_emulation_period per
                    ON per.company_id = u.emulation_superior_id
                   AND sp.date_end BETWEEN per.date_start AND per.date_end
                 WHERE p.level = 'school' AND p.state NOT IN ({sent})
                 GROUP BY p.company_id, per.id
            )
            SELECT per.id::bigint * 1000000 + u.id AS id,
                   sup.id AS company_id, u.id AS unit_company_id,
                   u.name AS unit_name, per.id AS period_id,
                   COALESCE(us.n, 0) AS not_sent_count,
                   COALESCE(r.waiting, 0) AS waiting_count,
                   COALESCE(r.returned, 0) AS returned_count,
                   COALESCE(r.accepted, 0) AS accepted_count,
                   COALESCE(r.decided, 0) AS decided_count,
                   COALESCE(c.n, 0) AS candidate_count
              FROM res_company u
              JOIN res_company sup ON sup.id = u.emulation_superior_id
              JOIN school_emulation_period per ON per.company_id = sup.id
              LEFT JOIN received r
                ON r.company_id = sup.id AND r.sender_company_id = u.id
               AND r.period_id = per.id
              LEFT JOIN candidates c
                ON c.company_id = sup.id AND c.sender_company_id = u.id
               AND c.period_id = per.id
              LEFT JOIN unsent us ON us.unit_id = u.id AND us.period_id = per.id
             WHERE u.active
        """

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"CREATE OR REPLACE VIEW {self._table} AS ({self._query()})"
        )

    def action_open_received(self):
        """The proposals this unit sent in the school year."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "school_emulation.school_emulation_inbox_action"
        )
        action["domain"] = [
            ("sender_company_id", "=", self.unit_company_id.id),
            ("period_id", "=", self.period_id.id),
        ]
        action["display_name"] = self.env._(
            "Received from %(unit)s", unit=self.unit_name
        )
        return action
