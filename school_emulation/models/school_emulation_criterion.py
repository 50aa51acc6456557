from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

CRITERION_KINDS = [
    ("standard", "Standard"),
    ("bonus", "Bonus"),
    ("penalty", "Penalty"),
]


class SchoolEmulationCriterionSet(models.Model):
    """A versioned set of scoring criteria (bảng tiêu chí chấm điểm).

    Once any score exists on a version it is locked; changing it means a new
    version, and the scores already given keep the version they were given on.
    """

    _name = "school.emulation.criterion.set"
    _description = "Criteria Set"
    _inherit = ["mail.thread"]
    _order = "name, version desc"

    name = fields.Char(required=True, tracking=True)
    version = fields.Integer(default=1, required=True, readonly=True, copy=False)
    previous_id = fields.Many2one(
        "school.emulation.criterion.set",
        string="Previous Version",
        readonly=True,
        copy=False,
        ondelete="set null",
    )
    criterion_ids = fields.One2many(
        "school.emulation.criterion", "set_id", string="Criteria", copy=True
    )
    band_ids = fields.One2many(
        "school.emulation.band", "set_id", string="Classification Bands", copy=True
    )
    max_total = fields.Float(
        compute="_compute_max_total", digits=(8, 2), string="Maximum Standard Points"
    )
    is_locked = fields.Boolean(
        string="Locked",
        compute="_compute_is_locked",
        help="Scores exist on this version: it can no longer change.",
    )
    company_id = fields.Many2one(
        "res.company",
        string="School",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    active = fields.Boolean(default=True)

    @api.depends(
        "criterion_ids.max_points", "criterion_ids.kind", "criterion_ids.weight"
    )
    def _compute_max_total(self):
        for rec in self:
            rec.max_total = sum(
                c.max_points * c.weight
                for c in rec.criterion_ids
                if c.kind == "standard" and not c.display_type
            )

    def _compute_is_locked(self):
        scored = set(
            self.env["school.emulation.score"]
            .sudo()
            ._read_group(
                [
                    ("criterion_id.set_id", "in", self.ids),
                    "|",
                    "|",
                    ("self_user_id", "!=", False),
                    ("group_user_id", "!=", False),
                    ("final_user_id", "!=", False),
                ],
                ["criterion_id"],
            )
        )
        locked_sets = {criterion.set_id.id for (criterion,) in scored}
        for rec in self:
            rec.is_locked = rec.id in locked_sets

    @api.depends("name", "version")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = f"{rec.name} (v{rec.version})"

    def _check_unlocked(self):
        self.invalidate_recordset(["is_locked"])  # scores may have come in meanwhile
        locked = self.filtered("is_locked")
        if locked:
            raise UserError(
                self.env._(
                    "Criteria set %(name)s already has scores: create a new version "
                    "instead of changing it.",
                    name=locked[0].display_name,
                )
            )

    def write(self, vals):
        self.check_access("write")  # before any message naming the set
        if set(vals) - {"active", "name", "message_follower_ids"}:
            self._check_unlocked()
        return super().write(vals)

    def action_new_version(self):
        """Copy this version into the next; open movements switch to the copy."""
        self.ensure_one()
        new = self.copy(
            {"name": self.name, "version": self.version + 1, "previous_id": self.id}
        )
        self.env["school.emulation.movement"].search(
            [
                ("criterion_set_id", "=", self.id),
                ("state", "not in", ("closed", "summarised")),
            ]
        ).write({"criterion_set_id": new.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
        }


class SchoolEmulationCriterion(models.Model):
    """One criterion of a set (or a section heading grouping the next criteria)."""

    _name = "school.emulation.criterion"
    _description = "Scoring Criterion"
    _order = "set_id, sequence, id"

    set_id = fields.Many2one(
        "school.emulation.criterion.set",
        string="Criteria Set",
        required=True,
        index=True,
        ondelete="cascade",
    )
    sequence = fields.Integer(default=10)
    display_type = fields.Selection(
        [("line_section", "Section")], help="Section headings carry no points."
    )
    name = fields.Char(string="Criterion", required=True)
    section = fields.Char(
        compute="_compute_section",
        store=True,
        help="The heading this criterion is under.",
    )
    kind = fields.Selection(CRITERION_KINDS, required=True, default="standard")
    max_points = fields.Float(string="Max Points", digits=(6, 2), default=10.0)
    weight = fields.Float(digits=(6, 2), default=1.0)
    evidence_required = fields.Boolean(string="Evidence Required")
    description = fields.Text(help="How to score, what evidence is expected.")
    company_id = fields.Many2one(related="set_id.company_id", store=True, index=True)

    _sql_constraints = [
        (
            "max_points_positive",
            "CHECK(display_type IS NOT NULL OR max_points > 0)",
            "A criterion's maximum points must be positive.",
        ),
        (
            "weight_positive",
            "CHECK(display_type IS NOT NULL OR weight > 0)",
            "A criterion's weight must be positive.",
        ),
    ]

    @api.depends("set_id.criterion_ids.sequence", "set_id.criterion_ids.display_type")
    def _compute_section(self):
        for rec in self:
            heading = ""
            for line in rec.set_id.criterion_ids.sorted(lambda c: (c.sequence, c.id)):
                if line.display_type == "line_section":
                    heading = line.name
                if line == rec:
                    break
            rec.section = "" if rec.display_type else heading

    @api.model_create_multi
    def create(self, vals_list):
        sets = self.env["school.emulation.criterion.set"].browse(
            [v["set_id"] for v in vals_list if v.get("set_id")]
        )
        sets.check_access("read")  # another school's set: refused, not named
        sets._check_unlocked()
        return super().create(vals_list)

    def write(self, vals):
        self.check_access("write")
        self.set_id._check_unlocked()
        if vals.get("set_id"):  # moved to another set: that one must be ours too
            target = self.set_id.browse(vals["set_id"])
            target.check_access("write")
            target._check_unlocked()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked(self):
        self.set_id._check_unlocked()


class SchoolEmulationBand(models.Model):
    """A classification band of a criteria set (e.g. Xuất sắc from 90 points)."""

    _name = "school.emulation.band"
    _description = "Classification Band"
    _order = "set_id, min_total desc"

    set_id = fields.Many2one(
        "school.emulation.criterion.set", required=True, index=True, ondelete="cascade"
    )
    name = fields.Char(required=True)
    min_total = fields.Float(string="From Total", digits=(8, 2), required=True)
    company_id = fields.Many2one(related="set_id.company_id", store=True, index=True)

    @api.constrains("set_id")
    def _check_set_access(self):
        """A band goes only into a set the user may change: the record rule sees
        the band before a write moves it, not the set it moves to."""
        for rec in self:
            rec.set_id.check_access("write")

    @api.constrains("min_total")
    def _check_min_total(self):
        for rec in self:
            if rec.min_total < 0:
                raise ValidationError(
                    self.env._(
                        "Band %(name)s: the minimum cannot be negative.", name=rec.name
                    )
                )
