"""Python: ruff clean, ACL rows for every model, pure tools/, house-style patterns."""

import ast
import csv
import glob
import os
import re
import subprocess
import sys

import pytest
from conftest import ADDONS, ROOT

PY_FILES = sorted(
    p
    for addon in ADDONS
    for p in glob.glob(os.path.join(ROOT, addon, "**/*.py"), recursive=True)
)
FORBIDDEN_PY = {
    r"\bcr\.commit\(": "no cr.commit() (habit 17)",
    r"\(0,\s*0,": "use Command.create (habit 9)",
    r"\(6,\s*0,": "use Command.set (habit 9)",
    r"def name_get\b": "use _compute_display_name (18-5)",
    r"user_has_groups\(": "use env.user.has_group (18-6)",
    r"group_operator\s*=": "use aggregator= (18-7)",
}


def _ruff(*args):
    ruff = os.path.join(os.path.dirname(sys.executable), "ruff")
    return subprocess.run(
        [ruff, *args, "."], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_check():
    res = _ruff("check", "--no-cache")
    assert res.returncode == 0, res.stdout + res.stderr


def test_ruff_format():
    res = _ruff("format", "--check", "--no-cache")
    assert res.returncode == 0, res.stdout + res.stderr


def _models(addon):
    """(_name, kind) of every class that defines a new model in the addon."""
    found = []
    paths = [
        path
        for folder in ("models", "wizard", "report")
        for path in glob.glob(os.path.join(ROOT, addon, folder, "*.py"))
    ]
    for path in paths:
        tree = ast.parse(open(path, encoding="utf-8").read())
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            kind = next(
                (b.attr for b in cls.bases if isinstance(b, ast.Attribute)), None
            )
            values = {
                t.id: ast.literal_eval(stmt.value)
                for stmt in cls.body
                if isinstance(stmt, ast.Assign)
                and isinstance(stmt.value, ast.Constant | ast.List)
                for t in stmt.targets
                if getattr(t, "id", "") in ("_name", "_inherit")
            }
            inherit = values.get("_inherit", [])
            inherit = [inherit] if isinstance(inherit, str) else inherit
            # ``_name = X`` with X in ``_inherit`` extends X (adds a mixin).
            if "_name" in values and values["_name"] not in inherit:
                found.append((values["_name"], kind))
    return found


@pytest.mark.parametrize("addon", ADDONS)
def test_every_model_has_access_rules(addon):
    acl = os.path.join(ROOT, addon, "security", "ir.model.access.csv")
    rows = []
    if os.path.exists(acl):
        with open(acl, encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    model_ids = {r["model_id:id"].split(".")[-1] for r in rows}
    for name, kind in _models(addon):
        if kind == "AbstractModel":
            continue
        assert "model_" + name.replace(".", "_") in model_ids, f"{name} has no ACL row"
    for r in rows:
        assert r[
            "group_id:id"
        ], f"{r['id']}: an ACL row without a group opens to everyone"


def test_main_addon_defines_models():
    assert _models("school_emulation")


@pytest.mark.parametrize("path", PY_FILES, ids=lambda p: os.path.relpath(p, ROOT))
def test_house_style_patterns(path):
    text = open(path, encoding="utf-8").read()
    for pattern, why in FORBIDDEN_PY.items():
        assert not re.search(pattern, text), f"{pattern}: {why}"
    if f"{os.sep}tools{os.sep}" in path:
        assert not re.search(r"^\s*(from|import) odoo\b", text, re.M), "tools/ is pure"


def _pylint(*targets, cwd=ROOT):
    pylint = os.path.join(os.path.dirname(sys.executable), "pylint")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p
        for p in (os.environ.get("ODOO_SRC", "/opt/odoo/src"), env.get("PYTHONPATH"))
        if p
    )
    rcfile = os.path.join(ROOT, ".pylintrc-mandatory")
    return subprocess.run(
        [pylint, f"--rcfile={rcfile}", *targets],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_pylint_odoo_mandatory():
    """pylint-odoo blocking checks (.pylintrc-mandatory: OCA 18.0 set, our values)."""
    res = _pylint(*ADDONS)
    assert res.returncode == 0, res.stdout + res.stderr


def test_pylint_odoo_mandatory_catches_violations(tmp_path):
    """The configuration really checks: a print and an except/pass are reported."""
    bad = tmp_path / "bad.py"
    bad.write_text('print("x")\ntry:\n    pass\nexcept Exception:\n    pass\n')
    res = _pylint(str(bad), cwd=str(tmp_path))
    assert res.returncode != 0
    assert "print-used" in res.stdout and "except-pass" in res.stdout
