from odoo import models

from odoo.addons.school_emulation.models.school_emulation_state_mixin import (
    trusted_write,
)

from ..tools.xlsx_builder import build as build_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class SchoolEmulationXlsxExport(models.AbstractModel):
    """Excel files in the superior body's layout, attached and downloaded."""

    _name = "school.emulation.xlsx.export"
    _description = "Excel Export"

    def _download(self, record_or_model, name, sheets):
        Attachment = self.env["ir.attachment"]
        with trusted_write("ir.attachment"):
            attachment = Attachment.create(
                {
                    "name": name,
                    "raw": build_xlsx(sheets),
                    "mimetype": XLSX,
                    # the builder's alone: attached to the record, every reader of it
                    # would read rows built with the builder's rights
                    "res_model": record_or_model._name,
                    "res_id": False,
                }
            )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }


class SchoolEmulationAward(models.Model):
    _inherit = "school.emulation.award"

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


class SchoolEmulationPeriod(models.Model):
    _inherit = "school.emulation.period"

    def _statistics_sheets(self):
        """Awards by title and recipient category; registrations against the titles
        obtained, per title (the registered subject holds it in the same year)."""
        self.ensure_one()
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
        return [
            {
                "name": "Khen thưởng",
                "title": f"THỐNG KÊ KHEN THƯỞNG NĂM HỌC {self.name}",
                "columns": [
                    ("Danh hiệu / hình thức", 34, "text"),
                    ("Đối tượng", 30, "text"),
                    ("Số lượng", 10, "int"),
                    ("Tiền thưởng (đồng)", 18, "money"),
                ],
                "rows": [
                    (name, labels.get(category, ""), count, bonus or 0)
                    for name, category, count, bonus in by_title
                ],
            },
            {
                "name": "Đăng ký và kết quả",
                "title": f"ĐĂNG KÝ THI ĐUA VÀ KẾT QUẢ NĂM HỌC {self.name}",
                "columns": [
                    ("Danh hiệu", 34, "text"),
                    ("Số đăng ký", 12, "int"),
                    ("Số đạt", 10, "int"),
                    ("Tỷ lệ đạt (%)", 14, "decimal"),
                ],
                "rows": [
                    (name, registered, obtained, obtained * 100.0 / registered)
                    for name, (registered, obtained) in sorted(compare.items())
                ],
            },
        ]

    def action_export_statistics_xlsx(self):
        self.ensure_one()
        return self.env["school.emulation.xlsx.export"]._download(
            self, f"thong-ke-thi-dua-{self.name}.xlsx", self._statistics_sheets()
        )
