"""school_emulation/tools/scoring.py under plain pytest."""

import pytest
from conftest import load_by_path

scoring = load_by_path("school_emulation/tools/scoring.py", "se_scoring")
Line, Totals = scoring.Line, scoring.Totals


def test_totals_subtracts_penalties_and_weights():
    lines = [
        Line("standard", 40, 1.0),
        Line("standard", 30, 0.5),
        Line("bonus", 5),
        Line("penalty", 3),
    ]
    assert scoring.totals(lines) == Totals(
        total=57.0, standard=55.0, bonus=5.0, penalty=3.0
    )


def test_empty_and_missing_points():
    assert scoring.totals([]) == Totals(0.0, 0.0, 0.0, 0.0)
    assert scoring.totals([Line("standard", None)]).total == 0.0


def test_unknown_kind_refused():
    with pytest.raises(scoring.ScoreError):
        scoring.totals([Line("extra", 1)])


@pytest.mark.parametrize("points", [-0.5, 10.01])
def test_out_of_range_refused(points):
    with pytest.raises(scoring.ScoreError):
        scoring.check_points(points, 10)


@pytest.mark.parametrize("points", [0, 10, 5.5, None])
def test_in_range_accepted(points):
    scoring.check_points(points, 10)


def test_rank_competition_with_tie_breaks():
    items = {
        "a": Totals(90, 90, 0, 0),
        "b": Totals(95, 90, 5, 0),
        "c": Totals(90, 92, 0, 2),  # same total as a, more penalties: after a
        "d": Totals(90, 90, 0, 0),  # equal to a on every tie-break: shares the rank
        "e": Totals(80, 80, 0, 0),
    }
    assert scoring.rank(items) == {"b": 1, "a": 2, "d": 2, "c": 4, "e": 5}


def test_rank_by_total_shares_equal_totals():
    """Class emulation: 7A2 and 8A1 both at 77,50 share the rank."""
    items = {
        "7A2": Totals(77.5, 80, 0, 2.5),
        "8A1": Totals(77.5, 77.5, 0, 0),
        "6A1": Totals(90, 90, 0, 0),
        "9A1": Totals(70, 70, 0, 0),
    }
    assert scoring.rank_by_total(items) == {"6A1": 1, "7A2": 2, "8A1": 2, "9A1": 4}


def test_rank_prefers_standard_points_over_bonus():
    items = {"x": Totals(90, 85, 5, 0), "y": Totals(90, 88, 2, 0)}
    assert scoring.rank(items) == {"y": 1, "x": 2}


def test_rank_within_groups():
    items = {1: Totals(50, 50, 0, 0), 2: Totals(60, 60, 0, 0), 3: Totals(40, 40, 0, 0)}
    groups = {1: "toan", 2: "van", 3: "toan"}
    assert scoring.rank_within(items, groups.get) == {1: 1, 2: 1, 3: 2}


def test_classify_bands():
    bands = [("Xuất sắc", 90), ("Tốt", 80), ("Đạt", 50), ("Chưa đạt", 0)]
    assert scoring.classify(95, bands) == "Xuất sắc"
    assert scoring.classify(90, bands) == "Xuất sắc"
    assert scoring.classify(89.99, bands) == "Tốt"
    assert scoring.classify(0, bands) == "Chưa đạt"
    assert scoring.classify(-5, bands) is None
