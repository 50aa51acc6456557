"""Both addons ship a complete i18n/vi.po.

Odoo's own extractor checks completeness against the code in each addon's
test_translations; here: the file's shape, its POT and the placeholders.
"""

import os
import re

import polib
import pytest
from conftest import ADDONS, ROOT

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def _po(addon):
    return polib.pofile(os.path.join(ROOT, addon, "i18n", "vi.po"))


@pytest.mark.parametrize("addon", ADDONS)
def test_vi_po_header(addon):
    po = _po(addon)
    assert po.metadata.get("Language") == "vi"
    assert po.metadata.get("Plural-Forms") == "nplurals=1; plural=0;"
    assert not os.path.exists(os.path.join(ROOT, addon, "i18n", "en.po"))


@pytest.mark.parametrize("addon", ADDONS)
def test_vi_po_matches_pot(addon):
    """Every msgid of the exported POT is in vi.po, translated and not fuzzy."""
    pot = polib.pofile(os.path.join(ROOT, addon, "i18n", f"{addon}.pot"))
    po = {e.msgid: e for e in _po(addon)}
    for entry in pot:
        assert entry.msgid in po, f"missing in vi.po: {entry.msgid!r}"
        assert po[entry.msgid].msgstr, f"untranslated: {entry.msgid!r}"
        assert "fuzzy" not in po[entry.msgid].flags, f"fuzzy: {entry.msgid!r}"


@pytest.mark.parametrize("addon", ADDONS)
def test_vi_po_placeholders(addon):
    for entry in _po(addon):
        assert sorted(PLACEHOLDER.findall(entry.msgid)) == sorted(
            PLACEHOLDER.findall(entry.msgstr)
        ), f"placeholders differ: {entry.msgid!r}"
