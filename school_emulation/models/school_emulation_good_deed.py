from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import plaintext2html

from .school_emulation_state_mixin import check_officer, is_officer


class SchoolEmulationGoodDeed(models.Model):
    """A good deed (người tốt, việc tốt) noted by a teacher in a few clicks; the
    officer turns it into an ad-hoc award proposal or an exemplar."""

    _name = "school.emulation.good.deed"
    _description = "Good Deed"
    _inherit = ["mail.thread", "school.emulation.state.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _TRANSITIONS = {
        "new": {"proposed", "exemplar", "closed"},
        "proposed": {"exemplar", "closed"},
        "exemplar": {"closed"},
        "closed": set(),
    }
    # who reported it and what the officer made of it: set by the server
    _SERVER_FIELDS = ("reported_by", "proposal_id", "exemplar_id")
    _LOCKED_STATES = ("proposed", "exemplar", "closed")
    # what the teacher noted: fixed once the officer acted on it
    _CONTENT_FIELDS = (
        "date",
        "subject_type",
        "student_name",
        "class_id",
        "student_id",
        "employee_id",
        "description",
        "company_id",
    )

    date = fields.Date(required=True, default=lambda self: self._se_today())
    subject_type = fields.Selection(
        [("student", "Student"), ("employee", "Colleague")],
        string="Who",
        required=True,
        default="student",
    )
    student_name = fields.Char(
        string="Student", help="Name as the teacher knows it; the officer links it."
    )
    class_id = fields.Many2one("school.class", check_company=True)
    student_id = fields.Many2one(
        "school.student",
        string="Student Record",
        check_company=True,
        groups="school_emulation.group_school_emulation_leader",
    )
    employee_id = fields.Many2one("hr.employee", string="Colleague", check_company=True)
    description = fields.Text(string="What Happened", required=True)
    reported_by = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True, copy=False
    )
    state = fields.Selection(
        [
            ("new", "New"),
            ("proposed", "Award Proposed"),
            ("exemplar", "Exemplar"),
            ("closed", "Closed"),
        ],
        default="new",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    proposal_id = fields.Many2one(
        "school.emulation.proposal", readonly=True, ondelete="set null", copy=False
    )
    exemplar_id = fields.Many2one(
        "school.emulation.exemplar", readonly=True, ondelete="set null", copy=False
    )
    company_id = fields.Many2one(
        "res.company",
        string="School",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    can_propose_award = fields.Boolean(compute="_compute_can_transition")
    can_make_exemplar = fields.Boolean(compute="_compute_can_transition")

    @api.depends("state")
    @api.depends_context("uid")
    def _compute_can_transition(self):
        for rec in self:
            rec.can_propose_award = rec._can_transition("proposed")
            rec.can_make_exemplar = rec._can_transition("exemplar")

    def _check_transition_rights(self, new_state):
        check_officer(
            self.env, self.env._("Only the emulation officer acts on good deeds.")
        )

    def _check_write_locked(self, vals):
        names = set(vals) & set(self._CONTENT_FIELDS)
        if not names:
            return
        for rec in self:
            if rec.state != "new":
                raise UserError(
                    self.env._(
                        "Good deed %(name)s is %(state)s: %(fields)s can no longer "
                        "change.",
                        name=rec.display_name,
                        state=rec._state_label(),
                        fields=self._guarded_field_labels(names),
                    )
                )
            if (
                rec.reported_by != self.env.user
                and not is_officer(self.env)
                and not self.env.su
            ):
                raise UserError(
                    self.env._(
                        "Only %(user)s, who reported it, or the officer can change "
                        "good deed %(name)s.",
                        user=rec.reported_by.name,
                        name=rec.display_name,
                    )
                )

    @api.constrains("subject_type", "student_name", "student_id", "employee_id")
    def _check_who(self):
        for rec in self.sudo():
            if rec.subject_type == "student" and not (
                rec.student_name or rec.student_id
            ):
                raise ValidationError(self.env._("Write the student's name."))
            if rec.subject_type == "employee" and not rec.employee_id:
                raise ValidationError(self.env._("Choose the colleague."))

    @api.depends("subject_type", "student_name", "employee_id", "date")
    def _compute_display_name(self):
        for rec in self:
            who = (
                rec.student_name
                if rec.subject_type == "student"
                else rec.employee_id.name
            )
            rec.display_name = f"{who or ''} ({rec._se_format_date(rec.date)})"

    def action_propose_award(self):
        """Open the ad-hoc award form filled from the good deed."""
        self.ensure_one()
        check_officer(
            self.env, self.env._("Only the emulation officer proposes awards.")
        )
        if self.subject_type == "student" and not self.student_id:
            raise UserError(self.env._("Link the student record first."))
        self._check_transition("proposed")
        self._write_state({"state": "proposed"})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Ad-hoc Award"),
            "res_model": "school.emulation.adhoc.award",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_subject_type": self.subject_type,
                "default_student_id": self.student_id.id,
                "default_employee_id": self.employee_id.id,
                "default_achievement": self.description,
            },
        }

    def action_make_exemplar(self):
        self.ensure_one()
        check_officer(
            self.env, self.env._("Only the emulation officer records exemplars.")
        )
        if self.subject_type == "student" and not self.student_id:
            raise UserError(self.env._("Link the student record first."))
        self._check_transition("exemplar")
        exemplar = self.env["school.emulation.exemplar"].create(
            {
                "name": self.description[:80],
                "exemplar_type": "good_deed",
                "subject_type": self.subject_type,
                "student_id": self.student_id.id,
                "employee_id": self.employee_id.id,
                # plain text into the HTML story: escaped, never markup
                "story": plaintext2html(self.description),
                "company_id": self.company_id.id,
            }
        )
        self._write_state({"state": "exemplar", "exemplar_id": exemplar.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "school.emulation.exemplar",
            "res_id": exemplar.id,
            "view_mode": "form",
        }
