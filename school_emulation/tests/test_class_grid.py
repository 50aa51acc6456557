"""Issue 18, item 4: a class x criterion grid for the class emulation week.

The grid is a view on the week's score lines; the class emulation scorer (Liên đội /
Sao đỏ) enters the weeks of own school and nothing else; a new week defaults its
criteria set and "Next week" copies set and classes; equal totals share the rank;
the trend graph has one line per class; the phone list shows the points."""

from datetime import date, timedelta
from unittest.mock import patch

from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, new_test_user, tagged

from .common import PREFIX, SchoolEmulationCase, SchoolFixtures

SCORER_GROUP = PREFIX + "group_school_emulation_class_scorer"
CRITERIA = ("Chuyên cần", "Vệ sinh", "Việc tốt", "Vi phạm")
# what the class scorer may do, model by model; every other model: nothing
SCORER_RIGHTS = {
    "school.emulation.class.week": "rwc",
    "school.emulation.class.score": "rwc",
    "school.emulation.class.result": "r",
    "school.class": "r",
    "school.emulation.period": "r",
    "school.emulation.criterion.set": "r",
    "school.emulation.criterion": "r",
}
OPERATIONS = {"r": "read", "w": "write", "c": "create", "d": "unlink"}


class ClassGridFixtures(SchoolFixtures):
    @classmethod
    def _setup_class_grid(cls):
        """School A's year with four classes (6A1, 6A2, 7A2, 8A1), a class criteria
        set (two standard, a bonus, a penalty) and a class scorer in each school."""
        cls._setup_school()
        in_year = {"company_id": cls.school_a.id, "period_id": cls.year.id}
        Class = cls.env["school.class"]
        cls.class_7a2 = Class.create({"name": "7A2", "grade": 7, **in_year})
        cls.class_8a1 = Class.create({"name": "8A1", "grade": 8, **in_year})
        cls.classes = cls.class_own | cls.class_other | cls.class_7a2 | cls.class_8a1
        cls.cset = cls._class_set(cls.school_a)
        cls.monday = date(2040, 9, 3)
        cls.scorer = cls._scorer("se_class_scorer", cls.school_a)
        cls.scorer_b = cls._scorer("se_class_scorer_b", cls.school_b)

    @classmethod
    def _class_set(cls, company):
        return cls.env["school.emulation.criterion.set"].create(
            {
                "name": "Thi đua lớp (Liên đội)",
                "company_id": company.id,
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

    @classmethod
    def _scorer(cls, login, company):
        return new_test_user(
            cls.env,
            login=login,
            password=login,
            groups=SCORER_GROUP,
            company_id=company.id,
            company_ids=[company.id],
        )


@tagged("post_install", "-at_install")
class TestClassGrid(ClassGridFixtures, SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_class_grid()
        cls.Week = cls.env["school.emulation.class.week"].with_user(cls.scorer)

    def _week(self, monday=None, scores=None, user=None):
        """A week of every class, entered by ``user`` (the scorer) as the grid
        saves it: one write of the week. ``scores``: {class: 4 points}."""
        week = (self.Week.with_user(user) if user else self.Week).create(
            {
                "period_id": self.year.id,
                "week_start": monday or self.monday,
                "criterion_set_id": self.cset.id,
            }
        )
        week.action_prepare_lines()
        if scores:
            week.write(
                {
                    "line_ids": [
                        Command.update(
                            line.id,
                            {
                                "points": scores[line.class_id][
                                    CRITERIA.index(line.criterion_id.name)
                                ]
                            },
                        )
                        for line in week.line_ids
                        if line.class_id in scores
                    ]
                }
            )
        return week

    def _ranks(self, week):
        return {r.class_id.name: (r.total, r.rank) for r in week.result_ids}

    # --- equal totals share the rank ----------------------------------------------
    def test_equal_totals_share_the_rank(self):
        """7A2 and 8A1 both total 77.50 (with different penalty and standard
        points): both are 2nd, the next class is 4th (competition ranking)."""
        week = self._week(
            scores={
                self.class_own: (50, 45, 0, 0),  # 95
                self.class_7a2: (40, 40, 0, 2.5),  # 77.50, penalty points
                self.class_8a1: (38, 39.5, 0, 0),  # 77.50, fewer standard points
                self.class_other: (35, 35, 0, 0),  # 70
            }
        )
        self.assertEqual(
            self._ranks(week),
            {"6A1": (95, 1), "7A2": (77.5, 2), "8A1": (77.5, 2), "6A2": (70, 4)},
        )

    # --- the grid is a view on the week's score lines --------------------------------
    def test_grid_is_a_view_on_the_week_lines(self):
        """The week form shows the lines as a class x criterion matrix of points,
        and loads every line of a week (no pager: 8 classes x 8 criteria = 64)."""
        arch = etree.fromstring(
            self.Week.get_views([(False, "form")])["views"]["form"]["arch"]
        )
        [grid] = arch.xpath("//field[@name='line_ids'][@widget='x2many_2d_matrix']")
        self.assertEqual(
            (
                grid.get("field_y_axis"),
                grid.get("field_x_axis"),
                grid.get("field_value"),
            ),
            ("class_id", "criterion_id", "points"),
        )
        self.assertGreaterEqual(int(grid.xpath("list")[0].get("limit")), 600)

    def test_grid_save_ranks_once(self):
        """Saving the grid (one write of the week with every changed line) updates
        the existing lines and ranks the week once."""
        week = self._week()
        lines = week.line_ids
        Week = type(self.env["school.emulation.class.week"])
        compute = Week._compute_results
        with patch.object(
            Week, "_compute_results", autospec=True, side_effect=compute
        ) as ranked:
            week.write(
                {
                    "line_ids": [
                        Command.update(line.id, {"points": 5}) for line in lines[:8]
                    ]
                }
            )
        self.assertEqual(ranked.call_count, 1)
        self.assertEqual(week.line_ids, lines, "no line added or removed")
        # 6A1 and 6A2: 5 + 5 standard, 5 bonus, 5 penalty each
        self.assertEqual(sum(week.result_ids.mapped("total")), 2 * 10)

    def test_scorer_enters_the_grid_through_the_form(self):
        """The scorer opens the week, types points in the form and saves."""
        week = self._week()
        with Form(week) as form:
            with form.line_ids.edit(0) as line:
                line.points = 12
        first = week.line_ids[0]
        self.assertEqual(first.points, 12)
        self.assertIn(12, week.result_ids.mapped("total"))

    # --- the criteria set of a new week -----------------------------------------------
    def test_new_week_takes_the_previous_week_set(self):
        """A new week defaults to the set of its school's previous week: in the
        form once the Monday is chosen, and for a client that sends no set."""
        self._week()
        form = Form(self.Week)
        form.period_id = self.year
        form.week_start = self.monday + timedelta(days=7)
        self.assertEqual(form.criterion_set_id, self.cset)
        self.assertEqual(form.save().create_uid, self.scorer, "the scorer's form")
        week = self.Week.create(
            {"period_id": self.year.id, "week_start": self.monday + timedelta(days=14)}
        )
        self.assertEqual(week.criterion_set_id, self.cset)

    def test_new_week_takes_the_newest_version_of_own_school_set(self):
        """The default is the newest version of the set, and never another
        school's set (school B has a later week)."""
        self._week()
        year_b = self._period("2040-2041 B", "2040-09-01", "2041-08-31", self.school_b)
        set_b = self._class_set(self.school_b)
        self.env["school.emulation.class.week"].with_user(self.scorer_b).create(
            {
                "period_id": year_b.id,
                "week_start": self.monday + timedelta(days=7),
                "criterion_set_id": set_b.id,
                "company_id": self.school_b.id,
            }
        )
        action = self.cset.with_user(self.users["officer"]).action_new_version()
        version_2 = self.cset.browse(action["res_id"])
        week = self.Week.create(
            {"period_id": self.year.id, "week_start": self.monday + timedelta(days=14)}
        )
        self.assertEqual(week.criterion_set_id, version_2)

    # --- next week ----------------------------------------------------------------
    def test_next_week_copies_set_and_classes(self):
        """ "Next week" opens the following Monday's week of the same set and the
        same classes, without points; a second call opens the same week."""
        three = self.class_own | self.class_other | self.class_7a2
        week = self.Week.create(
            {
                "period_id": self.year.id,
                "week_start": self.monday,
                "line_ids": [
                    Command.create(
                        {"class_id": cls.id, "criterion_id": crit.id, "points": 10}
                    )
                    for cls in three
                    for crit in self.cset.criterion_ids
                ],
                "criterion_set_id": self.cset.id,
            }
        )
        week.with_user(self.users["officer"]).action_lock()
        action = week.action_next_week()
        following = self.Week.browse(action["res_id"])
        self.assertEqual(following.week_start, self.monday + timedelta(days=7))
        self.assertEqual(following.criterion_set_id, self.cset)
        self.assertEqual(following.line_ids.class_id, three)
        self.assertEqual(len(following.line_ids), 3 * 4)
        self.assertEqual(set(following.line_ids.mapped("points")), {0})
        self.assertEqual(following.state, "open")
        self.assertEqual(week.action_next_week()["res_id"], following.id)
        self.assertEqual(self.Week.search_count([("week_start", ">=", self.monday)]), 2)

    def test_no_next_week_after_the_school_year(self):
        last = self._week(monday=date(2041, 8, 26))
        with self.assertRaisesRegex(UserError, "last week"):
            last.action_next_week()

    # --- the class scorer (Liên đội / Sao đỏ) -----------------------------------------
    def test_scorer_enters_a_week_of_own_school(self):
        """The scorer creates the week, adds every class, scores and opens the next
        week; the ranking follows."""
        week = self._week(scores={self.class_own: (45, 45, 5, 0)})
        self.assertEqual(week.create_uid, self.scorer)
        self.assertEqual(len(week.line_ids), 4 * 4)
        self.assertTrue(week.can_score)
        week.line_ids[:1].write({"points": 40, "note": "Sĩ số đủ"})
        self.assertEqual(self._ranks(week)["6A1"], (90, 1))
        self.assertTrue(week.action_next_week()["res_id"])

    def test_scorer_cannot_lock_or_unlock(self):
        week = self._week()
        self.assertFalse(week.can_lock)
        with self.assertRaisesRegex(UserError, "officer"):
            week.action_lock()
        week.with_user(self.users["officer"]).action_lock()
        week.with_user(self.users["officer"]).lock_reason = "Chấm lại"
        with self.assertRaisesRegex(UserError, "officer"):
            week.action_unlock()
        with self.assertRaisesRegex(UserError, "locked"):
            week.line_ids[:1].points = 5
        self.assertEqual(week.state, "locked")

    def test_scorer_writes_the_sheet_only(self):
        """The lock reason, the school and the line's fields other than points and
        note are the officer's (whatever the client sends)."""
        week = self._week()
        for vals in (
            {"lock_reason": "Sao đỏ mở lại"},
            {"company_id": self.school_b.id},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "officer"):
                week.write(vals)
        with self.assertRaisesRegex(UserError, "officer"):
            week.line_ids[:1].write({"company_id": self.school_b.id})
        with self.assertRaisesRegex(UserError, "officer"):
            self.Week.create(
                {
                    "period_id": self.year.id,
                    "week_start": self.monday + timedelta(days=7),
                    "lock_reason": "x",
                }
            )
        with self.assertRaisesRegex(UserError, "officer"):
            self.Week.with_context(default_lock_reason="x").create(
                {"period_id": self.year.id, "week_start": self.monday + timedelta(7)}
            )
        self.assertFalse(week.lock_reason)
        self.assertEqual(week.company_id, self.school_a)

    def test_scorer_of_another_school_is_refused(self):
        """School B's scorer neither sees nor changes school A's weeks."""
        week = self._week()
        Week_b = self.env["school.emulation.class.week"].with_user(self.scorer_b)
        self.assertFalse(Week_b.search([("id", "=", week.id)]))
        with self.assertRaises(AccessError):
            week.with_user(self.scorer_b).read(["state"])
        with self.assertRaises(AccessError):
            week.line_ids[:1].with_user(self.scorer_b).write({"points": 1})
        with self.assertRaises(AccessError):
            self.env["school.emulation.class.score"].with_user(self.scorer_b).create(
                {
                    "week_id": week.id,
                    "class_id": self.class_own.id,
                    "criterion_id": self.cset.criterion_ids[0].id,
                }
            )
        with self.assertRaisesRegex(UserError, "own school"):
            Week_b.create(
                {
                    "period_id": self.year.id,
                    "week_start": self.monday + timedelta(days=7),
                    "criterion_set_id": self.cset.id,
                    "company_id": self.school_a.id,
                }
            )
        self.assertEqual(set(week.line_ids.mapped("points")), {0})

    def test_a_line_belongs_to_its_week_sheet(self):
        """A line's class is one of the week's school and year, its criterion one of
        the week's set (a client could send any id)."""
        week = self.Week.create(
            {
                "period_id": self.year.id,
                "week_start": self.monday,
                "criterion_set_id": self.cset.id,
            }
        )
        year_b = self._period("2040-2041 B", "2040-09-01", "2041-08-31", self.school_b)
        class_b = self.env["school.class"].create(
            {"name": "6A1", "period_id": year_b.id, "company_id": self.school_b.id}
        )
        other_set = self._class_set(self.school_a)
        Score = self.env["school.emulation.class.score"].with_user(self.scorer)
        for vals in (
            {"class_id": class_b.id, "criterion_id": self.cset.criterion_ids[0].id},
            {
                "class_id": self.class_own.id,
                "criterion_id": other_set.criterion_ids[0].id,
            },
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                Score.create({"week_id": week.id, **vals})
        week.action_prepare_lines()
        with self.assertRaisesRegex(UserError, "criteria set"):
            week.with_user(self.users["officer"]).criterion_set_id = other_set

    def test_scorer_has_nothing_else(self):
        """The scorer's rights, model by model, over both addons: the class weeks,
        their lines and rankings, and reading what a week shows; nothing more."""
        modules = ("school_emulation", "school_emulation_report")
        names = [
            name
            for name, model in self.env.registry.items()
            if not model._abstract and model._original_module in modules
        ]
        self.assertLessEqual(set(SCORER_RIGHTS), set(names))
        self.assertGreater(len(names), 40)
        for name in names:
            records = self.env[name].with_user(self.scorer)
            for letter, operation in OPERATIONS.items():
                with self.subTest(model=name, operation=operation):
                    self.assertEqual(
                        records.has_access(operation),
                        letter in SCORER_RIGHTS.get(name, ""),
                    )

    # --- trend graph and phone list ---------------------------------------------------
    def test_trend_graph_has_one_line_per_class(self):
        """The class ranking graph is a line per class (the class is the series),
        not stacked into one sum."""
        Result = self.env["school.emulation.class.result"]
        arch = etree.fromstring(
            Result.get_views([(False, "graph")])["views"]["graph"]["arch"]
        )
        self.assertEqual((arch.get("type"), arch.get("stacked")), ("line", "0"))
        self.assertEqual(
            [f.get("name") for f in arch.xpath("field[not(@type='measure')]")],
            ["week_start", "class_id"],
        )
        self.assertEqual(arch.xpath("field[@type='measure']/@name"), ["total"])
        scores = {cls: (40, 40, 0, 0) for cls in self.classes}
        weeks = self._week(scores=scores) | self._week(
            self.monday + timedelta(days=7), scores
        )
        series = Result._read_group(
            [("week_id", "in", weeks.ids)],
            ["week_start:week", "class_id"],
            ["total:avg"],
        )
        self.assertEqual(len(series), 2 * 4, "a point per week and class")
        self.assertEqual({total for _week, _cls, total in series}, {80})

    def test_phone_list_shows_the_points_third(self):
        """On a 390 px phone the line list shows class, criterion, points: the
        other columns come after the points or are optional and hidden."""
        arch = etree.fromstring(
            self.Week.get_views([(False, "form")])["views"]["form"]["arch"]
        )
        [lines] = arch.xpath("//page[@name='scores']/field[@name='line_ids']/list")
        shown = [
            f.get("name")
            for f in lines.xpath("field")
            if f.get("optional") != "hide" and f.get("column_invisible") != "1"
        ]
        self.assertEqual(shown[:3], ["class_id", "criterion_id", "points"])
        self.assertGreaterEqual(int(lines.get("limit")), 600, "one page")

    def test_staff_see_the_ranking_only(self):
        """Staff (no access to the score lines) open a week: its form has no grid
        nor line list, and reads without an access error."""
        week = self._week(scores={self.class_own: (40, 40, 0, 0)})
        Week = self.env["school.emulation.class.week"].with_user(self.users["staff"])
        arch = etree.fromstring(
            Week.get_views([(False, "form")])["views"]["form"]["arch"]
        )
        names = {f.get("name") for f in arch.xpath("//field[not(ancestor::field)]")}
        self.assertNotIn("line_ids", names)
        spec = {name: {} for name in names - {"result_ids"}}
        spec["result_ids"] = {"fields": {"rank": {}, "total": {}}}
        [values] = Week.browse(week.id).web_read(spec)
        self.assertEqual(len(values["result_ids"]), 4)


@tagged("post_install", "-at_install")
class TestClassGridTour(ClassGridFixtures, HttpCase):
    """The scorer enters a week in the grid with the keyboard, on a desktop and on a
    390 px phone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_users()
        cls._setup_class_grid()
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.scorer.lang = "vi_VN"
        cls.week = (
            cls.env["school.emulation.class.week"]
            .with_user(cls.scorer)
            .create(
                {
                    "period_id": cls.year.id,
                    "week_start": cls.monday,
                    "criterion_set_id": cls.cset.id,
                }
            )
        )
        cls.week.action_prepare_lines()

    def _run_tour(self):
        self.start_tour(
            "/odoo/action-school_emulation.school_emulation_class_week_action/"
            f"{self.week.id}",
            "school_emulation_class_grid_tour",
            login="se_class_scorer",
        )
        points = {
            (line.class_id.name, line.criterion_id.name): line.points
            for line in self.week.line_ids
        }
        # Enter went down the attendance column, Tab along 6A2's row
        self.assertEqual(points["6A1", "Chuyên cần"], 45)
        self.assertEqual(points["6A2", "Chuyên cần"], 40)
        self.assertEqual(points["6A2", "Vệ sinh"], 38)
        self.assertEqual(points["6A2", "Vi phạm"], 0)
        ranks = {r.class_id.name: (r.total, r.rank) for r in self.week.result_ids}
        self.assertEqual(ranks["6A2"], (78, 1))
        self.assertEqual(ranks["6A1"], (45, 2))

    def test_grid_on_desktop(self):
        self._run_tour()

    def test_grid_on_a_390px_phone(self):
        self.browser_size = "390x844"
        self._run_tour()
