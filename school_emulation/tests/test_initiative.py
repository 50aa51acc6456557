"""Initiatives (grading, recusal, normalisation, recognition), exemplars, good deeds
and the public page."""

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, tagged

from ..models.school_emulation_state_mixin import trusted_write
from .common import SchoolEmulationCase


@tagged("post_install", "-at_install")
class TestInitiative(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls.officer = cls.users["officer"]
        cls.grader_users, cls.grader_emps = cls._council_members(
            2, "se_grader", "Giám khảo", department_id=cls.dept_other.id
        )
        cls.council = cls._council(
            "Hội đồng sáng kiến",
            cls.grader_emps | cls.emp_leader,
            kind="initiative",
            chair=False,
        )
        cls.Initiative = cls.env["school.emulation.initiative"]

    def _initiative(self, name, authors, **vals):
        return self.Initiative.create(
            {
                "name": name,
                "period_id": self.year.id,
                "council_id": self.council.id,
                "company_id": self.school_a.id,
                "author_ids": [
                    Command.create({"employee_id": emp.id, "share": share})
                    for emp, share in authors
                ],
                **vals,
            }
        )

    def _grade(self, initiative, member, points):
        review = initiative.review_ids.filtered(lambda r: r.member_id == member)
        user = member.user_id or self.officer
        for line, value in zip(review.line_ids.sorted("sequence"), points, strict=True):
            line.with_user(user).points = value
        review.with_user(user).action_done()
        return review

    def test_contribution_shares_must_add_up(self):
        with self.assertRaisesRegex(ValidationError, "100"):
            self._initiative("Chia sai", [(self.emp_staff, 60), (self.emp_leader, 30)])
        ok = self._initiative(
            "Chia đúng", [(self.emp_staff, 60), (self.emp_leader, 40)]
        )
        ok.action_submit()
        self.assertEqual(ok.state, "submitted")
        empty = self._initiative("Chưa có tác giả", [])
        with self.assertRaisesRegex(UserError, "100"):
            empty.action_submit()

    def test_author_is_recused_and_logged(self):
        initiative = self._initiative("Học qua dự án", [(self.emp_leader, 100)])
        initiative.action_submit()
        initiative.action_assign_graders()
        leader_member = self.council.member_ids.filtered(
            lambda m: m.employee_id == self.emp_leader
        )
        self.assertEqual(len(initiative.review_ids), 3)
        self.assertNotIn(leader_member, initiative.review_ids.member_id)
        self.assertEqual(initiative.recusal_ids.member_id, leader_member)
        self.assertIn("recused", initiative.message_ids[0].body)
        Review = self.env["school.emulation.initiative.review"]
        vals = {"initiative_id": initiative.id, "member_id": leader_member.id}
        # a client never makes a grading sheet; the server refuses a recused one
        with self.assertRaisesRegex(UserError, "workflow"):
            Review.with_user(self.officer).create(vals)
        with (
            self.assertRaisesRegex(ValidationError, "may not grade"),
            trusted_write(Review._name),
        ):
            Review.create(vals)

    def test_same_group_recusal_when_configured(self):
        self.council.exclude_author_department = True
        initiative = self._initiative("Cùng tổ", [(self.emp_staff, 100)])
        initiative.action_submit()
        initiative.action_assign_graders()
        # The leader is in the author's group (Tổ Toán): recused too.
        self.assertIn(self.emp_leader, initiative.recusal_ids.member_id.employee_id)

    def test_three_graders_normalised_and_outlier(self):
        # Four initiatives by a teacher outside the council; graders 0 and 1
        # agree, grader 2 reverses the order, the leader is lenient.
        works = [
            self._initiative(f"Sáng kiến {i}", [(self.emp_staff, 100)])
            for i in range(4)
        ]
        for w in works:
            w.action_submit()
            w.action_assign_graders()
        members = self.council.member_ids.sorted("id")
        plan = {
            members[0]: [[9, 9, 9, 9], [8, 8, 8, 8], [7, 7, 7, 7], [6, 6, 6, 6]],
            members[1]: [[9, 8, 9, 9], [8, 7, 8, 8], [6, 7, 7, 7], [5, 6, 6, 6]],
            members[2]: [[5, 5, 5, 5], [7, 7, 7, 7], [8, 8, 8, 8], [9, 9, 9, 9]],
            members[3]: [[10, 10, 10, 10], [10, 9, 10, 9], [9, 9, 9, 9], [9, 8, 9, 8]],
        }
        for member, rows in plan.items():
            for work, points in zip(works, rows, strict=True):
                self._grade(work, member, points)
        self.assertEqual(set(w.state for w in works), {"graded"})
        self.assertEqual(works[0].review_ids[0].total, 90.0)
        scores = [w.score_normalised for w in works]
        self.assertEqual(scores, sorted(scores, reverse=True), scores)
        outliers = works[0].review_ids.filtered("outlier").member_id
        self.assertEqual(outliers, members[2])

    def test_only_the_grader_fills_his_sheet(self):
        initiative = self._initiative("Riêng tư", [(self.emp_staff, 100)])
        initiative.action_submit()
        initiative.action_assign_graders()
        review = initiative.review_ids.filtered(
            lambda r: r.user_id == self.grader_users[0]
        )
        with self.assertRaisesRegex(UserError, "Only"):
            review.line_ids[0].with_user(self.grader_users[1]).write({"points": 5})
        with self.assertRaisesRegex(ValidationError, "between 0 and"):
            review.line_ids[0].with_user(self.grader_users[0]).write({"points": 11})

    def test_recognised_scope_changes_eligibility(self):
        """CSTĐCS under the 2026 criterion set needs HTXSNV AND an initiative."""
        self.ratings["staff"].rating = "htxsnv"
        Engine = self.env["school.emulation.eligibility"]
        pending = {f"employee:{self.emp_staff.id}": {"LDTT"}}
        before = Engine.evaluate(
            "CSTDCS", self.year, self.emp_staff, variant="law2026", pending=pending
        )[self.emp_staff.id]
        self.assertFalse(before["eligible"])
        self.assertIn("no_initiative", before["codes"])
        initiative = self._initiative("Có hiệu quả", [(self.emp_staff, 100)])
        initiative.action_submit()
        initiative.action_assign_graders()
        for member in initiative.review_ids.member_id:
            self._grade(initiative, member, [8, 8, 8, 8])
        initiative.write({"recognised_scope": "school", "recognition_number": "5/QĐ"})
        initiative.action_recognise()
        after = Engine.evaluate(
            "CSTDCS", self.year, self.emp_staff, variant="law2026", pending=pending
        )[self.emp_staff.id]
        self.assertTrue(after["eligible"], after["reasons"])

    def test_publish_only_recognised(self):
        initiative = self._initiative("Chưa công nhận", [(self.emp_staff, 100)])
        with self.assertRaisesRegex(UserError, "recognised"):
            initiative.with_user(self.officer).write({"is_published": True})


@tagged("post_install", "-at_install")
class TestExemplar(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls.officer = cls.users["officer"]
        cls.Exemplar = cls.env["school.emulation.exemplar"].with_user(cls.officer)

    def test_lifecycle(self):
        ex = self.Exemplar.create(
            {
                "name": "Câu lạc bộ STEM",
                "exemplar_type": "new_model",
                "subject_type": "class",
                "class_id": self.class_own.id,
                "company_id": self.school_a.id,
            }
        )
        self.assertEqual(ex.state, "spotted")
        with self.assertRaisesRegex(UserError, "criteria"):
            ex.action_nurture()
        ex.write(
            {
                "criteria": "3 sản phẩm dự thi cấp tỉnh",
                "mentor_id": self.emp_leader.id,
                "milestone_ids": [
                    Command.create(
                        {"name": "Dự thi cấp trường", "date_deadline": "2041-01-15"}
                    )
                ],
            }
        )
        self.assertEqual(ex.activity_ids.summary, "Dự thi cấp trường")
        ex.action_nurture()
        with self.assertRaisesRegex(UserError, "recognised or replicated"):
            ex.action_publish()
        ex.action_recognise()
        with self.assertRaisesRegex(UserError, "sharing session"):
            ex.action_replicate()
        ex.replication_ids = [
            Command.create(
                {"kind": "adoption", "class_ids": [Command.set(self.class_other.ids)]}
            )
        ]
        ex.action_replicate()
        ex.action_publish()
        self.assertTrue(ex.is_published)
        with self.assertRaisesRegex(UserError, "cannot go from"):
            ex.action_recognise()
        ex.action_archive_exemplar()
        self.assertFalse(ex.is_published)
        with self.assertRaisesRegex(UserError, "officer"):
            ex.with_user(self.users["staff"]).action_respot()

    def test_good_deed_to_adhoc_award_and_exemplar(self):
        deed = (
            self.env["school.emulation.good.deed"]
            .with_user(self.users["staff"])
            .create(
                {
                    "subject_type": "student",
                    "student_name": "Học sinh A",
                    "class_id": self.class_own.id,
                    "description": "Nhặt được ví trả người đánh rơi",
                }
            )
        )
        self.assertEqual(deed.reported_by, self.users["staff"])
        with self.assertRaisesRegex(UserError, "officer"):
            deed.action_propose_award()
        deed = deed.with_user(self.officer)
        with self.assertRaisesRegex(UserError, "Link the student"):
            deed.action_propose_award()
        deed.student_id = self.student_own
        action = deed.action_propose_award()
        self.assertEqual(action["context"]["default_student_id"], self.student_own.id)
        self.assertEqual(deed.state, "proposed")
        deed.action_make_exemplar()
        self.assertEqual(deed.exemplar_id.exemplar_type, "good_deed")
        with self.assertRaisesRegex(ValidationError, "student"):
            self.env["school.emulation.good.deed"].create(
                {"subject_type": "student", "description": "Không tên"}
            )


@tagged("post_install", "-at_install")
class TestPublicPage(HttpCase):
    def test_public_page_shows_only_published(self):
        school = self.env["res.company"].create({"name": "THCS Công khai"})
        year = self.env["school.emulation.period"].create(
            {
                "name": "2040-2041",
                "date_start": "2040-09-01",
                "date_end": "2041-08-31",
                "company_id": school.id,
            }
        )
        cls = self.env["school.class"].create(
            {"name": "9A9", "grade": 9, "period_id": year.id, "company_id": school.id}
        )
        student = self.env["school.student"].create(
            {
                "code": "HS-PUBLIC-1",
                "name": "Nguyễn Văn Em",
                "class_id": cls.id,
                "birth_date": "2011-03-04",
                "company_id": school.id,
            }
        )
        Exemplar = self.env["school.emulation.exemplar"]
        # fixtures in their published state (the workflow is tested elsewhere)
        with trusted_write(Exemplar._name):
            common = {
                "company_id": school.id,
                "period_id": year.id,
                "state": "recognised",
            }
            Exemplar.create(
                {
                    "name": "Tấm gương nhặt được của rơi",
                    "exemplar_type": "good_deed",
                    "subject_type": "student",
                    "student_id": student.id,
                    "story": "<p>Trả lại ví</p><script>alert('x')</script>",
                    "is_published": True,
                    **common,
                }
            )
            Exemplar.create(
                {
                    "name": "Điển hình chưa công bố",
                    "subject_type": "school",
                    **common,
                }
            )
        response = self.url_open(f"/thi-dua/guong-dien-hinh/{school.id}")
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn("Tấm gương nhặt được của rơi", page)
        self.assertIn("Nguyễn Văn Em - 9A9", page)
        self.assertNotIn("Điển hình chưa công bố", page)
        self.assertNotIn("HS-PUBLIC-1", page)
        self.assertNotIn("2011", page)
        self.assertNotIn("<script>alert", page)
        # No photo route for a student's exemplar.
        published = Exemplar.search([("is_published", "=", True)], limit=1)
        image = self.url_open(f"/thi-dua/guong-dien-hinh/anh/{published.id}")
        self.assertEqual(image.status_code, 404)
