#!/usr/bin/env bash
# Developer helper: update the run database's addons, export each addon's POT with Odoo's own
# extractor, and merge it into i18n/vi.po (scripts/i18n.py). Then fill the empty msgstr lines.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
se_setup
se_odoo -d "$SE_DB" -u "$SE_ADDONS" --stop-after-init --no-http --log-level=warn
for m in ${SE_ADDONS//,/ }; do
    se_odoo -d "$SE_DB" --i18n-export="$SE_ROOT/$m/i18n/$m.pot" --modules="$m" \
        --stop-after-init --no-http --log-level=warn
done
"$SE_VENV/bin/python" "$SE_ROOT/scripts/i18n.py" ${SE_ADDONS//,/ }
