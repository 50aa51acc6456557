from odoo import api, fields, models
from odoo.exceptions import ValidationError

# "Ordinary Member", not "Member": a distinct term, translated "Ủy viên" (the
# shared "Member" is also a block's member unit, "Đơn vị")
COUNCIL_ROLES = [
    ("chair", "Chair"),
    ("vice_chair", "Vice Chair"),
    ("secretary", "Secretary"),
    ("member", "Ordinary Member"),
]


class SchoolEmulationCouncil(models.Model):
    """The emulation and awards council (Hội đồng Thi đua - Khen thưởng) of a school
    for a school year, or its initiative council (Hội đồng sáng kiến)."""

    _name = "school.emulation.council"
    _description = "Emulation Council"
    _inherit = ["mail.thread"]
    _order = "period_id desc, kind"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(
        [("emulation", "Emulation and Awards"), ("initiative", "Initiatives")],
        required=True,
        default="emulation",
    )
    period_id = fields.Many2one(
        "school.emulation.period",
        string="School Year",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        default=lambda self: self.env["school.emulation.period"]._get_current(),
    )
    decision_number = fields.Char(
        string="Establishing Decision", help="Decision setting up the council."
    )
    decision_date = fields.Date()
    member_ids = fields.One2many(
        "school.emulation.council.member", "council_id", string="Members"
    )
    member_count = fields.Integer(compute="_compute_member_count")
    quorum_pct = fields.Integer(
        string="Quorum (%)",
        default=80,
        tracking=True,
        help="Members present, in percent of ALL members, for the council to "
        "deliberate on awards (school regulation; 80 % is common practice).",
    )
    exclude_author_department = fields.Boolean(
        string="Recuse Authors' Colleagues",
        help="Initiative council: graders of the authors' group may not grade.",
    )
    session_ids = fields.One2many(
        "school.emulation.council.session", "council_id", string="Sessions"
    )
    company_id = fields.Many2one(
        "res.company",
        string="School",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    _sql_constraints = [
        (
            "one_per_year",
            "UNIQUE(company_id, period_id, kind)",
            "A school has one council of each kind per school year.",
        ),
        (
            "quorum_range",
            "CHECK(quorum_pct > 0 AND quorum_pct <= 100)",
            "The quorum is a percentage between 1 and 100.",
        ),
    ]

    @api.depends("member_ids")
    def _compute_member_count(self):
        for rec in self:
            rec.member_count = len(rec.member_ids)

    @api.constrains("member_ids")
    def _check_roles(self):
        for rec in self:
            for role in ("chair", "secretary"):
                if len(rec.member_ids.filtered(lambda m, r=role: m.role == r)) > 1:
                    raise ValidationError(
                        self.env._(
                            "Council %(name)s has more than one %(role)s.",
                            name=rec.name,
                            role=dict(
                                self.env["school.emulation.council.member"]
                                ._fields["role"]
                                ._description_selection(self.env)
                            )[role],
                        )
                    )

    def _member_of(self, user):
        self.ensure_one()
        return self.member_ids.filtered(lambda m: m.user_id == user)[:1]


class SchoolEmulationCouncilMember(models.Model):
    _name = "school.emulation.council.member"
    _description = "Council Member"
    _order = "council_id, sequence, id"

    council_id = fields.Many2one(
        "school.emulation.council", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    employee_id = fields.Many2one(
        "hr.employee", string="Council Member", required=True, ondelete="restrict"
    )
    name = fields.Char(related="employee_id.name", store=True)
    job_title = fields.Char(
        string="Position", help="e.g. Hiệu trưởng, Chủ tịch Công đoàn."
    )
    user_id = fields.Many2one(
        related="employee_id.user_id", store=True, index=True, string="User"
    )
    department_id = fields.Many2one(related="employee_id.department_id", store=True)
    role = fields.Selection(COUNCIL_ROLES, required=True, default="member")
    company_id = fields.Many2one(
        related="council_id.company_id", store=True, index=True
    )

    _sql_constraints = [
        (
            "member_unique",
            "UNIQUE(council_id, employee_id)",
            "A person sits once on a council.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._grant_council_group()
        return records

    def write(self, vals):
        res = super().write(vals)
        if "employee_id" in vals:
            self._grant_council_group()
        return res

    def _grant_council_group(self):
        """Members who log in to Odoo get the council role (vote, grade)."""
        group = self.env.ref("school_emulation.group_school_emulation_council")
        users = self.user_id.filtered(lambda u: group not in u.groups_id)
        if users:
            users.sudo().write({"groups_id": [fields.Command.link(group.id)]})
