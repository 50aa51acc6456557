from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.school_emulation_decision import UNNUMBERED
from ..models.school_emulation_state_mixin import check_officer


class SchoolEmulationAdhocAward(models.TransientModel):
    """Ad-hoc award (khen thưởng đột xuất) of a staff member or a student in a few
    steps: a simplified proposal, or directly a decision when the school itself
    decides (e.g. the principal's Giấy khen to a student)."""

    _name = "school.emulation.adhoc.award"
    _description = "Ad-hoc Award"

    subject_type = fields.Selection(
        [("employee", "Staff Member"), ("student", "Student")],
        required=True,
        default="employee",
    )
    employee_id = fields.Many2one("hr.employee", string="Staff Member")
    student_id = fields.Many2one("school.student")
    award_form_id = fields.Many2one(
        "school.emulation.award.form", string="Award Form", required=True
    )
    achievement = fields.Text(required=True)
    period_id = fields.Many2one(
        "school.emulation.period",
        string="School Year",
        required=True,
        default=lambda self: self.env["school.emulation.period"]._get_current(),
    )
    decides_here = fields.Boolean(compute="_compute_decides_here")
    numbered_here = fields.Boolean(
        compute="_compute_decides_here",
        help="The deciding body is the school's own: its register numbers the "
        "decision.",
    )
    decision_number = fields.Char(
        help="Number of the decision when the deciding body is not the school's "
        "own (the school's own decisions are numbered from its register)."
    )
    decision_date = fields.Date(default=lambda self: self._se_today())

    @api.depends("award_form_id")
    def _compute_decides_here(self):
        for rec in self:
            rec.decides_here = rec.award_form_id.level == "school"
            rec.numbered_here = (
                rec.decides_here and rec.award_form_id.authority_id.level == "school"
            )

    def _line_values(self):
        if self.subject_type == "employee" and not self.employee_id:
            raise UserError(self.env._("Choose the staff member."))
        if self.subject_type == "student" and not self.student_id:
            raise UserError(self.env._("Choose the student."))
        return {
            "subject_type": self.subject_type,
            "employee_id": self.employee_id.id,
            "student_id": self.student_id.id,
            "award_form_id": self.award_form_id.id,
            "award_type": "ad_hoc",
            "achievement": self.achievement,
        }

    def action_create(self):
        self.ensure_one()
        check_officer(
            self.env, self.env._("Only the emulation officer records ad-hoc awards.")
        )
        values = self._line_values()
        if self.numbered_here or (self.decides_here and self.decision_number):
            decision = self.env["school.emulation.decision"].create(
                {
                    # the school's own decisions: numbered at confirmation
                    "name": UNNUMBERED if self.numbered_here else self.decision_number,
                    "date": self.decision_date,
                    "authority_id": self.award_form_id.authority_id.id,
                    "period_id": self.period_id.id,
                    "award_ids": [
                        fields.Command.create(
                            {
                                **{
                                    k: v
                                    for k, v in values.items()
                                    if k != "achievement"
                                },
                                "achievement": self.achievement,
                                "period_id": self.period_id.id,
                            }
                        )
                    ],
                }
            )
            decision.action_confirm()
            return self._open("school.emulation.decision", decision)
        proposal = self.env["school.emulation.proposal"].create(
            {
                "period_id": self.period_id.id,
                "kind": "ad_hoc",
                "level": "school",
                "description": self.env._("Ad-hoc award"),
                "authority_id": self.award_form_id.authority_id.id,
                "line_ids": [fields.Command.create(values)],
            }
        )
        return self._open("school.emulation.proposal", proposal)

    def _open(self, model, record):
        return {
            "type": "ir.actions.act_window",
            "res_model": model,
            "res_id": record.id,
            "view_mode": "form",
        }
