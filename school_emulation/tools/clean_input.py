"""Clean untrusted input before it is stored or compared (pure Python).

Identifiers (decision numbers, codes, Sổ vàng numbers) are compared after
normalisation, so that a zero-width space, a right-to-left mark, a different
Unicode composition of a Vietnamese letter or a trailing space does not make "the
same number" look new. Numbers must be finite; ids must be flat lists of positive
integers; text must not carry NUL or other control characters.

Each check raises ``ValueError`` with a short English code that the Odoo side turns
into a translated refusal; nothing here imports Odoo.
"""

import math
import re
import unicodedata

# Characters that print as nothing: zero-width space/joiners, word joiner, BOM,
# soft hyphen, bidi marks, embeddings, overrides and isolates.
_INVISIBLE = re.compile(
    "[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]"
)
# C0/C1 controls except tab, line feed and carriage return (allowed in text).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"\s+")


def has_control_chars(text):
    """True when ``text`` holds NUL or another control character."""
    return bool(_CONTROL.search(text or ""))


def clean_text(text):
    """Text with invisible characters removed, NFC, NUL/control refused."""
    if text is None or text is False:
        return text
    if not isinstance(text, str):
        raise ValueError("not_text")
    if has_control_chars(text):
        raise ValueError("control_char")
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", text))


def normalize_identifier(text):
    """The canonical form of a number or code: NFC, no invisible characters, no
    leading/trailing spaces, inner runs of white space as one space."""
    cleaned = clean_text(text)
    if not cleaned:
        return cleaned
    return _SPACES.sub(" ", cleaned).strip()


def identifier_key(text):
    """The comparison key of an identifier: normalised and case-folded."""
    normal = normalize_identifier(text)
    return normal.casefold() if normal else normal


def check_finite(value):
    """``value`` as a float, refused when it is not a finite number."""
    if isinstance(value, bool):
        raise ValueError("not_number")
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            raise ValueError("not_number") from None
    if not isinstance(value, int | float):
        raise ValueError("not_number")
    try:
        number = float(value)
    except OverflowError:
        raise ValueError("not_finite") from None
    if not math.isfinite(number):
        raise ValueError("not_finite")
    return number


def clean_ids(value, allow_empty=True):
    """A flat list of positive int ids from what a JSON-RPC client sent.

    Accepts an int, or a list/tuple of ints (or of digit strings, as some clients
    send them). Nested lists, dicts, floats, booleans, negative numbers and other
    shapes are refused.
    """
    if isinstance(value, bool):
        raise ValueError("bad_ids")
    if isinstance(value, int):
        value = [value]
    if not isinstance(value, list | tuple):
        raise ValueError("bad_ids")
    ids = []
    for item in value:
        if isinstance(item, bool):
            raise ValueError("bad_ids")
        if isinstance(item, str) and item.strip().isdigit():
            item = int(item.strip())
        if not isinstance(item, int) or item <= 0:
            raise ValueError("bad_ids")
        if item not in ids:
            ids.append(item)
    if not ids and not allow_empty:
        raise ValueError("bad_ids")
    return ids
