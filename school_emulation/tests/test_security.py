"""The abuse cases of security/THREAT_MODEL.md, played through JSON-RPC on a school
year built by the test as the user who would try them (a script with a stolen session
does the same). Each test names its abuse case."""

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import JsonRpcMixin, SchoolFixtures


@tagged("post_install", "-at_install")
class TestAbuseCases(JsonRpcMixin, SchoolFixtures, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_users()
        cls._setup_year()
        cls.proposal = cls.proposal_decided
        cls.school = cls.school_a
        cls.portal = new_test_user(
            cls.env,
            login="se_sec_portal",
            password="se_sec_portal",
            groups="base.group_portal",
        )
        cls.teacher = cls.users["staff"]
        # a school year in which the teacher has no rating yet
        cls.next_year = cls._period(
            "2041-2042", "2041-09-01", "2042-08-31", cls.school_a
        )

    def rpc(self, login, model, method, *args, **kwargs):
        self.authenticate(login, login)
        return self.json_rpc(model, method, args, kwargs)

    def assertRefused(self, error, kind="odoo.exceptions.AccessError"):
        self.assertEqual(error.get("name"), kind, error)

    @mute_logger("odoo.http", "odoo.models")
    def test_1_another_school_reads_nothing(self):
        """Abuse case 1: an officer of another school in the same database."""
        school = [("company_id", "=", self.school.id)]
        for model in (
            "school.emulation.proposal",
            "school.emulation.award",
            "school.emulation.registration",
            "school.emulation.council.session",
            "school.student",
            "hr.employee",
        ):
            with self.subTest(model=model):
                found, error = self.rpc(
                    self.officer_b.login, model, "search_read", school, ["display_name"]
                )
                if error:  # no right on the model at all (employees: HR only)
                    self.assertRefused(error)
                else:
                    self.assertEqual(found, [])
        _found, error = self.rpc(
            self.officer_b.login,
            "school.emulation.proposal",
            "read",
            self.proposal.ids,
            ["name"],
        )
        self.assertRefused(error)
        _found, error = self.rpc(
            self.officer_b.login,
            "school.emulation.proposal",
            "write",
            self.proposal.ids,
            {"description": "sửa trộm"},
        )
        self.assertRefused(error)
        self.assertNotEqual(self.proposal.description, "sửa trộm")
        # records that take their school from another record: the other school's
        # officer cannot slip one into this school
        teacher_emp = self.emp_staff
        movement = self.movement
        before = self.env["school.emulation.registration"].search_count([])
        for model, values in (
            (
                "school.emulation.registration",
                {"movement_id": movement.id, "employee_id": teacher_emp.id},
            ),
            (
                "school.emulation.rating",
                {
                    "employee_id": teacher_emp.id,
                    "period_id": self.next_year.id,
                    "rating": "htxsnv",
                },
            ),
        ):
            with self.subTest(create=model):
                _id, error = self.rpc(self.officer_b.login, model, "create", values)
                self.assertRefused(error)
        self.assertEqual(
            self.env["school.emulation.registration"].search_count([]), before
        )

    @mute_logger("odoo.http", "odoo.models")
    def test_2_teacher_reads_only_own_scores(self):
        """Abuse case 2: a teacher reads a colleague's scores."""
        rows, error = self.rpc(
            self.teacher.login,
            "school.emulation.score",
            "search_read",
            [],
            ["registration_id", "self_score"],
        )
        self.assertFalse(error)
        Registration = self.env["school.emulation.registration"]
        own = Registration.search([("user_id", "=", self.teacher.id)])
        self.assertTrue(rows)
        self.assertEqual({r["registration_id"][0] for r in rows}, set(own.ids))
        other = Registration.search(
            [("user_id", "!=", self.teacher.id), ("state", "=", "accepted")], limit=1
        )
        _rows, error = self.rpc(
            self.teacher.login,
            "school.emulation.score",
            "read",
            other.score_ids.ids,
            ["points"],
        )
        self.assertRefused(error)
        totals, error = self.rpc(
            self.teacher.login,
            "school.emulation.registration",
            "search_read",
            [("id", "=", other.id)],
            ["total_score"],
        )
        self.assertEqual((totals, error), ([], {}))

    @mute_logger("odoo.http", "odoo.models")
    def test_3_council_member_cannot_learn_a_vote(self):
        """Abuse case 3: a council member tries to learn how another voted."""
        _rows, error = self.rpc(
            self.users["council"].login,
            "school.emulation.ballot",
            "search_read",
            [],
            ["yes"],
        )
        self.assertRefused(error)
        voters, error = self.rpc(
            self.users["council"].login,
            "school.emulation.ballot.voter",
            "search_read",
            [("session_id", "=", self.council_session.id)],
            [],
        )
        # who voted may be known (the attendance list); how never: no ballot field
        for row in voters or []:
            self.assertFalse({"yes", "line_id", "ballot_id"} & set(row))
        Ballot = self.env["school.emulation.ballot"]
        self.assertFalse(Ballot._log_access)
        self.assertFalse(
            {
                f.comodel_name
                for f in Ballot._fields.values()
                if f.type in ("many2one", "many2many", "one2many")
            }
            & {"res.users", "hr.employee", "school.emulation.council.member"}
        )

    @mute_logger("odoo.http", "odoo.models")
    def test_4_portal_user_reads_nothing(self):
        """Abuse case 5 and 6: a portal (or public) user reads unpublished records,
        students or proposals."""
        for model in (
            "school.emulation.exemplar",
            "school.emulation.initiative",
            "school.emulation.proposal",
            "school.emulation.award",
            "school.student",
            "school.student.result",
        ):
            with self.subTest(model=model):
                _rows, error = self.rpc("se_sec_portal", model, "search_read", [], [])
                self.assertRefused(error)
        unpublished = self.env["school.emulation.exemplar"].search(
            [("company_id", "=", self.school.id), ("is_published", "=", False)],
            limit=1,
        )
        self.assertTrue(unpublished)
        self.authenticate(None, None)
        page = self.url_open(f"/thi-dua/guong-dien-hinh/{self.school.id}").text
        self.assertNotIn(unpublished.name, page)
        image = self.url_open(f"/thi-dua/guong-dien-hinh/anh/{unpublished.id}")
        self.assertEqual(image.status_code, 404)

    @mute_logger("odoo.http", "odoo.models")
    def test_5_scripts_in_text_are_shown_as_text(self):
        """Abuse case 5: HTML or script typed into a published exemplar."""
        exemplar = self.env["school.emulation.exemplar"].search(
            [("company_id", "=", self.school.id), ("is_published", "=", True)],
            limit=1,
        )
        exemplar.write(
            {
                "name": "<img src=x onerror=alert(1)>Gương sáng",
                "story": "<p>Câu chuyện</p><script>alert(2)</script>"
                "<a href='javascript:alert(3)'>xem</a>",
            }
        )
        self.authenticate(None, None)
        page = self.url_open(f"/thi-dua/guong-dien-hinh/{self.school.id}").text
        self.assertIn("&lt;img src=x onerror=alert(1)&gt;Gương sáng", page)
        self.assertNotIn("<img src=x", page)
        self.assertNotIn("<script>alert(2)", page)
        self.assertNotIn("javascript:alert(3)", page)
        self.assertIn("Câu chuyện", page)
