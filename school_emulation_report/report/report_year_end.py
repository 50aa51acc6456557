from odoo import api, models


class ReportYearEnd(models.AbstractModel):
    """Báo cáo tổng kết công tác thi đua, khen thưởng of a school year: the year's
    figures counted from the records, the officer's assessment, direction and
    proposals written on the school year, sent to the school's governing body."""

    _name = "report.school_emulation_report.report_year_end"
    _inherit = "school.emulation.document.mixin"
    _description = "Year-End Report"
    _document_model = "school.emulation.period"
    _register_kind = "report"

    @api.model
    def _year_data(self, period):
        period = period.sudo()
        env = self.env
        domain = [("period_id", "=", period.id)]
        movements = env["school.emulation.movement"].sudo().search(domain)
        registrations = env["school.emulation.registration"].sudo().search(domain)
        Award = env["school.emulation.award"].sudo()
        awards = Award.search([*domain, ("state", "=", "confirmed")])
        # by title or form, and by the level of the deciding authority
        levels = dict(
            env["school.emulation.authority"]
            ._fields["level"]
            ._description_selection(env)
        )
        rows = {}
        # the deciding body by its real name ("Chủ tịch Ủy ban nhân dân xã Xuân
        # Sơn"), as its decisions print it, never the catalogue's generic one
        bodies = {
            authority: self._body_name(period.company_id, authority)
            for authority in awards.authority_id
        }
        for award in awards:
            key = (
                award.authority_id.sequence,
                award.authority_id.name or "",
                award.award_name,
            )
            row = rows.setdefault(
                key,
                {
                    "award": award.award_name,
                    "authority": bodies.get(award.authority_id, ""),
                    "level": levels.get(award.authority_id.level, ""),
                    "individuals": 0,
                    "collectives": 0,
                    "bonus": 0.0,
                },
            )
            if award.subject_type in ("department", "class", "school"):
                row["collectives"] += 1
            else:
                row["individuals"] += 1
            row["bonus"] += award.bonus_amount
        people = awards.filtered(lambda a: a.subject_type == "employee")
        initiatives = env["school.emulation.initiative"].sudo().search(domain)
        exemplars = env["school.emulation.exemplar"].sudo().search(domain)
        sessions = (
            env["school.emulation.council.session"]
            .sudo()
            .search([*domain, ("state", "=", "closed")])
        )
        return {
            "movements": movements,
            "movement_kinds": dict(
                movements._fields["kind"]._description_selection(env)
            ),
            "registrations": registrations,
            "reg_people": registrations.filtered(
                lambda r: r.subject_type == "employee"
            ),
            "reg_accepted": registrations.filtered(lambda r: r.state == "accepted"),
            "awards": awards,
            "award_rows": [rows[key] for key in sorted(rows)],
            "people": people,
            "women": people.filtered(lambda a: a.recipient_gender == "female"),
            "direct": people.filtered(lambda a: a.recipient_category == "direct"),
            "bonus": sum(awards.mapped("bonus_amount")),
            "initiatives": initiatives,
            "recognised": initiatives.filtered(lambda i: i.state == "recognised"),
            "exemplars": exemplars,
            "replicated": exemplars.filtered(lambda x: x.state == "replicated"),
            "sessions": sessions,
        }

    @api.model
    def _recipients(self, company):
        """Nơi nhận: the school's governing body (its full name when the school has
        written it), then the school's own council."""
        company = company.sudo()
        superior = (
            company["emulation_superior_full_name"]
            if "emulation_superior_full_name" in company._fields
            else ""
        ) or company.emulation_superior_name
        recipients = [f"{superior} (b/c)"] if superior else []
        return [*recipients, "Hội đồng Thi đua - Khen thưởng nhà trường"]

    @api.model
    def _issue_problems(self, record):
        """An issued year-end report carries its assessment and direction: no
        section is left as dotted lines."""
        _ = self.env._
        problems = []
        if not (record.report_assessment or "").strip():
            problems.append(_("the overall assessment (Đánh giá chung)"))
        if not (record.report_direction or "").strip():
            problems.append(_("the direction for next year (Phương hướng)"))
        return problems

    @api.model
    def _default_texts(self, record):
        company = record.company_id
        agency = self._agency(company)
        return {
            "number": f".../BC-{agency['code'] or '...'}",
            "date": self._se_today(company),
            "addressee": "",
            "bases": [],
            "body": False,
            "recipients": self._recipients(company),
            "signer_title": agency["head_title"],
            "signer_name": agency["head_name"],
        }

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data)
        values["year_data"] = self._year_data
        values["year_recipients"] = self._recipients
        return values
