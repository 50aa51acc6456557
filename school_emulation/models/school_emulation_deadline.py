from odoo import api, fields, models, tools

from .base import SCHOOL_TZ

DEADLINE_KINDS = [
    ("registration", "Registration deadline"),
    ("scoring", "Scoring deadline"),
    ("movement_end", "Movement ends"),
    ("posting_end", "Public posting ends"),
    ("dossier", "Dossier deadline"),
    ("session", "Council session"),
]


class SchoolEmulationDeadline(models.Model):
    """Every deadline and session of the school year in one calendar (read only,
    a view over the movements, proposals and council sessions): registration,
    scoring, end of a movement, end of the public posting, the dossier's
    deadline, the council's sessions. A session is dated in the school's time
    zone. ``pending``: the step is still to be done (an overdue one shows red)."""

    _name = "school.emulation.deadline"
    _description = "Deadline"
    _auto = False
    _order = "date, kind, id"
    _rec_name = "name"

    name = fields.Char(readonly=True)
    kind = fields.Selection(DEADLINE_KINDS, readonly=True)
    date = fields.Date(readonly=True)
    pending = fields.Boolean(
        readonly=True, help="The step this deadline is for is not done yet."
    )
    overdue = fields.Boolean(compute="_compute_overdue", search="_search_overdue")
    movement_id = fields.Many2one("school.emulation.movement", readonly=True)
    proposal_id = fields.Many2one("school.emulation.proposal", readonly=True)
    session_id = fields.Many2one("school.emulation.council.session", readonly=True)
    period_id = fields.Many2one(
        "school.emulation.period", string="School Year", readonly=True
    )
    company_id = fields.Many2one("res.company", string="School", readonly=True)

    def _query(self):
        tz = f"COALESCE(p.tz, '{SCHOOL_TZ}')"
        return f"""
            SELECT m.id * 8 + 0 AS id, 'registration' AS kind,
                   m.registration_deadline AS date, m.name AS name,
                   m.state IN ('launched', 'running') AS pending,
                   m.id AS movement_id, NULL::integer AS proposal_id,
                   NULL::integer AS session_id, m.period_id, m.company_id
              FROM school_emulation_movement m
             WHERE m.registration_deadline IS NOT NULL AND m.state != 'draft'
            UNION ALL
            SELECT m.id * 8 + 1, 'scoring', m.scoring_deadline, m.name,
                   m.state IN ('launched', 'running'),
                   m.id, NULL, NULL, m.period_id, m.company_id
              FROM school_emulation_movement m
             WHERE m.scoring_deadline IS NOT NULL AND m.state != 'draft'
            UNION ALL
            SELECT m.id * 8 + 2, 'movement_end', m.date_end, m.name,
                   m.state IN ('launched', 'running'),
                   m.id, NULL, NULL, m.period_id, m.company_id
              FROM school_emulation_movement m
             WHERE m.date_end IS NOT NULL AND m.state != 'draft'
            UNION ALL
            SELECT r.id * 8 + 3, 'posting_end', r.posting_end, r.name,
                   r.state = 'published',
                   NULL, r.id, NULL, r.period_id, r.company_id
              FROM school_emulation_proposal r
             WHERE r.posting_end IS NOT NULL
            UNION ALL
            SELECT r.id * 8 + 4, 'dossier', r.deadline, r.name,
                   r.state NOT IN ('submitted', 'decided', 'rejected'),
                   NULL, r.id, NULL, r.period_id, r.company_id
              FROM school_emulation_proposal r
             WHERE r.deadline IS NOT NULL
            UNION ALL
            SELECT s.id * 8 + 5, 'session',
                   (s.date AT TIME ZONE 'UTC' AT TIME ZONE {tz})::date, s.name,
                   s.state != 'closed',
                   NULL, NULL, s.id, s.period_id, s.company_id
              FROM school_emulation_council_session s
              JOIN res_company co ON co.id = s.company_id
              JOIN res_partner p ON p.id = co.partner_id
        """

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"CREATE OR REPLACE VIEW {self._table} AS ({self._query()})"
        )

    @api.depends("date", "pending", "company_id")
    def _compute_overdue(self):
        for rec in self:
            today = self._se_today(rec.company_id)
            rec.overdue = bool(rec.pending and rec.date and rec.date < today)

    def _search_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(operator)
        today = self._se_today()
        domain = [("pending", "=", True), ("date", "<", today)]
        positive = (operator == "=") == value
        return domain if positive else ["!", "&", *domain]

    def action_open_source(self):
        """The movement, proposal or session the deadline belongs to."""
        self.ensure_one()
        record = self.movement_id or self.proposal_id or self.session_id
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
