from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SchoolEmulationCase


@tagged("post_install", "-at_install")
class TestCatalogue(SchoolEmulationCase):
    """The shipped legal catalogue picks the values in force on each date."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Title = cls.env["school.emulation.title"]
        cls.ldtt = cls.env.ref("school_emulation.title_ldtt_2025")

    def rules(self, code, day, variant=None):
        return self.Title._get_rule(code, day, variant=variant).eligible_rules(
            day, variant=variant
        )

    def test_ldtt_months_since_recruitment_by_era(self):
        """LĐTT: 10 months before 15/04/2024 (NĐ 91/2017 era), 6 months after."""
        self.assertEqual(
            self.ldtt.eligible_rules(date(2023, 5, 31))["min_months_recruited"], 10
        )
        self.assertEqual(
            self.ldtt.eligible_rules(date(2024, 4, 14))["min_months_recruited"], 10
        )
        self.assertEqual(
            self.ldtt.eligible_rules(date(2024, 4, 15))["min_months_recruited"], 6
        )
        self.assertEqual(
            self.ldtt.eligible_rules(date(2026, 5, 31))["min_months_recruited"], 6
        )

    def test_title_of_a_school_year_by_code(self):
        """Data and demo name a title by code and school year, never by era: the
        record in force at the end of the year, for that year's school."""
        school = self.env.company
        y2022 = self._period("2022-2023", "2022-09-01", "2023-05-31", school)
        y2025 = self._period("2025-2026", "2025-09-01", "2026-05-31", school)
        self.assertEqual(
            self.Title.for_school_year("LDTT", y2022.id),
            self.env.ref("school_emulation.title_ldtt_2017"),
        )
        self.assertEqual(self.Title.for_school_year("LDTT", y2025.id), self.ldtt)
        with self.assertRaises(UserError):
            self.Title.for_school_year("NO_SUCH_TITLE", y2025.id)

    def test_deciding_authority_moves_to_commune(self):
        """The district decided until 30/06/2025, the commune from 01/07/2025."""
        self.assertEqual(
            self.rules("LDTT", date(2025, 6, 30))["authority"], "CT_UBND_HUYEN"
        )
        self.assertEqual(
            self.rules("LDTT", date(2025, 7, 1))["authority"], "CT_UBND_XA"
        )
        self.assertEqual(
            self.rules("CSTDCS", date(2025, 7, 1))["authority"], "CT_UBND_XA"
        )

    def test_cstdcs_ballot_and_conditions(self):
        """CSTĐCS: LĐTT + (HTXSNV or initiative), ballot 80 % of ALL members."""
        rules = self.rules("CSTDCS", date(2025, 5, 31))
        self.assertTrue(rules["ballot_required"])
        self.assertEqual(rules["ballot_threshold_pct"], 80)
        self.assertEqual(rules["prerequisite_code"], "LDTT")
        self.assertEqual(rules["rating_initiative_rule"], "rating_or_initiative")
        self.assertFalse(rules["quota_enabled"], "no national quota since 01/01/2024")
        self.assertEqual(rules["legal_basis"], "98/2023/NĐ-CP")
        old = self.rules("CSTDCS", date(2023, 5, 31))
        self.assertEqual(old["rating_initiative_rule"], "initiative")
        self.assertTrue(old["quota_enabled"])
        self.assertEqual(old["quota_pct"], 15)

    def test_cstdcs_amended_law_is_a_switchable_set(self):
        """From 01/10/2026 the 2022 set stays the default; the 2026 set is opt-in."""
        day = date(2027, 5, 31)
        self.assertEqual(self.rules("CSTDCS", day)["variant"], "default")
        self.assertEqual(
            self.rules("CSTDCS", day)["rating_initiative_rule"], "rating_or_initiative"
        )
        amended = self.rules("CSTDCS", day, variant="law2026")
        self.assertEqual(amended["rating_initiative_rule"], "rating_and_initiative")
        self.assertEqual(amended["reliability"], "unverified")
        with self.assertRaises(UserError):
            self.rules("CSTDCS", date(2026, 9, 30), variant="law2026")

    def test_collective_titles(self):
        """TTLĐXS: ≥ 70 % LĐTT, ≥ 1 CSTĐCS. TTLĐTT: > 50 % before 2024, ≥ 70 % after."""
        xs = self.rules("TTLDXS", date(2025, 5, 31))
        self.assertEqual(xs["member_share_pct"], 70)
        self.assertEqual(xs["member_excellent_code"], "CSTDCS")
        self.assertEqual(xs["member_excellent_min"], 1)
        self.assertTrue(xs["member_all_complete"])
        tt_old = self.rules("TTLDTT", date(2023, 5, 31))
        self.assertEqual(
            (tt_old["member_share_pct"], tt_old["member_share_strict"]), (50, True)
        )
        tt_new = self.rules("TTLDTT", date(2024, 5, 31))
        self.assertEqual(
            (tt_new["member_share_pct"], tt_new["member_share_strict"]), (70, False)
        )
        self.assertEqual(tt_new["member_discipline"], "warning")

    def test_student_titles(self):
        xs = self.rules("HS_XS", date(2026, 5, 31))
        self.assertEqual(
            (xs["student_conduct"], xs["student_learning"]), ("good", "good")
        )
        self.assertEqual(xs["student_min_subjects_ge_9"], 6)
        self.assertEqual(
            self.rules("HS_GIOI", date(2026, 5, 31))["student_min_subjects_ge_9"], 0
        )

    def test_missing_rule_is_an_error(self):
        with self.assertRaisesRegex(UserError, "legal catalogue"):
            self.Title._get_rule("LDTT", date(2010, 1, 1))
        with self.assertRaises(UserError):
            self.Title._get_rule("NO_SUCH_TITLE", date(2025, 1, 1))

    def test_base_salary_by_date(self):
        Salary = self.env["school.emulation.base.salary"]
        self.assertEqual(Salary._get_in_force(date(2024, 6, 30)).amount, 1800000)
        self.assertEqual(Salary._get_in_force(date(2026, 6, 30)).amount, 2340000)
        self.assertEqual(Salary._get_in_force(date(2026, 7, 1)).amount, 2530000)

    def test_rating_scheme_points(self):
        Scheme = self.env["school.emulation.rating.scheme"]
        old = Scheme._get_in_force(date(2026, 5, 25))
        new = Scheme._get_in_force(date(2026, 7, 1))
        self.assertEqual(old.code, "ND90_2020")
        self.assertEqual(new.code, "ND233_2026")
        self.assertEqual(new.min_months_worked, 6)
        self.assertEqual(
            [new._rating_for_points(p) for p in (95, 90, 89.5, 70, 50, 49)],
            ["htxsnv", "htxsnv", "httnv", "httnv", "htnv", "khtnv"],
        )

    def test_school_override_wins(self):
        """A school's own record overrides the shared one with the same key."""
        own = self.ldtt.copy(
            {"company_id": self.school_a.id, "min_months_recruited": 9}
        )
        rule = self.Title._get_rule("LDTT", date(2026, 1, 1), company=self.school_a)
        self.assertEqual(rule, own)
        rule_b = self.Title._get_rule("LDTT", date(2026, 1, 1), company=self.school_b)
        self.assertEqual(rule_b, self.ldtt)

    def test_overlapping_ranges_refused(self):
        """Two records of one title code and criterion set may not overlap."""
        with self.assertRaisesRegex(ValidationError, "already covered"):
            self.ldtt.copy({"date_start": "2026-01-01"})
        with self.assertRaisesRegex(ValidationError, "already covered"):
            self.env.ref("school_emulation.title_ldtt_2024_tt01").copy(
                {"date_start": "2023-06-01", "date_end": "2024-01-31"}
            )

    def test_second_default_set_refused(self):
        with self.assertRaisesRegex(ValidationError, "default"):
            self.ldtt.copy({"variant": "other", "date_start": "2027-01-01"})

    def test_end_before_start_refused(self):
        with self.assertRaisesRegex(ValidationError, "ends before"):
            self.ldtt.copy(
                {"code": "X", "date_start": "2030-01-01", "date_end": "2029-01-01"}
            )

    def test_threshold_range_checked_in_database(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.cr.savepoint():
                self.ldtt.copy({"code": "X2", "ballot_threshold_pct": 120})

    def test_duplicate_legal_basis_refused(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.cr.savepoint():
                self.env["school.emulation.legal.basis"].create(
                    {"number": "152/2025/NĐ-CP", "name": "Duplicate"}
                )

    def test_every_title_names_its_basis(self):
        """Every shipped legal value has a legal basis; unverified ones say why."""
        for model in (
            "school.emulation.title",
            "school.emulation.award.form",
            "school.emulation.base.salary",
            "school.emulation.rating.scheme",
            "school.emulation.authority",
        ):
            records = self.env[model].search([])
            self.assertTrue(records, model)
            self.assertFalse(records.filtered(lambda r: not r.legal_basis_id), model)
            unexplained = records.filtered(
                lambda r: r.reliability == "unverified"
                and not (r.note or r.legal_basis_id.note)
            )
            self.assertFalse(unexplained, f"{model}: unverified without a note")
