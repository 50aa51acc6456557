"""Cleaning untrusted input (school_emulation/tools/clean_input.py), without Odoo."""

import math

import pytest
from conftest import load_by_path

clean = load_by_path("school_emulation/tools/clean_input.py", "clean_input")


def code(call, *args, **kwargs):
    """The ValueError code ``call`` raises."""
    with pytest.raises(ValueError) as caught:
        call(*args, **kwargs)
    return str(caught.value)


# --- text ---------------------------------------------------------------------
@pytest.mark.parametrize("bad", ["a\x00b", "\x07", "x\x1b[31m", "a\x7fb", "a\x85b"])
def test_control_characters_refused(bad):
    assert clean.has_control_chars(bad)
    assert code(clean.clean_text, bad) == "control_char"


def test_tab_and_line_breaks_kept():
    assert clean.clean_text("a\tb\r\nc\nd") == "a\tb\r\nc\nd"
    assert not clean.has_control_chars("a\tb\r\nc")


def test_text_composed_and_invisibles_removed():
    decomposed = "Nguye\u0302\u0303n"
    assert clean.clean_text(decomposed) == "Nguyễn"
    assert clean.clean_text("Lê\u200b Văn\u202e\ufeff") == "Lê Văn"


@pytest.mark.parametrize("empty", [None, False, ""])
def test_empty_text_passes_through(empty):
    assert clean.clean_text(empty) == empty


@pytest.mark.parametrize("bad", [12, 1.5, b"bytes", ["a"], {"vi_VN": "x"}])
def test_non_text_refused(bad):
    assert code(clean.clean_text, bad) == "not_text"


# --- identifiers --------------------------------------------------------------
def test_identifier_normal_form():
    assert clean.normalize_identifier("  HS\u200b001 ") == "HS001"
    assert clean.normalize_identifier("87 /\u00a0 QĐ-UBND") == "87 / QĐ-UBND"
    assert clean.normalize_identifier("6A1\n") == "6A1"


def test_identifier_key_equates_look_alikes():
    assert clean.identifier_key("hs001") == clean.identifier_key(" HS\ufeff001")
    composed = clean.identifier_key("12/QĐ-KT Quyết")
    decomposed = clean.identifier_key("12/QĐ-KT Quye\u0302\u0301t")
    assert composed == decomposed


def test_identifier_refuses_nul():
    assert code(clean.normalize_identifier, "HS\x00001") == "control_char"


def test_identifier_normalisation_is_idempotent():
    once = clean.normalize_identifier(" a\u200b  b ")
    assert clean.normalize_identifier(once) == once


# --- numbers ------------------------------------------------------------------
@pytest.mark.parametrize(
    "bad", [math.nan, math.inf, -math.inf, 1e309, "1e309", "NaN", "-Infinity"]
)
def test_non_finite_refused(bad):
    assert code(clean.check_finite, bad) == "not_finite"


def test_huge_int_refused():
    assert code(clean.check_finite, 10**400) == "not_finite"


@pytest.mark.parametrize("bad", [True, False, None, "abc", [1], {"a": 1}, b"1"])
def test_not_a_number_refused(bad):
    assert code(clean.check_finite, bad) == "not_number"


@pytest.mark.parametrize(
    ("value", "number"),
    [(0, 0.0), (3, 3.0), (2.5, 2.5), (" 7.25 ", 7.25), ("-1", -1.0)],
)
def test_finite_numbers_accepted(value, number):
    assert clean.check_finite(value) == number


# --- ids ----------------------------------------------------------------------
def test_ids_flat_positive_unique():
    assert clean.clean_ids([3, "4", 3, " 5 "]) == [3, 4, 5]
    assert clean.clean_ids(7) == [7]
    assert clean.clean_ids([]) == []


@pytest.mark.parametrize(
    "bad", [[[1, 2]], [0], [-1], [1.0], [True], True, "1", {"id": 1}, None, [None]]
)
def test_bad_ids_refused(bad):
    assert code(clean.clean_ids, bad) == "bad_ids"


def test_empty_ids_refused_when_required():
    assert code(clean.clean_ids, [], allow_empty=False) == "bad_ids"
