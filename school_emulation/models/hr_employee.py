from odoo import fields, models


class HrEmployee(models.Model):
    _name = "hr.employee"
    _inherit = ["hr.employee", "school.emulation.award.history.mixin"]

    # Users outside HR read employees through hr.employee.public, which does not
    # have the history: on hr.employee it is HR-only (Odoo's hr test
    # test_employee_fields_groups checks every field for this).
    emulation_award_ids = fields.Many2many(groups="hr.group_hr_user")
    emulation_award_count = fields.Integer(groups="hr.group_hr_user")

    emulation_category = fields.Selection(
        [
            ("manager", "Management (CBQL)"),
            ("teacher", "Teacher (GV)"),
            ("staff", "Staff (NV)"),
        ],
        string="Staff Category",
        groups="hr.group_hr_user",
    )
    employment_type = fields.Selection(
        [
            ("permanent", "Civil servant / public employee (biên chế)"),
            ("contract", "Labour contract (hợp đồng)"),
        ],
        groups="hr.group_hr_user",
    )
    recruitment_date = fields.Date(
        groups="hr.group_hr_user",
        help="Start of continuous work at the school (a contract period followed by "
        "recruitment counts as one period).",
    )
    emulation_rating_ids = fields.One2many(
        "school.emulation.rating",
        "employee_id",
        string="Task Ratings",
        groups="hr.group_hr_user",
    )
    emulation_discipline_ids = fields.One2many(
        "school.emulation.discipline",
        "employee_id",
        string="Discipline Records",
        groups="hr.group_hr_user",
    )
    emulation_rating_count = fields.Integer(
        compute="_compute_emulation_counts", groups="hr.group_hr_user"
    )
    emulation_discipline_count = fields.Integer(
        compute="_compute_emulation_counts", groups="hr.group_hr_user"
    )

    def _compute_emulation_counts(self):
        ratings = dict(
            self.env["school.emulation.rating"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        disciplines = dict(
            self.env["school.emulation.discipline"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.emulation_rating_count = ratings.get(employee, 0)
            employee.emulation_discipline_count = disciplines.get(employee, 0)

    def action_view_emulation_ratings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "school_emulation.school_emulation_rating_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action

    def action_view_emulation_disciplines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "school_emulation.school_emulation_discipline_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action

    # HR-only, like every field we add to hr.employee: users outside HR read
    # employees through hr.employee.public, which does not have our fields.
    registration_count = fields.Integer(
        compute="_compute_registration_count", groups="hr.group_hr_user"
    )

    def _compute_registration_count(self):
        counts = self.env["school.emulation.registration"]._se_counts_by(
            self, "employee_id"
        )
        for rec in self:
            rec.registration_count = counts.get(rec, 0)

    def action_view_registrations(self):
        self.ensure_one()
        return self.env["school.emulation.registration"]._se_action_for(
            self, "employee_id"
        )
