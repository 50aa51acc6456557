from collections import defaultdict

from odoo import api, models
from odoo.tools import SQL

from ..tools import eligibility as engine
from .school_emulation_subject_mixin import TITLE_SUBJECTS


class SchoolEmulationEligibility(models.AbstractModel):
    """The eligibility engine inside Odoo: gathers the facts of many subjects in a
    fixed number of queries, runs ``tools/eligibility.py`` with the rule in force for
    the school year, and words every reason in the user's language."""

    _name = "school.emulation.eligibility"
    _description = "Eligibility Engine"

    @api.model
    def evaluate(self, title_code, period, subjects, variant=None, pending=None):
        """Check ``subjects`` for ``title_code`` in school year ``period``.

        ``subjects``: hr.employee, hr.department, school.student, school.class or
        res.company records (one model per call). ``pending``: ``{subject_key: set of
        title codes}`` proposed in the same round that count as held (LĐTT proposed
        with CSTĐCS). Returns ``{record id: {"eligible", "reasons", "codes"}}``.
        """
        company = period.company_id
        rule_rec = self.env["school.emulation.title"]._get_rule(
            title_code, period.date_end, variant=variant, company=company
        )
        # The values of the record just found for the school: eligible_rules() would
        # search again, for env.company (a Sở officer's own override would leak).
        rule = rule_rec._rule_values()
        pending = pending or {}
        kind = {
            "hr.employee": "employee",
            "hr.department": "department",
            "res.company": "school",
            "school.student": "student",
            "school.class": "class",
        }[subjects._name]
        if kind not in TITLE_SUBJECTS[rule["subject_type"]]:
            return {
                rec.id: self._result(
                    False,
                    [("wrong_subject", {"title": rule_rec.name})],
                    self._wording(),
                )
                for rec in subjects
            }
        if kind == "employee":
            results = self._evaluate_people(rule, period, subjects, pending)
        elif kind in ("department", "school"):
            results = self._evaluate_collectives(rule, period, subjects, pending)
        elif kind == "student":
            results = self._evaluate_students(rule, period, subjects)
        else:
            results = self._evaluate_classes(rule, period, subjects)
        words = self._wording()
        return {key: self._result(*value, words) for key, value in results.items()}

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
        """The ``years`` school years before ``period``, most recent first."""
        if not years:
            return self.env["school.emulation.period"]
        return self.env["school.emulation.period"].search(
            [
                ("company_id", "=", period.company_id.id),
                ("date_start", "<", period.date_start),
            ],
            order="date_start desc",
            limit=years,
        )

    def _people(self, employees, periods, pending, initiatives=True):
        """``{employee id: engine.Person}`` in a fixed number of queries; the first
        of ``periods`` is the year under review (``pending`` titles count there).
        ``initiatives``: also read the initiative scopes (two queries)."""
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
            self._add_initiative_scopes(people, ids, periods, names)
        for emp_id, person in people.items():
            for code in pending.get(f"employee:{emp_id}", ()):
                person.titles.setdefault(names[periods[:1].id], set()).add(code)
        return people

    def _add_initiative_scopes(self, people, ids, periods, names):
        """Best recognised scope per author and year, over initiatives not yet used
        for an award (two queries)."""
        initiatives = {
            ini_id: (period_id, scope)
            for ini_id, period_id, scope in self._rows(
                "school.emulation.initiative",
                [
                    ("state", "=", "recognised"),
                    ("period_id", "in", periods.ids),
                    ("used_for_award_id", "=", False),
                    ("author_ids.employee_id", "in", ids),
                ],
                ["id", "period_id", "recognised_scope"],
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
            period_id, scope = initiatives[ini_id]
            person = people.get(emp_id)
            if person is None or not scope:
                continue
            year = names[period_id]
            best = person.initiatives.get(year)
            if best is None or order[scope] > order[best]:
                person.initiatives[year] = scope

    # --- per kind -----------------------------------------------------------------
    def _periods(self, rule, period):
        years = max(rule.get("consecutive_years") or 0, 0)
        history = self._history(period, years)
        return period | history, [p.name for p in history]

    def _evaluate_people(self, rule, period, employees, pending):
        periods, history = self._periods(rule, period)
        people = self._people(
            employees,
            periods,
            pending,
            initiatives=(rule.get("rating_initiative_rule") or "none") != "none",
        )
        current = engine.Period(period.name, period.date_start, period.date_end)
        results = {
            emp_id: engine.check_individual(rule, person, current, history)
            for emp_id, person in people.items()
        }
        return self._quota(rule, period, results, pending, "employee")

    def _quota(self, rule, period, results, pending, kind):
        if not rule.get("quota_enabled"):
            return {k: (r.eligible, r.reasons) for k, r in results.items()}
        base_code = rule.get("quota_base_code") or "LDTT"
        base = self.env["school.emulation.award"].sudo().search_count(
            [
                ("company_id", "=", period.company_id.id),
                ("period_id", "=", period.id),
                ("title_code", "=", base_code),
                ("state", "=", "confirmed"),
            ]
        ) + sum(1 for codes in pending.values() if base_code in codes)
        ranked = [key for key, res in results.items() if res.eligible]
        over = engine.apply_quota(rule, ranked, base)
        out = {}
        for key, res in results.items():
            reasons = [*res.reasons, over[key]] if key in over else res.reasons
            out[key] = (not reasons, reasons)
        return out

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
        people = (
            self._people(members, period, pending, initiatives=False) if members else {}
        )
        by_unit = defaultdict(list)
        for emp_id, unit_id in member_rows:
            by_unit[unit_id].append(people[emp_id])
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
        current = engine.Period(period.name, period.date_start, period.date_end)
        out = {}
        for unit in units:
            res = engine.check_collective(
                rule, by_unit.get(unit.id, []), current, ratings.get(unit.id)
            )
            out[unit.id] = (res.eligible, res.reasons)
        return out

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
                out[student.id] = (False, [("no_result", {"year": period.name})])
                continue
            res = engine.check_student(
                rule, row["conduct"], row["learning"], row["subjects_ge_9"]
            )
            out[student.id] = (res.eligible, res.reasons)
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
                )
            else:
                out[cls.id] = (True, [])
        return out

    # --- wording ------------------------------------------------------------------
    def _wording(self):
        """Labels needed to word reasons, read once per evaluation (two queries)."""
        Title = self.env["school.emulation.title"].sudo()
        names = {}
        for row in Title.search_read(
            [], ["code", "name"], order="date_start asc", load=None
        ):
            names[row["code"]] = row["name"]  # the latest era wins
        fields_ = Title._fields
        return {
            "titles": names,
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

    def _result(self, eligible, reasons, words):
        # One sentence per distinct reason for the whole run, not per subject.
        texts = words.setdefault("texts", {})
        out = []
        for code, params in reasons:
            key = (code, tuple(sorted(params.items())))
            if key not in texts:
                texts[key] = self._reason_text(code, params, words)
            out.append(texts[key])
        return {
            "eligible": eligible,
            "codes": [code for code, _params in reasons],
            "reasons": out,
        }

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
