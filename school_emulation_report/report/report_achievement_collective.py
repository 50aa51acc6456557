from odoo import api, models


class ReportAchievementCollective(models.AbstractModel):
    """Báo cáo thành tích tập thể (NĐ 152/2025 appendix, collective report) of a
    group: filled from its members' ratings, titles and initiatives of the year,
    its own ratings and awards, and the account its leader wrote on the group's
    registration."""

    _name = "report.school_emulation_report.report_achievement_collective"
    _inherit = "school.emulation.document.mixin"
    _description = "Collective Achievement Report"
    _document_model = "hr.department"

    @api.model
    def _achievement_data(self, group):
        group = group.sudo()
        env = self.env
        Line = env["school.emulation.proposal.line"].sudo()
        Registration = env["school.emulation.registration"].sudo()
        lines = Line.search(
            [("subject_type", "=", "department"), ("department_id", "=", group.id)]
        ).sorted(lambda ln: (ln.period_id.date_start, ln.id))
        registrations = Registration.search(
            [("subject_type", "=", "department"), ("department_id", "=", group.id)]
        )
        members = (
            env["hr.employee"]
            .sudo()
            .search(
                [
                    ("department_id", "=", group.id),
                    ("company_id", "=", group.company_id.id),
                ]
            )
        )
        unit_ratings = (
            env["school.emulation.unit.rating"]
            .sudo()
            .search([("department_id", "=", group.id)])
            .sorted(lambda r: r.period_id.date_start)
        )
        # the year reported on: the latest one the group is proposed or registered
        # in, else the latest one it or its members were rated in
        period = (
            lines[-1:].period_id
            or registrations.sorted(lambda r: r.period_id.date_start)[-1:].period_id
            or (
                unit_ratings.period_id
                | env["school.emulation.rating"]
                .sudo()
                .search([("employee_id", "in", members.ids)])
                .period_id
            ).sorted("date_start")[-1:]
        )
        line = lines.filtered(lambda ln: ln.period_id == period)[-1:]
        accounts = registrations.filtered(
            lambda r: r.period_id == period
            and (r.report_duties or r.report_achievements)
        )
        ratings = (
            env["school.emulation.rating"]
            .sudo()
            .search([("employee_id", "in", members.ids), ("period_id", "=", period.id)])
            if period
            else env["school.emulation.rating"]
        )
        member_awards = (
            env["school.emulation.award"]
            .sudo()
            .search(
                [
                    ("subject_type", "=", "employee"),
                    ("employee_id", "in", members.ids),
                    ("period_id", "=", period.id),
                    ("state", "=", "confirmed"),
                ]
            )
            if period
            else env["school.emulation.award"]
        )
        by_award = {}
        for award in member_awards:
            by_award[award.award_name] = by_award.get(award.award_name, 0) + 1
        initiatives = (
            env["school.emulation.initiative.author"]
            .sudo()
            .search([("employee_id", "in", members.ids)])
            .initiative_id.filtered(
                lambda i: i.state == "recognised" and i.period_id == period
            )
        )
        awards = group.emulation_award_ids.filtered(
            lambda x: x.state == "confirmed"
        ).sorted(lambda x: (x.period_date_start, x.decision_date or x.create_date))
        return {
            "period": period,
            "line": line,
            "members": members,
            "women": members.filtered(lambda m: m.gender == "female"),
            "duties": [r.report_duties for r in accounts if r.report_duties],
            "achievements": [
                r.report_achievements for r in accounts if r.report_achievements
            ],
            "summary": line.achievement or "",
            "rating_counts": {
                code: len(ratings.filtered(lambda r, c=code: r.rating == c))
                for code in ("htxsnv", "httnv", "htnv", "khtnv")
            },
            "rated": len(ratings),
            "member_awards": sorted(by_award.items()),
            "initiatives": initiatives,
            "unit_ratings": unit_ratings,
            "titles": awards.filtered("title_id"),
            "forms": awards.filtered("award_form_id"),
        }

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data)
        values["achievement_data"] = self._achievement_data
        return values
