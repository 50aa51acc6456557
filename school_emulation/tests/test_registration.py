from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import SchoolEmulationCase


@tagged("post_install", "-at_install")
class TestRegistration(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls._setup_movement()

    def test_flow_submit_accept_prepares_sheet(self):
        reg = self._register(self.emp_staff).with_user(self.users["staff"])
        self.assertEqual(reg.user_id, self.users["staff"])
        self.assertEqual(reg.leader_user_id, self.users["leader"])
        self.assertEqual(reg.group_name, self.dept.display_name)
        reg.action_submit()
        self.assertEqual(reg.state, "submitted")
        with self.assertRaises(UserError):
            reg.action_accept()  # a staff member cannot accept their own
        reg.with_user(self.users["leader"]).action_accept()
        self.assertEqual(reg.state, "accepted")
        self.assertEqual(len(reg.score_ids), 4, "one line per criterion, no section")

    def test_return_needs_reason_and_can_resubmit(self):
        reg = self._register(self.emp_staff)
        reg.with_user(self.users["staff"]).action_submit()
        leader_reg = reg.with_user(self.users["leader"])
        with self.assertRaises(UserError):
            leader_reg.action_return("  ")
        wizard = (
            self.env["school.emulation.registration.return"]
            .with_user(self.users["leader"])
            .create({"registration_ids": [reg.id], "reason": "Thiếu chỉ tiêu cụ thể"})
        )
        wizard.action_confirm()
        self.assertEqual(
            (reg.state, reg.return_reason), ("returned", "Thiếu chỉ tiêu cụ thể")
        )
        reg.with_user(self.users["staff"]).action_submit()
        self.assertEqual(reg.state, "submitted")
        self.assertFalse(reg.return_reason)

    def test_refused_transitions(self):
        reg = self._register(self.emp_staff)
        with self.assertRaises(UserError):
            reg.with_user(self.users["officer"]).action_accept()  # draft -> accepted
        with self.assertRaises(UserError):
            reg.with_user(self.users["officer"]).action_reset_to_draft()

    def test_deadline_enforced_except_for_officer(self):
        self.movement.registration_deadline = "2020-01-01"
        reg = self._register(self.emp_staff)
        with self.assertRaisesRegex(UserError, "deadline"):
            reg.with_user(self.users["staff"]).action_submit()
        self.assertEqual(reg.state, "draft")
        reg.with_user(self.users["officer"]).action_submit()
        self.assertEqual(reg.state, "submitted")

    def test_closed_movement_refuses_registrations(self):
        self.movement.with_user(self.users["officer"]).action_close()
        reg = self._register(self.emp_staff)
        with self.assertRaisesRegex(UserError, "not open"):
            reg.with_user(self.users["officer"]).action_submit()

    def test_one_registration_per_subject_movement_title(self):
        self._register(self.emp_staff)
        with self.assertRaisesRegex(UserError, "already registered"):
            self._register(self.emp_staff)
        # the database keeps its own guard for concurrent requests
        self.cr.execute(
            "SELECT 1 FROM pg_indexes WHERE indexname = %s",
            ["school_emulation_registration_subject_uniq"],
        )
        self.assertTrue(self.cr.fetchone())
        cstdcs = self.env.ref("school_emulation.title_cstdcs_2025")
        self.assertTrue(self._register(self.emp_staff, title_id=cstdcs.id))

    def test_subject_required(self):
        with self.assertRaises(UserError):
            self._register(self.env["hr.employee"])

    def test_staff_registers_only_themselves(self):
        Registration = self.env["school.emulation.registration"].with_user(
            self.users["staff"]
        )
        own = Registration.create(
            {
                "movement_id": self.movement.id,
                "employee_id": self.emp_staff.id,
                "title_id": self.ldtt.id,
            }
        )
        self.assertEqual(own.user_id, self.users["staff"])
        with self.assertRaises(AccessError):
            Registration.create(
                {
                    "movement_id": self.movement.id,
                    "employee_id": self.emp_other.id,
                    "title_id": self.ldtt.id,
                }
            )

    def test_bulk_registration_wizard(self):
        """A group leader registers the whole group; existing ones are not doubled."""
        self._register(self.emp_staff)
        wizard = (
            self.env["school.emulation.movement.register"]
            .with_user(self.users["leader"])
            .create(
                {
                    "movement_id": self.movement.id,
                    "department_id": self.dept.id,
                    "title_id": self.ldtt.id,
                    "submit": True,
                }
            )
        )
        self.assertEqual(wizard.subject_count, 2)
        action = wizard.action_confirm()
        regs = self.env["school.emulation.registration"].search(action["domain"])
        self.assertEqual(regs.employee_id, self.emp_staff | self.emp_leader)
        new = regs.filtered(lambda r: r.employee_id == self.emp_leader)
        self.assertEqual(new.state, "submitted")
        # a class of students
        students = self.env["school.emulation.movement.register"].create(
            {
                "movement_id": self.movement.id,
                "subject_type": "student",
                "class_id": self.class_own.id,
                "title_id": self.env.ref("school_emulation.title_hs_gioi_2021").id,
            }
        )
        regs = self.env["school.emulation.registration"].search(
            students.action_confirm()["domain"]
        )
        self.assertEqual(regs.student_id, self.student_own)
        self.assertEqual(regs.group_name, self.class_own.display_name)

    def test_bulk_registration_needs_a_title_and_people(self):
        wizard = self.env["school.emulation.movement.register"].create(
            {"movement_id": self.movement.id, "department_id": self.dept.id}
        )
        with self.assertRaises(UserError):
            wizard.action_confirm()
        empty = self.env["hr.department"].create(
            {"name": "Tổ trống", "company_id": self.school_a.id}
        )
        wizard.write({"department_id": empty.id, "title_id": self.ldtt.id})
        with self.assertRaises(UserError):
            wizard.action_confirm()

    def test_smart_buttons(self):
        reg = self._register(self.emp_staff)
        self.assertEqual(self.emp_staff.registration_count, 1)
        self.assertEqual(self.dept.registration_count, 0)
        action = self.emp_staff.action_view_registrations()
        self.assertEqual(self.env[action["res_model"]].search(action["domain"]), reg)
        self.assertEqual(self.movement.registration_count, 1)


@tagged("post_install", "-at_install")
class TestScoring(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls._setup_movement()
        cls.reg = cls._register(cls.emp_staff)
        cls.reg.with_user(cls.users["officer"]).action_submit()
        cls.reg.with_user(cls.users["officer"]).action_accept()
        cls.lines = {s.criterion_id.name: s for s in cls.reg.score_ids}

    def test_self_group_final_and_totals(self):
        teach = self.lines["Giảng dạy"]
        teach.with_user(self.users["staff"]).write(
            {"self_score": 48, "self_comment": "Tự chấm"}
        )
        self.assertEqual((teach.points, teach.self_user_id), (48, self.users["staff"]))
        teach.with_user(self.users["leader"]).group_score = 45
        self.assertEqual(
            (teach.points, teach.group_user_id), (45, self.users["leader"])
        )
        teach.with_user(self.users["council"]).final_score = 46
        self.assertEqual(
            (teach.points, teach.final_user_id), (46, self.users["council"])
        )
        self.lines["Chủ nhiệm"].with_user(self.users["officer"]).final_score = 38
        self.lines["Giải thưởng"].with_user(self.users["officer"]).final_score = 5
        self.lines["Vi phạm"].with_user(self.users["officer"]).final_score = 2
        self.assertEqual(
            (self.reg.standard_total, self.reg.bonus_total, self.reg.penalty_total),
            (84, 5, 2),
        )
        self.assertEqual(self.reg.total_score, 87, "46 + 38 + 5 - 2")
        self.assertEqual(self.reg.band, "Tốt")
        self.assertEqual(self.reg.progress, 100)

    def test_out_of_range_refused(self):
        for value in (-1, 50.5):
            with self.subTest(value=value), self.assertRaises(ValidationError):
                self.lines["Giảng dạy"].with_user(
                    self.users["staff"]
                ).self_score = value
        with self.assertRaises(ValidationError):
            self.lines["Vi phạm"].with_user(self.users["officer"]).final_score = 11
        self.assertFalse(self.lines["Giảng dạy"].self_user_id)

    def test_scoring_outside_role_refused(self):
        teach = self.lines["Giảng dạy"]
        with self.assertRaisesRegex(UserError, "group"):
            teach.with_user(self.users["staff"]).group_score = 40
        with self.assertRaisesRegex(UserError, "council"):
            teach.with_user(self.users["leader"]).final_score = 40
        with self.assertRaises(UserError):
            teach.with_user(self.users["council"]).self_score = 40
        self.assertEqual(teach.points, 0)

    def test_locked_sheet_refused_and_unlock_tracked(self):
        officer_reg = self.reg.with_user(self.users["officer"])
        with self.assertRaises(UserError):
            officer_reg.action_lock_scores("")
        with self.assertRaises(UserError):
            self.reg.with_user(self.users["leader"]).action_lock_scores("Chốt điểm")
        officer_reg.action_lock_scores("Chốt điểm học kỳ I")
        with self.assertRaisesRegex(UserError, "locked"):
            self.lines["Giảng dạy"].with_user(self.users["officer"]).final_score = 40
        officer_reg.action_unlock_scores("Điều chỉnh theo minh chứng bổ sung")
        self.lines["Giảng dạy"].with_user(self.users["officer"]).final_score = 40
        self.assertEqual(self.reg.total_score, 40)
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking values are written at commit time
        tracked = self.reg.message_ids.tracking_value_ids.mapped("new_value_char")
        self.assertIn("Điều chỉnh theo minh chứng bổ sung", tracked)

    def test_not_accepted_cannot_be_scored(self):
        self.reg.with_user(self.users["leader"]).action_return("Bổ sung")
        with self.assertRaisesRegex(UserError, "not accepted"):
            self.lines["Giảng dạy"].with_user(self.users["officer"]).final_score = 10

    def test_ranking_with_ties_and_groups(self):
        """Equal totals share a rank unless fewer penalties break the tie."""
        regs = self.reg
        for emp in (self.emp_leader, self.emp_other):
            reg = self._register(emp)
            reg.with_user(self.users["officer"]).action_submit()
            reg.with_user(self.users["officer"]).action_accept()
            regs |= reg
        officer = self.users["officer"]
        scores = {
            # registration: (teaching, homeroom, penalty)
            self.reg: (40, 40, 0),  # 80
            regs[1]: (45, 37, 2),  # 80, more penalties
            regs[2]: (40, 40, 0),  # 80, equal to the first: shares rank 1
        }
        for reg, (teach, home, pen) in scores.items():
            by_name = {s.criterion_id.name: s.with_user(officer) for s in reg.score_ids}
            by_name["Giảng dạy"].final_score = teach
            by_name["Chủ nhiệm"].final_score = home
            by_name["Vi phạm"].final_score = pen
        regs.invalidate_recordset(["rank_movement", "rank_group"])
        self.assertEqual(regs.mapped("total_score"), [80, 80, 80])
        self.assertEqual(regs.mapped("rank_movement"), [1, 3, 1])
        # reg and regs[1] are in the same group (Tổ Toán); regs[2] alone in Tổ Văn
        self.assertEqual(regs.mapped("rank_group"), [1, 2, 1])
        self.assertEqual(regs.mapped("band"), ["Tốt", "Tốt", "Tốt"])
        # staff see their rank among all, not only among what they may read
        self.assertEqual(self.reg.with_user(self.users["staff"]).rank_movement, 1)

    def test_lock_from_the_form_uses_the_typed_reason(self):
        officer_reg = self.reg.with_user(self.users["officer"])
        officer_reg.lock_reason = "Chốt điểm cuối năm"
        officer_reg.action_lock_scores()
        self.assertTrue(self.reg.scores_locked)
        officer_reg.lock_reason = ""
        with self.assertRaisesRegex(UserError, "reason"):
            officer_reg.action_unlock_scores()
        self.assertTrue(self.reg.scores_locked)
