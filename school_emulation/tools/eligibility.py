"""Eligibility of a subject for an emulation title in a school year (pure Python).

The rule is the catalogue record in force for the year (``title.eligible_rules(date)``,
a plain dict). The facts are plain data gathered in batch by the Odoo wrapper. Every
check that fails adds a reason ``(code, params)``; the wrapper turns codes into
translated sentences ("Thiếu danh hiệu CSTĐCS năm 2023-2024", "Tuyển dụng chưa đủ 6
tháng"...).

Only merit (công trạng) titles may be passed as history: ad-hoc (đột xuất) and thematic
(chuyên đề) awards never count in chains (NĐ 152/2025 Art. 4.3); the wrapper filters
them.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

# Higher is better / heavier.
RATING_ORDER = {"khtnv": 0, "htnv": 1, "httnv": 2, "htxsnv": 3}
STUDENT_ORDER = {"fail": 0, "pass": 1, "fair": 2, "good": 3}
DISCIPLINE_ORDER = {
    "reprimand": 1,
    "warning": 2,
    "demotion": 3,
    "dismissal_post": 4,
    "dismissal": 5,
}
SCOPE_ORDER = {"school": 1, "province": 2, "national": 3}


@dataclass
class Period:
    name: str
    date_start: date
    date_end: date


@dataclass
class Discipline:
    kind: str  # "discipline" or "investigation"
    level: str | None
    date_start: date
    date_end: date | None = None

    def overlaps(self, period):
        end = self.date_end or date.max
        return self.date_start <= period.date_end and end >= period.date_start


@dataclass
class Person:
    """What the engine needs to know about a staff member."""

    name: str
    recruitment_date: date | None = None
    ratings: dict = field(default_factory=dict)  # period name -> rating code
    titles: dict = field(
        default_factory=dict
    )  # period name -> set of merit title codes
    initiatives: dict = field(default_factory=dict)  # period name -> best scope code
    disciplines: list = field(default_factory=list)


@dataclass
class Result:
    eligible: bool
    reasons: list  # [(code, {params})]


def months_between(start, end):
    """Whole months from ``start`` to ``end`` (a month counts once its day comes)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return months


def _rating_ok(rating, minimum):
    return rating is not None and RATING_ORDER[rating] >= RATING_ORDER[minimum]


def _scope_ok(scope, minimum):
    return scope is not None and SCOPE_ORDER[scope] >= SCOPE_ORDER[minimum or "school"]


def check_individual(rule, person, period, history):
    """Check ``person`` for the title of ``rule`` in ``period``.

    ``history`` lists the school years before ``period``, most recent first (their
    names), so that chains of consecutive years can be followed.
    """
    reasons = []
    rating = person.ratings.get(period.name)
    if rule.get("min_months_recruited") and person.recruitment_date:
        # Worked up to the last day of the year included.
        months = months_between(
            person.recruitment_date, period.date_end + timedelta(days=1)
        )
        if months < rule["min_months_recruited"]:
            reasons.append(
                ("recruited_recently", {"months": rule["min_months_recruited"]})
            )
    for disc in person.disciplines:
        if not disc.overlaps(period):
            continue
        if disc.kind == "investigation":
            reasons.append(("pending_review", {}))
        elif rule.get("disqualifying_discipline") and (
            DISCIPLINE_ORDER[disc.level]
            >= DISCIPLINE_ORDER[rule["disqualifying_discipline"]]
        ):
            reasons.append(("disciplined", {"level": disc.level}))
    if rule.get("prerequisite_code") and rule[
        "prerequisite_code"
    ] not in person.titles.get(period.name, set()):
        reasons.append(
            ("missing_title", {"title": rule["prerequisite_code"], "year": period.name})
        )
    reasons += _rating_and_initiative(rule, person, period, rating)
    reasons += _chain(rule, person, period, history)
    return Result(not reasons, reasons)


def _rating_and_initiative(rule, person, period, rating):
    mode = rule.get("rating_initiative_rule") or "none"
    minimum = rule.get("min_rating")
    initiative = person.initiatives.get(period.name)
    scope = rule.get("initiative_scope")
    has_rating = _rating_ok(rating, minimum) if minimum else True
    has_initiative = _scope_ok(initiative, scope)
    missing_rating = ("rating_too_low", {"rating": minimum, "year": period.name})
    missing_initiative = (
        "no_initiative",
        {"scope": scope or "school", "year": period.name},
    )
    if mode == "none":
        return [] if has_rating else [missing_rating]
    if mode == "initiative":
        reasons = [] if has_initiative else [missing_initiative]
        if minimum and not has_rating:
            reasons.append(missing_rating)
        return reasons
    if mode == "rating_and_initiative":
        return [
            r
            for ok, r in (
                (has_rating, missing_rating),
                (has_initiative, missing_initiative),
            )
            if not ok
        ]
    # rating_or_initiative
    if has_rating or has_initiative:
        return []
    return [
        (
            "rating_or_initiative",
            {"rating": minimum, "scope": scope or "school", "year": period.name},
        )
    ]


def _chain(rule, person, period, history):
    """Consecutive years holding ``consecutive_code``: the chain may end this year or
    the year before (proposal in the year of the last title or the year after)."""
    code, years = rule.get("consecutive_code"), rule.get("consecutive_years") or 0
    if not code or years <= 0:
        return []
    best_missing = None
    for candidate in ([period.name, *history], history):
        window = candidate[:years]
        missing = [y for y in window if code not in person.titles.get(y, set())]
        missing += [f"({n})" for n in range(years - len(window))]  # not enough history
        if not missing:
            return []
        if best_missing is None or len(missing) < len(best_missing):
            best_missing = missing
    return [
        ("missing_title", {"title": code, "year": year})
        for year in best_missing
        if not year.startswith("(")
    ] or [("chain_too_short", {"title": code, "years": years})]


def check_collective(rule, members, period, collective_rating=None):
    """Check a collective (tổ, school) from its members' facts for ``period``."""
    reasons = []
    total = len(members)
    minimum = rule.get("min_rating")
    if minimum and not _rating_ok(collective_rating, minimum):
        reasons.append(("rating_too_low", {"rating": minimum, "year": period.name}))
    if not total:
        return Result(False, [*reasons, ("no_members", {})])
    code = rule.get("member_title_code")
    pct = rule.get("member_share_pct") or 0
    if code and pct:
        holders = sum(1 for m in members if code in m.titles.get(period.name, set()))
        # Integers: holders / total >= pct %  <=>  holders * 100 >= pct * total.
        ok = (
            holders * 100 > pct * total
            if rule.get("member_share_strict")
            else holders * 100 >= pct * total
        )
        if not ok:
            reasons.append(
                (
                    "member_share",
                    {"title": code, "pct": pct, "holders": holders, "total": total},
                )
            )
    if rule.get("member_all_complete"):
        failing = [
            m.name
            for m in members
            if not _rating_ok(m.ratings.get(period.name), "htnv")
        ]
        if failing:
            reasons.append(("members_not_complete", {"names": ", ".join(failing)}))
    excellent = rule.get("member_excellent_code")
    if excellent and rule.get("member_excellent_min"):
        count = sum(1 for m in members if excellent in m.titles.get(period.name, set()))
        if count < rule["member_excellent_min"]:
            reasons.append(
                (
                    "member_excellent",
                    {"title": excellent, "min": rule["member_excellent_min"]},
                )
            )
    level = rule.get("member_discipline")
    if level:
        punished = [
            m.name
            for m in members
            for d in m.disciplines
            if d.kind == "discipline"
            and d.overlaps(period)
            and DISCIPLINE_ORDER[d.level] >= DISCIPLINE_ORDER[level]
        ]
        if punished:
            reasons.append(
                ("member_disciplined", {"names": ", ".join(sorted(set(punished)))})
            )
    return Result(not reasons, reasons)


def check_student(rule, conduct, learning, subjects_ge_9):
    """Check a student's yearly result against a student title (TT 22/2021 Art. 15)."""
    reasons = []
    for key, value, minimum in (
        ("conduct", conduct, rule.get("student_conduct")),
        ("learning", learning, rule.get("student_learning")),
    ):
        if minimum and (value is None or STUDENT_ORDER[value] < STUDENT_ORDER[minimum]):
            reasons.append((f"student_{key}", {"required": minimum}))
    needed = rule.get("student_min_subjects_ge_9") or 0
    if needed and (subjects_ge_9 or 0) < needed:
        reasons.append(
            ("student_subjects", {"required": needed, "actual": subjects_ge_9 or 0})
        )
    return Result(not reasons, reasons)


def apply_quota(rule, ranked_keys, base_count):
    """Optional quota cap (off by default): keep the first ``floor(base * pct / 100)``
    of ``ranked_keys`` (best first); return ``{key: reason}`` for those over the cap."""
    if not rule.get("quota_enabled"):
        return {}
    cap = base_count * (rule.get("quota_pct") or 0) // 100
    return {
        key: ("quota", {"cap": cap, "pct": rule["quota_pct"]})
        for key in ranked_keys[cap:]
    }
