"""Eligibility engine per rule and legal era, on the real catalogue records.

The rule applied is the catalogue record in force on the school year's last day:
2022-2023 falls under NĐ 91/2017, 2023-2024 and 2024-2025 under NĐ 98/2023 + TT
01/2024 (6 months), 2025-2026 and 2026-2027 under NĐ 152/2025 (the 2026 criterion
set of CSTĐCS is a non-default variant from 01/10/2026).
"""

from odoo import Command
from odoo.tests import tagged

from ..models.school_emulation_state_mixin import trusted_write
from .common import SchoolEmulationCase


@tagged("post_install", "-at_install")
class TestEligibility(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = {"company_id": cls.school_a.id}
        cls.y = {
            name: cls._period(
                name, f"{name[:4]}-09-01", f"{name[5:]}-05-31", cls.school_a
            )
            for name in (
                "2021-2022",
                "2022-2023",
                "2023-2024",
                "2024-2025",
                "2025-2026",
                "2026-2027",
            )
        }
        # School B: a school year ending in the short NĐ 98/2023 window before TT
        # 01/2024 (10 months since recruitment still required).
        cls.y_b = cls._period("2023-2024 HK1", "2023-09-01", "2024-03-31", cls.school_b)
        cls.Engine = cls.env["school.emulation.eligibility"]
        cls.Title = cls.env["school.emulation.title"]
        cls.dept = cls.env["hr.department"].create(
            {
                "name": "Tổ Khoa học tự nhiên",
                "emulation_group_type": "subject",
                **cls.company,
            }
        )

    # --- helpers ----------------------------------------------------------------
    def _emp(self, name="Giáo viên", recruited="2015-09-01", company=None, dept=None):
        return self.env["hr.employee"].create(
            {
                "name": name,
                "recruitment_date": recruited,
                "department_id": (dept or self.env["hr.department"]).id,
                "company_id": (company or self.school_a).id,
            }
        )

    def _rate(self, emp, year, rating="httnv"):
        return self.env["school.emulation.rating"].create(
            {"employee_id": emp.id, "period_id": self.y[year].id, "rating": rating}
        )

    def _award(self, emp, year, code, award_type="merit"):
        period = self.y[year]
        return self.env["school.emulation.award"].create(
            {
                "period_id": period.id,
                "subject_type": "employee",
                "employee_id": emp.id,
                "title_id": self.Title._get_rule(code, period.date_end).id,
                "award_type": award_type,
                "decision_number": f"{code}/{year}",
                **self.company,
            }
        )

    def _initiative(self, emp, year, scope):
        # a recognised initiative as the workflow leaves it (trusted server path)
        with trusted_write("school.emulation.initiative"):
            return self.env["school.emulation.initiative"].create(
                {
                    "name": f"Sáng kiến {scope} {year}",
                    "period_id": self.y[year].id,
                    "state": "recognised",
                    "recognised_scope": scope,
                    "recognition_number": "1/QĐ",
                    "author_ids": [
                        Command.create({"employee_id": emp.id, "share": 100})
                    ],
                    **self.company,
                }
            )

    def _check(self, code, year, records, variant=None, pending=None, period=None):
        res = self.Engine.evaluate(
            code, period or self.y[year], records, variant=variant, pending=pending
        )
        return res[records.id] if len(records) == 1 else res

    def _pending_ldtt(self, *emps):
        return {f"employee:{e.id}": {"LDTT"} for e in emps}

    # --- LĐTT --------------------------------------------------------------------
    def test_ldtt_2025_good_rating(self):
        emp = self._emp()
        self._rate(emp, "2025-2026", "httnv")
        res = self._check("LDTT", "2025-2026", emp)
        self.assertTrue(res["eligible"], res["reasons"])
        self.assertEqual(res["reasons"], [])

    def test_ldtt_2025_rating_too_low(self):
        emp = self._emp()
        self._rate(emp, "2025-2026", "htnv")
        res = self._check("LDTT", "2025-2026", emp)
        self.assertEqual(res["codes"], ["rating_too_low"])
        self.assertIn("2025-2026", res["reasons"][0])

    def test_ldtt_2025_no_rating(self):
        res = self._check("LDTT", "2025-2026", self._emp())
        self.assertEqual(res["codes"], ["rating_too_low"])

    def test_ldtt_2025_recruited_less_than_6_months(self):
        emp = self._emp(recruited="2026-01-15")  # 4.5 months before 31/05/2026
        self._rate(emp, "2025-2026")
        res = self._check("LDTT", "2025-2026", emp)
        self.assertEqual(res["codes"], ["recruited_recently"])
        self.assertIn("6", res["reasons"][0])

    def test_ldtt_tt01_2024_eight_months_enough(self):
        emp = self._emp(recruited="2023-10-01")  # 8 months before 31/05/2024
        self._rate(emp, "2023-2024")
        self.assertTrue(self._check("LDTT", "2023-2024", emp)["eligible"])

    def test_ldtt_2017_era_eight_months_not_enough(self):
        emp = self._emp(recruited="2022-10-01")  # 8 months before 31/05/2023
        self._rate(emp, "2022-2023")
        res = self._check("LDTT", "2022-2023", emp)
        self.assertEqual(res["codes"], ["recruited_recently"])
        self.assertIn("10", res["reasons"][0])

    def test_ldtt_nd98_window_before_tt01_needs_10_months(self):
        emp = self._emp(recruited="2023-07-01", company=self.school_b)
        self.env["school.emulation.rating"].create(
            {"employee_id": emp.id, "period_id": self.y_b.id, "rating": "httnv"}
        )
        res = self._check("LDTT", None, emp, period=self.y_b)
        self.assertEqual(res["codes"], ["recruited_recently"])

    def test_ldtt_reprimand_during_the_year(self):
        emp = self._emp()
        self._rate(emp, "2025-2026")
        self.env["school.emulation.discipline"].create(
            {
                "employee_id": emp.id,
                "kind": "discipline",
                "level": "reprimand",
                "date_start": "2026-02-01",
                "date_end": "2027-01-31",
            }
        )
        res = self._check("LDTT", "2025-2026", emp)
        self.assertEqual(res["codes"], ["disciplined"])

    def test_ldtt_discipline_ended_before_the_year(self):
        emp = self._emp()
        self._rate(emp, "2025-2026")
        self.env["school.emulation.discipline"].create(
            {
                "employee_id": emp.id,
                "kind": "discipline",
                "level": "warning",
                "date_start": "2024-01-01",
                "date_end": "2024-12-31",
            }
        )
        self.assertTrue(self._check("LDTT", "2025-2026", emp)["eligible"])

    def test_ldtt_pending_investigation(self):
        emp = self._emp()
        self._rate(emp, "2025-2026")
        self.env["school.emulation.discipline"].create(
            {"employee_id": emp.id, "kind": "investigation", "date_start": "2026-04-01"}
        )
        res = self._check("LDTT", "2025-2026", emp)
        self.assertEqual(res["codes"], ["pending_review"])

    # --- CSTĐCS ------------------------------------------------------------------
    def test_cstdcs_2025_excellent_rating_with_ldtt_proposed(self):
        emp = self._emp()
        self._rate(emp, "2025-2026", "htxsnv")
        res = self._check("CSTDCS", "2025-2026", emp, pending=self._pending_ldtt(emp))
        self.assertTrue(res["eligible"], res["reasons"])

    def test_cstdcs_2025_without_ldtt(self):
        emp = self._emp()
        self._rate(emp, "2025-2026", "htxsnv")
        res = self._check("CSTDCS", "2025-2026", emp)
        self.assertEqual(res["codes"], ["missing_title"])
        self.assertIn("Lao động tiên tiến", res["reasons"][0])
        self.assertIn("2025-2026", res["reasons"][0])

    def test_cstdcs_2025_ldtt_already_decided_counts(self):
        emp = self._emp()
        self._rate(emp, "2025-2026", "htxsnv")
        self._award(emp, "2025-2026", "LDTT")
        self.assertTrue(self._check("CSTDCS", "2025-2026", emp)["eligible"])

    def test_cstdcs_2025_good_rating_with_school_initiative(self):
        emp = self._emp()
        self._rate(emp, "2025-2026", "httnv")
        self._initiative(emp, "2025-2026", "school")
        res = self._check("CSTDCS", "2025-2026", emp, pending=self._pending_ldtt(emp))
        self.assertTrue(res["eligible"], res["reasons"])

    def test_cstdcs_2025_good_rating_without_initiative(self):
        emp = self._emp()
        self._rate(emp, "2025-2026", "httnv")
        res = self._check("CSTDCS", "2025-2026", emp, pending=self._pending_ldtt(emp))
        self.assertEqual(res["codes"], ["rating_or_initiative"])

    def test_cstdcs_tt01_era_excellent_rating_enough(self):
        emp = self._emp()
        self._rate(emp, "2024-2025", "htxsnv")
        res = self._check("CSTDCS", "2024-2025", emp, pending=self._pending_ldtt(emp))
        self.assertTrue(res["eligible"], res["reasons"])

    def test_cstdcs_2017_era_needs_an_initiative(self):
        emp = self._emp()
        self._rate(emp, "2022-2023", "htxsnv")
        res = self._check("CSTDCS", "2022-2023", emp, pending=self._pending_ldtt(emp))
        self.assertIn("no_initiative", res["codes"])
        self._initiative(emp, "2022-2023", "school")
        res = self._check("CSTDCS", "2022-2023", emp, pending=self._pending_ldtt(emp))
        # The initiative condition holds; the 15 % quota of a single LĐTT is 0.
        self.assertEqual(res["codes"], ["quota"])
        self.assertIn("(0 ", res["reasons"][0])

    def test_cstdcs_2017_era_quota_of_15_percent(self):
        """NĐ 91/2017 Art. 9.3: CSTĐCS at most 15 % of LĐTT (9 LĐTT: 1 place)."""
        emps = self.env["hr.employee"]
        for i in range(9):
            emp = self._emp(f"GV {i}")
            self._rate(emp, "2022-2023", "htxsnv")
            self._award(emp, "2022-2023", "LDTT")
            emps |= emp
        authors = emps[:2]
        for emp in authors:
            self._initiative(emp, "2022-2023", "school")
        res = self._check("CSTDCS", "2022-2023", authors)
        self.assertTrue(res[authors[0].id]["eligible"])
        self.assertEqual(res[authors[1].id]["codes"], ["quota"])
        self.assertIn("15", res[authors[1].id]["reasons"][0])

    def test_no_quota_since_2024(self):
        emps = self.env["hr.employee"]
        for i in range(3):
            emp = self._emp(f"GV {i}")
            self._rate(emp, "2025-2026", "htxsnv")
            self._award(emp, "2025-2026", "LDTT")
            emps |= emp
        res = self._check("CSTDCS", "2025-2026", emps)
        self.assertTrue(all(r["eligible"] for r in res.values()))

    def test_cstdcs_law2026_variant_needs_rating_and_initiative(self):
        emp = self._emp()
        self._rate(emp, "2026-2027", "htxsnv")
        pending = self._pending_ldtt(emp)
        res = self._check(
            "CSTDCS", "2026-2027", emp, variant="law2026", pending=pending
        )
        self.assertEqual(res["codes"], ["no_initiative"])
        # The default criterion set still accepts the rating alone.
        self.assertTrue(
            self._check("CSTDCS", "2026-2027", emp, pending=pending)["eligible"]
        )
        self._initiative(emp, "2026-2027", "school")
        res = self._check(
            "CSTDCS", "2026-2027", emp, variant="law2026", pending=pending
        )
        self.assertTrue(res["eligible"], res["reasons"])

    # --- CSTĐ cấp tỉnh, toàn quốc -----------------------------------------------
    def _chain(self, emp, years, award_type="merit"):
        for year in years:
            self._rate(emp, year, "htxsnv")
            self._award(emp, year, "CSTDCS", award_type=award_type)

    def test_cstd_tinh_three_consecutive_and_province_initiative(self):
        emp = self._emp()
        self._chain(emp, ["2023-2024", "2024-2025", "2025-2026"])
        self._initiative(emp, "2025-2026", "province")
        res = self._check("CSTD_TINH", "2025-2026", emp)
        self.assertTrue(res["eligible"], res["reasons"])

    def test_another_schools_override_does_not_apply(self):
        """A province officer working in school B evaluates school A: B's own
        stricter CSTĐ tỉnh rule (5 years) must not be used for A."""
        emp = self._emp()
        self._chain(emp, ["2023-2024", "2024-2025", "2025-2026"])
        self._initiative(emp, "2025-2026", "province")
        shared = self.env.ref("school_emulation.title_cstd_tinh_2025")
        shared.copy(
            {
                "company_id": self.school_b.id,
                "consecutive_years": 5,
                "date_start": shared.date_start,
            }
        )
        engine = self.Engine.with_company(self.school_b).with_context(
            allowed_company_ids=[self.school_b.id, self.school_a.id]
        )
        res = engine.evaluate("CSTD_TINH", self.y["2025-2026"], emp)[emp.id]
        self.assertTrue(res["eligible"], res["reasons"])

    def test_cstd_tinh_chain_ending_the_year_before(self):
        emp = self._emp()
        self._chain(emp, ["2022-2023", "2023-2024", "2024-2025"])
        self._initiative(emp, "2025-2026", "province")
        self.assertTrue(self._check("CSTD_TINH", "2025-2026", emp)["eligible"])

    def test_cstd_tinh_missing_a_year(self):
        emp = self._emp()
        self._chain(emp, ["2023-2024", "2025-2026"])
        self._initiative(emp, "2025-2026", "province")
        res = self._check("CSTD_TINH", "2025-2026", emp)
        self.assertEqual(res["codes"], ["missing_title"])
        self.assertIn("2024-2025", res["reasons"][0])
        self.assertIn("Chiến sĩ thi đua cơ sở", res["reasons"][0])

    def test_cstd_tinh_ad_hoc_awards_do_not_count(self):
        emp = self._emp()
        self._chain(emp, ["2023-2024", "2025-2026"])
        self._chain(emp, ["2024-2025"], award_type="ad_hoc")
        self._initiative(emp, "2025-2026", "province")
        res = self._check("CSTD_TINH", "2025-2026", emp)
        self.assertIn("missing_title", res["codes"])
        self.assertIn("2024-2025", " ".join(res["reasons"]))

    def test_cstd_tinh_school_initiative_is_not_enough(self):
        emp = self._emp()
        self._chain(emp, ["2023-2024", "2024-2025", "2025-2026"])
        self._initiative(emp, "2025-2026", "school")
        res = self._check("CSTD_TINH", "2025-2026", emp)
        self.assertEqual(res["codes"], ["no_initiative"])

    def test_cstd_tinh_revoked_title_breaks_the_chain(self):
        emp = self._emp()
        self._chain(emp, ["2023-2024", "2024-2025", "2025-2026"])
        self._initiative(emp, "2025-2026", "province")
        middle = self.env["school.emulation.award"].search(
            [("employee_id", "=", emp.id), ("period_id", "=", self.y["2024-2025"].id)]
        )
        middle._revoke(middle.period_id.date_end, "Hồ sơ sai", True, True)
        self.assertFalse(self._check("CSTD_TINH", "2025-2026", emp)["eligible"])

    def test_cstd_tq_two_provincial_titles_and_national_initiative(self):
        emp = self._emp()
        for year in ("2024-2025", "2025-2026"):
            self._award(emp, year, "CSTD_TINH")
        ini = self._initiative(emp, "2025-2026", "province")
        res = self._check("CSTD_TQ", "2025-2026", emp)
        self.assertEqual(res["codes"], ["no_initiative"])
        with trusted_write(ini._name):  # re-recognised nationally (server path)
            ini.recognised_scope = "national"
        self.assertTrue(self._check("CSTD_TQ", "2025-2026", emp)["eligible"])

    def test_initiative_already_used_does_not_count(self):
        emp = self._emp()
        self._rate(emp, "2025-2026", "httnv")
        ini = self._initiative(emp, "2025-2026", "school")
        with trusted_write(ini._name):  # as the award's confirmation does
            ini.used_for_award_id = self._award(emp, "2021-2022", "LDTT")
        res = self._check("CSTDCS", "2025-2026", emp, pending=self._pending_ldtt(emp))
        self.assertEqual(res["codes"], ["rating_or_initiative"])

    # --- collectives -------------------------------------------------------------
    def _group(self, year, members=10, ldtt=7, rating="httnv"):
        dept = self.env["hr.department"].create(
            {
                "name": f"Tổ {year} {ldtt}",
                "emulation_group_type": "subject",
                **self.company,
            }
        )
        emps = self.env["hr.employee"]
        for i in range(members):
            emp = self._emp(f"TV {i}", dept=dept)
            self._rate(emp, year, "httnv")
            if i < ldtt:
                self._award(emp, year, "LDTT")
            emps |= emp
        if rating:
            self.env["school.emulation.unit.rating"].create(
                {
                    "department_id": dept.id,
                    "period_id": self.y[year].id,
                    "rating": rating,
                    **self.company,
                }
            )
        return dept, emps

    def test_ttldtt_exactly_70_percent(self):
        dept, _emps = self._group("2025-2026", 10, 7)
        res = self._check("TTLDTT", "2025-2026", dept)
        self.assertTrue(res["eligible"], res["reasons"])

    def test_ttldtt_just_below_70_percent(self):
        dept, _emps = self._group("2025-2026", 10, 6)
        res = self._check("TTLDTT", "2025-2026", dept)
        self.assertEqual(res["codes"], ["member_share"])
        self.assertIn("6", res["reasons"][0])
        self.assertIn("10", res["reasons"][0])

    def test_ttldtt_member_with_a_warning(self):
        dept, emps = self._group("2025-2026", 10, 8)
        self.env["school.emulation.discipline"].create(
            {
                "employee_id": emps[9].id,
                "kind": "discipline",
                "level": "warning",
                "date_start": "2026-03-01",
            }
        )
        res = self._check("TTLDTT", "2025-2026", dept)
        self.assertEqual(res["codes"], ["member_disciplined"])
        self.assertIn(emps[9].name, res["reasons"][0])

    def test_ttldtt_without_collective_rating(self):
        dept, _emps = self._group("2025-2026", 4, 4, rating=None)
        res = self._check("TTLDTT", "2025-2026", dept)
        self.assertEqual(res["codes"], ["rating_too_low"])

    def test_ttldtt_2017_era_more_than_half(self):
        half, _e = self._group("2022-2023", 10, 5)
        more, _e = self._group("2022-2023", 10, 6)
        res = self._check("TTLDTT", "2022-2023", half | more)
        self.assertEqual(res[half.id]["codes"], ["member_share"])
        self.assertTrue(res[more.id]["eligible"])

    def test_ttldxs_needs_a_cstdcs_and_everyone_completing(self):
        dept, emps = self._group("2025-2026", 5, 5, rating="htxsnv")
        res = self._check("TTLDXS", "2025-2026", dept)
        self.assertEqual(res["codes"], ["member_excellent"])
        self._award(emps[0], "2025-2026", "CSTDCS")
        self.assertTrue(self._check("TTLDXS", "2025-2026", dept)["eligible"])
        self.env["school.emulation.rating"].search(
            [("employee_id", "=", emps[4].id)]
        ).rating = "khtnv"
        res = self._check("TTLDXS", "2025-2026", dept)
        self.assertEqual(res["codes"], ["members_not_complete"])

    def test_whole_school_as_a_collective(self):
        self._group("2025-2026", 4, 4)
        self.env["school.emulation.unit.rating"].create(
            {"period_id": self.y["2025-2026"].id, "rating": "httnv", **self.company}
        )
        # Other staff of school A (from other tests' setup: none here) all hold LĐTT.
        res = self._check("TTLDTT", "2025-2026", self.school_a)
        self.assertTrue(res["eligible"], res["reasons"])

    def test_wrong_kind_of_recipient(self):
        res = self._check("LDTT", "2025-2026", self.dept)
        self.assertEqual(res["codes"], ["wrong_subject"])

    # --- students (TT 22/2021, legacy TT 58/2011) --------------------------------
    def _student(self, year, conduct, learning, subjects, scheme="tt22"):
        klass = self.env["school.class"].create(
            {
                "name": f"8A {year} {conduct} {subjects}",
                "grade": 8,
                "period_id": self.y[year].id,
                **self.company,
            }
        )
        student = self.env["school.student"].create(
            {
                "code": f"HS-{year}-{conduct}-{subjects}",
                "name": "Học sinh",
                "class_id": klass.id,
                **self.company,
            }
        )
        self.env["school.student.result"].create(
            {
                "student_id": student.id,
                "class_id": klass.id,
                "period_id": self.y[year].id,
                "scheme": scheme,
                "conduct": conduct,
                "learning": learning,
                "subjects_ge_9": subjects,
                **self.company,
            }
        )
        return student

    def test_hs_xuat_sac(self):
        ok = self._student("2025-2026", "good", "good", 6)
        short = self._student("2025-2026", "good", "good", 5)
        res = self._check("HS_XS", "2025-2026", ok | short)
        self.assertTrue(res[ok.id]["eligible"])
        self.assertEqual(res[short.id]["codes"], ["student_subjects"])

    def test_hs_gioi_needs_good_conduct(self):
        student = self._student("2025-2026", "fair", "good", 0)
        res = self._check("HS_GIOI", "2025-2026", student)
        self.assertEqual(res["codes"], ["student_conduct"])

    def test_hs_gioi_tt58_legacy_year(self):
        student = self._student("2022-2023", "good", "good", 0, scheme="tt58")
        self.assertTrue(self._check("HS_GIOI_TT58", "2022-2023", student)["eligible"])

    def test_student_without_result(self):
        klass = self.env["school.class"].create(
            {
                "name": "9Z",
                "grade": 9,
                "period_id": self.y["2025-2026"].id,
                **self.company,
            }
        )
        student = self.env["school.student"].create(
            {
                "code": "HS-NONE",
                "name": "Chưa có điểm",
                "class_id": klass.id,
                **self.company,
            }
        )
        res = self._check("HS_GIOI", "2025-2026", student)
        self.assertEqual(res["codes"], ["no_result"])

    # --- scale --------------------------------------------------------------------
    def _query_count(self, employees):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        self.Engine.evaluate("CSTD_TINH", self.y["2025-2026"], employees)
        return self.env.cr.sql_log_count - before

    def test_query_count_does_not_grow_with_the_number_of_people(self):
        def people(n, prefix):
            emps = self.env["hr.employee"]
            for i in range(n):
                emp = self._emp(f"{prefix} {i}")
                self._chain(emp, ["2023-2024", "2024-2025", "2025-2026"])
                self._initiative(emp, "2025-2026", "province")
                emps |= emp
            return emps

        small, large = people(5, "A"), people(25, "B")
        self._query_count(small)  # warm the caches (system parameters, labels)
        self.assertEqual(self._query_count(small), self._query_count(large))
