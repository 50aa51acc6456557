"""school_emulation/tools/package.py under plain pytest: a dossier ZIP or a
decision file with anything wrong is reported whole, and never half read."""

import hashlib
import io
import json
import zipfile

from conftest import load_by_path

package = load_by_path("school_emulation/tools/package.py", "se_package")
Problem = package.Problem


def _zip(files, manifest=None, extra=None):
    rows = [
        {"name": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
        for n, d in files.items()
    ]
    manifest = manifest or {
        "files": rows,
        "package": {"kind": package.DOSSIER_KIND, "version": 1, "candidates": []},
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in {**files, **(extra or {})}.items():
            archive.writestr(name, data)
        archive.writestr("manifest.json", json.dumps(manifest))
    return buffer.getvalue()


FILES = {"00_Bang_ke_ho_so.pdf": b"%PDF-1.4 list", "01_To_trinh.pdf": b"%PDF tt"}


def test_a_whole_dossier_reads_without_problem():
    manifest, files, problems = package.read_dossier(_zip(FILES))
    assert problems == []
    assert files == FILES
    assert manifest["package"]["kind"] == package.DOSSIER_KIND


def test_a_changed_a_missing_and_an_unlisted_file_are_all_reported():
    data = _zip(FILES)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    manifest["files"].append({"name": "02_Bien_ban.pdf", "size": 3, "sha256": "0"})
    tampered = _zip(
        {**FILES, "01_To_trinh.pdf": b"%PDF forged"},
        manifest=manifest,
        extra={"03_Them.pdf": b"x"},
    )
    _manifest, files, problems = package.read_dossier(tampered)
    assert problems == [
        Problem("changed", "01_To_trinh.pdf"),
        Problem("missing", "02_Bien_ban.pdf"),
        Problem("unlisted", "03_Them.pdf"),
    ]
    assert "01_To_trinh.pdf" not in files


def test_not_a_zip_no_manifest_no_package():
    assert package.read_dossier(b"not a zip")[2] == [Problem("not_zip")]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.pdf", b"x")
    assert package.read_dossier(buffer.getvalue())[2] == [Problem("no_manifest")]
    rows = [
        {"name": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
        for n, d in FILES.items()
    ]
    old = _zip(FILES, manifest={"files": rows})
    assert package.read_dossier(old)[2] == [Problem("no_package")]


def test_a_sealed_decision_reads_and_a_changed_one_does_not():
    payload = package.seal(
        {
            "kind": package.DECISION_KIND,
            "version": 1,
            "body": "UBND xã Xuân Sơn",
            "awards": [{"line_ref": "7", "subject_name": "Phạm Văn Nam"}],
        }
    )
    data = json.dumps(payload, ensure_ascii=False).encode()
    read, problems = package.read_decision(data)
    assert problems == [] and read["body"] == "UBND xã Xuân Sơn"
    payload["awards"][0]["subject_name"] = "Người khác"
    forged = json.dumps(payload, ensure_ascii=False).encode()
    assert package.read_decision(forged) == (None, [Problem("changed", "sha256")])
    assert package.read_decision(b"{")[1] == [Problem("not_json")]
    assert package.read_decision(b'{"kind": "x"}')[1] == [Problem("not_decision")]


def test_body_names_compare_as_a_clerk_reads_them():
    assert package.same_name("UBND xã  Xuân Sơn", "ubnd xã xuân sơn")
    assert not package.same_name("UBND xã Xuân Sơn", "UBND xã Bên Cạnh")
    assert not package.same_name("", "")
