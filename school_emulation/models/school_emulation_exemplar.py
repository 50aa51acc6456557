from urllib.parse import urlsplit

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .school_emulation_state_mixin import check_officer, is_officer

EXEMPLAR_TYPES = [
    ("advanced_individual", "Advanced Exemplar - Individual"),
    ("advanced_collective", "Advanced Exemplar - Collective"),
    ("new_model", "New Model / Emerging Factor"),
    ("good_deed", "Good Person, Good Deed"),
    ("thematic", "Exemplar of a Thematic Movement"),
]
# Links a public page may carry (no javascript:, data:, file: ...).
SAFE_URL_SCHEMES = ("http", "https")


def is_safe_url(url):
    """True for an absolute http(s) link (what the public page may link to)."""
    if not url:
        return False
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in SAFE_URL_SCHEMES and bool(parts.netloc)


EXEMPLAR_STATES = [
    ("spotted", "Spotted"),
    ("nurturing", "Nurturing"),
    ("recognised", "Recognised"),
    ("replicated", "Replicated"),
    ("archived", "Archived"),
]


class SchoolEmulationExemplar(models.Model):
    """An exemplar (điển hình tiên tiến, mô hình mới, người tốt việc tốt) the
    school spots, nurtures with a plan, recognises and replicates (Luật 2022 Art.
    17.4; seed plan §II.2b: "với tiêu chí, lộ trình và trách nhiệm cụ thể")."""

    _name = "school.emulation.exemplar"
    _description = "Exemplar"
    _inherit = [
        "school.emulation.subject.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "school.emulation.state.mixin",
    ]
    _order = "state, sequence, id desc"
    _check_company_auto = True
    _TRANSITIONS = {
        "spotted": {"nurturing", "archived"},
        "nurturing": {"recognised", "spotted", "archived"},
        "recognised": {"replicated", "archived"},
        "replicated": {"archived"},
        "archived": {"spotted"},
    }
    # published by the publish button only
    _SERVER_FIELDS = ("is_published",)
    _LOCKED_STATES = ("recognised", "replicated")

    name = fields.Char(string="Headline", required=True, tracking=True)
    sequence = fields.Integer(default=10)
    exemplar_type = fields.Selection(
        EXEMPLAR_TYPES, string="Type", required=True, default="advanced_individual"
    )
    period_id = fields.Many2one(
        "school.emulation.period",
        string="School Year",
        index=True,
        ondelete="restrict",
        check_company=True,
        default=lambda self: self.env["school.emulation.period"]._get_current(),
    )
    movement_id = fields.Many2one(
        "school.emulation.movement",
        string="Movement",
        index=True,
        ondelete="set null",
        check_company=True,
    )
    # Published on the anonymous public page: sanitised on write (scripts, event
    # handlers and javascript: links removed) and again when the page is rendered.
    story = fields.Html(
        sanitize=True,
        sanitize_overridable=False,
        sanitize_attributes=True,
        sanitize_form=True,
        help="What the person or collective did and achieved.",
    )
    image = fields.Image(max_width=1024, max_height=1024)
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence and Media")
    media_url = fields.Char(
        string="News Link", help="Article on the school website (http or https)."
    )
    criteria = fields.Text(
        string="Nurturing Criteria", help="What the exemplar must reach, and by when."
    )
    mentor_id = fields.Many2one(
        "hr.employee", string="Mentor", check_company=True, ondelete="set null"
    )
    owner_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
    )
    milestone_ids = fields.One2many(
        "school.emulation.exemplar.milestone", "exemplar_id", string="Milestones"
    )
    replication_ids = fields.One2many(
        "school.emulation.exemplar.replication", "exemplar_id", string="Replication"
    )
    replication_count = fields.Integer(compute="_compute_replication_count")
    award_ids = fields.Many2many(
        "school.emulation.award", string="Awards", check_company=True
    )
    is_published = fields.Boolean(
        string="Published", copy=False, tracking=True, readonly=True
    )
    public_name = fields.Char(
        compute="_compute_public_name",
        help="What the public page shows: for a student, the name and class only.",
    )
    state = fields.Selection(
        EXEMPLAR_STATES,
        default="spotted",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        group_expand="_group_expand_states",
    )
    company_id = fields.Many2one(
        "res.company",
        string="School",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    can_nurture = fields.Boolean(compute="_compute_can_transition")
    can_recognise = fields.Boolean(compute="_compute_can_transition")
    can_replicate = fields.Boolean(compute="_compute_can_transition")
    can_archive_exemplar = fields.Boolean(compute="_compute_can_transition")
    can_respot = fields.Boolean(compute="_compute_can_transition")
    can_publish = fields.Boolean(compute="_compute_can_transition")

    @api.constrains("media_url")
    def _check_media_url(self):
        for rec in self:
            if rec.media_url and not is_safe_url(rec.media_url):
                raise ValidationError(
                    self.env._(
                        "The news link of %(name)s must be a web address starting "
                        "with http:// or https://.",
                        name=rec.name,
                    )
                )

    def _group_expand_states(self, states, domain):
        return [key for key, _label in EXEMPLAR_STATES]

    @api.depends("state", "criteria", "mentor_id", "replication_ids")
    @api.depends_context("uid")
    def _compute_can_transition(self):
        officer = is_officer(self.env)
        for rec in self:
            rec.can_nurture = rec._can_transition("nurturing")
            rec.can_recognise = rec._can_transition("recognised")
            rec.can_replicate = rec._can_transition("replicated")
            rec.can_archive_exemplar = rec._can_transition("archived")
            rec.can_respot = rec._can_transition("spotted")
            rec.can_publish = officer and rec.state in ("recognised", "replicated")

    @api.depends("replication_ids")
    def _compute_replication_count(self):
        for rec in self:
            rec.replication_count = len(rec.replication_ids)

    @api.depends("subject_type", "subject_name", "student_id.class_id.name")
    def _compute_public_name(self):
        for rec in self:
            if rec.subject_type == "student":
                klass = rec.student_id.class_id.name
                rec.public_name = (
                    f"{rec.student_id.name} - {klass}" if klass else rec.student_id.name
                )
            else:
                rec.public_name = rec.subject_name

    def _check_transition_rights(self, new_state):
        check_officer(
            self.env, self.env._("Only the emulation officer moves exemplars on.")
        )

    def _check_transition_record(self, new_state):
        _ = self.env._
        if new_state == "nurturing" and not (self.criteria and self.mentor_id):
            raise UserError(
                _(
                    "Set the nurturing criteria and a mentor of %(name)s first.",
                    name=self.name,
                )
            )
        if new_state == "replicated" and not self.replication_ids:
            raise UserError(
                _(
                    "Record at least one sharing session or adopting unit of "
                    "%(name)s first.",
                    name=self.name,
                )
            )

    def _move(self, state):
        self._check_transition(state)
        vals = {"state": state}
        if state == "archived":
            vals["is_published"] = False
        self._write_state(vals)

    def action_nurture(self):
        self._move("nurturing")

    def action_recognise(self):
        self._move("recognised")

    def action_replicate(self):
        self._move("replicated")

    def action_archive_exemplar(self):
        self._move("archived")

    def action_respot(self):
        self._move("spotted")

    def action_publish(self):
        check_officer(self.env, self.env._("Only the emulation officer publishes."))
        for rec in self:
            if rec.state not in ("recognised", "replicated"):
                raise UserError(
                    self.env._(
                        "Only a recognised or replicated exemplar is published: "
                        "%(name)s.",
                        name=rec.name,
                    )
                )
        self._write_state({"is_published": True})

    def action_unpublish(self):
        check_officer(self.env, self.env._("Only the emulation officer publishes."))
        self._write_state({"is_published": False})


class SchoolEmulationExemplarMilestone(models.Model):
    """A step of the nurturing roadmap, with its owner and date (an activity)."""

    _name = "school.emulation.exemplar.milestone"
    _description = "Exemplar Milestone"
    _order = "date_deadline, id"

    exemplar_id = fields.Many2one(
        "school.emulation.exemplar", required=True, ondelete="cascade", index=True
    )
    name = fields.Char(string="Milestone", required=True)
    date_deadline = fields.Date(string="Due Date", required=True)
    owner_id = fields.Many2one(
        "res.users", string="Owner", required=True, default=lambda self: self.env.user
    )
    done = fields.Boolean()
    company_id = fields.Many2one(
        related="exemplar_id.company_id", store=True, index=True
    )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        for rec in records.filtered(lambda r: not r.done):
            rec.exemplar_id.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=rec.date_deadline,
                summary=rec.name,
                user_id=rec.owner_id.id,
            )
        return records


class SchoolEmulationExemplarReplication(models.Model):
    """Replication log (nhân rộng): a sharing session, a study visit or a unit or
    class that adopted the model, and what came of it."""

    _name = "school.emulation.exemplar.replication"
    _description = "Exemplar Replication"
    _order = "date desc, id desc"

    exemplar_id = fields.Many2one(
        "school.emulation.exemplar", required=True, ondelete="cascade", index=True
    )
    date = fields.Date(required=True, default=lambda self: self._se_today())
    kind = fields.Selection(
        [
            ("sharing", "Sharing Session"),
            ("visit", "Study Visit"),
            ("adoption", "Adopted By"),
        ],
        required=True,
        default="sharing",
    )
    department_ids = fields.Many2many("hr.department", string="Groups")
    class_ids = fields.Many2many("school.class", string="Classes")
    other_units = fields.Char(help="Other schools or units.")
    participants = fields.Integer()
    result = fields.Text()
    company_id = fields.Many2one(
        related="exemplar_id.company_id", store=True, index=True
    )

    _sql_constraints = [
        (
            "participants_positive",
            "CHECK(participants >= 0)",
            "The number of participants cannot be negative.",
        ),
    ]
