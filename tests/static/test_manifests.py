"""Both addons are valid Odoo 18.0 modules whose manifests list only existing files."""

import ast
import glob
import os
import re

import pytest
from conftest import ADDONS, ROOT


def manifest(addon):
    with open(os.path.join(ROOT, addon, "__manifest__.py"), encoding="utf-8") as fh:
        return ast.literal_eval(fh.read())


@pytest.mark.parametrize("addon", ADDONS)
def test_manifest_keys(addon):
    m = manifest(addon)
    assert re.fullmatch(r"18\.0\.\d+\.\d+\.\d+", m["version"]), m["version"]
    assert m["license"] == "LGPL-3"
    assert m["installable"] is True
    assert m["name"] and m["summary"]
    # Vietnamese and English summary: a Vietnamese letter and an English word.
    assert re.search(
        r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", m["summary"]
    )
    assert re.search(r"\b(for|and|the)\b", m["summary"])
    assert not {"description", "active"} & set(
        m
    ), "forbidden by OCA's .pylintrc-mandatory"
    assert os.path.isfile(os.path.join(ROOT, addon, "static/description/icon.png"))


def test_report_depends_on_main_addon():
    assert "school_emulation" in manifest("school_emulation_report")["depends"]


@pytest.mark.parametrize("addon", ADDONS)
def test_manifest_files_exist(addon):
    m = manifest(addon)
    for key in ("data", "demo"):
        for rel in m.get(key, []):
            assert os.path.isfile(os.path.join(ROOT, addon, rel)), f"{key}: {rel}"
    for bundle, paths in m.get("assets", {}).items():
        for rel in paths:
            rel = rel[1] if isinstance(rel, tuple | list) else rel
            assert glob.glob(
                os.path.join(ROOT, rel)
            ), f"{bundle}: {rel} matches nothing"


@pytest.mark.parametrize("addon", ADDONS)
def test_every_data_file_is_listed(addon):
    """Each XML/CSV file of data/ demo/ views/ security/ report/ wizard/ is loaded."""
    m = manifest(addon)
    listed = set(m.get("data", [])) | set(m.get("demo", []))
    base = os.path.join(ROOT, addon)
    for folder in ("data", "demo", "views", "security", "report", "wizard"):
        for path in glob.glob(os.path.join(base, folder, "*.xml")) + glob.glob(
            os.path.join(base, folder, "*.csv")
        ):
            assert (
                os.path.relpath(path, base) in listed
            ), f"{path} is not in the manifest"


def test_security_load_order():
    data = manifest("school_emulation")["data"]
    order = [
        data.index("security/school_emulation_groups.xml"),
        data.index("security/ir.model.access.csv"),
        data.index("security/school_emulation_security.xml"),
    ]
    assert order == sorted(order)
