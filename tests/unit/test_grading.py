"""Initiative grading maths (school_emulation/tools/grading.py) under plain pytest."""

import pytest
from conftest import load_by_path

gr = load_by_path("school_emulation/tools/grading.py", "se_grading")


def test_weighted_total():
    # Novelty 30, effect 40, replicability 30; points on different maxima.
    assert gr.weighted_total([8, 40, 15], [30, 40, 30], [10, 40, 30]) == 79.0
    assert gr.weighted_total([10, 40, 30], [30, 40, 30], [10, 40, 30]) == 100.0
    assert gr.weighted_total([0, 0, 0], [30, 40, 30], [10, 40, 30]) == 0.0


@pytest.mark.parametrize(
    ("points", "weights", "maxima"),
    [([11], [100], [10]), ([-1], [100], [10]), ([1, 2], [100], [10]), ([1], [0], [1])],
)
def test_weighted_total_refuses_bad_input(points, weights, maxima):
    with pytest.raises(ValueError):
        gr.weighted_total(points, weights, maxima)


def test_severe_and_lenient_graders_agree_after_normalisation():
    # Same ranking A > B > C, different scales: raw means are pulled by the lenient
    # grader when he grades only some items; z-scores put everyone on one scale.
    grades = {
        "severe": {"A": 70, "B": 60, "C": 50},
        "lenient": {"A": 95, "B": 90, "C": 85},
        "middle": {"A": 85, "B": 75, "C": 65},
    }
    res = gr.normalise(grades)
    assert res.z_means["A"] > res.z_means["B"] > res.z_means["C"]
    assert res.z_means["A"] == pytest.approx(1.2247, abs=1e-4)
    assert res.z_means["B"] == 0
    assert res.scores["A"] > res.scores["B"] > res.scores["C"]
    assert res.outliers == {}


def test_recused_grader_skips_an_item():
    # "lenient" is an author of C (recused): C is graded by the two others only.
    grades = {
        "severe": {"A": 60, "B": 70, "C": 80},
        "lenient": {"A": 90, "B": 95},
        "middle": {"A": 70, "B": 80, "C": 90},
    }
    res = gr.normalise(grades)
    # Raw: C looks best (85) only because the lenient grader did not grade it...
    assert res.raw_means["C"] == 85.0
    assert res.raw_means["A"] == 73.33
    # ...normalised, C is still the best of each grader who graded it.
    assert max(res.z_means, key=res.z_means.get) == "C"
    assert set(res.scores) == {"A", "B", "C"}


def test_outlier_grader_is_flagged():
    grades = {
        "g1": {"A": 90, "B": 80, "C": 70, "D": 60},
        "g2": {"A": 88, "B": 79, "C": 72, "D": 61},
        "g3": {"A": 92, "B": 83, "C": 69, "D": 58},
        "odd": {"A": 55, "B": 70, "C": 85, "D": 95},  # reversed order
    }
    res = gr.normalise(grades)
    assert list(res.outliers) == ["odd"]
    assert res.outliers["odd"] > 1.0


def test_flat_grader_contributes_no_information():
    grades = {"flat": {"A": 80, "B": 80}, "g": {"A": 90, "B": 70}}
    res = gr.normalise(grades)
    assert res.z_means["A"] == pytest.approx(0.5)
    assert res.z_means["B"] == pytest.approx(-0.5)


def test_contribution_shares():
    assert gr.contribution_ok([60, 40])
    assert gr.contribution_ok([33.33, 33.33, 33.34])
    assert not gr.contribution_ok([60, 30])
    assert not gr.contribution_ok([100, 0])
    assert not gr.contribution_ok([])
