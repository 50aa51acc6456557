"""A model's name is its file and its views file (issue 16; house style, "One main
model a file").

- A model defined in ``models/``, ``wizard/`` or ``report/`` lives in the file named
  after it (``school.emulation.decision`` in ``school_emulation_decision.py``), or in
  its parent's file when it is a line of that model: its name extends the parent's
  (``school.emulation.block.member``) or it has a many2one to a model of that file
  (``school.emulation.band`` of a criterion set, in ``school_emulation_criterion.py``).
- A foreign model is extended in one file per addon, named after it
  (``hr_employee.py``).
- The form, list, search... views of a model are in ``views/<its file>_views.xml``
  (``wizard/<its file>_views.xml`` for a wizard); menus only in the menus file.
"""

import ast
import glob
import os
from collections import defaultdict

import pytest
from lxml import etree

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ADDONS = ("school_emulation", "school_emulation_report")
FOLDERS = ("models", "wizard", "report")


def _literal(node):
    try:
        return ast.literal_eval(node)
    except ValueError:
        return None


def _classes(addon):
    """(path, stem, _name, [_inherit], {many2one comodels}) of every model class."""
    for folder in FOLDERS:
        for path in sorted(glob.glob(os.path.join(ROOT, addon, folder, "*.py"))):
            stem = os.path.basename(path)[:-3]
            if stem == "__init__":
                continue
            tree = ast.parse(open(path, encoding="utf-8").read())
            for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
                values, comodels = {}, set()
                for stmt in cls.body:
                    if not isinstance(stmt, ast.Assign):
                        continue
                    for target in stmt.targets:
                        if getattr(target, "id", "") in ("_name", "_inherit"):
                            values[target.id] = _literal(stmt.value)
                    call = stmt.value
                    if (
                        isinstance(call, ast.Call)
                        and getattr(call.func, "attr", "") == "Many2one"
                        and call.args
                    ):
                        comodels.add(_literal(call.args[0]))
                inherit = values.get("_inherit") or []
                inherit = [inherit] if isinstance(inherit, str) else inherit
                if values.get("_name") or inherit:
                    yield (
                        os.path.relpath(path, ROOT),
                        stem,
                        values.get("_name"),
                        inherit,
                        comodels,
                    )


def _flat(model):
    return model.replace(".", "_")


def _home(addon):
    """model -> file stem where it is defined; foreign model -> [stems extending it]."""
    defined, extended = {}, defaultdict(list)
    for _path, stem, name, inherit, _comodels in _classes(addon):
        if name and name not in inherit:
            defined[name] = stem
        else:
            for model in [name] if name else inherit:
                extended[model].append(stem)
    return defined, extended


@pytest.mark.parametrize("addon", ADDONS)
def test_a_model_lives_in_the_file_named_after_it(addon):
    classes = list(_classes(addon))
    in_file = defaultdict(set)
    for _path, stem, name, inherit, _comodels in classes:
        if name and name not in inherit:
            in_file[stem].add(name)
    wrong = []
    for path, stem, name, inherit, comodels in classes:
        if not name or name in inherit:
            continue
        flat = _flat(name)
        if stem.startswith("report_"):
            if name != f"report.{addon}.{stem}":
                wrong.append(f"{path}: {name}")
            continue
        # a line model: a many2one to a model of the same file
        parents = comodels & (in_file[stem] - {name})
        if flat != stem and not flat.startswith(stem + "_") and not parents:
            wrong.append(f"{path}: {name}")
    assert not wrong, (
        "models not in the file named after them (or their parent's):\n"
        + ("\n".join(wrong))
    )


@pytest.mark.parametrize("addon", ADDONS)
def test_a_foreign_model_is_extended_in_one_file_named_after_it(addon):
    defined, extended = _home(addon)
    ours = set(defined)
    wrong = []
    for model, stems in sorted(extended.items()):
        if model in ours or model.endswith(".mixin"):
            continue
        if len(set(stems)) != 1 or stems[0] != _flat(model):
            wrong.append(f"{model}: {sorted(set(stems))}")
    assert not wrong, "foreign models extended elsewhere than <model>.py:\n" + (
        "\n".join(wrong)
    )


@pytest.mark.parametrize("addon", ADDONS)
def test_a_models_views_are_in_its_views_file(addon):
    defined, extended = _home(addon)
    base_defined, _base_extended = _home("school_emulation")
    homes = {**base_defined, **defined}

    def home(model):
        if model in homes:
            return homes[model]
        for other, stem in homes.items():  # a line model: its parent's file
            if model.startswith(other + ".") and _flat(other) == stem:
                return stem
        return _flat(model)

    wrong = []
    for folder in ("views", "wizard"):
        for path in sorted(glob.glob(os.path.join(ROOT, addon, folder, "*.xml"))):
            name = os.path.basename(path)
            tree = etree.parse(path)
            if tree.xpath("//menuitem") and not name.endswith("menus.xml"):
                wrong.append(f"{addon}/{folder}/{name}: menus outside the menus file")
            for view in tree.xpath("//record[@model='ir.ui.view']"):
                model = view.xpath("string(field[@name='model'])")
                if not model:
                    continue  # a QWeb template of the file's model (minutes...)
                expected = f"{home(model)}_views.xml"
                if name != expected:
                    wrong.append(
                        f"{addon}/{folder}/{name}: view {view.get('id')} of {model}"
                        f" (expected in {expected})"
                    )
    assert not wrong, "\n".join(wrong)
