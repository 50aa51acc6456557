from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .school_emulation_state_mixin import check_officer


class SchoolEmulationPeriod(models.Model):
    """A school year (năm học): the emulation period every title is judged on."""

    _name = "school.emulation.period"
    _description = "School Year"
    _inherit = ["mail.thread", "school.emulation.state.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    # Allowed transitions: state -> states it may move to (house style, habit 5).
    _TRANSITIONS = {
        "draft": {"open"},
        "open": {"closed"},
        "closed": {"open"},
    }
    _LOCKED_STATES = ("open", "closed")
    # what a closed school year keeps as it was
    _CLOSED_FIELDS = ("name", "date_start", "date_end", "company_id")
    # the officer's text of the year-end report (báo cáo tổng kết)
    _REPORT_FIELDS = ("report_assessment", "report_direction", "report_proposals")

    name = fields.Char(required=True, tracking=True, help="For example 2024-2025.")
    date_start = fields.Date(string="Start Date", required=True, tracking=True)
    date_end = fields.Date(string="End Date", required=True, tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Open"), ("closed", "Closed")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        string="School",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    active = fields.Boolean(default=True)
    is_current = fields.Boolean(
        string="Current",
        compute="_compute_is_current",
        search="_search_is_current",
        help="The school year that contains today's date.",
    )
    can_open = fields.Boolean(compute="_compute_can_transition")
    can_close = fields.Boolean(compute="_compute_can_transition")
    report_assessment = fields.Text(
        string="Assessment",
        help="Year-end report, part Đánh giá: strengths, weaknesses, their causes "
        "and the lessons learnt. Written by the emulation officer.",
    )
    report_direction = fields.Text(
        string="Next Year's Direction",
        help="Year-end report, part Phương hướng: the tasks of the next school year.",
    )
    report_proposals = fields.Text(
        string="Proposals to the Superior Body",
        help="Year-end report, part Đề xuất, kiến nghị.",
    )

    _sql_constraints = [
        (
            "name_company_unique",
            "UNIQUE(name, company_id)",
            "A school year with this name already exists in this school.",
        ),
        (
            "dates_check",
            "CHECK(date_end > date_start)",
            "The end date of a school year must be after its start date.",
        ),
    ]

    @api.depends("state")
    @api.depends_context("uid")
    def _compute_can_transition(self):
        for rec in self:
            rec.can_open = rec._can_transition("open")
            rec.can_close = rec._can_transition("closed")

    def _check_report_writer(self, vals):
        if set(vals) & set(self._REPORT_FIELDS) and not self.env.su:
            check_officer(
                self.env,
                self.env._(
                    "Only the emulation officer writes the year-end assessment."
                ),
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_report_writer(vals)
        return super().create(vals_list)

    def _check_write_locked(self, vals):
        self._check_report_writer(vals)
        names = set(vals) & set(self._CLOSED_FIELDS)
        if names:
            for rec in self.filtered(lambda r: r.state == "closed"):
                raise UserError(
                    self.env._(
                        "School year %(name)s is closed: %(fields)s can no longer "
                        "change (reopen it first).",
                        name=rec.name,
                        fields=self._guarded_field_labels(names),
                    )
                )

    @api.depends("date_start", "date_end")
    def _compute_is_current(self):
        today = self._se_today(self.company_id[:1] or None)
        for period in self:
            period.is_current = bool(
                period.date_start
                and period.date_end
                and period.date_start <= today <= period.date_end
            )

    def _search_is_current(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(
                self.env._("Unsupported search on the current school year.")
            )
        today = self._se_today(self.company_id[:1] or None)
        domain = [("date_start", "<=", today), ("date_end", ">=", today)]
        if (operator == "=") != bool(value):
            domain = ["!", "&", *domain]
        return domain

    @api.constrains("date_start", "date_end", "company_id", "active")
    def _check_overlap(self):
        for period in self.filtered("active"):
            if period.date_end <= period.date_start:
                raise ValidationError(
                    self.env._(
                        "School year %(name)s: the end date must be after the start "
                        "date.",
                        name=period.name,
                    )
                )
            overlap = self.search(
                [
                    ("id", "!=", period.id),
                    ("company_id", "=", period.company_id.id),
                    ("date_start", "<=", period.date_end),
                    ("date_end", ">=", period.date_start),
                ],
                limit=1,
            )
            if overlap:
                raise ValidationError(
                    self.env._(
                        "School year %(name)s overlaps school year %(other)s.",
                        name=period.name,
                        other=overlap.name,
                    )
                )

    def action_open(self):
        self._check_transition("open")
        self._write_state({"state": "open"})

    def action_close(self):
        self._check_transition("closed")
        self._write_state({"state": "closed"})

    @api.model
    def _get_current(self, company=None, date=None):
        """The school year of ``company`` in force on ``date`` (today by default).

        Falls back to the latest school year that started before the date, so that the
        summer between two school years still has a default.
        """
        company = company or self.env.company
        date = date or self._se_today(company)
        base = [("company_id", "=", company.id)]
        return self.search(
            [*base, ("date_start", "<=", date), ("date_end", ">=", date)], limit=1
        ) or self.search([*base, ("date_start", "<=", date)], limit=1)
