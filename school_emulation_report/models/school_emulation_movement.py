from odoo import models


class SchoolEmulationMovement(models.Model):
    _inherit = "school.emulation.movement"

    def action_export_xlsx(self):
        """Registrations, scores and ranking of the movement."""
        self.ensure_one()
        Export = self.env["school.emulation.xlsx.export"]
        movement = self.with_context(lang=Export._document_lang())
        _ = movement.env._
        regs = movement.registration_ids.sorted(
            lambda r: (r.rank_movement or 999999, r.subject_name or "")
        )
        states = dict(regs._fields["state"]._description_selection(movement.env))
        columns = [
            (_("Rank"), 7, "int"),
            (_("Participant"), 24, "text"),
            (_("Group or Class"), 16, "text"),
            (_("Registered Title"), 20, "text"),
            (_("Registered Award Form"), 20, "text"),
            (_("Status"), 12, "text"),
            (_("Standard Score"), 9, "decimal"),
            (_("Bonus Points"), 9, "decimal"),
            (_("Penalty Points"), 9, "decimal"),
            (_("Total Score"), 9, "decimal"),
            (_("Band"), 10, "text"),
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
        return Export._download(
            self,
            f"diem-thi-dua-{self.id}.xlsx",
            [
                {
                    "name": _("Scores and Ranking"),
                    "title": _("SCORES AND RANKING"),
                    "subtitle": movement.name,
                    "columns": columns,
                    "rows": rows,
                    "totals": {
                        "label": _("Total: %(count)s registrations", count=len(rows))
                    },
                    **Export._frame(self.company_id),
                }
            ],
        )
