from odoo import fields, models


class SchoolEmulationPeriod(models.Model):
    """The principal's overview on each school-year card and the year's statistics
    in Excel."""

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
    overview_waiting_registrations = fields.Integer(
        string="Registrations to Review", compute="_compute_waiting"
    )
    overview_waiting_proposals = fields.Integer(
        string="Proposals to Approve", compute="_compute_waiting"
    )
    overview_draft_decisions = fields.Integer(
        string="Decisions to Confirm", compute="_compute_waiting"
    )

    # what waits for the principal and the officer: registrations sent and not
    # reviewed, proposals a group or the council has reviewed (to post publicly,
    # submit), decisions recorded and not confirmed
    _WAITING_PROPOSAL_STATES = ("group_reviewed", "council_reviewed", "published")

    def _compute_waiting(self):
        def counts(model, domain):
            return dict(
                self.env[model]._read_group(
                    [("period_id", "in", self.ids), *domain], ["period_id"], ["__count"]
                )
            )

        regs = counts("school.emulation.registration", [("state", "=", "submitted")])
        props = counts(
            "school.emulation.proposal",
            [("state", "in", self._WAITING_PROPOSAL_STATES)],
        )
        decisions = counts("school.emulation.decision", [("state", "=", "draft")])
        for period in self:
            period.overview_waiting_registrations = regs.get(period, 0)
            period.overview_waiting_proposals = props.get(period, 0)
            period.overview_draft_decisions = decisions.get(period, 0)

    def _overview_action(self, xmlid, domain, context=None, name=None, views=None):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("period_id", "=", self.id), *domain]
        action["context"] = {**(context or {})}
        if name:
            action["name"] = name
        if views:
            action["views"] = views
            action["view_mode"] = ",".join(kind for _id, kind in views)
        return action

    def action_view_waiting_registrations(self):
        return self._overview_action(
            "school_emulation.school_emulation_registration_action",
            [("state", "=", "submitted")],
            name=self.env._("Registrations to Review: %(year)s", year=self.name),
        )

    def action_view_waiting_proposals(self):
        return self._overview_action(
            "school_emulation.school_emulation_proposal_action",
            [("state", "in", self._WAITING_PROPOSAL_STATES)],
            name=self.env._("Proposals to Approve: %(year)s", year=self.name),
        )

    def action_view_draft_decisions(self):
        return self._overview_action(
            "school_emulation.school_emulation_decision_action",
            [("state", "=", "draft")],
            name=self.env._("Decisions to Confirm: %(year)s", year=self.name),
        )

    def _award_views(self):
        return [
            (self.env.ref(f"school_emulation_report.{xmlid}").id, kind)
            for xmlid, kind in (
                ("school_emulation_award_view_graph_statistics", "graph"),
                ("school_emulation_award_view_pivot_statistics", "pivot"),
            )
        ] + [(False, "list"), (False, "form")]

    def action_view_awards_by_group(self):
        """The year's awards by group (tổ), by title: a chart to drill into."""
        return self._overview_action(
            "school_emulation_report.school_emulation_award_statistics_action",
            [("state", "=", "confirmed")],
            context={
                "group_by": ["recipient_group_id", "award_name"],
                "pivot_row_groupby": ["recipient_group_id"],
                "pivot_column_groupby": ["award_name"],
                "graph_groupbys": ["recipient_group_id", "award_name"],
            },
            name=self.env._("Awards by Group: %(year)s", year=self.name),
            views=self._award_views(),
        )

    def action_view_awards_by_title(self):
        return self._overview_action(
            "school_emulation_report.school_emulation_award_statistics_action",
            [("state", "=", "confirmed")],
            context={
                "pivot_row_groupby": ["award_name"],
                "pivot_column_groupby": ["recipient_category"],
                "graph_groupbys": ["award_name", "recipient_category"],
            },
            name=self.env._("Awards by Title: %(year)s", year=self.name),
            views=self._award_views(),
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

    def _statistics_sheets(self):
        """Awards by title and recipient category; registrations against the titles
        obtained, per title (the registered subject holds it in the same year)."""
        self.ensure_one()
        _ = self.env._
        Award = self.env["school.emulation.award"]
        labels = dict(
            Award._fields["recipient_category"]._description_selection(self.env)
        )
        domain = [("period_id", "=", self.id), ("state", "=", "confirmed")]
        by_title = Award._read_group(
            domain,
            ["award_name", "recipient_category"],
            ["__count", "bonus_amount:sum"],
        )
        awards = Award.search(domain)
        held = {(a.subject_key, a.title_code) for a in awards if a.title_code}
        regs = self.env["school.emulation.registration"].search(
            [("period_id", "=", self.id), ("title_id", "!=", False)]
        )
        compare = {}
        for reg in regs:
            entry = compare.setdefault(reg.title_id.name, [0, 0])
            entry[0] += 1
            if (reg.subject_key, reg.title_id.code) in held:
                entry[1] += 1
        registered = sum(r for r, _o in compare.values())
        obtained = sum(o for _r, o in compare.values())
        frame = self.env["school.emulation.xlsx.export"]._frame(self.company_id)
        return [
            {
                "name": _("Awards"),
                "title": _("AWARD STATISTICS"),
                "subtitle": _("School year %(year)s", year=self.name),
                "columns": [
                    (_("Title or Award Form"), 34, "text"),
                    (_("Recipients"), 30, "text"),
                    (_("Count"), 10, "int"),
                    (_("Bonus (VND)"), 18, "money"),
                ],
                "rows": [
                    (name, labels.get(category, ""), count, bonus or 0)
                    for name, category, count, bonus in by_title
                ],
                "totals": {"label": _("Total"), "sum": [2, 3]},
                **frame,
            },
            {
                "name": _("Registrations and Results"),
                "title": _("EMULATION REGISTRATIONS AND RESULTS"),
                "subtitle": _("School year %(year)s", year=self.name),
                "columns": [
                    (_("Title"), 34, "text"),
                    (_("Registered"), 12, "int"),
                    (_("Obtained"), 10, "int"),
                    (_("Success Rate (%)"), 14, "decimal"),
                ],
                "rows": [
                    (name, reg_count, got, got * 100.0 / reg_count)
                    for name, (reg_count, got) in sorted(compare.items())
                ],
                "totals": {
                    "label": _("Total"),
                    "sum": [1, 2],
                    "values": {
                        3: obtained * 100.0 / registered if registered else None
                    },
                },
                **frame,
            },
        ]

    def action_export_statistics_xlsx(self):
        self.ensure_one()
        Export = self.env["school.emulation.xlsx.export"]
        period = self.with_context(lang=Export._document_lang())
        return Export._download(
            self, f"thong-ke-thi-dua-{self.name}.xlsx", period._statistics_sheets()
        )
