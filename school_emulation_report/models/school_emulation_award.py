from odoo import api, fields, models


class SchoolEmulationAward(models.Model):
    """Statistics dimensions of an award (seed §II.2a: share of direct workers among
    awardees; NĐ 152/2025 Art. 4.6: women) and the award history in Excel."""

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

    def _xlsx_rows(self):
        # the body by its real name ("Chủ tịch Ủy ban nhân dân xã Xuân Sơn"), as
        # the documents print it, not the catalogue's generic level
        issuer = self.env["school.emulation.document.mixin"]._issuer
        bodies = {
            (company, authority): issuer(company, authority)["authority"]
            for company, authority in {(a.company_id, a.authority_id) for a in self}
            if authority
        }
        return [
            (
                index,
                award.period_id.name,
                award.subject_name,
                award.recipient_group_id.name or "",
                award.award_name,
                dict(self._fields["award_type"]._description_selection(self.env)).get(
                    award.award_type, ""
                ),
                award.decision_number or "",
                award.decision_date,
                bodies.get((award.company_id, award.authority_id), ""),
                award.so_vang_number or "",
                award.bonus_amount,
                dict(self._fields["state"]._description_selection(self.env)).get(
                    award.state, ""
                ),
            )
            for index, award in enumerate(self, start=1)
        ]

    def action_export_xlsx(self):
        Export = self.env["school.emulation.xlsx.export"]
        awards = self.with_context(lang=Export._document_lang())
        _ = awards.env._
        columns = [
            (_("No."), 5, "int"),
            (_("School Year"), 10, "text"),
            (_("Collective or Individual"), 22, "text"),
            (_("Group"), 16, "text"),
            (_("Title or Award Form"), 22, "text"),
            (_("Award Type"), 12, "text"),
            (_("Decision Number"), 13, "text"),
            (_("Decision Date"), 11, "date"),
            (_("Issuing Body"), 18, "text"),
            (_("Golden Book No."), 8, "text"),
            (_("Bonus (VND)"), 12, "money"),
            (_("Status"), 11, "text"),
        ]
        companies = self.company_id
        sheet = {
            "name": _("Award History"),
            "title": _("AWARD HISTORY"),
            "columns": columns,
            "rows": awards._xlsx_rows(),
            "totals": {"label": _("Total"), "sum": [10]},
            **Export._frame(companies if len(companies) == 1 else self.env.company),
        }
        return Export._download(
            self, f"lich-su-khen-thuong-{self._se_today()}.xlsx", [sheet]
        )
