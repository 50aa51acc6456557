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
                award.authority_id.name or "",
                award.so_vang_number or "",
                award.bonus_amount,
                dict(self._fields["state"]._description_selection(self.env)).get(
                    award.state, ""
                ),
            )
            for index, award in enumerate(self, start=1)
        ]

    def action_export_xlsx(self):
        columns = [
            ("STT", 6, "int"),
            ("Năm học", 11, "text"),
            ("Tập thể, cá nhân", 30, "text"),
            ("Tổ", 24, "text"),
            ("Danh hiệu / hình thức", 30, "text"),
            ("Loại hình", 16, "text"),
            ("Số quyết định", 16, "text"),
            ("Ngày quyết định", 14, "date"),
            ("Cơ quan ban hành", 28, "text"),
            ("Số Sổ vàng", 10, "text"),
            ("Tiền thưởng (đồng)", 16, "money"),
            ("Trạng thái", 14, "text"),
        ]
        return self.env["school.emulation.xlsx.export"]._download(
            self,
            f"lich-su-khen-thuong-{self._se_today()}.xlsx",
            [
                {
                    "name": "Lịch sử khen thưởng",
                    "title": "LỊCH SỬ KHEN THƯỞNG",
                    "columns": columns,
                    "rows": self._xlsx_rows(),
                }
            ],
        )
