"""18.0.2.2.0 (issue 18): the Tờ trình, its list and the council's minutes are
written by the software, so their checklist rows fill themselves. The dossier
catalogue is noupdate data: an upgraded database gets the flag here (a school's
own choice, already set, is kept). Class weeks rank on the total alone, equal
totals share the rank (1, 2, 2, 4): the stored weekly results of every school
are ranked again."""

from odoo import SUPERUSER_ID, api

GENERATED = {
    "school_emulation.dossier_to_trinh": "proposal",
    "school_emulation.dossier_danh_sach": "proposal",
    "school_emulation.dossier_bien_ban": "minutes",
}


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid, kind in GENERATED.items():
        item = env.ref(xmlid, False)
        if item and not item.generated:
            item.generated = kind
    env["school.emulation.class.week"].search([])._compute_results()
