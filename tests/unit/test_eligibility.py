"""school_emulation/tools/eligibility.py under plain pytest: one case per rule."""

from datetime import date

import pytest
from conftest import load_by_path

el = load_by_path("school_emulation/tools/eligibility.py", "se_eligibility")
Y25 = el.Period("2025-2026", date(2025, 9, 1), date(2026, 8, 31))
Y23 = el.Period("2023-2024", date(2023, 9, 1), date(2024, 8, 31))
HISTORY = ["2024-2025", "2023-2024", "2022-2023"]

LDTT_2025 = {
    "min_rating": "httnv",
    "min_months_recruited": 6,
    "disqualifying_discipline": "reprimand",
    "rating_initiative_rule": "none",
}
LDTT_2023 = {**LDTT_2025, "min_months_recruited": 10}
CSTDCS = {
    "prerequisite_code": "LDTT",
    "min_rating": "htxsnv",
    "rating_initiative_rule": "rating_or_initiative",
    "initiative_scope": "school",
}
CSTDCS_2026 = {**CSTDCS, "rating_initiative_rule": "rating_and_initiative"}
CSTD_TINH = {
    "consecutive_code": "CSTDCS",
    "consecutive_years": 3,
    "rating_initiative_rule": "initiative",
    "initiative_scope": "province",
}
TTLDTT = {
    "min_rating": "httnv",
    "member_title_code": "LDTT",
    "member_share_pct": 70,
    "member_discipline": "warning",
}
TTLDXS = {
    "min_rating": "htxsnv",
    "member_title_code": "LDTT",
    "member_share_pct": 70,
    "member_all_complete": True,
    "member_excellent_code": "CSTDCS",
    "member_excellent_min": 1,
}


def person(**kw):
    base = {
        "name": "GV",
        "recruitment_date": date(2015, 9, 1),
        "ratings": {Y25.name: "httnv"},
    }
    base.update(kw)
    return el.Person(**base)


def codes(result):
    return [code for code, _params in result.reasons]


def test_ldtt_good_rating_is_eligible():
    result = el.check_individual(LDTT_2025, person(), Y25, HISTORY)
    assert result.eligible and result.reasons == []


def test_ldtt_rating_too_low():
    p = person(ratings={Y25.name: "htnv"})
    assert codes(el.check_individual(LDTT_2025, p, Y25, HISTORY)) == ["rating_too_low"]


@pytest.mark.parametrize(
    ("rule", "recruited", "eligible"),
    [
        (LDTT_2025, date(2026, 3, 1), True),  # 6 months at 31/08/2026
        (LDTT_2025, date(2026, 3, 2), False),
        (LDTT_2023, date(2023, 11, 2), False),  # under 10 months: the NĐ 91/2017 era
        (LDTT_2023, date(2023, 11, 1), True),
    ],
)
def test_months_since_recruitment_by_era(rule, recruited, eligible):
    period = Y25 if rule is LDTT_2025 else Y23
    p = person(recruitment_date=recruited, ratings={period.name: "httnv"})
    result = el.check_individual(rule, p, period, HISTORY)
    assert result.eligible is eligible
    if not eligible:
        assert result.reasons == [
            ("recruited_recently", {"months": rule["min_months_recruited"]})
        ]


def test_discipline_in_the_year_disqualifies_and_earlier_one_does_not():
    d = el.Discipline("discipline", "reprimand", date(2026, 1, 10), date(2027, 1, 9))
    assert codes(
        el.check_individual(LDTT_2025, person(disciplines=[d]), Y25, HISTORY)
    ) == ["disciplined"]
    old = el.Discipline("discipline", "warning", date(2023, 1, 1), date(2024, 1, 1))
    assert el.check_individual(
        LDTT_2025, person(disciplines=[old]), Y25, HISTORY
    ).eligible


def test_pending_review_blocks():
    d = el.Discipline("investigation", None, date(2026, 5, 1))
    assert codes(
        el.check_individual(LDTT_2025, person(disciplines=[d]), Y25, HISTORY)
    ) == ["pending_review"]


def test_cstdcs_needs_ldtt_same_year():
    p = person(ratings={Y25.name: "htxsnv"})
    result = el.check_individual(CSTDCS, p, Y25, HISTORY)
    assert result.reasons == [("missing_title", {"title": "LDTT", "year": "2025-2026"})]


def test_cstdcs_rating_or_initiative():
    with_rating = person(ratings={Y25.name: "htxsnv"}, titles={Y25.name: {"LDTT"}})
    assert el.check_individual(CSTDCS, with_rating, Y25, HISTORY).eligible
    with_initiative = person(
        titles={Y25.name: {"LDTT"}}, initiatives={Y25.name: "school"}
    )
    assert el.check_individual(CSTDCS, with_initiative, Y25, HISTORY).eligible
    neither = person(titles={Y25.name: {"LDTT"}})
    assert codes(el.check_individual(CSTDCS, neither, Y25, HISTORY)) == [
        "rating_or_initiative"
    ]


def test_cstdcs_amended_law_needs_both():
    only_rating = person(ratings={Y25.name: "htxsnv"}, titles={Y25.name: {"LDTT"}})
    assert codes(el.check_individual(CSTDCS_2026, only_rating, Y25, HISTORY)) == [
        "no_initiative"
    ]


def test_cstd_tinh_chain_of_three_and_province_initiative():
    titles = {y: {"CSTDCS"} for y in ("2025-2026", "2024-2025", "2023-2024")}
    p = person(titles=titles, initiatives={Y25.name: "province"})
    assert el.check_individual(CSTD_TINH, p, Y25, HISTORY).eligible
    # proposed the year right after the third title
    p_after = person(
        titles={y: {"CSTDCS"} for y in HISTORY}, initiatives={Y25.name: "province"}
    )
    assert el.check_individual(CSTD_TINH, p_after, Y25, HISTORY).eligible


def test_cstd_tinh_reports_missing_year_and_scope():
    titles = {"2025-2026": {"CSTDCS"}, "2023-2024": {"CSTDCS"}}
    p = person(titles=titles, initiatives={Y25.name: "school"})
    result = el.check_individual(CSTD_TINH, p, Y25, HISTORY)
    assert ("missing_title", {"title": "CSTDCS", "year": "2024-2025"}) in result.reasons
    assert (
        "no_initiative",
        {"scope": "province", "year": "2025-2026"},
    ) in result.reasons


def test_chain_too_short_history():
    p = person(titles={"2025-2026": {"CSTDCS"}}, initiatives={Y25.name: "province"})
    result = el.check_individual(CSTD_TINH, p, Y25, [])
    assert codes(result) == ["chain_too_short"]


def member(name, titles=(), rating="httnv", disciplines=()):
    return el.Person(
        name=name,
        ratings={Y25.name: rating},
        titles={Y25.name: set(titles)},
        disciplines=list(disciplines),
    )


def test_ttldtt_share_exactly_70_percent():
    members = [member(f"m{i}", ["LDTT"]) for i in range(7)] + [
        member(f"n{i}") for i in range(3)
    ]
    assert el.check_collective(TTLDTT, members, Y25, "httnv").eligible
    members[0] = member("m0")
    result = el.check_collective(TTLDTT, members, Y25, "httnv")
    assert codes(result) == ["member_share"]
    assert result.reasons[0][1]["holders"] == 6


def test_ttldtt_before_2024_needs_more_than_half():
    rule = {**TTLDTT, "member_share_pct": 50, "member_share_strict": True}
    half = [member("a", ["LDTT"]), member("b")]
    assert codes(el.check_collective(rule, half, Y25, "httnv")) == ["member_share"]


def test_ttldtt_member_warning_disqualifies():
    warned = el.Discipline(
        "discipline", "warning", date(2025, 12, 1), date(2026, 12, 1)
    )
    members = [member(f"m{i}", ["LDTT"]) for i in range(9)] + [
        member("x", ["LDTT"], disciplines=[warned])
    ]
    result = el.check_collective(TTLDTT, members, Y25, "httnv")
    assert result.reasons == [("member_disciplined", {"names": "x"})]


def test_ttldxs_needs_cstdcs_and_everyone_completing():
    members = [member(f"m{i}", ["LDTT"]) for i in range(10)]
    result = el.check_collective(TTLDXS, members, Y25, "htxsnv")
    assert codes(result) == ["member_excellent"]
    members[0] = member("m0", ["LDTT", "CSTDCS"])
    members[1] = member("m1", ["LDTT"], rating="khtnv")
    assert codes(el.check_collective(TTLDXS, members, Y25, "htxsnv")) == [
        "members_not_complete"
    ]


def test_collective_rating_and_no_members():
    assert codes(el.check_collective(TTLDXS, [], Y25, "httnv")) == [
        "rating_too_low",
        "no_members",
    ]


@pytest.mark.parametrize(
    ("conduct", "learning", "subjects", "expected"),
    [
        ("good", "good", 6, []),
        ("good", "good", 5, ["student_subjects"]),
        ("fair", "good", 9, ["student_conduct"]),
        ("good", "fair", 9, ["student_learning", "student_subjects"][:1]),
    ],
)
def test_student_excellent(conduct, learning, subjects, expected):
    rule = {
        "student_conduct": "good",
        "student_learning": "good",
        "student_min_subjects_ge_9": 6,
    }
    assert codes(el.check_student(rule, conduct, learning, subjects)) == expected


def test_quota_off_by_default_and_cap_when_on():
    assert el.apply_quota({"quota_enabled": False}, ["a", "b"], 10) == {}
    rule = {"quota_enabled": True, "quota_pct": 15}
    over = el.apply_quota(rule, ["a", "b", "c"], 13)  # 15 % of 13 = 1.95 -> 1
    assert set(over) == {"b", "c"}
    assert over["b"] == ("quota", {"cap": 1, "pct": 15})


def test_months_between():
    assert el.months_between(date(2025, 9, 1), date(2026, 3, 1)) == 6
    assert el.months_between(date(2025, 9, 15), date(2026, 3, 14)) == 5
