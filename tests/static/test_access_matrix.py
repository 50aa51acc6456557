"""security/ACCESS_MATRIX.md states exactly what ir.model.access.csv grants."""

import csv
import os
import re

from conftest import ROOT

ROLES = ["staff", "leader", "officer", "admin", "council", "scorer"]
# group xml id -> roles that hold it (through implied groups)
HOLDERS = {
    "group_school_emulation_user": {"staff", "leader", "officer", "admin", "council"},
    "group_school_emulation_leader": {"leader", "officer", "admin"},
    "group_school_emulation_officer": {"officer", "admin"},
    "group_school_emulation_manager": {"admin"},
    "group_school_emulation_council": {"council"},
    "group_school_emulation_class_scorer": {"scorer"},
}


def granted():
    path = os.path.join(ROOT, "school_emulation", "security", "ir.model.access.csv")
    rights = {}
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            model = row["model_id:id"].removeprefix("model_")
            for role in HOLDERS[row["group_id:id"]]:
                have = rights.setdefault(model, {r: set() for r in ROLES})[role]
                for letter, col in zip(
                    "RWCD", ("read", "write", "create", "unlink"), strict=False
                ):
                    if row[f"perm_{col}"] == "1":
                        have.add(letter)
    return {
        m: {r: "".join(c for c in "RWCD" if c in v) or "—" for r, v in roles.items()}
        for m, roles in rights.items()
    }


def documented():
    text = open(
        os.path.join(ROOT, "security", "ACCESS_MATRIX.md"), encoding="utf-8"
    ).read()
    table = {}
    for line in text.splitlines():
        m = re.match(r"\| `([\w.]+)` \|(.+)", line)
        if m:
            cells = [c.strip() for c in m.group(2).split("|")]
            table[m.group(1).replace(".", "_")] = dict(
                zip(ROLES, cells[: len(ROLES)], strict=False)
            )
    return table


def test_matrix_lists_every_model():
    assert set(documented()) == set(granted())


def test_matrix_matches_acl():
    doc, acl = documented(), granted()
    for model, roles in acl.items():
        assert doc[model] == roles, model
