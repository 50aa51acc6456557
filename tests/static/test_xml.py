"""Every XML file is well formed and free of pre-18.0 view syntax (house style §6)."""

import glob
import os
import re

import pytest
from conftest import ADDONS, ROOT
from lxml import etree

XML_FILES = sorted(
    p
    for addon in ADDONS
    for p in glob.glob(os.path.join(ROOT, addon, "**/*.xml"), recursive=True)
)
FORBIDDEN_XML = {
    r"<tree\b": "use <list> (18-1)",
    r"\battrs\s*=": "attrs is gone since 17.0 (18-2)",
    r"<(field|button|div|group|page)\b[^>]*\bstates\s*=": "states is gone (18-2)",
    r"kanban-box": "use <t t-name='card'> (18-8)",
    r"numbercall": "no numbercall on ir.cron (18-10)",
    r"\bt-raw\s*=": "use t-out (habit 16)",
}


def test_there_are_xml_files():
    assert XML_FILES


@pytest.mark.parametrize("path", XML_FILES, ids=lambda p: os.path.relpath(p, ROOT))
def test_xml_well_formed_and_modern(path):
    etree.parse(path)  # raises XMLSyntaxError when malformed
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    for pattern, why in FORBIDDEN_XML.items():
        assert not re.search(pattern, text), f"{pattern}: {why}"
