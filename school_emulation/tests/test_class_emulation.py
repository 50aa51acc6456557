from datetime import date, timedelta

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SchoolEmulationCase


@tagged("post_install", "-at_install")
class TestClassEmulation(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls.class_third = cls.env["school.class"].create(
            {
                "name": "7A1",
                "grade": 7,
                "period_id": cls.year.id,
                "company_id": cls.school_a.id,
            }
        )
        cls.cset = cls.env["school.emulation.criterion.set"].create(
            {
                "name": "Thi đua lớp",
                "company_id": cls.school_a.id,
                "criterion_ids": [
                    Command.create({"name": "Chuyên cần", "max_points": 50}),
                    Command.create({"name": "Vệ sinh", "max_points": 50}),
                    Command.create(
                        {"name": "Việc tốt", "kind": "bonus", "max_points": 10}
                    ),
                    Command.create(
                        {"name": "Vi phạm", "kind": "penalty", "max_points": 20}
                    ),
                ],
            }
        )
        first = date(2040, 9, 1)
        cls.monday = first + timedelta(days=(7 - first.weekday()) % 7)
        cls.Week = cls.env["school.emulation.class.week"].with_user(
            cls.users["officer"]
        )

    def _week(self, monday, scores):
        """A week of every class; ``scores``: {class: (attend, clean, bonus, fault)}."""
        week = self.Week.create(
            {
                "period_id": self.year.id,
                "week_start": monday,
                "criterion_set_id": self.cset.id,
            }
        )
        week.action_prepare_lines()
        for line in week.line_ids:
            values = scores.get(line.class_id) or [0] * 4
            index = ["Chuyên cần", "Vệ sinh", "Việc tốt", "Vi phạm"].index(
                line.criterion_id.name
            )
            line.points = values[index]
        return week

    def results(self, week):
        return {r.class_id: (r.total, r.rank) for r in week.result_ids}

    def test_sheet_has_every_class_and_criterion(self):
        week = self._week(self.monday, {})
        self.assertEqual(len(week.line_ids), 3 * 4)
        self.assertEqual(week.number, 1)
        self.assertIn("1", week.display_name)
        week.action_prepare_lines()  # idempotent
        self.assertEqual(len(week.line_ids), 12)

    def test_penalty_lowers_total_and_equal_totals_share_rank(self):
        """Competition ranking on the total: equal totals share the rank whatever
        their penalty points (issue 18), the next rank skips."""
        week = self._week(
            self.monday,
            {
                self.class_own: (45, 40, 5, 0),  # 90
                self.class_other: (48, 45, 0, 3),  # 90, more penalty points
                self.class_third: (40, 40, 0, 0),  # 80
            },
        )
        res = self.results(week)
        self.assertEqual(res[self.class_own], (90, 1))
        self.assertEqual(res[self.class_other], (90, 1))
        self.assertEqual(res[self.class_third], (80, 3))
        line = week.line_ids.filtered(
            lambda s: s.class_id == self.class_own and s.kind == "penalty"
        )
        line.points = 10
        res = self.results(week)
        self.assertEqual(res[self.class_own], (80, 2))
        self.assertEqual(res[self.class_third], (80, 2))

    def test_lock_and_unlock_with_reason(self):
        week = self._week(self.monday, {self.class_own: (40, 40, 0, 0)})
        week.action_lock()
        self.assertEqual(week.state, "locked")
        line = week.line_ids[0]
        with self.assertRaisesRegex(UserError, "locked"):
            line.with_user(self.users["officer"]).points = 10
        with self.assertRaises(UserError):
            week.with_user(self.users["leader"]).action_unlock()
        week.lock_reason = ""
        with self.assertRaisesRegex(UserError, "reason"):
            week.action_unlock()
        week.lock_reason = "Sao đỏ chấm nhầm lớp 6A1"
        week.action_unlock()
        self.assertEqual(week.state, "open")
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = week.sudo().message_ids.tracking_value_ids.mapped("new_value_char")
        self.assertIn("Sao đỏ chấm nhầm lớp 6A1", tracked)
        line.points = 10
        self.assertEqual(line.points, 10)

    def test_out_of_range_and_duplicate_refused(self):
        week = self._week(self.monday, {})
        with self.assertRaises(ValidationError):
            week.line_ids[0].points = 51
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.cr.savepoint():
                self.env["school.emulation.class.score"].create(
                    {
                        "week_id": week.id,
                        "class_id": self.class_own.id,
                        "criterion_id": week.line_ids[0].criterion_id.id,
                    }
                )

    def test_week_must_start_on_monday_in_the_year(self):
        with self.assertRaisesRegex(ValidationError, "Monday"):
            self.Week.create(
                {
                    "period_id": self.year.id,
                    "week_start": self.monday + timedelta(days=1),
                    "criterion_set_id": self.cset.id,
                }
            )
        with self.assertRaisesRegex(ValidationError, "outside"):
            self.Week.create(
                {
                    "period_id": self.year.id,
                    "week_start": self.monday - timedelta(days=7),
                    "criterion_set_id": self.cset.id,
                }
            )

    def test_monthly_ranking_and_rollup_to_class_titles(self):
        """Two weeks: averages rank the classes; thresholds of the class titles in force
        (Lớp xuất sắc 90, Lớp tiên tiến 80, shipped data) give each class its title."""
        self._week(
            self.monday,
            {
                self.class_own: (48, 47, 0, 0),  # 95
                self.class_other: (40, 40, 0, 0),  # 80
                self.class_third: (35, 35, 0, 0),  # 70
            },
        )
        self._week(
            self.monday + timedelta(days=7),
            {
                self.class_own: (45, 45, 0, 0),  # 90
                self.class_other: (45, 40, 0, 0),  # 85
                self.class_third: (40, 35, 0, 0),  # 75
            },
        )
        end = self.monday + timedelta(days=13)
        ranked = self.env["school.emulation.class.result"]._rank_range(
            self.school_a, self.monday, end
        )
        self.assertEqual(ranked[self.class_own][0].total, 92.5)
        self.assertEqual(
            [
                ranked[c][1]
                for c in (self.class_own, self.class_other, self.class_third)
            ],
            [1, 2, 3],
        )
        classes = self.class_own | self.class_other | self.class_third
        rollup = classes._emulation_rollup(self.monday, end)
        self.assertEqual(rollup[self.class_own]["title"].code, "LOP_XS")
        self.assertEqual(rollup[self.class_other]["title"].code, "LOP_TT")
        self.assertFalse(rollup[self.class_third]["title"])
        self.assertEqual(rollup[self.class_other]["average"], 82.5)

    def test_month_ranks_equal_averages_alike(self):
        """Equal average totals over a month share the rank, as in a week, whatever
        their penalty points."""
        self._week(
            self.monday,
            {
                self.class_own: (40, 40, 0, 5),  # 75, with penalties
                self.class_other: (40, 35, 0, 0),  # 75
                self.class_third: (45, 45, 0, 0),  # 90
            },
        )
        ranked = self.env["school.emulation.class.result"]._rank_range(
            self.school_a, self.monday, self.monday + timedelta(days=6)
        )
        self.assertEqual(
            [
                ranked[c][1]
                for c in (self.class_third, self.class_own, self.class_other)
            ],
            [1, 2, 2],
        )

    def test_homeroom_teacher_sees_own_class_sheet(self):
        week = self._week(self.monday, {self.class_own: (40, 40, 0, 0)})
        Score = self.env["school.emulation.class.score"].with_user(self.users["leader"])
        lines = Score.search([("week_id", "=", week.id)])
        self.assertEqual(lines.class_id, self.class_own)
        Result = self.env["school.emulation.class.result"].with_user(
            self.users["staff"]
        )
        self.assertEqual(len(Result.search([("week_id", "=", week.id)])), 3)
        with self.assertRaises(UserError):
            lines[0].points = 5  # read only for the homeroom teacher
