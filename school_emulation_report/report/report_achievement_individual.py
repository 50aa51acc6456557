from odoo import api, models


class ReportAchievementIndividual(models.AbstractModel):
    """Báo cáo thành tích cá nhân (NĐ 152/2025 appendix, individual report):
    filled from the records of the person; the person's own account is the one
    they wrote on their registration of the year."""

    _name = "report.school_emulation_report.report_achievement_individual"
    _inherit = "school.emulation.document.mixin"
    _description = "Individual Achievement Report"
    _document_model = "hr.employee"

    @api.model
    def _achievement_data(self, employee):
        """What the report says about ``employee`` (read as superuser: the reader
        has been checked on the employee by the mixin)."""
        employee = employee.sudo()
        Line = self.env["school.emulation.proposal.line"].sudo()
        Registration = self.env["school.emulation.registration"].sudo()
        lines = Line.search(
            [("subject_type", "=", "employee"), ("employee_id", "=", employee.id)]
        ).sorted(lambda ln: (ln.period_id.date_start or ln.create_date.date(), ln.id))
        registrations = Registration.search(
            [("subject_type", "=", "employee"), ("employee_id", "=", employee.id)]
        )
        # the year reported on: the latest one the person is proposed in, else the
        # latest one they registered in
        period = (
            lines[-1:].period_id
            or registrations.sorted(lambda r: r.period_id.date_start)[-1:].period_id
        )
        line = lines.filtered(lambda ln: ln.period_id == period)[-1:]
        accounts = registrations.filtered(
            lambda r: r.period_id == period
            and (r.report_duties or r.report_achievements)
        )
        classes = (
            self.env["school.class"]
            .sudo()
            .search(
                [
                    ("homeroom_teacher_id", "=", employee.id),
                    ("period_id", "=", period.id),
                ]
            )
            if period
            else self.env["school.class"]
        )
        initiatives = (
            self.env["school.emulation.initiative.author"]
            .sudo()
            .search([("employee_id", "=", employee.id)])
            .initiative_id.filtered(lambda i: i.state == "recognised")
            .sorted(lambda i: (i.recognition_date or i.create_date.date(), i.id))
        )
        awards = employee.emulation_award_ids.filtered(
            lambda x: x.state == "confirmed"
        ).sorted(lambda x: (x.period_date_start, x.decision_date or x.create_date))
        return {
            "period": period,
            "line": line,
            "duties": [r.report_duties for r in accounts if r.report_duties],
            "achievements": [
                r.report_achievements for r in accounts if r.report_achievements
            ],
            "summary": line.achievement or "",
            "classes": classes,
            "ratings": employee.emulation_rating_ids.sorted(
                lambda r: r.period_date_start
            ),
            "initiatives": initiatives,
            "titles": awards.filtered("title_id"),
            "forms": awards.filtered("award_form_id"),
        }

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data)
        values["achievement_data"] = self._achievement_data
        return values
