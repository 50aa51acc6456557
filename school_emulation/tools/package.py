"""Files that travel between two databases of the chain (pure Python, no Odoo).

A school's dossier ZIP holds ``manifest.json``: the size and SHA-256 of every
file of the ZIP, and a ``package`` section (the proposal and its candidates).
A body's decision file is a JSON document sealed with the SHA-256 of its own
canonical form. Both are verified before anything is imported: every problem
found is reported, and a file with any problem is not imported at all.
"""

import hashlib
import io
import json
import unicodedata
import zipfile

MANIFEST = "manifest.json"
DOSSIER_KIND = "school_emulation.dossier"
DECISION_KIND = "school_emulation.decision"
VERSION = 1


class Problem:
    """One thing wrong with a file: ``code`` (for the message) and ``name``."""

    __slots__ = ("code", "name")

    def __init__(self, code, name=""):
        self.code = code
        self.name = name

    def __eq__(self, other):
        return (self.code, self.name) == (other.code, other.name)

    def __repr__(self):
        return f"Problem({self.code!r}, {self.name!r})"


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def same_name(a, b):
    """Two names of a body compared as a clerk would: case, spacing and Unicode
    composition do not matter ("UBND xã  Xuân Sơn" is "ubnd xã xuân sơn")."""

    def norm(text):
        text = unicodedata.normalize("NFC", text or "")
        return " ".join(text.casefold().split())

    return bool(a and b) and norm(a) == norm(b)


def read_dossier(data):
    """``(manifest, {name: bytes}, [Problem])`` of a dossier ZIP. Checks: a ZIP,
    with a readable manifest, every file it lists present with its size and
    SHA-256, no file it does not list, and a package section."""
    problems = []
    try:
        archive = zipfile.ZipFile(io.BytesIO(data or b""))
    except zipfile.BadZipFile:
        return None, {}, [Problem("not_zip")]
    with archive:
        names = [n for n in archive.namelist() if not n.endswith("/")]
        if MANIFEST not in names:
            return None, {}, [Problem("no_manifest")]
        try:
            manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return None, {}, [Problem("bad_manifest")]
        if not isinstance(manifest, dict) or not isinstance(
            manifest.get("files"), list
        ):
            return None, {}, [Problem("bad_manifest")]
        files = {}
        listed = set()
        for row in manifest["files"]:
            name = row.get("name") if isinstance(row, dict) else None
            if not name:
                problems.append(Problem("bad_manifest"))
                continue
            listed.add(name)
            if name not in names:
                problems.append(Problem("missing", name))
                continue
            content = archive.read(name)
            if len(content) != row.get("size") or sha256(content) != row.get("sha256"):
                problems.append(Problem("changed", name))
                continue
            files[name] = content
        for name in sorted(set(names) - listed - {MANIFEST}):
            problems.append(Problem("unlisted", name))
    package = manifest.get("package")
    if (
        not isinstance(package, dict)
        or package.get("kind") != DOSSIER_KIND
        or not isinstance(package.get("candidates"), list)
    ):
        problems.append(Problem("no_package"))
    elif package.get("version") != VERSION:
        problems.append(Problem("version", str(package.get("version"))))
    return manifest, files, problems


def canonical(payload):
    """The bytes a seal is computed on: the payload without its seal, keys
    sorted, UTF-8, no insignificant spaces."""
    body = {k: v for k, v in payload.items() if k != "sha256"}
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def seal(payload):
    """``payload`` with its seal (``sha256`` of its canonical form)."""
    return {**payload, "sha256": sha256(canonical(payload).encode("utf-8"))}


def read_decision(data):
    """``(payload, [Problem])`` of a decision file: JSON of the right kind and
    version whose seal matches its content."""
    try:
        payload = json.loads((data or b"").decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None, [Problem("not_json")]
    if not isinstance(payload, dict) or payload.get("kind") != DECISION_KIND:
        return None, [Problem("not_decision")]
    if payload.get("version") != VERSION:
        return None, [Problem("version", str(payload.get("version")))]
    if payload.get("sha256") != sha256(canonical(payload).encode("utf-8")):
        return None, [Problem("changed", "sha256")]
    if not isinstance(payload.get("awards"), list) or not payload["awards"]:
        return None, [Problem("no_awards")]
    return payload, []
