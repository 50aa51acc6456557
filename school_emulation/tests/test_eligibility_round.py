"""One eligibility answer for the round (domain.md §2, counting conventions).

The menu's check ("Kiểm tra điều kiện") and the proposal's check evaluate the school
year's round once, the same way: a title proposed in the round counts as held only
when that candidate is itself eligible; every answer says why (not) eligible;
chains run over the school years of the calendar; tenure is counted to the
evaluation cut-off. A proposal records the day its dossier was accepted and the
rule set (law of the catalogue) in force that day.

School year 2040-2041 of the fixtures runs 01/09/2040-31/08/2041.
"""

from datetime import date
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from ..models.school_emulation_state_mixin import trusted_write
from .common import SchoolEmulationCase

CUTOFF_PARAM = "school_emulation.evaluation_cutoff"


@tagged("post_install", "-at_install")
class TestEligibilityRound(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls.officer = cls.users["officer"]
        cls.Engine = cls.env["school.emulation.eligibility"]
        cls.Title = cls.env["school.emulation.title"]
        cls.ldtt = cls.env.ref("school_emulation.title_ldtt_2025")
        cls.cstdcs = cls.env.ref("school_emulation.title_cstdcs_2025")
        cls.ttldtt = cls.env.ref("school_emulation.title_ttldtt_2025")
        cls.commune = cls.env.ref("school_emulation.authority_commune_chair")
        cls.env["school.emulation.unit.rating"].create(
            {
                "department_id": cls.dept.id,
                "period_id": cls.year.id,
                "rating": "httnv",
                "company_id": cls.school_a.id,
            }
        )

    # --- helpers ----------------------------------------------------------------
    def _proposal(self, lines, **vals):
        return (
            self.env["school.emulation.proposal"]
            .with_user(self.officer)
            .create(
                {
                    "period_id": self.year.id,
                    "level": "school",
                    "authority_id": self.commune.id,
                    "company_id": self.school_a.id,
                    "line_ids": [Command.create(v) for v in lines],
                    **vals,
                }
            )
        )

    def _line(self, subject, title):
        if subject._name == "hr.department":
            return {
                "subject_type": "department",
                "department_id": subject.id,
                "title_id": title.id,
            }
        return {
            "subject_type": "employee",
            "employee_id": subject.id,
            "title_id": title.id,
        }

    def _wizard(self, title, **vals):
        wizard = (
            self.env["school.emulation.eligibility.wizard"]
            .with_user(self.officer)
            .create({"period_id": self.year.id, "title_id": title.id, **vals})
        )
        action = wizard.action_check()
        lines = {(ln.employee_id or ln.department_id): ln for ln in wizard.line_ids}
        return wizard, action, lines

    def _rated(self, emp, rating, period=None):
        existing = self.env["school.emulation.rating"].search(
            [("employee_id", "=", emp.id), ("period_id", "=", (period or self.year).id)]
        )
        if existing:
            existing.rating = rating
            return existing
        return self.env["school.emulation.rating"].create(
            {
                "employee_id": emp.id,
                "period_id": (period or self.year).id,
                "rating": rating,
                "company_id": emp.company_id.id,
            }
        )

    def _employee(self, name, company=None, **vals):
        return self.env["hr.employee"].create(
            {"name": name, "company_id": (company or self.school_a).id, **vals}
        )

    def _initiative(self, emp, period, scope, name):
        with trusted_write("school.emulation.initiative"):
            return self.env["school.emulation.initiative"].create(
                {
                    "name": name,
                    "period_id": period.id,
                    "state": "recognised",
                    "recognised_scope": scope,
                    "recognition_number": "1/QĐ",
                    "author_ids": [
                        Command.create({"employee_id": emp.id, "share": 100})
                    ],
                    "company_id": emp.company_id.id,
                }
            )

    def _award(self, emp, period, code):
        return self.env["school.emulation.award"].create(
            {
                "period_id": period.id,
                "subject_type": "employee",
                "employee_id": emp.id,
                "title_id": self.Title._get_rule(
                    code, period.date_end, company=period.company_id
                ).id,
                "decision_number": f"{code}/{period.name}",
                "company_id": period.company_id.id,
            }
        )

    # --- one evaluation of the round ---------------------------------------------
    def test_menu_and_proposal_share_one_evaluation(self):
        """Both checks go through ``evaluate_round``, the one method a deployment
        overrides."""
        Engine = type(self.Engine)
        original = Engine.evaluate_round
        calls = []

        def spy(engine, period, requests):
            calls.append([title.code for title, _subjects in requests])
            return original(engine, period, requests)

        self._rated(self.emp_staff, "htxsnv")
        proposal = self._proposal(
            [
                self._line(self.emp_staff, self.ldtt),
                self._line(self.emp_staff, self.cstdcs),
            ]
        )
        with patch.object(Engine, "evaluate_round", spy):
            proposal.action_check_eligibility()
            self._wizard(self.cstdcs)
        self.assertEqual(len(calls), 2, calls)
        self.assertCountEqual(calls[0], ["LDTT", "CSTDCS"])
        self.assertEqual(calls[1], ["CSTDCS"])

    def test_ineligible_candidate_of_the_round_does_not_count_as_held(self):
        """LĐTT proposed for someone rated HTNV is not eligible, so it does not
        carry their CSTĐCS (a recognised initiative would), in the menu's check and
        in the proposal's: the same answer, word for word."""
        self._rated(self.emp_staff, "htxsnv")
        self._rated(self.emp_other, "htnv")
        self._initiative(self.emp_other, self.year, "school", "Sáng kiến STEM")
        proposal = self._proposal(
            [
                self._line(self.emp_staff, self.ldtt),
                self._line(self.emp_other, self.ldtt),
                self._line(self.emp_staff, self.cstdcs),
                self._line(self.emp_other, self.cstdcs),
            ]
        )
        proposal.action_check_eligibility()
        by_key = {(ln.employee_id, ln.title_id): ln for ln in proposal.line_ids}
        self.assertFalse(by_key[(self.emp_other, self.ldtt)].eligible)
        cstdcs_other = by_key[(self.emp_other, self.cstdcs)]
        self.assertFalse(cstdcs_other.eligible, cstdcs_other.eligibility_reasons)
        self.assertIn("Lao động tiên tiến", cstdcs_other.eligibility_reasons)
        self.assertIn("2040-2041", cstdcs_other.eligibility_reasons)
        cstdcs_staff = by_key[(self.emp_staff, self.cstdcs)]
        self.assertTrue(cstdcs_staff.eligible, cstdcs_staff.eligibility_reasons)
        _wizard, _action, lines = self._wizard(self.cstdcs)
        for emp in (self.emp_staff, self.emp_other):
            line = by_key[(emp, self.cstdcs)]
            self.assertEqual(lines[emp].eligible, line.eligible, emp.name)
            self.assertEqual(lines[emp].reasons, line.eligibility_reasons, emp.name)

    def test_collective_counts_only_eligible_member_candidates(self):
        """TTLĐTT needs 70 % of members with LĐTT: the leader's LĐTT candidacy
        (rated HTNV) is not eligible, so only 1 of the group's 2 members counts."""
        self._rated(self.emp_leader, "htnv")
        proposal = self._proposal(
            [
                self._line(self.emp_staff, self.ldtt),
                self._line(self.emp_leader, self.ldtt),
                self._line(self.dept, self.ttldtt),
            ]
        )
        proposal.action_check_eligibility()
        line = proposal.line_ids.filtered(lambda ln: ln.title_id == self.ttldtt)
        self.assertFalse(line.eligible, line.eligibility_reasons)
        self.assertIn("1 of 2", line.eligibility_reasons)
        _wizard, _action, lines = self._wizard(self.ttldtt)
        self.assertFalse(lines[self.dept].eligible)
        self.assertEqual(lines[self.dept].reasons, line.eligibility_reasons)
        # Rated HTTNV, the leader's candidacy is eligible and carries the group.
        self._rated(self.emp_leader, "httnv")
        proposal.action_check_eligibility()
        self.assertTrue(line.eligible, line.eligibility_reasons)
        self.assertIn("2 of 2", line.eligibility_reasons)
        self.assertIn("this round", line.eligibility_reasons)

    def test_chain_counts_this_years_eligible_candidate(self):
        """CSTĐ cấp tỉnh proposed with the 3rd CSTĐCS (and its LĐTT) in the same
        round: the CSTĐCS counts while it is eligible, which needs its LĐTT to be
        eligible in turn."""
        years = {
            name: self._period(
                name, f"{name[:4]}-09-01", f"{name[5:]}-08-31", self.school_a
            )
            for name in ("2038-2039", "2039-2040")
        }
        for period in years.values():
            self._award(self.emp_staff, period, "CSTDCS")
        self._rated(self.emp_staff, "htxsnv")
        self._initiative(self.emp_staff, self.year, "province", "Sáng kiến tỉnh")
        cstd_tinh = self.env.ref("school_emulation.title_cstd_tinh_2025")
        proposal = self._proposal(
            [
                self._line(self.emp_staff, self.ldtt),
                self._line(self.emp_staff, self.cstdcs),
                self._line(self.emp_staff, cstd_tinh),
            ]
        )
        proposal.action_check_eligibility()
        line = proposal.line_ids.filtered(lambda ln: ln.title_id == cstd_tinh)
        self.assertTrue(line.eligible, line.eligibility_reasons)
        self.assertIn(
            "Chiến sĩ thi đua cơ sở for 2040-2041 is proposed in this round",
            line.eligibility_reasons,
        )
        # Rated HTNV: no LĐTT, so no CSTĐCS, so the chain misses 2040-2041.
        self._rated(self.emp_staff, "htnv")
        proposal.action_check_eligibility()
        self.assertFalse(line.eligible)
        self.assertIn("2040-2041", line.eligibility_reasons)
        self.assertIn("Chiến sĩ thi đua cơ sở", line.eligibility_reasons)

    # --- why yes ------------------------------------------------------------------
    def test_eligible_answers_say_which_conditions_were_met(self):
        self._rated(self.emp_staff, "htxsnv")
        self._initiative(self.emp_other, self.year, "school", "Sáng kiến STEM")
        proposal = self._proposal(
            [
                self._line(self.emp_staff, self.ldtt),
                self._line(self.emp_other, self.ldtt),
                self._line(self.emp_staff, self.cstdcs),
                self._line(self.emp_other, self.cstdcs),
            ]
        )
        proposal.action_check_eligibility()
        for line in proposal.line_ids:
            self.assertTrue(line.eligible, line.eligibility_reasons)
            self.assertTrue(line.eligibility_reasons, line.display_name)
        by_key = {(ln.employee_id, ln.title_id): ln for ln in proposal.line_ids}
        ldtt = by_key[(self.emp_other, self.ldtt)].eligibility_reasons
        self.assertIn("Rated Good completion (HTTNV) in 2040-2041.", ldtt)
        self.assertIn("No discipline of Reprimand (khiển trách) or heavier", ldtt)
        staff = by_key[(self.emp_staff, self.cstdcs)].eligibility_reasons
        self.assertIn(
            "Lao động tiên tiến for 2040-2041 is proposed in this round", staff
        )
        self.assertIn("Rated Excellent completion (HTXSNV) in 2040-2041.", staff)
        other = by_key[(self.emp_other, self.cstdcs)].eligibility_reasons
        self.assertIn("“Sáng kiến STEM”", other)
        self.assertNotIn("HTXSNV", other)
        # The menu's check words it the same way.
        _wizard, _action, lines = self._wizard(self.cstdcs)
        self.assertEqual(lines[self.emp_other].reasons, other)
        # A decided title is "held", not "proposed".
        self._award(self.emp_leader, self.year, "LDTT")
        self._rated(self.emp_leader, "htxsnv")
        leader = self.Engine.evaluate_round(
            self.year, [(self.cstdcs, self.emp_leader)]
        )[0][self.emp_leader.id]
        self.assertTrue(leader["eligible"], leader["reasons"])
        self.assertIn(
            "Holds the title Lao động tiên tiến for 2040-2041.", leader["grounds"]
        )

    def test_wizard_dialog_has_a_title(self):
        _wizard, action, _lines = self._wizard(self.ldtt)
        self.assertEqual(action["name"], "Eligibility Check")
        view = self.env.ref(
            "school_emulation.school_emulation_eligibility_wizard_view_form"
        )
        self.assertIn('string="Eligibility Check"', view.arch)

    # --- consecutive school years of the calendar ----------------------------------
    def test_missing_school_year_breaks_the_chain(self):
        """School B has no record of 2022-2023: CSTĐCS in 2021-22, 2023-24 and
        2024-25 is not three consecutive years (a gap is a missing year)."""
        company = self.school_b
        years = {
            name: self._period(name, f"{name[:4]}-09-01", f"{name[5:]}-05-31", company)
            for name in ("2021-2022", "2023-2024", "2024-2025")
        }
        emp = self._employee("Giáo viên B", company=company)
        for period in years.values():
            self._award(emp, period, "CSTDCS")
        self._initiative(emp, years["2024-2025"], "province", "Sáng kiến tỉnh")
        current = years["2024-2025"]
        res = self.Engine.evaluate("CSTD_TINH", current, emp)[emp.id]
        self.assertFalse(res["eligible"])
        self.assertEqual(res["codes"], ["missing_title"])
        self.assertIn("2022-2023", res["reasons"][0])
        # The year recorded, with its CSTĐCS: three consecutive years.
        gap = self._period("2022-2023", "2022-09-01", "2023-05-31", company)
        self._award(emp, gap, "CSTDCS")
        res = self.Engine.evaluate("CSTD_TINH", current, emp)[emp.id]
        self.assertTrue(res["eligible"], res["reasons"])
        self.assertIn(
            "Chiến sĩ thi đua cơ sở in 3 consecutive school years: 2022-2023, "
            "2023-2024, 2024-2025.",
            res["grounds"],
        )

    def test_initiative_of_a_chain_year_counts_for_cstd_tinh(self):
        """Luật 2022 Art. 22.1 asks for three consecutive CSTĐCS and a
        province-wide initiative, not an initiative of the year under review: one of
        the chain's years counts; one older than the chain window does not."""
        company = self.school_a
        years = {
            name: self._period(name, f"{name[:4]}-09-01", f"{name[5:]}-08-31", company)
            for name in ("2036-2037", "2037-2038", "2038-2039", "2039-2040")
        }
        years["2040-2041"] = self.year
        chain = ("2038-2039", "2039-2040", "2040-2041")
        recent, old = self._employee("GV chuỗi 1"), self._employee("GV chuỗi 2")
        for emp in (recent, old):
            for name in chain:
                self._award(emp, years[name], "CSTDCS")
        self._initiative(recent, years["2038-2039"], "province", "Sáng kiến 2038")
        self._initiative(old, years["2036-2037"], "province", "Sáng kiến 2036")
        res = self.Engine.evaluate("CSTD_TINH", self.year, recent | old)
        self.assertTrue(res[recent.id]["eligible"], res[recent.id]["reasons"])
        self.assertIn("“Sáng kiến 2038”", res[recent.id]["explanation"])
        self.assertIn("2038-2039", res[recent.id]["explanation"])
        self.assertEqual(res[old.id]["codes"], ["no_initiative"])

    # --- tenure to the evaluation cut-off --------------------------------------------
    def test_tenure_is_counted_to_the_evaluation_cutoff(self):
        """A school year of 01/09-31/08 is judged at its cut-off (31/05 by
        default): the summer months are not worked time. Recruited 15/01/2041:
        4 months by 31/05/2041, not the 6 LĐTT needs (7 by 31/08)."""
        late = self._employee("Tuyển tháng 1", recruitment_date="2041-01-15")
        early = self._employee("Tuyển tháng 12", recruitment_date="2040-12-01")
        edge = self._employee("Tuyển 20/12", recruitment_date="2040-12-20")
        for emp in late | early | edge:
            self._rated(emp, "httnv")
        res = self.Engine.evaluate("LDTT", self.year, late | early | edge)
        self.assertEqual(res[late.id]["codes"], ["recruited_recently"])
        self.assertEqual(res[edge.id]["codes"], ["recruited_recently"])
        self.assertTrue(res[early.id]["eligible"], res[early.id]["reasons"])
        self.assertIn(
            "Recruited on 01/12/2040: at least 6 months of service by the "
            "evaluation cut-off of 31/05/2041.",
            res[early.id]["grounds"],
        )
        # A province sets its own cut-off (system parameter, MM-DD).
        self.env["ir.config_parameter"].set_param(CUTOFF_PARAM, "06-30")
        res = self.Engine.evaluate("LDTT", self.year, late | edge)
        self.assertEqual(res[late.id]["codes"], ["recruited_recently"])
        self.assertTrue(res[edge.id]["eligible"], res[edge.id]["reasons"])
        self.env["ir.config_parameter"].set_param(CUTOFF_PARAM, "31/05")
        with self.assertRaisesRegex(UserError, "MM-DD"):
            self.Engine.evaluate("LDTT", self.year, late)

    def test_summer_after_the_cutoff_is_not_in_the_year(self):
        """A reprimand of July 2041 is not a fact of school year 2040-2041; a review
        still pending then blocks the proposal (NĐ 152/2025 Art. 4.4)."""
        punished = self._employee("Kỷ luật tháng 7")
        reviewed = self._employee("Đang xem xét")
        for emp in punished | reviewed:
            self._rated(emp, "httnv")
        Discipline = self.env["school.emulation.discipline"]
        Discipline.create(
            {
                "employee_id": punished.id,
                "kind": "discipline",
                "level": "reprimand",
                "date_start": "2041-07-01",
                "date_end": "2042-06-30",
            }
        )
        Discipline.create(
            {
                "employee_id": reviewed.id,
                "kind": "investigation",
                "date_start": "2041-07-01",
            }
        )
        res = self.Engine.evaluate("LDTT", self.year, punished | reviewed)
        self.assertTrue(res[punished.id]["eligible"], res[punished.id]["reasons"])
        self.assertEqual(res[reviewed.id]["codes"], ["pending_review"])

    # --- batch ----------------------------------------------------------------------
    def _count_check(self, proposal):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        proposal.action_check_eligibility()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_proposal_check_does_not_query_per_candidate(self):
        def proposal(count, prefix):
            lines = []
            for i in range(count):
                emp = self._employee(f"{prefix} {i}")
                self._rated(emp, "htxsnv")
                lines += [self._line(emp, self.ldtt), self._line(emp, self.cstdcs)]
            return self._proposal(lines)

        small, large = proposal(3, "Nhỏ"), proposal(12, "Lớn")
        self._count_check(small)  # warm the caches (rules, labels)
        self._count_check(large)
        # four times the candidates: a query per candidate would add at least 9
        # (per title 18); the ORM's flush may split a batch once, nothing more
        few, many = self._count_check(small), self._count_check(large)
        self.assertLessEqual(many - few, 1, (few, many))
        self.assertTrue(all(large.line_ids.mapped("eligible")))

    # --- legal trace: acceptance date and rule set ------------------------------------
    def _submitted(self, sent="2026-09-20"):
        proposal = self._proposal([self._line(self.emp_staff, self.ldtt)])
        proposal._write_state({"state": "submitted", "submitted_date": sent})
        return proposal

    def test_acceptance_date_decides_the_rule_set(self):
        """domain.md §0.2: a dossier accepted before 01/10/2026 is judged under
        Luật 06/2022/QH15, from that day under the amending Law: the catalogue's
        effective dates decide, not the code."""
        law_2022 = self.env.ref("school_emulation.legal_basis_luat_06_2022")
        law_2026 = self.env.ref("school_emulation.legal_basis_luat_sd_2026")
        before, after = self._submitted(), self._submitted()
        before.with_user(self.officer).action_record_acceptance("2026-09-30")
        after.with_user(self.officer).action_record_acceptance(date(2026, 10, 1))
        self.assertEqual(before.accepted_date, date(2026, 9, 30))
        self.assertEqual(before.rule_basis_id, law_2022)
        self.assertEqual(after.accepted_date, date(2026, 10, 1))
        self.assertEqual(after.rule_basis_id, law_2026)
        # Data, not code: the catalogue moves the switch.
        law_2026.date_effective = "2026-11-01"
        later = self._submitted()
        later.with_user(self.officer).action_record_acceptance("2026-10-15")
        self.assertEqual(later.rule_basis_id, law_2022)

    def test_acceptance_is_recorded_by_the_server_only(self):
        proposal = self._submitted()
        officer = proposal.with_user(self.officer)
        with self.assertRaises(UserError):
            officer.write({"accepted_date": "2026-09-30"})
        with self.assertRaises(UserError):
            officer.write(
                {
                    "rule_basis_id": self.env.ref(
                        "school_emulation.legal_basis_luat_06_2022"
                    ).id
                }
            )
        with self.assertRaises(UserError):
            self._proposal([], accepted_date="2026-09-30")
        with self.assertRaises(UserError):
            self.env["school.emulation.proposal"].with_user(self.officer).with_context(
                default_accepted_date="2026-09-30"
            ).create({"period_id": self.year.id, "company_id": self.school_a.id})
        with self.assertRaisesRegex(UserError, "officer"):
            proposal.with_user(self.users["leader"]).action_record_acceptance(
                "2026-09-30"
            )
        with self.assertRaisesRegex(UserError, "20/09/2026"):
            officer.action_record_acceptance("2026-09-19")
        with self.assertRaises(UserError):
            self._proposal([]).action_record_acceptance("2026-09-30")
        self.assertFalse(proposal.accepted_date)
        self.assertFalse(proposal.rule_basis_id)
