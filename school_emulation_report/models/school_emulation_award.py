from odoo import api, fields, models


class SchoolEmulationAward(models.Model):
    """Statistics dimensions of an award (seed §II.2a: share of direct workers among
    awardees; NĐ 152/2025 Art. 4.6: women)."""

    _inherit = "school.emulation.award"

    recipient_category = fields.Selection(
        [
            ("manager", "Management"),
            ("direct", "Teachers and staff (direct workers)"),
            ("collective", "Collective"),
            ("student", "Student"),
        ],
        compute="_compute_statistics",
        store=True,
        compute_sudo=True,
    )
    recipient_gender = fields.Selection(
        [("female", "Female"), ("male", "Male"), ("other", "Other")],
        compute="_compute_statistics",
        store=True,
        compute_sudo=True,
    )
    recipient_group_id = fields.Many2one(
        "hr.department",
        string="Recipient's Group",
        compute="_compute_statistics",
        store=True,
        compute_sudo=True,
    )
    award_count = fields.Integer(
        string="Number of Awards", compute="_compute_statistics", store=True
    )

    @api.depends(
        "subject_type",
        "employee_id.emulation_category",
        "employee_id.gender",
        "employee_id.department_id",
        "department_id",
    )
    def _compute_statistics(self):
        for award in self:
            emp = award.employee_id
            if award.subject_type == "employee":
                category = (
                    "manager" if emp.emulation_category == "manager" else "direct"
                )
            elif award.subject_type == "student":
                category = "student"
            else:
                category = "collective"
            award.recipient_category = category
            award.recipient_gender = emp.gender or False
            award.recipient_group_id = emp.department_id or award.department_id
            award.award_count = 1


class SchoolEmulationPeriod(models.Model):
    """The principal's overview on each school-year card."""

    _inherit = "school.emulation.period"

    overview_registrations = fields.Integer(
        string="Registrations", compute="_compute_overview"
    )
    overview_proposals = fields.Integer(
        string="Open Proposals", compute="_compute_overview"
    )
    overview_awards = fields.Integer(string="Awards", compute="_compute_overview")
    overview_bonus = fields.Monetary(
        string="Bonus Paid", compute="_compute_overview", currency_field="currency_id"
    )
    overview_direct_pct = fields.Integer(
        string="Direct Workers (%)", compute="_compute_overview"
    )
    currency_id = fields.Many2one(
        "res.currency",
        compute="_compute_overview",
    )

    def _compute_overview(self):
        regs = dict(
            self.env["school.emulation.registration"]._read_group(
                [("period_id", "in", self.ids)], ["period_id"], ["__count"]
            )
        )
        props = dict(
            self.env["school.emulation.proposal"]._read_group(
                [
                    ("period_id", "in", self.ids),
                    ("state", "not in", ("decided", "rejected")),
                ],
                ["period_id"],
                ["__count"],
            )
        )
        stats = {}
        for period, category, count, bonus in self.env[
            "school.emulation.award"
        ]._read_group(
            [("period_id", "in", self.ids), ("state", "=", "confirmed")],
            ["period_id", "recipient_category"],
            ["__count", "bonus_amount:sum"],
        ):
            entry = stats.setdefault(period, {"total": 0, "bonus": 0.0, "people": 0})
            entry["total"] += count
            entry["bonus"] += bonus
            if category in ("manager", "direct"):
                entry["people"] += count
            if category == "direct":
                entry["direct"] = entry.get("direct", 0) + count
        currency = self.env.ref("base.VND", raise_if_not_found=False)
        for period in self:
            entry = stats.get(period, {})
            people = entry.get("people", 0)
            period.overview_registrations = regs.get(period, 0)
            period.overview_proposals = props.get(period, 0)
            period.overview_awards = entry.get("total", 0)
            period.overview_bonus = entry.get("bonus", 0.0)
            period.overview_direct_pct = (
                entry.get("direct", 0) * 100 // people if people else 0
            )
            period.currency_id = currency or period.company_id.currency_id
