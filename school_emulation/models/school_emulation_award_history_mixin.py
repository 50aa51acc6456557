from odoo import fields, models


class SchoolEmulationAwardHistoryMixin(models.AbstractModel):
    """Award history (all years) shown on the forms of staff, students, groups,
    classes and the school; the eligibility engine reads the same records. Each of
    those models adds this mixin in its own file (``hr_employee.py``...)."""

    _name = "school.emulation.award.history.mixin"
    _description = "Award History"

    emulation_award_ids = fields.Many2many(
        "school.emulation.award",
        string="Award History",
        compute="_compute_emulation_awards",
    )
    emulation_award_count = fields.Integer(
        string="Awards", compute="_compute_emulation_awards"
    )

    def _compute_emulation_awards(self):
        Award = self.env["school.emulation.award"]
        awards = Award.search(Award._subject_domain(self)) if self.ids else Award
        by_subject = {}
        for award in awards:
            by_subject.setdefault(award._subject().id, []).append(award.id)
        for rec in self:
            ids = by_subject.get(rec.id, [])
            rec.emulation_award_ids = Award.browse(ids)
            rec.emulation_award_count = len(ids)

    def action_view_award_history(self):
        self.ensure_one()
        return self.env["school.emulation.award"]._history_action(self)
