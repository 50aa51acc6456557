import base64
import json
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

from ..models.school_emulation_state_mixin import trusted_write

PREFIX = "school_emulation."
# the counting board's passphrase of the sessions the fixtures open
BALLOT_PASSPHRASE = "kiem-phieu-nam-hoc-2040"


class JsonRpcMixin:
    """For HttpCase tests: call a model method as the web client does, with the
    current session; returns ``(result, error data)``."""

    def json_rpc(self, model, method, args, kwargs=None):
        response = self.url_open(
            "/web/dataset/call_kw",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "model": model,
                        "method": method,
                        "args": list(args),
                        "kwargs": kwargs or {},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        ).json()
        return response.get("result"), response.get("error", {}).get("data", {})


ROLE_GROUPS = {
    "staff": "group_school_emulation_user",
    "leader": "group_school_emulation_leader",
    "officer": "group_school_emulation_officer",
    "manager": "group_school_emulation_manager",
    "council": "group_school_emulation_council",
}


class SchoolFixtures:
    """Fixture builders for ``setUpClass``, shared by ``TransactionCase`` and
    ``HttpCase`` tests: every test builds the school it needs and runs on a database
    without demo data. A user's password is their login (for ``authenticate``)."""

    @classmethod
    def _role_users(cls, company, login="se_{role}", roles=None):
        """One user per role (security group) of ``company``: ``{role: user}``."""
        return {
            role: new_test_user(
                cls.env,
                login=login.format(role=role),
                password=login.format(role=role),
                groups=PREFIX + group,
                company_id=company.id,
                company_ids=[company.id],
            )
            for role, group in (roles or ROLE_GROUPS).items()
        }

    @classmethod
    def _setup_users(cls):
        """Two schools (companies); users per role in school A, an officer in B."""
        cls.school_a = cls.env["res.company"].create({"name": "THCS Test A"})
        cls.school_b = cls.env["res.company"].create({"name": "THCS Test B"})
        cls.users = cls._role_users(cls.school_a)
        cls.officer_b = cls._role_users(
            cls.school_b, "se_{role}_b", {"officer": ROLE_GROUPS["officer"]}
        )["officer"]
        cls.Period = cls.env["school.emulation.period"]

    @classmethod
    def _setup_school(cls):
        """Two groups, employees linked to the role users, classes and students."""
        Employee = cls.env["hr.employee"]
        company = {"company_id": cls.school_a.id}
        cls.year = cls._period("2040-2041", "2040-09-01", "2041-08-31", cls.school_a)
        cls.emp_leader = Employee.create(
            {"name": "Tổ trưởng", "user_id": cls.users["leader"].id, **company}
        )
        cls.dept = cls.env["hr.department"].create(
            {
                "name": "Tổ Toán",
                "manager_id": cls.emp_leader.id,
                "emulation_group_type": "subject",
                **company,
            }
        )
        cls.dept_other = cls.env["hr.department"].create(
            {"name": "Tổ Văn", "emulation_group_type": "subject", **company}
        )
        cls.emp_leader.department_id = cls.dept
        cls.emp_staff = Employee.create(
            {
                "name": "Giáo viên",
                "user_id": cls.users["staff"].id,
                "department_id": cls.dept.id,
                **company,
            }
        )
        cls.emp_other = Employee.create(
            {"name": "Giáo viên tổ khác", "department_id": cls.dept_other.id, **company}
        )
        Rating = cls.env["school.emulation.rating"]
        cls.ratings = {
            key: Rating.create(
                {
                    "employee_id": emp.id,
                    "period_id": cls.year.id,
                    "rating": "httnv",
                    **company,
                }
            )
            for key, emp in (
                ("leader", cls.emp_leader),
                ("staff", cls.emp_staff),
                ("other", cls.emp_other),
            )
        }
        Class = cls.env["school.class"]
        cls.class_own = Class.create(
            {
                "name": "6A1",
                "grade": 6,
                "period_id": cls.year.id,
                "homeroom_teacher_id": cls.emp_leader.id,
                **company,
            }
        )
        cls.class_other = Class.create(
            {"name": "6A2", "grade": 6, "period_id": cls.year.id, **company}
        )
        Student = cls.env["school.student"]
        cls.student_own = Student.create(
            {
                "code": "HS001",
                "name": "Học sinh A",
                "class_id": cls.class_own.id,
                **company,
            }
        )
        cls.student_other = Student.create(
            {
                "code": "HS002",
                "name": "Học sinh B",
                "class_id": cls.class_other.id,
                **company,
            }
        )

    @classmethod
    def _period(cls, name, start, end, company):
        return cls.Period.create(
            {
                "name": name,
                "date_start": start,
                "date_end": end,
                "company_id": company.id,
            }
        )

    @classmethod
    def _setup_movement(cls):
        """A running movement with a criteria set of 2 standard, 1 bonus, 1 penalty."""
        cls.cset = cls.env["school.emulation.criterion.set"].create(
            {
                "name": "Tiêu chí CBGVNV",
                "company_id": cls.school_a.id,
                "criterion_ids": [
                    Command.create(
                        {"name": "I. Chuyên môn", "display_type": "line_section"}
                    ),
                    Command.create({"name": "Giảng dạy", "max_points": 50}),
                    Command.create({"name": "Chủ nhiệm", "max_points": 40}),
                    Command.create(
                        {"name": "II. Thưởng, trừ", "display_type": "line_section"}
                    ),
                    Command.create(
                        {"name": "Giải thưởng", "kind": "bonus", "max_points": 10}
                    ),
                    Command.create(
                        {"name": "Vi phạm", "kind": "penalty", "max_points": 10}
                    ),
                ],
                "band_ids": [
                    Command.create({"name": "Xuất sắc", "min_total": 90}),
                    Command.create({"name": "Tốt", "min_total": 75}),
                    Command.create({"name": "Đạt", "min_total": 50}),
                ],
            }
        )
        cls.movement = cls.env["school.emulation.movement"].create(
            {
                "name": "Đổi mới sáng tạo trong dạy và học",
                "period_id": cls.year.id,
                "criterion_set_id": cls.cset.id,
                "company_id": cls.school_a.id,
                "registration_deadline": "2099-12-31",
            }
        )
        cls.movement.with_user(cls.users["officer"]).action_launch()
        cls.movement.with_user(cls.users["officer"]).action_start()
        cls.ldtt = cls.env.ref("school_emulation.title_ldtt_2025")

    @classmethod
    def _register(cls, employee, **vals):
        return cls.env["school.emulation.registration"].create(
            {
                "movement_id": cls.movement.id,
                "subject_type": "employee",
                "employee_id": employee.id,
                "title_id": cls.ldtt.id,
                **vals,
            }
        )

    @classmethod
    def _council_members(cls, count, login, name, **employee_vals):
        """The council user of school A and ``count`` more council users, each an
        employee named ``name i``: ``(users, employees)``."""
        company = {"company_id": cls.school_a.id}
        users = [cls.users["council"]] + [
            new_test_user(
                cls.env,
                login=f"{login}_{i}",
                password=f"{login}_{i}",
                groups=PREFIX + ROLE_GROUPS["council"],
                company_id=cls.school_a.id,
                company_ids=[cls.school_a.id],
            )
            for i in range(count)
        ]
        employees = cls.env["hr.employee"].create(
            [
                {"name": f"{name} {i}", "user_id": user.id, **employee_vals, **company}
                for i, user in enumerate(users)
            ]
        )
        return users, employees

    @classmethod
    def _council(cls, name, employees, kind=None, chair=True):
        """A council of school A for the year (``kind``: its default when None) of
        ``employees``; with ``chair`` the first one chairs it."""
        return cls.env["school.emulation.council"].create(
            {
                "name": name,
                **({"kind": kind} if kind else {}),
                "period_id": cls.year.id,
                "member_ids": [
                    Command.create(
                        {
                            "employee_id": emp.id,
                            **(
                                {"role": "chair" if not i else "member"}
                                if chair
                                else {}
                            ),
                        }
                    )
                    for i, emp in enumerate(employees)
                ],
                "company_id": cls.school_a.id,
            }
        )

    @classmethod
    def _end_posting(cls, proposals):
        """The public posting is over (as if the days had passed)."""
        with trusted_write(proposals._name):
            proposals.write({"posting_end": fields.Date.today() - timedelta(days=1)})

    @classmethod
    def _submit(cls, proposal, officer):
        """Posting done, dossier filled, submitted by ``officer`` (with an override:
        the candidates' past years are not part of the fixture)."""
        cls._end_posting(proposal)
        proposal = proposal.with_user(officer)
        proposal.action_prepare_dossier()
        attachment = cls.env["ir.attachment"].create(
            {"name": "to-trinh.pdf", "datas": base64.b64encode(b"%PDF-1.4 test")}
        )
        proposal.document_ids.sudo().write(
            {"attachment_ids": [Command.set(attachment.ids)]}
        )
        proposal.write({"override_reason": "Hồ sơ các năm trước lưu bản giấy"})
        proposal.action_submit()

    @classmethod
    def _setup_year(cls):
        """School A's year in every stage, for the tests that need a record of each
        kind (bad input, abuse cases, isolation): registrations accepted (with score
        sheets) and submitted, a closed movement, class weeks locked and open, a block,
        an initiative under review, exemplars published and not, a council session
        closed after a secret ballot, proposals in each stage up to a confirmed
        decision with its awards."""
        cls._setup_school()
        cls._setup_movement()
        env = cls.env
        company = {"company_id": cls.school_a.id}
        officer = cls.users["officer"]
        cls.year.action_open()
        Employee = env["hr.employee"]
        cls.emp_staff2 = Employee.create(
            {"name": "Giáo viên hai", "department_id": cls.dept.id, **company}
        )
        cls.emp_manager = Employee.create(
            {"name": "Hiệu trưởng", "user_id": cls.users["manager"].id, **company}
        )
        cls.cstdcs = env.ref(PREFIX + "title_cstdcs_2025")
        cls.form_xa = env.ref(PREFIX + "award_form_gk_xa_2025")
        cls.commune = env.ref(PREFIX + "authority_commune_chair")

        # registrations: the teacher's and the leader's accepted (score sheets), a
        # second teacher's sent and waiting for the leader
        cls.reg_staff = cls._register(cls.emp_staff)
        cls.reg_staff.with_user(cls.users["staff"]).action_submit()
        cls.reg_staff.with_user(cls.users["leader"]).action_accept()
        cls.reg_leader = cls._register(cls.emp_leader)
        cls.reg_leader.with_user(cls.users["leader"]).action_submit()
        cls.reg_leader.with_user(officer).action_accept()
        cls.reg_leader.score_ids.with_user(cls.users["leader"]).write({"self_score": 5})
        cls.reg_submitted = cls._register(cls.emp_staff2)
        cls.reg_submitted.with_user(officer).action_submit()
        cls.score = cls.reg_staff.score_ids.sorted("id")[0]
        Movement = env["school.emulation.movement"].with_user(officer)
        cls.movement_closed = Movement.create(
            {
                "name": "Dạy tốt, học tốt (đã kết thúc)",
                "period_id": cls.year.id,
                "criterion_set_id": cls.cset.id,
                "registration_deadline": "2040-10-15",
                **company,
            }
        )
        cls.movement_closed.action_launch()
        cls.movement_closed.action_start()
        cls.movement_closed.action_close()
        env["school.emulation.movement.activity"].create(
            {
                "movement_id": cls.movement.id,
                "name": "Hội giảng cấp trường",
                "date_start": "2040-11-10 07:30:00",
                "employee_ids": [Command.set(cls.emp_staff.ids)],
                **company,
            }
        )

        # people: ratings exist; a group rating, a discipline, a student's result
        env["school.emulation.unit.rating"].create(
            {
                "department_id": cls.dept.id,
                "period_id": cls.year.id,
                "rating": "httnv",
                **company,
            }
        )
        env["school.emulation.discipline"].create(
            {
                "employee_id": cls.emp_other.id,
                "kind": "discipline",
                "level": "warning",
                "date_start": "2040-10-01",
                **company,
            }
        )
        env["school.student.result"].create(
            {
                "student_id": cls.student_own.id,
                "class_id": cls.class_own.id,
                "period_id": cls.year.id,
                "conduct": "good",
                "learning": "good",
                **company,
            }
        )

        # class emulation: a locked week (ranked) and an open one
        class_set = env["school.emulation.criterion.set"].create(
            {
                "name": "Thi đua lớp",
                "criterion_ids": [
                    Command.create({"name": "Chuyên cần", "max_points": 50}),
                    Command.create({"name": "Vệ sinh", "max_points": 50}),
                ],
                **company,
            }
        )
        Week = env["school.emulation.class.week"].with_user(officer)
        cls.weeks = Week.browse()
        for monday in ("2040-09-03", "2040-09-10"):
            week = Week.create(
                {
                    "period_id": cls.year.id,
                    "week_start": monday,
                    "criterion_set_id": class_set.id,
                }
            )
            week.action_prepare_lines()
            for points, line in enumerate(week.line_ids.sorted("id")):
                line.points = 40 + points
            cls.weeks |= week
        cls.week_locked, cls.week_open = cls.weeks
        cls.week_locked.action_lock()

        # a block of schools scoring each other
        block_set = env["school.emulation.criterion.set"].create(
            {
                "name": "Tiêu chí khối",
                "criterion_ids": [
                    Command.create({"name": "Chất lượng", "max_points": 60})
                ],
                **company,
            }
        )
        cls.block = (
            env["school.emulation.block"]
            .with_user(officer)
            .create(
                {
                    "name": "Khối THCS",
                    "period_id": cls.year.id,
                    "criterion_set_id": block_set.id,
                    **company,
                }
            )
        )
        partners = env["res.partner"].create(
            [{"name": f"THCS Khối {n}", "is_company": True} for n in "AB"]
        )
        env["school.emulation.block.member"].create(
            [
                {"block_id": cls.block.id, "partner_id": p.id, "is_own_school": not i}
                for i, p in enumerate(partners)
            ]
        )
        cls.block.action_start_scoring()

        # the award council: the council user and two more members
        cls.council_users, council_emps = cls._council_members(
            2, "se_year_council", "Ủy viên", department_id=cls.dept_other.id
        )
        cls.council = cls._council("Hội đồng TĐKT 2040-2041", council_emps)

        # an initiative graded by the initiative council (its author recused)
        cls.initiative_council = cls._council(
            "Hội đồng sáng kiến", council_emps | cls.emp_leader, "initiative", False
        )
        cls.initiative = env["school.emulation.initiative"].create(
            {
                "name": "Dạy học theo dự án",
                "period_id": cls.year.id,
                "council_id": cls.initiative_council.id,
                "author_ids": [
                    Command.create({"employee_id": cls.emp_leader.id, "share": 100})
                ],
                **company,
            }
        )
        cls.initiative.action_submit()
        cls.initiative.with_user(officer).action_assign_graders()

        # exemplars: one published (recognised, shared with a class), one spotted
        Exemplar = env["school.emulation.exemplar"]
        with trusted_write(Exemplar._name):
            cls.exemplar_published = Exemplar.create(
                {
                    "name": "Tổ trưởng tận tụy",
                    "exemplar_type": "advanced_individual",
                    "subject_type": "employee",
                    "employee_id": cls.emp_leader.id,
                    "period_id": cls.year.id,
                    "state": "recognised",
                    "is_published": True,
                    "story": "<p>Hai mươi năm đứng lớp</p>",
                    **company,
                }
            )
        cls.exemplar_published.with_user(officer).replication_ids = [
            Command.create(
                {"kind": "adoption", "class_ids": [Command.set(cls.class_other.ids)]}
            )
        ]
        cls.exemplar = Exemplar.with_user(officer).create(
            {
                "name": "Câu lạc bộ STEM",
                "exemplar_type": "new_model",
                "subject_type": "class",
                "class_id": cls.class_own.id,
                "period_id": cls.year.id,
                **company,
            }
        )
        cls.exemplar.milestone_ids = [
            Command.create({"name": "Dự thi cấp trường", "date_deadline": "2041-01-15"})
        ]
        env["school.emulation.good.deed"].with_user(cls.users["staff"]).create(
            {
                "subject_type": "student",
                "student_id": cls.student_own.id,
                "class_id": cls.class_own.id,
                "description": "Nhặt được ví trả người đánh rơi",
            }
        )

        # proposals of the year, one per stage
        Proposal = env["school.emulation.proposal"].with_user(officer)

        def proposal(lines):
            return Proposal.create(
                {
                    "period_id": cls.year.id,
                    "level": "school",
                    "authority_id": cls.commune.id,
                    "line_ids": [
                        Command.create(
                            {"subject_type": "employee", "employee_id": emp.id, **award}
                        )
                        for emp, award in lines
                    ],
                    **company,
                }
            )

        ldtt, cstdcs = {"title_id": cls.ldtt.id}, {"title_id": cls.cstdcs.id}
        form = {"award_form_id": cls.form_xa.id}
        # decided: the council votes CSTĐCS by secret ballot, LĐTT by consensus
        cls.proposal_decided = proposal(
            [(cls.emp_staff, ldtt), (cls.emp_leader, ldtt), (cls.emp_leader, cstdcs)]
        )
        cls.council_session = (
            env["school.emulation.council.session"]
            .with_user(officer)
            .create(
                {
                    "name": "Họp xét cuối năm",
                    "council_id": cls.council.id,
                    "proposal_ids": [Command.set(cls.proposal_decided.ids)],
                }
            )
        )
        cls.council_session.action_prepare()
        cls.council_session.action_open(BALLOT_PASSPHRASE)
        for user in cls.council_users:
            cls.council_session.with_user(user).cast_vote(
                cls.council_session._ballot_lines()
            )
        cls.council_session.action_close(BALLOT_PASSPHRASE)
        cls.proposal_decided.action_council_review()
        cls.proposal_decided.action_publish()
        cls._submit(cls.proposal_decided, officer)
        action = cls.proposal_decided.with_user(officer).action_record_decision()
        cls.decision = env["school.emulation.decision"].browse(action["res_id"])
        cls.decision.with_user(officer).write(
            {"name": "125/QĐ-UBND", "date": "2041-07-15", "signer": "Chủ tịch UBND xã"}
        )
        cls.decision.with_user(officer).action_confirm()
        # draft: a candidate the council has not decided on yet
        cls.proposal_draft = proposal([(cls.emp_other, form)])
        # council reviewed, publicly posted (with a comment), submitted
        cls.proposal_reviewed = proposal([(cls.emp_staff2, form)])
        cls.proposal_published = proposal([(cls.emp_staff, form)])
        cls.proposal_submitted = proposal([(cls.emp_manager, form)])
        later = cls.proposal_reviewed | cls.proposal_published | cls.proposal_submitted
        later.line_ids.with_user(officer).action_approve()
        later.action_council_review()
        (cls.proposal_published | cls.proposal_submitted).action_publish()
        env["school.emulation.proposal.comment"].with_user(cls.users["staff"]).create(
            {"proposal_id": cls.proposal_published.id, "comment": "Đồng ý"}
        )
        cls._submit(cls.proposal_submitted, officer)


class SchoolEmulationCase(SchoolFixtures, TransactionCase):
    """Users per role (one per security group) in two schools (companies)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_users()
