"""Secret ballots: the tally rule, fixed-length ballot payloads and the sealed box.

Pure Python (plus the ``cryptography`` package Odoo already requires); never imports
``odoo``. ``security/THREAT_MODEL.md`` and ``docs/sealed-ballot.md`` explain the
design: every ballot is sealed when it is cast (X25519 + AES-256-GCM to the box's
public key, padded to one length for the whole box); the box's private key is
stored only encrypted under a key derived from the counting board's passphrase
(scrypt); the count opens the box in memory.

Errors are ``BallotError`` with a short code (``str(exc)``) that the Odoo side words.
"""

import json
import os
import secrets
import struct
import unicodedata
from collections import Counter

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import (
    X25519PrivateKey,
    X25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

# scrypt cost: about 0.1 s and 32 MiB per try on a school server
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
PASSPHRASE_MIN = 8
# Crockford base32 without I, L, O, U: nothing to misread on a sealing sheet
PASSPHRASE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PAYLOAD_BLOCK = 64
_KEY_MAGIC = b"SEK1"
_HKDF_INFO = b"school_emulation sealed ballot v1"
_RAW = serialization.Encoding.Raw
_RAW_PUB = serialization.PublicFormat.Raw
_RAW_PRIV = serialization.PrivateFormat.Raw


class BallotError(ValueError):
    """``str(exc)`` is one of: ``weak_passphrase``, ``wrong_passphrase``,
    ``too_long``, ``bad_ballot``, ``bad_key``."""


# --------------------------------------------------------------------- tally rule
def passed(yes, threshold_pct, all_members):
    """NĐ 98/2023 Art. 30.7: ``yes * 100 >= threshold * all members``.

    Integers only; the denominator is every member of the council (or every unit of
    the block), not those present or those who voted. No member, no pass.
    """
    return bool(all_members) and yes * 100 >= threshold_pct * all_members


def count(ballots, races):
    """Yes votes per candidate of each race: ``{race: {candidate id: yes}}``.

    ``ballots``: opened payloads ``{"r": race, "y": [candidate ids]}``;
    ``races``: ``{race: candidate ids}``. A ballot for an unknown race or candidate,
    or naming a candidate twice, is ``bad_ballot`` (the box was tampered with).
    """
    allowed = {race: set(ids) for race, ids in races.items()}
    totals = {race: Counter({cid: 0 for cid in ids}) for race, ids in allowed.items()}
    for ballot in ballots:
        race, yes = ballot.get("r"), ballot.get("y")
        if race not in allowed or not isinstance(yes, list):
            raise BallotError("bad_ballot")
        if len(set(yes)) != len(yes) or not set(yes) <= allowed[race]:
            raise BallotError("bad_ballot")
        totals[race].update(yes)
    return {race: dict(counter) for race, counter in totals.items()}


# ----------------------------------------------------------------------- payloads
def serialize(race, yes_ids):
    """The canonical bytes of one ballot (sorted ids, no spaces)."""
    return json.dumps(
        {"r": race, "y": sorted(int(i) for i in yes_ids)}, separators=(",", ":")
    ).encode()


def deserialize(data):
    try:
        ballot = json.loads(data.decode())
    except (UnicodeDecodeError, ValueError):
        raise BallotError("bad_ballot") from None
    if not isinstance(ballot, dict):
        raise BallotError("bad_ballot")
    return ballot


def payload_size(races):
    """One padded length for every ballot of a box: the longest possible ballot
    (every candidate ticked, in the longest race name), plus the length prefix,
    rounded up to a block."""
    longest = max((len(serialize(race, ids)) for race, ids in races.items()), default=0)
    need = longest + 4
    return max(PAYLOAD_BLOCK * 4, -(-need // PAYLOAD_BLOCK) * PAYLOAD_BLOCK)


def pad(data, size):
    """``data`` with a 4-byte length prefix and random bytes up to ``size``."""
    if len(data) + 4 > size:
        raise BallotError("too_long")
    return struct.pack(">I", len(data)) + data + os.urandom(size - 4 - len(data))


def unpad(blob):
    if len(blob) < 4:
        raise BallotError("bad_ballot")
    (length,) = struct.unpack(">I", blob[:4])
    if length > len(blob) - 4:
        raise BallotError("bad_ballot")
    return blob[4 : 4 + length]


# --------------------------------------------------------------------- passphrase
def generate_passphrase(groups=4, size=4):
    """A short passphrase for the sealing sheet, e.g. ``K7QM-2XP4-RT9B-C3HD``
    (80 random bits with the defaults)."""
    return "-".join(
        "".join(secrets.choice(PASSPHRASE_ALPHABET) for _i in range(size))
        for _g in range(groups)
    )


def normalize_passphrase(passphrase):
    """NFC, outer spaces removed, inner runs of spaces made one: what the board
    types at the close matches what it typed at the opening."""
    if not isinstance(passphrase, str):
        raise BallotError("weak_passphrase")
    text = " ".join(unicodedata.normalize("NFC", passphrase).split())
    if len(text) < PASSPHRASE_MIN:
        raise BallotError("weak_passphrase")
    return text


def _derive(passphrase, salt):
    return Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(
        normalize_passphrase(passphrase).encode()
    )


# ------------------------------------------------------------------------ the box
def new_box(passphrase):
    """A fresh key pair: ``(public key, private key sealed under the passphrase)``.

    The private key exists in clear only in this function's memory.
    """
    private = X25519PrivateKey.generate()
    public = private.public_key().public_bytes(_RAW, _RAW_PUB)
    raw = private.private_bytes(_RAW, _RAW_PRIV, serialization.NoEncryption())
    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_derive(passphrase, salt)).encrypt(nonce, raw, _KEY_MAGIC + public)
    return public, _KEY_MAGIC + salt + nonce + sealed


def open_key(sealed_key, passphrase, public_key):
    """The box's private key, or ``wrong_passphrase``."""
    if not sealed_key or sealed_key[:4] != _KEY_MAGIC or len(sealed_key) < 32:
        raise BallotError("bad_key")
    salt, nonce, body = sealed_key[4:20], sealed_key[20:32], sealed_key[32:]
    try:
        raw = AESGCM(_derive(passphrase, salt)).decrypt(
            nonce, body, _KEY_MAGIC + public_key
        )
    except InvalidTag:
        raise BallotError("wrong_passphrase") from None
    private = X25519PrivateKey.from_private_bytes(raw)
    if private.public_key().public_bytes(_RAW, _RAW_PUB) != public_key:
        raise BallotError("bad_key")
    return private


def _ballot_key(shared, ephemeral, public_key):
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=None,
        info=_HKDF_INFO + ephemeral + public_key,
    ).derive(shared)


def seal(public_key, padded, context):
    """Encrypt one padded ballot to the box: ephemeral public key (32 bytes),
    nonce (12), AES-GCM ciphertext with tag. ``context`` (the box's identity) is
    authenticated, so a sealed ballot cannot be moved to another box."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(_RAW, _RAW_PUB)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_key))
    nonce = os.urandom(12)
    key = _ballot_key(shared, ephemeral_public, public_key)
    return ephemeral_public + nonce + AESGCM(key).encrypt(nonce, padded, context)


def unseal(private_key, public_key, ciphertext, context):
    """The padded ballot, or ``bad_ballot``."""
    if len(ciphertext) < 32 + 12 + 16:
        raise BallotError("bad_ballot")
    ephemeral_public, nonce, body = ciphertext[:32], ciphertext[32:44], ciphertext[44:]
    shared = private_key.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    key = _ballot_key(shared, ephemeral_public, public_key)
    try:
        return AESGCM(key).decrypt(nonce, body, context)
    except InvalidTag:
        raise BallotError("bad_ballot") from None


def seal_ballot(public_key, size, context, race, yes_ids):
    """Serialise, pad and seal one ballot (what ``cast`` stores)."""
    return seal(public_key, pad(serialize(race, yes_ids), size), context)


def open_ballots(sealed_key, passphrase, public_key, context, ciphertexts):
    """Open every sealed ballot of a box in memory (what the count does)."""
    private = open_key(sealed_key, passphrase, public_key)
    return [
        deserialize(unpad(unseal(private, public_key, blob, context)))
        for blob in ciphertexts
    ]
