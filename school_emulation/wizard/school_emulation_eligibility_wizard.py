from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.school_emulation_subject_mixin import TITLE_SUBJECTS


class SchoolEmulationEligibilityWizard(models.TransientModel):
    """Check a whole school (or one group) for a title and put the eligible people
    on a proposal."""

    _name = "school.emulation.eligibility.wizard"
    _description = "Eligibility Check"

    period_id = fields.Many2one(
        "school.emulation.period",
        string="School Year",
        required=True,
        default=lambda self: self.env["school.emulation.period"]._get_current(),
    )
    title_id = fields.Many2one(
        "school.emulation.title",
        string="Title",
        required=True,
        domain="[('is_default_variant', '=', True)]",
    )
    department_id = fields.Many2one(
        "hr.department", string="Only This Group", help="Leave empty: whole school."
    )
    proposal_id = fields.Many2one(
        "school.emulation.proposal",
        string="Add To Proposal",
        domain="[('period_id', '=', period_id), "
        "('state', 'in', ('draft', 'returned'))]",
    )
    line_ids = fields.One2many(
        "school.emulation.eligibility.wizard.line", "wizard_id", string="Results"
    )
    eligible_count = fields.Integer(string="Eligible", compute="_compute_counts")
    checked_count = fields.Integer(string="Checked", compute="_compute_counts")

    @api.depends("line_ids.eligible")
    def _compute_counts(self):
        for rec in self:
            rec.checked_count = len(rec.line_ids)
            rec.eligible_count = len(rec.line_ids.filtered("eligible"))

    def _subjects(self):
        kinds = TITLE_SUBJECTS[self.title_id.subject_type]
        company = self.period_id.company_id
        if "employee" in kinds:
            domain = [("company_id", "=", company.id)]
            if self.department_id:
                domain.append(("department_id", "=", self.department_id.id))
            return self.env["hr.employee"].search(domain), "employee"
        if "department" in kinds:
            domain = [
                ("company_id", "=", company.id),
                ("emulation_group_type", "!=", False),
            ]
            if self.department_id:
                domain = [("id", "=", self.department_id.id)]
            return self.env["hr.department"].search(domain), "department"
        if "student" in kinds:
            return self.env["school.student"].search(
                [("company_id", "=", company.id), ("active", "=", True)]
            ), "student"
        return self.env["school.class"].search(
            [("company_id", "=", company.id), ("period_id", "=", self.period_id.id)]
        ), "class"

    def action_check(self):
        """Check the school (or the group) for the title: the round's own answer
        (``school.emulation.eligibility.evaluate_round``), the same as the
        proposal's check gives its candidates."""
        self.ensure_one()
        subjects, kind = self._subjects()
        [results] = self.env["school.emulation.eligibility"].evaluate_round(
            self.period_id, [(self.title_id, subjects)]
        )
        field = {
            "employee": "employee_id",
            "department": "department_id",
            "student": "student_id",
            "class": "class_id",
        }[kind]
        self.line_ids = [fields.Command.clear()] + [
            fields.Command.create(
                {
                    "subject_type": kind,
                    field: subject.id,
                    "eligible": results[subject.id]["eligible"],
                    "reasons": results[subject.id]["explanation"],
                }
            )
            for subject in subjects
        ]
        return self._reopen()

    @staticmethod
    def _key(values):
        record_id = next(
            values[f]
            for f in ("employee_id", "department_id", "student_id", "class_id")
            if values[f]
        )
        return f"{values['subject_type']}:{record_id}"

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Eligibility Check"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_add_to_proposal(self):
        self.ensure_one()
        if not self.proposal_id:
            raise UserError(self.env._("Choose the proposal to add the candidates to."))
        chosen = self.line_ids.filtered("selected") or self.line_ids.filtered(
            "eligible"
        )
        existing = set(
            self.proposal_id.line_ids.filtered(
                lambda ln: ln.title_id.code == self.title_id.code
            ).mapped("subject_key")
        )
        values = []
        for line in chosen:
            values.append(
                {
                    "proposal_id": self.proposal_id.id,
                    "subject_type": line.subject_type,
                    "employee_id": line.employee_id.id,
                    "department_id": line.department_id.id,
                    "student_id": line.student_id.id,
                    "class_id": line.class_id.id,
                    "title_id": self.title_id.id,
                    "award_type": self.title_id.award_type,
                }
            )
        new = self.env["school.emulation.proposal.line"].create(
            [v for v in values if self._key(v) not in existing]
        )
        new._check_eligibility()
        return {
            "type": "ir.actions.act_window",
            "res_model": "school.emulation.proposal",
            "res_id": self.proposal_id.id,
            "view_mode": "form",
        }


class SchoolEmulationEligibilityWizardLine(models.TransientModel):
    _name = "school.emulation.eligibility.wizard.line"
    _description = "Eligibility Check Result"
    _order = "eligible desc, id"

    wizard_id = fields.Many2one(
        "school.emulation.eligibility.wizard", required=True, ondelete="cascade"
    )
    subject_type = fields.Selection(
        [
            ("employee", "Staff Member"),
            ("student", "Student"),
            ("department", "Group"),
            ("class", "Class"),
        ],
        required=True,
    )
    employee_id = fields.Many2one("hr.employee", string="Staff Member")
    department_id = fields.Many2one("hr.department", string="Group")
    student_id = fields.Many2one("school.student")
    class_id = fields.Many2one("school.class")
    subject_name = fields.Char(string="Subject", compute="_compute_subject_name")
    eligible = fields.Boolean(readonly=True)
    reasons = fields.Text(readonly=True)
    selected = fields.Boolean(
        string="Propose", help="Tick to propose only some of the eligible subjects."
    )

    @api.depends("employee_id", "department_id", "student_id", "class_id")
    def _compute_subject_name(self):
        for rec in self:
            rec.subject_name = (
                rec.employee_id or rec.department_id or rec.student_id or rec.class_id
            ).display_name
