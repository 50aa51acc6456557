"""school_emulation/tools/voting.py under plain pytest: the tally rule, fixed-length
payloads and the sealed ballot box."""

import pytest
from conftest import load_by_path

voting = load_by_path("school_emulation/tools/voting.py", "se_voting")
BallotError = voting.BallotError
CONTEXT = b"school.emulation.council.session,7"


@pytest.fixture(scope="module")
def box():
    public, sealed = voting.new_box("K7QM-2XP4-RT9B-C3HD")
    return public, sealed


def test_threshold_over_all_members():
    assert voting.passed(8, 80, 10)  # 8 * 100 >= 80 * 10
    assert not voting.passed(7, 80, 10)
    assert voting.passed(9, 90, 10)
    assert not voting.passed(8, 90, 10)
    assert voting.passed(3, 50, 5), "3 * 100 >= 50 * 5"
    assert not voting.passed(2, 50, 5)


def test_no_member_no_pass():
    assert not voting.passed(0, 0, 0)
    assert not voting.passed(0, 80, 0)


def test_count_per_race_with_zeros():
    ballots = [
        {"r": "flag", "y": [1]},
        {"r": "flag", "y": [1, 2]},
        {"r": "merit", "y": []},
    ]
    assert voting.count(ballots, {"flag": [1, 2, 3], "merit": [1, 2, 3]}) == {
        "flag": {1: 2, 2: 1, 3: 0},
        "merit": {1: 0, 2: 0, 3: 0},
    }


@pytest.mark.parametrize(
    "ballot",
    [
        {"r": "", "y": [9]},  # not a candidate
        {"r": "x", "y": [1]},  # no such race
        {"r": "", "y": [1, 1]},  # twice the same candidate
        {"r": "", "y": "1"},
        {"y": [1]},
    ],
)
def test_count_refuses_a_forged_ballot(ballot):
    with pytest.raises(BallotError, match="bad_ballot"):
        voting.count([ballot], {"": [1, 2]})


def test_serialize_is_canonical():
    assert voting.serialize("", [3, 1, 2]) == b'{"r":"","y":[1,2,3]}'
    assert voting.deserialize(voting.serialize("flag", [2])) == {"r": "flag", "y": [2]}
    with pytest.raises(BallotError):
        voting.deserialize(b"\xff")
    with pytest.raises(BallotError):
        voting.deserialize(b"[1]")


def test_padding_gives_one_length():
    races = {"": list(range(1000, 1040))}
    size = voting.payload_size(races)
    assert size % voting.PAYLOAD_BLOCK == 0
    full = voting.serialize("", races[""])
    assert len(full) + 4 <= size
    blobs = [
        voting.pad(voting.serialize("", ids), size) for ids in ([], [1000], races[""])
    ]
    assert {len(b) for b in blobs} == {size}
    assert voting.unpad(blobs[1]) == b'{"r":"","y":[1000]}'
    with pytest.raises(BallotError, match="too_long"):
        voting.pad(b"x" * size, size)
    with pytest.raises(BallotError, match="bad_ballot"):
        voting.unpad(b"\x00\x00\x01\x00abc")


def test_generated_passphrase_is_readable_and_random():
    words = {voting.generate_passphrase() for _i in range(20)}
    assert len(words) == 20
    for word in words:
        assert len(word) == 19 and word.count("-") == 3
        assert set(word.replace("-", "")) <= set(voting.PASSPHRASE_ALPHABET)


def test_passphrase_rules():
    assert voting.normalize_passphrase("  ban  kiem phieu ") == "ban kiem phieu"
    for weak in ("short", "", None, 12345678):
        with pytest.raises(BallotError, match="weak_passphrase"):
            voting.normalize_passphrase(weak)


def test_seal_and_open_round_trip(box):
    public, sealed = box
    size = voting.payload_size({"": [11, 12, 13]})
    choices = [[11, 12], [], [13], [11, 12, 13]]
    blobs = [voting.seal_ballot(public, size, CONTEXT, "", c) for c in choices]
    assert len({len(b) for b in blobs}) == 1, "every ciphertext has the same length"
    for blob in blobs:
        assert b'"y":' not in blob
    opened = voting.open_ballots(sealed, "K7QM-2XP4-RT9B-C3HD", public, CONTEXT, blobs)
    assert [b["y"] for b in opened] == [[11, 12], [], [13], [11, 12, 13]]
    assert voting.count(opened, {"": [11, 12, 13]}) == {"": {11: 2, 12: 2, 13: 2}}


def test_same_choice_seals_differently(box):
    public, _sealed = box
    one = voting.seal_ballot(public, 256, CONTEXT, "", [1])
    two = voting.seal_ballot(public, 256, CONTEXT, "", [1])
    assert one != two


def test_wrong_passphrase_refused(box):
    public, sealed = box
    with pytest.raises(BallotError, match="wrong_passphrase"):
        voting.open_key(sealed, "K7QM-2XP4-RT9B-C3HE", public)
    with pytest.raises(BallotError, match="bad_key"):
        voting.open_key(b"", "K7QM-2XP4-RT9B-C3HD", public)


def test_ballot_bound_to_its_box(box):
    public, sealed = box
    blob = voting.seal_ballot(public, 256, CONTEXT, "", [1])
    with pytest.raises(BallotError, match="bad_ballot"):
        voting.open_ballots(
            sealed, "K7QM-2XP4-RT9B-C3HD", public, b"another,box", [blob]
        )
    tampered = blob[:-1] + bytes([blob[-1] ^ 1])
    with pytest.raises(BallotError, match="bad_ballot"):
        voting.open_ballots(sealed, "K7QM-2XP4-RT9B-C3HD", public, CONTEXT, [tampered])


def test_private_key_not_in_clear(box):
    public, sealed = box
    private = voting.open_key(sealed, "K7QM-2XP4-RT9B-C3HD", public)
    raw = private.private_bytes(
        voting._RAW, voting._RAW_PRIV, voting.serialization.NoEncryption()
    )
    assert raw not in sealed
