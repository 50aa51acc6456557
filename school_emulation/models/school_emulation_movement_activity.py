from odoo import fields, models


class SchoolEmulationMovementActivity(models.Model):
    """One event of a movement's programme: a talk, a study visit, a contest..."""

    _name = "school.emulation.movement.activity"
    _description = "Movement Programme Item"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    # no check_company: the school is this record's (company_id is related to
    # it); on a new record the company domain would hide every record
    movement_id = fields.Many2one(
        "school.emulation.movement",
        string="Movement",
        required=True,
        index=True,
        ondelete="cascade",
    )
    name = fields.Char(required=True, tracking=True)
    date_start = fields.Datetime(string="Start", required=True, tracking=True)
    date_end = fields.Datetime(string="End")
    place = fields.Char()
    organiser_id = fields.Many2one(
        "hr.employee", string="Organiser", check_company=True, tracking=True
    )
    employee_ids = fields.Many2many("hr.employee", string="Staff Taking Part")
    student_ids = fields.Many2many("school.student", string="Students Taking Part")
    class_ids = fields.Many2many("school.class", string="Classes Taking Part")
    participant_count = fields.Integer(
        help="Number of participants, when people are not listed one by one."
    )
    result = fields.Html(sanitize=True, help="What came out of it: prizes, effects.")
    attachment_ids = fields.Many2many("ir.attachment", string="Photos and Documents")
    company_id = fields.Many2one(
        related="movement_id.company_id", store=True, index=True, string="School"
    )

    _sql_constraints = [
        (
            "dates_check",
            "CHECK(date_end IS NULL OR date_end >= date_start)",
            "A programme item cannot end before it starts.",
        ),
    ]
