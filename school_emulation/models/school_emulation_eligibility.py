from collections import defaultdict
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools import eligibility as engine
from .school_emulation_registration import SUBJECT_FIELDS
from .school_emulation_subject_mixin import TITLE_SUBJECTS

# The day of the school year its tenure and "in the year" facts are measured to
# (MM-DD), see ``_evaluation_cutoff``.
CUTOFF_PARAM = "school_emulation.evaluation_cutoff"
DEFAULT_CUTOFF = "05-31"
KINDS = {
    "hr.employee": "employee",
    "hr.department": "department",
    "res.company": "school",
    "school.student": "student",
    "school.class": "class",
}
SUBJECT_MODELS = {
    "employee": "hr.employee",
    "department": "hr.department",
    "school": "res.company",
    "student": "school.student",
    "class": "school.class",
}
# Rule fields naming a title whose holders in the same year the rule reads: a
# candidate for that title in the same round counts as holding it if eligible.
ROUND_DEPENDENCIES = (
    "prerequisite_code",
    "member_title_code",
    "member_excellent_code",
    "consecutive_code",
)


class SchoolEmulationEligibility(models.AbstractModel):
    """The eligibility engine inside Odoo: gathers the facts of many subjects in a
    fixed number of queries, runs ``tools/eligibility.py`` with the rule in force for
    the school year, and words every result in the user's language: the conditions
    that failed, or, for an eligible subject, the conditions that were met."""

    _name = "school.emulation.eligibility"
    _description = "Eligibility Engine"

    @api.model
    def evaluate(self, title_code, period, subjects, variant=None, pending=None):
        """Check ``subjects`` for ``title_code`` in school year ``period``.

        ``subjects``: hr.employee, hr.department, school.student, school.class or
        res.company records (one model per call). ``pending``: ``{subject_key: set of
        title codes}`` proposed in the same round that count as held (LĐTT proposed
        with CSTĐCS); ``evaluate_round`` builds it from the round itself. Returns
        ``{record id: {"eligible", "reasons", "codes", "grounds", "explanation"}}``:
        ``reasons`` the failed conditions, ``grounds`` the conditions met (for an
        eligible subject), ``explanation`` the one or the other as text.
        """
        rule_rec = self.env["school.emulation.title"]._get_rule(
            title_code, period.date_end, variant=variant, company=period.company_id
        )
        return self._evaluate_rule(rule_rec, period, subjects, pending or {})

    @api.model
    def evaluate_round(self, period, requests):
        """The one answer of the round of ``period`` (domain.md §2, counting
        conventions: "One eligibility answer"): the menu's check and the proposal's
        check both call it.

        ``requests``: ``[(title, subjects)]``, a title record (its criterion set)
        and the records to check for it (one model per request). A title another
        rule reads in the same year (LĐTT for CSTĐCS, members' LĐTT and CSTĐCS for
        TTLĐTT/TTLĐXS, this year's CSTĐCS of a chain) counts as held when it is
        decided, or when it is proposed in the round (``_round_domain``) AND that
        candidate is itself eligible, judged here by the same rules; an ineligible
        candidate never counts (domain.md §2, counting conventions).

        Returns one ``{record id: result}`` per request, in order (results as
        ``evaluate`` gives them). Each title of the round is evaluated once, in
        batch, whatever the number of candidates.
        """
        Title = self.env["school.emulation.title"]
        company = period.company_id
        groups = self._round_groups(period)
        memo = {}

        def run(title, subjects, visiting):
            key = (title.id, subjects._name)
            done = memo.get(key)
            if done is not None and set(subjects.ids) <= done.keys():
                return done
            rule_rec = Title._get_rule(
                title.code,
                period.date_end,
                variant=None if title.is_default_variant else title.variant,
                company=company,
            )
            pending = defaultdict(set)
            deps = self._round_dependencies(rule_rec._rule_values())
            for code in deps - {title.code} - visiting:
                for dep_title, dep_subjects in groups.get(code, ()):
                    found = run(dep_title, dep_subjects, visiting | {title.code})
                    for rec in dep_subjects:
                        if found[rec.id]["eligible"]:
                            pending[self._subject_key(rec)].add(code)
            results = self._evaluate_rule(rule_rec, period, subjects, pending)
            memo[key] = {**(done or {}), **results}
            return results

        answers = []
        for title, subjects in requests:
            found = run(title, subjects, frozenset())
            answers.append({rec_id: found[rec_id] for rec_id in subjects.ids})
        return answers

    @api.model
    def _round_domain(self, period):
        """The candidates of the round of ``period``: titles proposed for the year,
        not rejected by the council, in a proposal that was not rejected."""
        return [
            ("period_id", "=", period.id),
            ("title_id", "!=", False),
            ("council_result", "!=", "rejected"),
            ("proposal_id.state", "!=", "rejected"),
        ]

    def _round_groups(self, period):
        """``{title code: [(title, subjects)]}`` of the round, in one query."""
        rows = (
            self.env["school.emulation.proposal.line"]
            .sudo()
            .search_read(
                self._round_domain(period),
                ["title_id", "subject_type", "company_id", *SUBJECT_FIELDS.values()],
                load=None,
            )
        )
        ids = defaultdict(list)
        for row in rows:
            field = SUBJECT_FIELDS.get(row["subject_type"], "company_id")
            if row[field]:
                ids[(row["title_id"], row["subject_type"])].append(row[field])
        titles = {
            title.id: title
            for title in self.env["school.emulation.title"]
            .sudo()
            .browse({title_id for title_id, _kind in ids})
        }
        groups = defaultdict(list)
        for (title_id, kind), record_ids in ids.items():
            title = titles[title_id]
            subjects = self.env[SUBJECT_MODELS[kind]].sudo().browse(record_ids)
            groups[title.code].append((title, subjects))
        return groups

    @api.model
    def _round_dependencies(self, rule):
        """Codes of the titles ``rule`` reads in the year under review."""
        codes = {rule.get(name) for name in ROUND_DEPENDENCIES}
        if rule.get("quota_enabled"):
            codes.add(rule.get("quota_base_code") or "LDTT")
        return {code for code in codes if code}

    @api.model
    def _subject_key(self, record):
        """The ``subject_key`` of proposal lines and awards for ``record``."""
        return f"{KINDS[record._name]}:{record.id}"

    def _evaluate_rule(self, rule_rec, period, subjects, pending):
        # The values of the record just found for the school: eligible_rules() would
        # search again, for env.company (a Sở officer's own override would leak).
        rule = rule_rec._rule_values()
        kind = KINDS[subjects._name]
        words = self._wording(period)
        if kind not in TITLE_SUBJECTS[rule["subject_type"]]:
            return {
                rec.id: self._result(
                    False, [("wrong_subject", {"title": rule_rec.name})], [], words
                )
                for rec in subjects
            }
        if kind == "employee":
            results = self._evaluate_people(rule, period, subjects, pending, words)
        elif kind in ("department", "school"):
            results = self._evaluate_collectives(rule, period, subjects, pending)
        elif kind == "student":
            results = self._evaluate_students(rule, period, subjects)
        else:
            results = self._evaluate_classes(rule, period, subjects)
        return {key: self._result(*value, words) for key, value in results.items()}

    @api.model
    def _evaluation_cutoff(self, period):
        """The day tenure and "in the year" facts of ``period`` are measured to.

        domain.md §2, counting conventions [C]: "Tenure and 'in the year' facts are
        measured to the school year's evaluation cut-off"; sector practice judges the
        school year at its end of teaching (late May) with dossiers due in
        June-July [P], so the cut-off defaults to 31/05 and a province sets its
        own (system parameter ``school_emulation.evaluation_cutoff``, MM-DD); "the
        summer months after the cut-off are not worked time for that year's
        titles". It is what the months since recruitment of TT 01/2024/TT-BNV
        Art. 1.5d (not awarded if recruited less than 06 months before) and the
        year's discipline are counted to. A school year ending before the cut-off
        (or starting after it) is measured to its last day. Hook: override to read
        the date from the school year record.
        """
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(CUTOFF_PARAM, DEFAULT_CUTOFF)
        )
        try:
            month, day = (int(part) for part in value.strip().split("-"))
            cutoff = date(period.date_end.year, month, day)
        except ValueError as error:
            raise UserError(
                self.env._(
                    "The evaluation cut-off %(value)s (system parameter %(param)s) "
                    "is not a day of the year written MM-DD, e.g. 05-31.",
                    value=value,
                    param=CUTOFF_PARAM,
                )
            ) from error
        if not period.date_start <= cutoff <= period.date_end:
            return period.date_end
        return cutoff

    @api.model
    def _rule_set_basis(self, day, company=None):
        """The rule set a dossier accepted on ``day`` is judged under: the law on
        emulation and awards in force that day.

        domain.md §0.2: every rule is data with an effective-date range and a legal
        basis; the amending Law takes effect on 01/10/2026 and "a dossier accepted
        by the competent body before 01/10/2026 is judged under Luật 06/2022/QH15"
        [R]. The laws considered are those the catalogue (titles and award forms,
        any criterion set) rests on; the one in effect on ``day`` by its own
        effective and expiry dates, the latest to take effect, wins. A missing one
        is an error, never a default."""
        company = company or self.env.company
        Basis = self.env["school.emulation.legal.basis"].sudo()
        used = set()
        for model in ("school.emulation.title", "school.emulation.award.form"):
            for row in (
                self.env[model]
                .sudo()
                .search_read(
                    [
                        ("legal_basis_id.document_type", "=", "law"),
                        ("company_id", "in", [company.id, False]),
                    ],
                    ["legal_basis_id"],
                    load=None,
                )
            ):
                used.add(row["legal_basis_id"])
        basis = Basis.search(
            [
                ("id", "in", list(used)),
                ("date_effective", "<=", day),
                "|",
                ("date_expired", "=", False),
                ("date_expired", ">=", day),
            ],
            order="date_effective desc, id desc",
            limit=1,
        )
        if not basis:
            raise UserError(
                self.env._(
                    "No law on emulation and awards of the legal catalogue is in "
                    "force on %(date)s. An administrator must add it.",
                    date=self._se_format_date(day, company),
                )
            )
        return basis.with_env(self.env)

    # --- facts, batched --------------------------------------------------------------
    def _rows(self, model, domain, fnames):
        """Tuples of ``fnames`` for the rows matching ``domain``, in one query and
        without building records (tens of thousands of rows at province scale)."""
        Model = self.env[model].sudo().with_context(active_test=False)
        self.env.flush_all()  # raw SQL below: pending writes (domain fields too)
        query = Model._search(domain)
        self.env.cr.execute(
            query.select(*(SQL.identifier(Model._table, f) for f in fnames))
        )
        return self.env.cr.fetchall()

    def _history(self, period, years):
        """The ``years`` school years of the calendar before ``period``, most recent
        first: ``[(name, school year record or an empty recordset)]``.

        domain.md §2, counting conventions [C]: "liên tục" means consecutive school
        years of the calendar (2021-22, 2022-23, 2023-24); a year in which the title
        was not held breaks the chain whether or not that year exists as a record.
        Year ``k`` back is the recorded school year holding the middle day of
        ``period`` moved ``k`` years back (by dates, not by rank among the recorded
        years); without one it is a gap, named after its calendar years."""
        if not years:
            return []
        middle = period.date_start + (period.date_end - period.date_start) / 2
        days = [middle - relativedelta(years=back) for back in range(1, years + 1)]
        recorded = self.env["school.emulation.period"].search(
            [
                ("company_id", "=", period.company_id.id),
                ("id", "!=", period.id),
                ("date_start", "<=", days[0]),
                ("date_end", ">=", days[-1]),
            ]
        )
        history, seen = [], set()
        for back, day in enumerate(days, start=1):
            found = recorded.filtered(
                lambda p, d=day: p.date_start <= d <= p.date_end and p.id not in seen
            )[:1]
            seen.add(found.id)
            if found:
                history.append((found.name, found))
                continue
            first, last = period.date_start.year - back, period.date_end.year - back
            history.append((f"{first}-{last}" if last != first else str(first), found))
        return history

    def _people(self, employees, periods, pending, initiatives=True, facts=None):
        """``{employee id: engine.Person}`` in a fixed number of queries; the first
        of ``periods`` is the year under review (``pending`` titles count there).
        ``initiatives``: also read the initiative scopes (two queries). ``facts``
        (a dict) receives per employee what the explanations name: ``proposed``
        (titles counted from ``pending``, not decided) and ``initiatives`` (year ->
        best scope and initiative name)."""
        facts = {} if facts is None else facts
        names = {p.id: p.name for p in periods}
        ids = employees.ids
        people = {
            emp_id: engine.Person(name=name, recruitment_date=recruited)
            for emp_id, name, recruited in self._rows(
                "hr.employee", [("id", "in", ids)], ["id", "name", "recruitment_date"]
            )
        }
        for emp_id, period_id, rating in self._rows(
            "school.emulation.rating",
            [("employee_id", "in", ids), ("period_id", "in", periods.ids)],
            ["employee_id", "period_id", "rating"],
        ):
            people[emp_id].ratings[names[period_id]] = rating
        first = min(periods.mapped("date_start"))
        last = max(periods.mapped("date_end"))
        for emp_id, kind, level, date_start, date_end in self._rows(
            "school.emulation.discipline",
            [
                ("employee_id", "in", ids),
                ("date_start", "<=", last),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", first),
            ],
            ["employee_id", "kind", "level", "date_start", "date_end"],
        ):
            people[emp_id].disciplines.append(
                engine.Discipline(kind, level, date_start, date_end)
            )
        for emp_id, period_id, code in self._rows(
            "school.emulation.award",
            [
                ("employee_id", "in", ids),
                ("period_id", "in", periods.ids),
                ("state", "=", "confirmed"),
                ("award_type", "=", "merit"),
                ("title_code", "!=", False),
            ],
            ["employee_id", "period_id", "title_code"],
        ):
            people[emp_id].titles.setdefault(names[period_id], set()).add(code)
        if initiatives:
            self._add_initiative_scopes(people, ids, periods, names, facts)
        current = names[periods[:1].id]
        for emp_id, person in people.items():
            held = person.titles.setdefault(current, set())
            codes = set(pending.get(f"employee:{emp_id}", ())) - held
            if codes:
                facts.setdefault(emp_id, {})["proposed"] = codes
                held |= codes
        return people

    def _add_initiative_scopes(self, people, ids, periods, names, facts):
        """Best recognised scope per author and year, over initiatives not yet used
        for an award (two queries); its name goes into ``facts``."""
        initiatives = {
            ini_id: (period_id, scope, name)
            for ini_id, period_id, scope, name in self._rows(
                "school.emulation.initiative",
                [
                    ("state", "=", "recognised"),
                    ("period_id", "in", periods.ids),
                    ("used_for_award_id", "=", False),
                    ("author_ids.employee_id", "in", ids),
                ],
                ["id", "period_id", "recognised_scope", "name"],
            )
        }
        if not initiatives:
            return
        order = engine.SCOPE_ORDER
        for ini_id, emp_id in self._rows(
            "school.emulation.initiative.author",
            [("initiative_id", "in", list(initiatives)), ("employee_id", "in", ids)],
            ["initiative_id", "employee_id"],
        ):
            period_id, scope, name = initiatives[ini_id]
            person = people.get(emp_id)
            if person is None or not scope:
                continue
            year = names[period_id]
            best = person.initiatives.get(year)
            if best is None or order[scope] > order[best]:
                person.initiatives[year] = scope
                facts.setdefault(emp_id, {}).setdefault("initiatives", {})[year] = (
                    scope,
                    name,
                )

    def _chain_initiatives(self, people, facts, current, history):
        """For a title earned by a chain of years (CSTĐ cấp tỉnh, toàn quốc), the
        initiative may come from the year under review or from any year of the
        chain window (the ``consecutive_years`` years before it): the best one
        counts for the year under review.

        domain.md is silent on the year. The Law as domain.md quotes it asks for
        "03 consecutive CSTĐCS titles, AND an initiative applied effectively and
        replicable within the province" (Luật 2022 Art. 22.1; Art. 21 for the
        national title: "02 consecutive provincial/ministerial CSTĐ titles + an
        initiative/research with nationwide effect"): the initiative is the
        person's, not tied to the year under review. An initiative already used for
        an award never counts (CV 5007/BNV-TĐKT, domain.md §2.3)."""
        order = engine.SCOPE_ORDER
        years = [current, *history]
        for emp_id, person in people.items():
            found = [
                (order[person.initiatives[year]], -rank, year)
                for rank, year in enumerate(years)
                if person.initiatives.get(year)
            ]
            if not found:
                continue
            year = max(found)[2]  # best scope, then the most recent year
            person.initiatives[current] = person.initiatives[year]
            named = facts.get(emp_id, {}).get("initiatives", {})
            facts[emp_id]["chain_initiative"] = (*named[year], year)

    # --- per kind -----------------------------------------------------------------
    def _periods(self, rule, period):
        """The recorded school years to read (``period`` first) and the names of
        the calendar years before it (gaps included)."""
        years = max(rule.get("consecutive_years") or 0, 0)
        history = self._history(period, years)
        recorded = period | self.env["school.emulation.period"].browse(
            [rec.id for _name, rec in history if rec]
        )
        return recorded, [name for name, _rec in history]

    def _evaluate_people(self, rule, period, employees, pending, words):
        periods, history = self._periods(rule, period)
        mode = rule.get("rating_initiative_rule") or "none"
        facts = {}
        people = self._people(
            employees, periods, pending, initiatives=mode != "none", facts=facts
        )
        if rule.get("consecutive_code") and mode != "none":
            self._chain_initiatives(people, facts, period.name, history)
        cutoff = self._evaluation_cutoff(period)
        current = engine.Period(period.name, period.date_start, cutoff)
        whole = engine.Period(period.name, period.date_start, period.date_end)
        reasons = {}
        for emp_id, person in people.items():
            found = list(
                engine.check_individual(rule, person, current, history).reasons
            )
            # A review pending after the cut-off still blocks the proposal: do not
            # award or propose while it is pending (NĐ 152/2025 Art. 4.4).
            if all(code != "pending_review" for code, _params in found) and any(
                d.kind == "investigation" and d.overlaps(whole)
                for d in person.disciplines
            ):
                found.append(("pending_review", {}))
            reasons[emp_id] = found
        out = {}
        for emp_id, (failed, extra) in self._quota(
            rule, period, reasons, pending
        ).items():
            grounds = []
            if not failed:
                grounds = self._individual_grounds(
                    rule,
                    people[emp_id],
                    facts.get(emp_id, {}),
                    current,
                    history,
                    words,
                )
            out[emp_id] = (not failed, failed, grounds + extra)
        return out

    def _individual_grounds(self, rule, person, facts, current, history, words):
        """The conditions an eligible staff member meets, as ``(code, params)``."""
        year = current.name
        grounds = []
        months = rule.get("min_months_recruited")
        if months and person.recruitment_date:
            grounds.append(
                (
                    "recruited",
                    {
                        "date": words["date"](person.recruitment_date),
                        "months": months,
                        "cutoff": words["date"](current.date_end),
                    },
                )
            )
        level = rule.get("disqualifying_discipline")
        grounds.append(
            ("no_discipline", {"level": level, "year": year})
            if level
            else ("no_review", {"year": year})
        )
        proposed = facts.get("proposed", set())
        required = rule.get("prerequisite_code")
        if required:
            grounds.append(
                (
                    "title_proposed" if required in proposed else "title_held",
                    {"title": required, "year": year},
                )
            )
        minimum = rule.get("min_rating")
        rating = person.ratings.get(year)
        if (
            minimum
            and rating
            and engine.RATING_ORDER[rating] >= engine.RATING_ORDER[minimum]
        ):
            grounds.append(("rated", {"rating": rating, "year": year}))
        if (rule.get("rating_initiative_rule") or "none") != "none":
            named = facts.get("chain_initiative") or (
                *facts.get("initiatives", {}).get(year, (None, None)),
                year,
            )
            scope, name, from_year = named
            order = engine.SCOPE_ORDER
            if (
                scope
                and order[scope] >= order[rule.get("initiative_scope") or "school"]
            ):
                grounds.append(
                    ("initiative", {"name": name, "scope": scope, "year": from_year})
                )
        code, years = rule.get("consecutive_code"), rule.get("consecutive_years") or 0
        if code and years > 0:
            for window in ([year, *history][:years], history[:years]):
                if len(window) == years and all(
                    code in person.titles.get(y, ()) for y in window
                ):
                    grounds.append(
                        (
                            "chain",
                            {
                                "title": code,
                                "years": years,
                                "list": ", ".join(reversed(window)),
                            },
                        )
                    )
                    if year in window and code in proposed:
                        grounds.append(
                            ("title_proposed", {"title": code, "year": year})
                        )
                    break
        return grounds

    def _quota(self, rule, period, reasons, pending):
        """``{key: (failed conditions, grounds)}``: the optional quota cap applied
        to ``reasons`` (``{key: failed conditions}``), off by default."""
        if not rule.get("quota_enabled"):
            return {key: (failed, []) for key, failed in reasons.items()}
        base_code = rule.get("quota_base_code") or "LDTT"
        base = self.env["school.emulation.award"].sudo().search_count(
            [
                ("company_id", "=", period.company_id.id),
                ("period_id", "=", period.id),
                ("title_code", "=", base_code),
                ("state", "=", "confirmed"),
            ]
        ) + sum(1 for codes in pending.values() if base_code in codes)
        ranked = [key for key, failed in reasons.items() if not failed]
        over = engine.apply_quota(rule, ranked, base)
        within = (
            "within_quota",
            {"pct": rule["quota_pct"], "cap": base * (rule["quota_pct"] or 0) // 100},
        )
        return {
            key: ([*failed, over[key]], [])
            if key in over
            else (failed, [] if failed else [within])
            for key, failed in reasons.items()
        }

    def _evaluate_collectives(self, rule, period, units, pending):
        if units._name == "res.company":
            domain = [("company_id", "in", units.ids)]
            group_field = "company_id"
        else:
            domain = [("department_id", "in", units.ids)]
            group_field = "department_id"
        member_rows = self._rows(
            "hr.employee", [*domain, ("active", "=", True)], ["id", group_field]
        )
        members = self.env["hr.employee"].browse([row[0] for row in member_rows])
        facts = {}
        people = (
            self._people(members, period, pending, initiatives=False, facts=facts)
            if members
            else {}
        )
        by_unit = defaultdict(list)
        for emp_id, unit_id in member_rows:
            by_unit[unit_id].append(emp_id)
        unit_field = "department_id" if units._name == "hr.department" else None
        ratings = {}
        for row in (
            self.env["school.emulation.unit.rating"]
            .sudo()
            .search_read(
                [
                    ("period_id", "=", period.id),
                    (unit_field or "department_id", "in", units.ids)
                    if unit_field
                    else ("department_id", "=", False),
                ],
                ["department_id", "company_id", "rating"],
                load=None,
            )
        ):
            ratings[row[unit_field] if unit_field else row["company_id"]] = row[
                "rating"
            ]
        cutoff = self._evaluation_cutoff(period)
        current = engine.Period(period.name, period.date_start, cutoff)
        out = {}
        for unit in units:
            ids = by_unit.get(unit.id, [])
            res = engine.check_collective(
                rule, [people[i] for i in ids], current, ratings.get(unit.id)
            )
            grounds = []
            if res.eligible:
                grounds = self._collective_grounds(
                    rule, people, facts, ids, current, ratings.get(unit.id)
                )
            out[unit.id] = (res.eligible, res.reasons, grounds)
        return out

    def _collective_grounds(self, rule, people, facts, ids, current, rating):
        """The conditions an eligible collective meets, as ``(code, params)``."""
        year = current.name
        grounds = []
        if rule.get("min_rating"):
            grounds.append(("unit_rated", {"rating": rating, "year": year}))

        def holders(code):
            held = [i for i in ids if code in people[i].titles.get(year, ())]
            proposed = [i for i in held if code in facts.get(i, {}).get("proposed", ())]
            return len(held), len(proposed)

        code, pct = rule.get("member_title_code"), rule.get("member_share_pct") or 0
        if code and pct:
            count, proposed = holders(code)
            grounds.append(
                (
                    "member_share_met",
                    {
                        "title": code,
                        "holders": count,
                        "total": len(ids),
                        "pct": pct,
                        "strict": bool(rule.get("member_share_strict")),
                        "proposed": proposed,
                    },
                )
            )
        if rule.get("member_all_complete"):
            grounds.append(("members_complete", {"total": len(ids), "year": year}))
        code, minimum = (
            rule.get("member_excellent_code"),
            rule.get("member_excellent_min"),
        )
        if code and minimum:
            count, proposed = holders(code)
            grounds.append(
                (
                    "member_excellent_met",
                    {
                        "title": code,
                        "count": count,
                        "min": minimum,
                        "proposed": proposed,
                    },
                )
            )
        if rule.get("member_discipline"):
            grounds.append(
                (
                    "members_not_disciplined",
                    {"level": rule["member_discipline"], "year": year},
                )
            )
        return grounds

    def _evaluate_students(self, rule, period, students):
        results = {
            row["student_id"]: row
            for row in self.env["school.student.result"]
            .sudo()
            .search_read(
                [("student_id", "in", students.ids), ("period_id", "=", period.id)],
                ["student_id", "conduct", "learning", "subjects_ge_9"],
                load=None,
            )
        }
        out = {}
        for student in students:
            row = results.get(student.id)
            if row is None:
                out[student.id] = (False, [("no_result", {"year": period.name})], [])
                continue
            res = engine.check_student(
                rule, row["conduct"], row["learning"], row["subjects_ge_9"]
            )
            grounds = []
            if res.eligible:
                grounds.append(
                    (
                        "student_result",
                        {
                            "conduct": row["conduct"],
                            "learning": row["learning"],
                            "year": period.name,
                        },
                    )
                )
                if rule.get("student_min_subjects_ge_9"):
                    grounds.append(
                        (
                            "student_subjects_met",
                            {
                                "actual": row["subjects_ge_9"] or 0,
                                "required": rule["student_min_subjects_ge_9"],
                            },
                        )
                    )
            out[student.id] = (res.eligible, res.reasons, grounds)
        return out

    def _evaluate_classes(self, rule, period, classes):
        rollup = classes._emulation_rollup(period.date_start, period.date_end)
        minimum = rule.get("class_min_avg_total") or 0
        out = {}
        for cls in classes:
            average = rollup.get(cls, {}).get("average", 0.0)
            if average < minimum:
                out[cls.id] = (
                    False,
                    [("class_average", {"min": minimum, "average": average})],
                    [],
                )
            else:
                out[cls.id] = (
                    True,
                    [],
                    [("class_average_met", {"min": minimum, "average": average})],
                )
        return out

    # --- wording ------------------------------------------------------------------
    def _wording(self, period=None):
        """Labels needed to word results, read once per evaluation (two queries)."""
        Title = self.env["school.emulation.title"].sudo()
        names = {}
        for row in Title.search_read(
            [], ["code", "name"], order="date_start asc", load=None
        ):
            names[row["code"]] = row["name"]  # the latest era wins
        fields_ = Title._fields
        company = period.company_id if period else None
        return {
            "titles": names,
            "date": lambda value: self._se_format_date(value, company),
            **{
                key: dict(fields_[name]._description_selection(self.env))
                for key, name in (
                    ("student", "student_conduct"),
                    ("ratings", "min_rating"),
                    ("levels", "disqualifying_discipline"),
                    ("scopes", "initiative_scope"),
                )
            },
        }

    def _result(self, eligible, reasons, grounds, words):
        # One sentence per distinct reason or ground for the whole run, not per
        # subject.
        texts = words.setdefault("texts", {})

        def word(kind, items, make):
            out = []
            for code, params in items:
                key = (kind, code, tuple(sorted(params.items())))
                if key not in texts:
                    texts[key] = make(code, params, words)
                out.append(texts[key])
            return out

        reason_texts = word("reason", reasons, self._reason_text)
        ground_texts = (
            word("ground", grounds or [("no_condition", {})], self._ground_text)
            if eligible
            else []
        )
        return {
            "eligible": eligible,
            "codes": [code for code, _params in reasons],
            "reasons": reason_texts,
            "grounds": ground_texts,
            "explanation": "\n".join(ground_texts if eligible else reason_texts),
        }

    def _ground_text(self, code, params, words):  # noqa: C901 - one message per code
        """The sentence saying why a condition is met ("why yes")."""
        _ = self.env._
        ratings, levels, scopes = words["ratings"], words["levels"], words["scopes"]

        def title_name(title_code):
            return words["titles"].get(title_code, title_code)

        if code == "recruited":
            return _(
                "Recruited on %(date)s: at least %(months)s months of service by "
                "the evaluation cut-off of %(cutoff)s.",
                **params,
            )
        if code == "no_discipline":
            return _(
                "No discipline of %(level)s or heavier, and no pending review, in "
                "%(year)s.",
                level=levels.get(params["level"], params["level"]),
                year=params["year"],
            )
        if code == "no_review":
            return _(
                "No pending discipline review, investigation or complaint in "
                "%(year)s.",
                **params,
            )
        if code == "title_held":
            return _(
                "Holds the title %(title)s for %(year)s.",
                title=title_name(params["title"]),
                year=params["year"],
            )
        if code == "title_proposed":
            return _(
                "%(title)s for %(year)s is proposed in this round, and that "
                "candidate is itself eligible.",
                title=title_name(params["title"]),
                year=params["year"],
            )
        if code == "rated":
            return _(
                "Rated %(rating)s in %(year)s.",
                rating=ratings.get(params["rating"], params["rating"]),
                year=params["year"],
            )
        if code == "initiative":
            return _(
                "Author of the initiative “%(name)s”, recognised with %(scope)s scope "
                "in %(year)s and not yet used for an award.",
                name=params["name"],
                scope=scopes.get(params["scope"], params["scope"]),
                year=params["year"],
            )
        if code == "chain":
            return _(
                "%(title)s in %(years)s consecutive school years: %(list)s.",
                title=title_name(params["title"]),
                years=params["years"],
                list=params["list"],
            )
        if code == "within_quota":
            return _("Within the quota of %(pct)s %% (%(cap)s places).", **params)
        if code == "unit_rated":
            return _(
                "The collective is rated %(rating)s in %(year)s.",
                rating=ratings.get(params["rating"], params["rating"]),
                year=params["year"],
            )
        if code == "member_share_met":
            required = (
                _("more than %(pct)s %%", pct=params["pct"])
                if params["strict"]
                else _("at least %(pct)s %%", pct=params["pct"])
            )
            values = {
                "holders": params["holders"],
                "total": params["total"],
                "title": title_name(params["title"]),
                "required": required,
                "proposed": params["proposed"],
            }
            if params["proposed"]:
                return _(
                    "%(holders)s of %(total)s members hold %(title)s, %(proposed)s "
                    "of them as eligible candidates of this round (%(required)s "
                    "required).",
                    **values,
                )
            return _(
                "%(holders)s of %(total)s members hold %(title)s (%(required)s "
                "required).",
                **values,
            )
        if code == "members_complete":
            return _(
                "All %(total)s members completed their tasks in %(year)s.", **params
            )
        if code == "member_excellent_met":
            values = {
                "count": params["count"],
                "min": params["min"],
                "title": title_name(params["title"]),
                "proposed": params["proposed"],
            }
            if params["proposed"]:
                return _(
                    "%(count)s members hold %(title)s, %(proposed)s of them as "
                    "eligible candidates of this round (at least %(min)s required).",
                    **values,
                )
            return _(
                "%(count)s members hold %(title)s (at least %(min)s required).",
                **values,
            )
        if code == "members_not_disciplined":
            return _(
                "No member disciplined with %(level)s or heavier in %(year)s.",
                level=levels.get(params["level"], params["level"]),
                year=params["year"],
            )
        if code == "student_result":
            student = words["student"]
            return _(
                "Conduct %(conduct)s and learning %(learning)s in %(year)s.",
                conduct=student.get(params["conduct"], params["conduct"]),
                learning=student.get(params["learning"], params["learning"]),
                year=params["year"],
            )
        if code == "student_subjects_met":
            return _(
                "%(actual)s subjects with a year average of at least 9.0 "
                "(%(required)s required).",
                **params,
            )
        if code == "class_average_met":
            return _(
                "Average weekly class total %(average)s (at least %(min)s required).",
                average=self._se_format_number(params["average"], 2),
                min=self._se_format_number(params["min"], 2),
            )
        if code == "no_condition":
            return _("The rule sets no condition to check in the records.")
        return code

    def _reason_text(self, code, params, words):  # noqa: C901 - one message per code
        _ = self.env._
        student, ratings = words["student"], words["ratings"]
        levels, scopes = words["levels"], words["scopes"]

        def title_name(title_code):
            return words["titles"].get(title_code, title_code)

        if code == "recruited_recently":
            return _("Recruited less than %(months)s months ago.", **params)
        if code == "pending_review":
            return _(
                "Under discipline review, investigation, inspection or complaint "
                "during the year."
            )
        if code == "disciplined":
            return _(
                "Disciplined during the year: %(level)s.",
                level=levels.get(params["level"], params["level"]),
            )
        if code == "missing_title":
            return _(
                "Missing the title %(title)s in %(year)s.",
                title=title_name(params["title"]),
                year=params["year"],
            )
        if code == "chain_too_short":
            return _(
                "Fewer than %(years)s consecutive years of %(title)s on record.",
                years=params["years"],
                title=title_name(params["title"]),
            )
        if code == "rating_too_low":
            return _(
                "Task rating in %(year)s is below %(rating)s (or missing).",
                year=params["year"],
                rating=ratings.get(params["rating"], params["rating"]),
            )
        if code == "no_initiative":
            return _(
                "No recognised initiative or research of %(scope)s scope "
                "in %(year)s.",
                scope=scopes.get(params["scope"], params["scope"]),
                year=params["year"],
            )
        if code == "rating_or_initiative":
            return _(
                "Neither rated %(rating)s nor the author of a recognised "
                "initiative of %(scope)s scope in %(year)s.",
                rating=ratings.get(params["rating"], params["rating"]),
                scope=scopes.get(params["scope"], params["scope"]),
                year=params["year"],
            )
        if code == "no_members":
            return _("The collective has no members.")
        if code == "member_share":
            return _(
                "Only %(holders)s of %(total)s members hold %(title)s; at least "
                "%(pct)s %% are required.",
                holders=params["holders"],
                total=params["total"],
                pct=params["pct"],
                title=title_name(params["title"]),
            )
        if code == "members_not_complete":
            return _("Members who did not complete their tasks: %(names)s.", **params)
        if code == "member_excellent":
            return _(
                "Fewer than %(min)s members hold %(title)s.",
                min=params["min"],
                title=title_name(params["title"]),
            )
        if code == "member_disciplined":
            return _(
                "Members disciplined with a warning or heavier: %(names)s.", **params
            )
        if code in ("student_conduct", "student_learning"):
            label = _("Conduct") if code == "student_conduct" else _("Learning")
            return _(
                "%(what)s result below %(required)s.",
                what=label,
                required=student.get(params["required"], params["required"]),
            )
        if code == "student_subjects":
            return _(
                "%(actual)s subjects with a year average of at least 9.0; "
                "%(required)s required.",
                **params,
            )
        if code == "no_result":
            return _("No end-of-year result recorded for %(year)s.", **params)
        if code == "class_average":
            return _(
                "Average weekly class total %(average).2f is below %(min).2f.", **params
            )
        if code == "quota":
            return _("Over the quota of %(pct)s %% (%(cap)s places).", **params)
        if code == "wrong_subject":
            return _("%(title)s is not given to this kind of recipient.", **params)
        return code
