"""Two schools in one database (issue 15): every model of both addons that belongs to
a school, every role of school B against a record of school A. Each operation is
refused or finds nothing, and the database is unchanged.

School A holds a school year with a record of nearly every model, school B users of
every role: both built here (common.SchoolFixtures)."""

import base64

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from ..models.school_emulation_state_mixin import trusted_write
from .common import PREFIX, ROLE_GROUPS, SchoolEmulationCase

# records of one school: company rule [('company_id', 'in', company_ids)]
SCHOOL_MODELS = (
    "school.emulation.period",
    "school.emulation.rating",
    "school.emulation.discipline",
    "school.class",
    "school.student",
    "school.student.result",
    "school.emulation.movement",
    "school.emulation.movement.activity",
    "school.emulation.criterion.set",
    "school.emulation.criterion",
    "school.emulation.band",
    "school.emulation.registration",
    "school.emulation.score",
    "school.emulation.class.week",
    "school.emulation.class.score",
    "school.emulation.class.result",
    "school.emulation.block",
    "school.emulation.block.member",
    "school.emulation.block.score",
    "school.emulation.block.voter",
    "school.emulation.unit.rating",
    "school.emulation.initiative",
    "school.emulation.initiative.author",
    "school.emulation.initiative.review",
    "school.emulation.initiative.review.line",
    "school.emulation.initiative.recusal",
    "school.emulation.exemplar",
    "school.emulation.exemplar.milestone",
    "school.emulation.exemplar.replication",
    "school.emulation.good.deed",
    "school.emulation.decision",
    "school.emulation.award",
    "school.emulation.council",
    "school.emulation.council.member",
    "school.emulation.council.session",
    "school.emulation.council.attendance",
    "school.emulation.ballot.voter",
    "school.emulation.ballot",
    "school.emulation.proposal",
    "school.emulation.proposal.line",
    "school.emulation.proposal.document",
    "school.emulation.proposal.comment",
    "school.emulation.inbox",
    "school.emulation.inbox.line",
)
# the catalogue: shared by every school, or one school's own (company set)
CATALOGUE_MODELS = (
    "school.emulation.legal.basis",
    "school.emulation.authority",
    "school.emulation.title",
    "school.emulation.award.form",
    "school.emulation.base.salary",
    "school.emulation.rating.scheme",
    "school.emulation.dossier.item.type",
    "school.emulation.initiative.criterion",
)
# wizards: their creator's alone ([('create_uid', '=', user.id)])
WIZARD_MODELS = (
    "school.emulation.registration.return",
    "school.emulation.movement.register",
    "school.emulation.revoke",
    "school.emulation.proposal.reason",
    "school.emulation.eligibility.wizard",
    "school.emulation.eligibility.wizard.line",
    "school.emulation.adhoc.award",
    "school.emulation.paper.tally",
    "school.emulation.paper.tally.line",
    "school.emulation.proposal.acceptance",
    "school.emulation.inbox.answer",
    "school.emulation.file.import",
)
# the ballot models are being rewritten (their rules belong with them): tested
# when a record of school A exists (a counted box keeps no ballot)
OPTIONAL_MODELS = (
    "school.emulation.ballot",
    "school.emulation.ballot.voter",
    "school.emulation.block.voter",
)
MAGIC = {"id", "display_name", "create_uid", "create_date", "write_uid", "write_date"}


@tagged("post_install", "-at_install", "isolation")
class TestIsolationMatrix(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_year()
        cls._setup_inbox()
        cls.users_b = cls._role_users(cls.school_b, "se_iso_{role}_b")
        cls.records = {}
        for model in SCHOOL_MODELS:
            if model in cls.env:  # the ballot models are being rewritten
                cls.records[model] = cls._school_record(model)
        for model in CATALOGUE_MODELS:
            cls.records[model] = cls._catalogue_record(model)
        cls.records.update(cls._wizards())

    @classmethod
    def _setup_inbox(cls):
        """School A as a body above a school: a proposal it received (what the
        server creates at a unit's submission)."""
        with trusted_write("school.emulation.inbox"):
            cls.env["school.emulation.inbox"].create(
                {
                    "sender_name": "THCS Dưới A",
                    "company_id": cls.school_a.id,
                    "line_ids": [
                        Command.create(
                            {
                                "subject_type": "employee",
                                "subject_name": "Giáo viên trường dưới",
                                "award_form_id": cls.form_xa.id,
                            }
                        )
                    ],
                }
            )

    @classmethod
    def _school_record(cls, model):
        return (
            cls.env[model]
            .with_context(active_test=False)
            .search([("company_id", "=", cls.school_a.id)], limit=1)
        )

    @classmethod
    def _catalogue_record(cls, model):
        """A catalogue record of school A only (a copy of a shared one)."""
        Model = cls.env[model].with_context(active_test=False)
        own = Model.search([("company_id", "=", cls.school_a.id)], limit=1)
        if own:
            return own
        shared = Model.search([("company_id", "=", False)], limit=1)
        return shared.copy({"company_id": cls.school_a.id}) if shared else shared

    @classmethod
    def _wizards(cls):
        """One wizard of each kind, opened in school A (by the administrator)."""
        rec = cls.records
        env = cls.env
        eligibility = env["school.emulation.eligibility.wizard"].create(
            {
                "period_id": rec["school.emulation.proposal"].period_id.id,
                "title_id": env["school.emulation.title"].search([], limit=1).id,
            }
        )
        tally = env["school.emulation.paper.tally"].create(
            {
                "session_id": rec["school.emulation.council.session"].id,
                "paper_count": 1,
                "line_ids": [
                    Command.create(
                        {
                            "proposal_line_id": rec["school.emulation.proposal"]
                            .line_ids[:1]
                            .id,
                            "yes_count": 1,
                        }
                    )
                ],
            }
        )
        return {
            "school.emulation.registration.return": env[
                "school.emulation.registration.return"
            ].create(
                {
                    "registration_ids": rec["school.emulation.registration"].ids,
                    "reason": "Thiếu minh chứng",
                }
            ),
            "school.emulation.movement.register": env[
                "school.emulation.movement.register"
            ].create({"movement_id": rec["school.emulation.movement"].id}),
            "school.emulation.revoke": env["school.emulation.revoke"].create(
                {
                    "decision_id": rec["school.emulation.decision"].id,
                    "reason": "Sai sót",
                }
            ),
            "school.emulation.proposal.reason": env[
                "school.emulation.proposal.reason"
            ].create(
                {"proposal_id": rec["school.emulation.proposal"].id, "reason": "Thiếu"}
            ),
            "school.emulation.eligibility.wizard": eligibility,
            "school.emulation.eligibility.wizard.line": env[
                "school.emulation.eligibility.wizard.line"
            ].create(
                {
                    "wizard_id": eligibility.id,
                    "subject_type": "employee",
                    "employee_id": env["hr.employee"]
                    .search([("company_id", "=", cls.school_a.id)], limit=1)
                    .id,
                }
            ),
            "school.emulation.adhoc.award": env["school.emulation.adhoc.award"].create(
                {
                    "subject_type": "employee",
                    "employee_id": env["hr.employee"]
                    .search([("company_id", "=", cls.school_a.id)], limit=1)
                    .id,
                    "award_form_id": rec["school.emulation.award.form"].id,
                    "period_id": rec["school.emulation.proposal"].period_id.id,
                    "achievement": "Cứu người đuối nước",
                }
            ),
            "school.emulation.paper.tally": tally,
            "school.emulation.paper.tally.line": tally.line_ids,
            "school.emulation.proposal.acceptance": env[
                "school.emulation.proposal.acceptance"
            ].create({"proposal_id": rec["school.emulation.proposal"].id}),
            "school.emulation.inbox.answer": env[
                "school.emulation.inbox.answer"
            ].create({"inbox_id": rec["school.emulation.inbox"].id}),
            "school.emulation.file.import": env["school.emulation.file.import"].create(
                {"file": base64.b64encode(b"PK"), "filename": "ho-so.zip"}
            ),
        }

    @staticmethod
    def _writable_field(Model):
        """A plain stored field a client may write (no state, no server field)."""
        server = set(getattr(Model, "_SERVER_FIELDS", ())) | {"state"}
        for kind in ("char", "text", "integer", "float", "boolean", "date"):
            for field in Model._fields.values():
                if (
                    field.type == kind
                    and field.store
                    and not field.compute
                    and not field.related
                    and not field.readonly
                    and field.name not in MAGIC | server
                ):
                    return field.name
        return None

    @staticmethod
    def _new_value(field, old):
        if field.type in ("char", "text"):
            return "isolation"
        if field.type in ("integer", "float"):
            return (old or 0) + 1
        if field.type == "boolean":
            return not old
        return "2001-01-01"

    def _assert_refused(self, what, record, call):
        """``call`` is refused: an access error, or a business refusal that says
        nothing of the record (checked before the access rights by some models:
        a score line is never duplicated, a vote count never written)."""
        try:
            call()
        except AccessError:
            return
        except UserError as error:
            name = record.sudo().display_name
            if name:
                self.assertNotIn(name, str(error), f"{what} names the record")
            return
        self.fail(f"{what}: not refused")

    def _assert_hidden(self, user, record):
        """Every way a client reaches ``record`` as ``user``: refused or empty."""
        # a client's call starts with an empty cache: the values read below as
        # the superuser must not answer the user's reads
        flush = self.env.invalidate_all
        Model = record.with_user(user).browse()
        model = record._name
        domain = [("id", "=", record.id)]
        name = record.sudo().display_name or ""
        flush()
        try:
            found = Model.with_context(active_test=False).search(domain)
        except AccessError:  # no right on the model at all
            found = None
        if found is not None:
            self.assertFalse(found, f"{model}: search finds the other school's record")
            self.assertEqual(Model.search_count(domain), 0, model)
            groups = Model.read_group(domain, [], [])
            self.assertEqual(
                sum(g.get("__count", 0) for g in groups), 0, f"{model}: read_group"
            )
            if name:
                ids = [rid for rid, _n in Model.name_search(name, limit=1000)]
                self.assertNotIn(record.id, ids, f"{model}: name_search")
        flush()
        with self.assertRaises(AccessError, msg=f"{model}: read"):
            record.with_user(user).read(["display_name"])
        fname = self._writable_field(Model)
        if fname:
            field = record._fields[fname]
            old = record.sudo()[fname]
            flush()
            self._assert_refused(
                f"{model}: write",
                record,
                lambda: record.with_user(user).write(
                    {fname: self._new_value(field, old)}
                ),
            )
            record.invalidate_recordset()
            self.assertEqual(record.sudo()[fname], old, f"{model}: written")
        count = self.env[model].with_context(active_test=False).search_count([])
        flush()
        self._assert_refused(
            f"{model}: copy", record, lambda: record.with_user(user).copy()
        )
        self.assertEqual(
            self.env[model].with_context(active_test=False).search_count([]), count
        )
        flush()
        self._assert_refused(
            f"{model}: unlink", record, lambda: record.with_user(user).unlink()
        )
        self.assertTrue(record.sudo().exists(), f"{model}: deleted")

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_other_school_reaches_nothing(self):
        """Rule: a user of school B reaches no record of school A, whatever the
        model, the role or the operation."""
        for model, record in self.records.items():
            if model not in OPTIONAL_MODELS:
                with self.subTest(model=model):
                    self.assertTrue(record, f"{model}: no record of school A to test")
            if not record:
                continue
            for role, user in self.users_b.items():
                with self.subTest(model=model, role=role):
                    self._assert_hidden(user, record)

    def test_table_covers_every_school_model(self):
        """Rule: the table above names every stored model of both addons that has
        a school (a new model must be added to it, with its rule)."""
        tested = set(SCHOOL_MODELS) | set(CATALOGUE_MODELS) | set(WIZARD_MODELS)
        for model in self.env["ir.model"].search([("model", "=like", "school.%")]):
            Model = self.env[model.model]
            if Model._abstract or not Model._auto:
                continue
            if Model._original_module != "school_emulation":
                continue  # another addon's models: its own isolation tests
            if not Model._transient and "company_id" not in Model._fields:
                continue
            with self.subTest(model=model.model):
                self.assertIn(model.model, tested)
                rules = self.env["ir.rule"].search(
                    [("model_id", "=", model.id), ("global", "=", True)]
                )
                self.assertTrue(rules, f"{model.model} has no global rule")

    def test_another_schools_wizard_is_hidden_within_the_school(self):
        """Rule: a wizard is its creator's alone, in its own school too."""
        officer_a, teacher_a = self.users["officer"], self.users["staff"]
        revoke = (
            self.env["school.emulation.revoke"]
            .with_user(officer_a)
            .create(
                {
                    "decision_id": self.records["school.emulation.decision"].id,
                    "reason": "Sai sót",
                }
            )
        )
        self.assertEqual(revoke.with_user(officer_a).reason, "Sai sót")
        other = new_test_user(
            self.env,
            login="se_iso_officer_a2",
            groups=PREFIX + ROLE_GROUPS["officer"],
            company_id=self.school_a.id,
            company_ids=[self.school_a.id],
        )
        with self.subTest(user=other.login):
            self.assertFalse(
                self.env["school.emulation.revoke"]
                .with_user(other)
                .search([("id", "=", revoke.id)])
            )
            with self.assertRaises(AccessError), mute_logger("odoo.models"):
                revoke.with_user(other).read(["decision_id"])
        with self.subTest(user=teacher_a.login):  # no right on the wizard at all
            with self.assertRaises(AccessError), mute_logger("odoo.models"):
                revoke.with_user(teacher_a).read(["decision_id"])

    def _cases(self):
        rec = self.records
        employee_a = self.env["hr.employee"].search(
            [("company_id", "=", self.school_a.id)], limit=1
        )
        return [
            (
                "officer",
                "school.emulation.revoke",
                {"decision_id": rec["school.emulation.decision"].id, "reason": "x"},
            ),
            (
                "officer",
                "school.emulation.proposal.reason",
                {"proposal_id": rec["school.emulation.proposal"].id, "reason": "x"},
            ),
            (
                "officer",
                "school.emulation.eligibility.wizard",
                {
                    "period_id": rec["school.emulation.period"].id,
                    "title_id": rec["school.emulation.title"].id,
                },
            ),
            (
                "officer",
                "school.emulation.adhoc.award",
                {
                    "subject_type": "employee",
                    "employee_id": employee_a.id,
                    "award_form_id": rec["school.emulation.award.form"].id,
                    "period_id": rec["school.emulation.period"].id,
                    "achievement": "x",
                },
            ),
            (
                "leader",
                "school.emulation.movement.register",
                {"movement_id": rec["school.emulation.movement"].id},
            ),
            (
                "leader",
                "school.emulation.registration.return",
                {
                    "registration_ids": rec["school.emulation.registration"].ids,
                    "reason": "x",
                },
            ),
        ]

    @mute_logger("odoo.models")
    def test_wizard_refuses_another_schools_ids(self):
        """Rule: create, write, onchange and ``default_*`` keys naming another
        school's record are refused; nothing is created."""
        for role, model, vals in self._cases():
            Wizard = self.env[model].with_user(self.users_b[role])
            before = self.env[model].search_count([])
            with self.subTest(model=model, op="create"):
                with self.assertRaises(AccessError):
                    Wizard.create(vals)
                self.assertEqual(self.env[model].search_count([]), before)
            with self.subTest(model=model, op="onchange"):
                spec = {name: {} for name in vals}
                with self.assertRaises(AccessError):
                    Wizard.onchange(dict(vals), [], spec)
            with self.subTest(model=model, op="default_get"):
                defaults = {
                    f"default_{name}": value
                    for name, value in vals.items()
                    if Wizard._fields[name].type in ("many2one", "many2many")
                }
                with self.assertRaises(AccessError):
                    Wizard.with_context(**defaults).default_get(list(vals))

    @mute_logger("odoo.models")
    def test_wizard_line_refuses_another_schools_ids(self):
        """Rule: a check line naming another school's candidate is refused, in
        the user's own wizard too (its name would be shown)."""
        period_b = self.env["school.emulation.period"].create(
            {
                "name": "2040-2041 B",
                "date_start": "2040-09-01",
                "date_end": "2041-08-31",
                "company_id": self.school_b.id,
            }
        )
        officer = self.users_b["officer"]
        wizard = (
            self.env["school.emulation.eligibility.wizard"]
            .with_user(officer)
            .create(
                {
                    "period_id": period_b.id,
                    "title_id": self.env["school.emulation.title"]
                    .search([("company_id", "=", False)], limit=1)
                    .id,
                }
            )
        )
        employee_a = self.env["hr.employee"].search(
            [("company_id", "=", self.school_a.id)], limit=1
        )
        with self.assertRaises(AccessError):
            wizard.write(
                {
                    "line_ids": [
                        Command.create(
                            {"subject_type": "employee", "employee_id": employee_a.id}
                        )
                    ]
                }
            )
        self.assertFalse(wizard.line_ids)

    def test_criteria_stay_in_their_school(self):
        """Rule: another school's officer neither adds criteria or bands to a set
        of this school nor moves its own criteria into it."""
        cset_a = self.records["school.emulation.criterion.set"]
        officer = self.users_b["officer"]
        before = (len(cset_a.criterion_ids), len(cset_a.band_ids))
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.env["school.emulation.criterion"].with_user(officer).create(
                {"set_id": cset_a.id, "name": "Chen vào"}
            )
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.env["school.emulation.band"].with_user(officer).create(
                {"set_id": cset_a.id, "name": "Chen vào", "min_total": 1}
            )
        own = (
            self.env["school.emulation.criterion.set"]
            .with_user(officer)
            .create(
                {
                    "name": "Tiêu chí B",
                    "criterion_ids": [
                        Command.create({"name": "Giảng dạy", "max_points": 5})
                    ],
                    "band_ids": [Command.create({"name": "Tốt", "min_total": 3})],
                }
            )
        )
        self.assertEqual(own.company_id, self.school_b)
        self.assertEqual(own.band_ids.company_id, self.school_b)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            own.criterion_ids.write({"set_id": cset_a.id})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            own.band_ids.write({"set_id": cset_a.id})
        cset_a.invalidate_recordset()
        self.assertEqual((len(cset_a.criterion_ids), len(cset_a.band_ids)), before)
