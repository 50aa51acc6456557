import os

import polib

from odoo.modules.module import get_module_path
from odoo.tools.translate import TranslationModuleReader


class TranslationCompletenessMixin:
    """Every string Odoo extracts from the module has a Vietnamese translation in vi.po.

    The extraction is Odoo's own (the same reader as "Export translation"), so the check
    grows with the code: a new field label, view text, selection value or ``env._()``
    string without a vi.po entry fails the test.
    """

    def _check_vi_po_complete(self, module):
        path = os.path.join(get_module_path(module), "i18n", "vi.po")
        self.assertTrue(os.path.isfile(path), f"{path} is missing")
        po = polib.pofile(path)
        translated = {e.msgid for e in po if e.msgstr and "fuzzy" not in e.flags}
        reader = TranslationModuleReader(self.env.cr, modules=[module])
        sources = {row[4] for row in reader if row[0] == module and row[4]}
        missing = sorted(sources - translated)
        self.assertFalse(
            missing,
            "untranslated in {}/i18n/vi.po:\n{}".format(
                module, "\n".join(missing[:50])
            ),
        )
