"""Access per role and model: mirrors security/ACCESS_MATRIX.md (the repo-level check
tests/static/test_access_matrix.py keeps that document equal to ir.model.access.csv)."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SchoolEmulationCase

ROLES = ("staff", "leader", "officer", "manager", "council")
CATALOGUE = {
    "staff": "r",
    "leader": "r",
    "officer": "r",
    "manager": "rwcd",
    "council": "r",
}
MATRIX = {
    "school.emulation.period": {**CATALOGUE, "officer": "rwc"},
    "school.emulation.legal.basis": CATALOGUE,
    "school.emulation.authority": CATALOGUE,
    "school.emulation.title": CATALOGUE,
    "school.emulation.award.form": CATALOGUE,
    "school.emulation.base.salary": CATALOGUE,
    "school.emulation.rating.scheme": CATALOGUE,
    "school.emulation.rating": {**CATALOGUE, "officer": "rwc"},
    "school.emulation.discipline": {**CATALOGUE, "officer": "rwc"},
    "school.class": {**CATALOGUE, "officer": "rwc"},
    "school.student": {
        "staff": "",
        "leader": "r",
        "officer": "rwc",
        "manager": "rwcd",
        "council": "",
    },
    "school.emulation.criterion.set": {**CATALOGUE, "officer": "rwc"},
    "school.emulation.criterion": {**CATALOGUE, "officer": "rwcd"},
    "school.emulation.band": {**CATALOGUE, "officer": "rwcd"},
    "school.emulation.movement": {**CATALOGUE, "officer": "rwc"},
    "school.emulation.movement.activity": {
        **CATALOGUE,
        "leader": "rwc",
        "officer": "rwc",
    },
    "school.emulation.registration": {
        "staff": "rwc",
        "leader": "rwc",
        "officer": "rwc",
        "manager": "rwcd",
        "council": "rwc",
    },
    "school.emulation.score": {
        "staff": "rw",
        "leader": "rw",
        "officer": "rwc",
        "manager": "rwcd",
        "council": "rw",
    },
    "school.emulation.class.week": {**CATALOGUE, "officer": "rwc"},
    "school.emulation.class.score": {
        "staff": "",
        "leader": "r",
        "officer": "rwc",
        "manager": "rwcd",
        "council": "",
    },
    "school.emulation.class.result": CATALOGUE,
    "school.emulation.block": {**CATALOGUE, "officer": "rwc"},
    "school.emulation.block.member": {**CATALOGUE, "officer": "rwcd"},
    "school.emulation.block.score": {**CATALOGUE, "officer": "rwc"},
    "school.emulation.block.voter": {
        "staff": "",
        "leader": "",
        "officer": "r",
        "manager": "r",
        "council": "",
    },
    "school.student.result": {
        "staff": "",
        "leader": "rwc",
        "officer": "rwc",
        "manager": "rwcd",
        "council": "",
    },
    "school.emulation.unit.rating": {**CATALOGUE, "officer": "rwc"},
    "school.emulation.initiative": {
        "staff": "rwc",
        "leader": "rwc",
        "officer": "rwc",
        "manager": "rwcd",
        "council": "rwc",
    },
    "school.emulation.initiative.author": {
        "staff": "rwcd",
        "leader": "rwcd",
        "officer": "rwcd",
        "manager": "rwcd",
        "council": "rwcd",
    },
    "school.emulation.initiative.criterion": CATALOGUE,
    "school.emulation.initiative.review": {
        "staff": "",
        "leader": "",
        "officer": "rwcd",
        "manager": "rwcd",
        "council": "rw",
    },
    "school.emulation.initiative.review.line": {
        "staff": "",
        "leader": "",
        "officer": "rwcd",
        "manager": "rwcd",
        "council": "rw",
    },
    "school.emulation.initiative.recusal": {
        "staff": "",
        "leader": "",
        "officer": "r",
        "manager": "r",
        "council": "r",
    },
    "school.emulation.exemplar": {**CATALOGUE, "officer": "rwcd"},
    "school.emulation.exemplar.milestone": {**CATALOGUE, "officer": "rwcd"},
    "school.emulation.exemplar.replication": {**CATALOGUE, "officer": "rwcd"},
    "school.emulation.good.deed": {
        "staff": "rwc",
        "leader": "rwc",
        "officer": "rwcd",
        "manager": "rwcd",
        "council": "rwc",
    },
    "school.emulation.decision": {**CATALOGUE, "officer": "rwcd"},
    "school.emulation.award": {**CATALOGUE, "officer": "rwcd"},
    "school.emulation.council": {**CATALOGUE, "officer": "rwc"},
    "school.emulation.council.member": {**CATALOGUE, "officer": "rwcd"},
    "school.emulation.council.session": {
        "staff": "",
        "leader": "",
        "officer": "rwc",
        "manager": "rwcd",
        "council": "r",
    },
    "school.emulation.council.attendance": {
        "staff": "",
        "leader": "",
        "officer": "rwcd",
        "manager": "rwcd",
        "council": "r",
    },
    "school.emulation.ballot.voter": {
        "staff": "",
        "leader": "",
        "officer": "r",
        "manager": "r",
        "council": "",
    },
    "school.emulation.ballot": {
        "staff": "",
        "leader": "",
        "officer": "",
        "manager": "",
        "council": "",
    },
    "school.emulation.ballot.key": {
        "staff": "",
        "leader": "",
        "officer": "",
        "manager": "",
        "council": "",
    },
    "school.emulation.dossier.item.type": CATALOGUE,
    "school.emulation.proposal": {
        "staff": "r",
        "leader": "rwc",
        "officer": "rwcd",
        "manager": "rwcd",
        "council": "r",
    },
    "school.emulation.proposal.line": {
        **CATALOGUE,
        "leader": "rwcd",
        "officer": "rwcd",
    },
    "school.emulation.proposal.document": {
        **CATALOGUE,
        "leader": "rwcd",
        "officer": "rwcd",
    },
    "school.emulation.proposal.comment": {
        "staff": "rc",
        "leader": "rc",
        "officer": "rwcd",
        "manager": "rwcd",
        "council": "rc",
    },
}
OPS = {"r": "read", "w": "write", "c": "create", "d": "unlink"}


@tagged("post_install", "-at_install", "access_rights")
class TestAccessRights(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()

    def test_model_access_matrix(self):
        """Each role has exactly the CRUD rights of the access matrix, per model."""
        for model, rights in MATRIX.items():
            for role in ROLES:
                Model = self.env[model].with_user(self.users[role])
                for letter, op in OPS.items():
                    with self.subTest(model=model, role=role, op=op):
                        self.assertEqual(
                            Model.has_access(op), letter in rights[role], "see matrix"
                        )

    def test_staff_reads_own_rating_only(self):
        Rating = self.env["school.emulation.rating"].with_user(self.users["staff"])
        self.assertEqual(Rating.search([]), self.ratings["staff"])
        with self.assertRaises(AccessError):
            self.ratings["other"].with_user(self.users["staff"]).read(["rating"])

    def test_staff_cannot_write_own_rating(self):
        with self.assertRaises(AccessError):
            self.ratings["staff"].with_user(self.users["staff"]).write(
                {"rating": "htxsnv"}
            )

    def test_leader_reads_own_group(self):
        """A group leader sees the ratings of the group they lead, not other groups."""
        Rating = self.env["school.emulation.rating"].with_user(self.users["leader"])
        self.assertEqual(
            Rating.search([]), self.ratings["leader"] | self.ratings["staff"]
        )
        with self.assertRaises(AccessError):
            self.ratings["other"].with_user(self.users["leader"]).read(["rating"])

    def test_officer_reads_and_writes_all_of_the_school(self):
        Rating = self.env["school.emulation.rating"].with_user(self.users["officer"])
        self.assertEqual(len(Rating.search([("period_id", "=", self.year.id)])), 3)
        self.ratings["other"].with_user(self.users["officer"]).write(
            {"rating": "htxsnv"}
        )
        self.assertEqual(self.ratings["other"].rating, "htxsnv")

    def test_students_hidden_from_staff_and_council(self):
        """Students are minors: plain staff and council members cannot read them."""
        for role in ("staff", "council"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                self.student_own.with_user(self.users[role]).read(["name"])

    def test_homeroom_teacher_sees_own_class_only(self):
        Student = self.env["school.student"].with_user(self.users["leader"])
        self.assertEqual(Student.search([]), self.student_own)
        with self.assertRaises(AccessError):
            self.student_other.with_user(self.users["leader"]).read(["birth_date"])

    def test_homeroom_teacher_records_results_of_own_class(self):
        Result = self.env["school.student.result"].with_user(self.users["leader"])
        result = Result.create(
            {
                "student_id": self.student_own.id,
                "class_id": self.class_own.id,
                "period_id": self.year.id,
                "conduct": "good",
                "learning": "good",
                "subjects_ge_9": 7,
            }
        )
        self.assertEqual(result.company_id, self.school_a)
        with self.assertRaises(AccessError):
            Result.create(
                {
                    "student_id": self.student_other.id,
                    "class_id": self.class_other.id,
                    "period_id": self.year.id,
                }
            )

    def test_officer_sees_all_students(self):
        Student = self.env["school.student"].with_user(self.users["officer"])
        self.assertEqual(
            Student.search([("company_id", "=", self.school_a.id)]),
            self.student_own | self.student_other,
        )

    def test_other_school_sees_nothing(self):
        """An officer of school B sees no record of school A, in any model."""
        officer_b = self.officer_b
        records = {
            "school.emulation.period": self.year,
            "school.emulation.rating": self.ratings["staff"],
            "school.class": self.class_own,
            "school.student": self.student_own,
        }
        for model, record in records.items():
            with self.subTest(model=model):
                self.assertFalse(
                    self.env[model]
                    .with_user(officer_b)
                    .search([("id", "=", record.id)])
                )
                with self.assertRaises(AccessError):
                    record.with_user(officer_b).read(["display_name"])

    def test_catalogue_shared_and_school_specific(self):
        """Shared catalogue records are readable by every school; a school's own
        record is not visible to another school."""
        ldtt = self.env.ref("school_emulation.title_ldtt_2025")
        self.assertTrue(ldtt.with_user(self.officer_b).read(["code"]))
        own = ldtt.copy({"company_id": self.school_a.id, "min_months_recruited": 9})
        with self.assertRaises(AccessError):
            own.with_user(self.officer_b).read(["code"])

    def test_only_admin_edits_catalogue(self):
        ldtt = self.env.ref("school_emulation.title_ldtt_2025")
        with self.assertRaises(AccessError):
            ldtt.with_user(self.users["officer"]).write({"min_months_recruited": 7})
        ldtt.with_user(self.users["manager"]).write({"note": "checked"})
        self.assertEqual(ldtt.note, "checked")
