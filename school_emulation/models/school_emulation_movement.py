from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .school_emulation_state_mixin import check_officer

MOVEMENT_STATES = [
    ("draft", "Draft"),
    ("launched", "Launched"),
    ("running", "Running"),
    ("closed", "Closed"),
    ("summarised", "Summarised"),
]


class SchoolEmulationMovement(models.Model):
    """An emulation movement (phong trào thi đua) of the school for a school year."""

    _name = "school.emulation.movement"
    _description = "Emulation Movement"
    _inherit = ["mail.thread", "mail.activity.mixin", "school.emulation.state.mixin"]
    _order = "period_id desc, date_start desc, id desc"
    _check_company_auto = True

    # state -> states it may move to; checked on the server (house style, habit 5)
    _TRANSITIONS = {
        "draft": {"launched"},
        "launched": {"running", "draft"},
        "running": {"closed"},
        "closed": {"summarised", "running"},
        "summarised": set(),
    }
    _LOCKED_STATES = ("launched", "running", "closed", "summarised")
    # what a closed movement keeps as it was
    _CLOSED_FIELDS = (
        "name",
        "kind",
        "period_id",
        "date_start",
        "date_end",
        "registration_deadline",
        "scoring_deadline",
        "launch_number",
        "launch_date",
        "launch_signer",
        "parent_id",
        "superior_reference",
        "content",
        "target_staff",
        "target_students",
        "target_collectives",
        "responsible_id",
        "criterion_set_id",
        "registration_ids",
        "activity_item_ids",
        "company_id",
    )

    name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(
        [
            ("regular", "Regular (thường xuyên)"),
            ("periodic", "Periodic drive (theo đợt)"),
            ("thematic", "Thematic (chuyên đề)"),
            ("special", "Special (đặc biệt)"),
        ],
        required=True,
        default="regular",
        tracking=True,
    )
    period_id = fields.Many2one(
        "school.emulation.period",
        string="School Year",
        required=True,
        index=True,
        check_company=True,
        default=lambda self: self.env["school.emulation.period"]._get_current(),
        tracking=True,
    )
    date_start = fields.Date(string="Start Date", tracking=True)
    date_end = fields.Date(string="End Date", tracking=True)
    registration_deadline = fields.Date(tracking=True)
    scoring_deadline = fields.Date(tracking=True)
    launch_number = fields.Char(string="Launching Document", help="e.g. 27/KH-TrTHCSXS")
    launch_date = fields.Date(string="Document Date")
    launch_signer = fields.Char(string="Signed By")
    parent_id = fields.Many2one(
        "school.emulation.movement",
        string="Superior Movement",
        index=True,
        help="The superior body's movement this one carries out, if recorded here.",
    )
    superior_reference = fields.Char(
        help="The superior plan it follows, e.g. KH 1407/KH-PGD&ĐT ngày 18/12/2020.",
    )
    content = fields.Html(sanitize=True)
    target_staff = fields.Boolean(string="Staff", default=True)
    target_students = fields.Boolean(string="Students")
    target_collectives = fields.Boolean(string="Collectives")
    responsible_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
    )
    criterion_set_id = fields.Many2one(
        "school.emulation.criterion.set",
        string="Criteria Set",
        check_company=True,
        tracking=True,
        help="New registrations are scored on this version.",
    )
    state = fields.Selection(
        MOVEMENT_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        group_expand="_group_expand_states",
    )
    registration_ids = fields.One2many(
        "school.emulation.registration", "movement_id", string="Registrations"
    )
    registration_count = fields.Integer(compute="_compute_counts")
    activity_item_ids = fields.One2many(
        "school.emulation.movement.activity", "movement_id", string="Programme"
    )
    activity_item_count = fields.Integer(compute="_compute_counts")
    color = fields.Integer()
    company_id = fields.Many2one(
        "res.company",
        string="School",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    active = fields.Boolean(default=True)
    has_units = fields.Boolean(
        compute="_compute_has_units",
        help="The movement's body has units below it: it sends them its movement.",
    )
    can_launch = fields.Boolean(compute="_compute_can_transition")
    can_start = fields.Boolean(compute="_compute_can_transition")
    can_close = fields.Boolean(compute="_compute_can_transition")
    can_summarise = fields.Boolean(compute="_compute_can_transition")
    can_reset_to_draft = fields.Boolean(compute="_compute_can_transition")

    _sql_constraints = [
        (
            "dates_check",
            "CHECK(date_end IS NULL OR date_start IS NULL OR date_end >= date_start)",
            "A movement cannot end before it starts.",
        ),
    ]

    def _group_expand_states(self, states, domain):
        return [key for key, _label in MOVEMENT_STATES]

    @api.depends("state")
    @api.depends_context("uid")
    def _compute_can_transition(self):
        for rec in self:
            rec.can_launch = rec._can_transition("launched")
            rec.can_start = rec._can_transition("running")
            rec.can_close = rec._can_transition("closed")
            rec.can_summarise = rec._can_transition("summarised")
            rec.can_reset_to_draft = rec._can_transition("draft")

    def _check_write_locked(self, vals):
        names = set(vals) & set(self._CLOSED_FIELDS)
        if names:
            for rec in self.filtered(lambda r: r.state in ("closed", "summarised")):
                raise UserError(
                    self.env._(
                        "Movement %(name)s is %(state)s: %(fields)s can no longer "
                        "change.",
                        name=rec.name,
                        state=rec._state_label(),
                        fields=self._guarded_field_labels(names),
                    )
                )

    def _compute_counts(self):
        regs = dict(
            self.env["school.emulation.registration"]._read_group(
                [("movement_id", "in", self.ids)], ["movement_id"], ["__count"]
            )
        )
        items = dict(
            self.env["school.emulation.movement.activity"]._read_group(
                [("movement_id", "in", self.ids)], ["movement_id"], ["__count"]
            )
        )
        for rec in self:
            rec.registration_count = regs.get(rec, 0)
            rec.activity_item_count = items.get(rec, 0)

    def _check_transition_rights(self, new_state):
        check_officer(
            self.env,
            self.env._("Only the emulation officer can change a movement's status."),
        )

    def _check_open_for_registration(self):
        """Registrations are made and sent while the movement is launched or
        running."""
        for movement in self.filtered(lambda m: m.state not in ("launched", "running")):
            raise UserError(
                self.env._(
                    "Movement %(movement)s is not open for registration.",
                    movement=movement.name,
                )
            )

    def action_launch(self):
        self._check_transition("launched")
        self._write_state({"state": "launched"})
        self._schedule_deadlines()
        self._se_tell_launch()

    def _se_launch_recipients(self):
        """``{movement: res.users}`` asked to register when it is launched: every
        staff member with a user for a movement of the staff, the group leaders
        (tổ trưởng) and homeroom teachers for a movement of collectives, except
        who has registered already. One search for all the movements' schools."""
        Employee = self.env["hr.employee"].sudo()
        employees = Employee.search(
            [("company_id", "in", self.company_id.ids), ("user_id", "!=", False)]
        )
        departments = (
            self.env["hr.department"]
            .sudo()
            .search([("company_id", "in", self.company_id.ids)])
        )
        classes = (
            self.env["school.class"]
            .sudo()
            .search([("period_id", "in", self.period_id.ids)])
        )
        registrations = (
            self.env["school.emulation.registration"]
            .sudo()
            .search([("movement_id", "in", self.ids)])
        )
        targets = {}
        for rec in self:
            users = self.env["res.users"]
            if rec.target_staff:
                users |= employees.filtered(
                    lambda e, rec=rec: e.company_id == rec.company_id
                ).user_id
            if rec.target_collectives:
                users |= departments.filtered(
                    lambda d, rec=rec: d.company_id == rec.company_id
                ).manager_id.user_id
                users |= classes.filtered(
                    lambda c, rec=rec: c.period_id == rec.period_id
                ).homeroom_user_id
            # who has registered already is not asked again
            targets[rec] = (
                users
                - registrations.filtered(
                    lambda r, rec=rec: r.movement_id == rec
                ).user_id
            )
        return targets

    def _se_tell_launch(self):
        def texts(rec):
            _ = rec.env._
            if rec.registration_deadline:
                note = _(
                    "The movement %(movement)s has been launched. Register and set "
                    "your targets by %(date)s (Thi đua > Registrations).",
                    movement=rec.name,
                    date=rec._se_format_date(rec.registration_deadline),
                )
            else:
                note = _(
                    "The movement %(movement)s has been launched. Register and set "
                    "your targets (Thi đua > Registrations).",
                    movement=rec.name,
                )
            return _("Register for %(movement)s", movement=rec.name), note

        self._se_schedule(
            self._se_launch_recipients(),
            "school_emulation.mail_activity_se_register",
            texts,
            deadline=lambda rec: rec.registration_deadline,
        )

    @api.depends("company_id")
    def _compute_has_units(self):
        bodies = self.company_id._se_with_units()
        for rec in self:
            rec.has_units = rec.company_id in bodies

    @api.constrains("parent_id", "company_id")
    def _check_parent_movement(self):
        for rec in self.filtered("parent_id"):
            if rec.parent_id.sudo().company_id not in rec.company_id._se_superiors():
                raise ValidationError(
                    self.env._(
                        "%(movement)s can carry out a movement of its school or of a "
                        "body above it only.",
                        movement=rec.name,
                    )
                )

    # --- down the chain (issue 19) ------------------------------------------------
    def _se_plan_reference(self):
        """How a unit's plan cites this one: "Kế hoạch số 199/KH-UBND ngày
        05/09/2026 của UBND xã Xuân Sơn về Dạy tốt, học tốt"."""
        self.ensure_one()
        parts = [
            f"Kế hoạch số {self.launch_number}" if self.launch_number else "Kế hoạch"
        ]
        if self.launch_date:
            parts.append(f"ngày {self._se_format_date(self.launch_date)}")
        parts.append(f"của {self.company_id.name}")
        parts.append(f"về {self.name}")
        return " ".join(parts)

    def _se_unit_movement_values(self, unit, period, criterion_set):
        """A unit's own movement carrying out this one (hook)."""
        self.ensure_one()
        return {
            "name": self.name,
            "kind": self.kind,
            "period_id": period.id,
            "date_start": self.date_start,
            "date_end": self.date_end,
            "registration_deadline": self.registration_deadline,
            "scoring_deadline": self.scoring_deadline,
            "content": self.content,
            "target_staff": self.target_staff,
            "target_students": self.target_students,
            "target_collectives": self.target_collectives,
            "criterion_set_id": criterion_set.id,
            "parent_id": self.id,
            "superior_reference": self._se_plan_reference(),
            "company_id": unit.id,
        }

    def action_send_to_units(self):
        """The body's launched movement reaches every unit below as the unit's
        own draft movement (plan, dates and a copy of the criteria), linked to
        this one: the unit's plan cites it ("Căn cứ Kế hoạch số ..."). The units'
        officers are asked to launch it. A unit that has it already, or has no
        school year for it, is left out (and named)."""
        self.ensure_one()
        _ = self.env._
        check_officer(
            self.env, _("Only the emulation officer sends a movement to the units.")
        )
        self.check_access("write")
        if self.state not in ("launched", "running"):
            raise UserError(_("Launch the movement before sending it to the units."))
        units = (
            self.env["res.company"]
            .sudo()
            .search([("emulation_superior_id", "=", self.company_id.id)])
        )
        if not units:
            raise UserError(
                _("%(body)s has no unit below it.", body=self.company_id.name)
            )
        Movement = self.sudo().with_context(mail_create_nolog=True)
        have = (
            Movement.with_context(active_test=False)
            .search([("parent_id", "=", self.id)])
            .company_id
        )
        day = self.period_id.date_end
        periods = (
            self.env["school.emulation.period"]
            .sudo()
            .search(
                [
                    ("company_id", "in", (units - have).ids),
                    ("date_start", "<=", day),
                    ("date_end", ">=", day),
                ]
            )
        )
        period_of = {p.company_id: p for p in periods}
        values, without = [], []
        for unit in (units - have).sorted("name"):
            period = period_of.get(unit)
            if not period:
                without.append(unit.name)
                continue
            criteria = self.criterion_set_id.sudo()
            if criteria:
                criteria = criteria.copy({"company_id": unit.id, "name": criteria.name})
            values.append(self._se_unit_movement_values(unit, period, criteria))
        created = Movement.create(values)
        created._se_schedule(
            created._se_school_officers(),
            "school_emulation.mail_activity_se_launch",
            lambda r: (
                r.env._("Launch %(movement)s in the school", movement=r.name),
                r.env._(
                    "%(body)s sent its movement %(movement)s: complete the plan, "
                    "launch it in the school and call for registrations.",
                    body=r.sudo().parent_id.company_id.name,
                    movement=r.name,
                ),
            ),
            deadline=lambda r: r.registration_deadline,
        )
        body = _(
            "Sent to %(count)s units: %(units)s.",
            count=len(created),
            units=", ".join(created.company_id.mapped("name")) or "-",
        )
        if without:
            body += " " + _(
                "Not sent (no school year %(year)s there): %(units)s.",
                year=self.period_id.name,
                units=", ".join(without),
            )
        self.message_post(body=body)
        return True

    def action_view_unit_movements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "school_emulation.school_emulation_unit_movement_action"
        )
        action["domain"] = [("superior_movement_id", "=", self.id)]
        return action

    def action_start(self):
        self._check_transition("running")
        self._write_state({"state": "running"})

    def action_close(self):
        self._check_transition("closed")
        self._write_state({"state": "closed"})

    def action_summarise(self):
        self._check_transition("summarised")
        self._write_state({"state": "summarised"})

    def action_reset_to_draft(self):
        self._check_transition("draft")
        self._write_state({"state": "draft"})

    def _schedule_deadlines(self):
        """One to-do activity per deadline for the responsible person."""
        todo = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        for rec in self.filtered("responsible_id"):
            for deadline, summary in (
                (rec.registration_deadline, self.env._("Registration deadline")),
                (rec.scoring_deadline, self.env._("Scoring deadline")),
            ):
                if deadline:
                    rec.activity_schedule(
                        activity_type_id=todo.id if todo else False,
                        date_deadline=deadline,
                        summary=summary,
                        user_id=rec.responsible_id.id,
                    )

    def action_view_registrations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "school_emulation.school_emulation_registration_action"
        )
        action["domain"] = [("movement_id", "=", self.id)]
        action["context"] = {"default_movement_id": self.id}
        return action

    def action_view_activity_items(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "school_emulation.school_emulation_movement_activity_action"
        )
        action["domain"] = [("movement_id", "=", self.id)]
        action["context"] = {"default_movement_id": self.id}
        return action
