import json

from odoo import Command
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

PREFIX = "school_emulation."


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


class SchoolEmulationCase(TransactionCase):
    """Users per role (one per security group) in two schools (companies)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.school_a = cls.env["res.company"].create({"name": "THCS Test A"})
        cls.school_b = cls.env["res.company"].create({"name": "THCS Test B"})
        cls.users = {}
        for role, group in ROLE_GROUPS.items():
            cls.users[role] = new_test_user(
                cls.env,
                login=f"se_{role}",
                groups=PREFIX + group,
                company_id=cls.school_a.id,
                company_ids=[cls.school_a.id],
            )
        cls.officer_b = new_test_user(
            cls.env,
            login="se_officer_b",
            groups=PREFIX + ROLE_GROUPS["officer"],
            company_id=cls.school_b.id,
            company_ids=[cls.school_b.id],
        )
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
