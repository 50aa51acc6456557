from odoo import models


class SchoolEmulationMovement(models.Model):
    _inherit = "school.emulation.movement"

    def action_export_xlsx(self):
        """Registrations, scores and ranking of the movement."""
        self.ensure_one()
        regs = self.registration_ids.sorted(
            lambda r: (r.rank_movement or 999999, r.subject_name or "")
        )
        states = dict(regs._fields["state"]._description_selection(self.env))
        columns = [
            ("Xếp hạng", 9, "int"),
            ("Đối tượng", 30, "text"),
            ("Tổ, lớp", 24, "text"),
            ("Danh hiệu đăng ký", 26, "text"),
            ("Hình thức đăng ký", 26, "text"),
            ("Trạng thái", 14, "text"),
            ("Điểm chuẩn", 11, "decimal"),
            ("Điểm thưởng", 11, "decimal"),
            ("Điểm trừ", 11, "decimal"),
            ("Tổng điểm", 11, "decimal"),
            ("Xếp loại", 14, "text"),
        ]
        rows = [
            (
                r.rank_movement or None,
                r.subject_name,
                r.group_name or "",
                r.title_id.name or "",
                r.award_form_id.name or "",
                states.get(r.state, ""),
                r.standard_total,
                r.bonus_total,
                r.penalty_total,
                r.total_score,
                r.band or "",
            )
            for r in regs
        ]
        return self.env["school.emulation.xlsx.export"]._download(
            self,
            f"diem-thi-dua-{self.id}.xlsx",
            [
                {
                    "name": "Điểm và xếp hạng",
                    "title": f"BẢNG ĐIỂM VÀ XẾP HẠNG - {self.name.upper()}",
                    "columns": columns,
                    "rows": rows,
                }
            ],
        )
