from odoo.tests import TransactionCase, tagged

from odoo.addons.school_emulation.tests.translation_check import (
    TranslationCompletenessMixin,
)


@tagged("post_install", "-at_install")
class TestTranslations(TranslationCompletenessMixin, TransactionCase):
    def test_vi_po_complete(self):
        """Every string Odoo extracts from the addon is in its vi.po."""
        self._check_vi_po_complete("school_emulation_report")
