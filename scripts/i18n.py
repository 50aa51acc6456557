"""Merge an addon's freshly exported POT into its vi.po (keeps translations, adds new
msgids empty, drops obsolete ones) and list what is still untranslated.

Usage: python scripts/i18n.py MODULE [MODULE ...]   (run by scripts/i18n_export.sh)
"""

import os
import sys

import polib

HEADER = {
    "Project-Id-Version": "Odoo Server 18.0",
    "Language": "vi",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "",
    "Plural-Forms": "nplurals=1; plural=0;",
}
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def merge(module):
    i18n = os.path.join(ROOT, module, "i18n")
    pot = polib.pofile(os.path.join(i18n, f"{module}.pot"))
    po_path = os.path.join(i18n, "vi.po")
    old = polib.pofile(po_path) if os.path.exists(po_path) else polib.POFile()
    known = {e.msgid: e.msgstr for e in old if e.msgstr}
    new = polib.POFile(wrapwidth=78)
    new.header = (
        "Translation of Odoo Server.\n"
        "This file contains the translation of the following modules:\n"
        f"\t* {module}"
    )
    new.metadata = dict(HEADER)
    for entry in pot:
        entry.msgstr = known.get(entry.msgid, "")
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
        new.append(entry)
    new.save(po_path)
    missing = [e.msgid for e in new if not e.msgstr]
    print(f"{module}: {len(new)} entries, {len(missing)} untranslated")
    for msgid in missing:
        print("   ", repr(msgid))
    return len(missing)


if __name__ == "__main__":
    sys.exit(1 if sum(merge(m) for m in sys.argv[1:]) else 0)
