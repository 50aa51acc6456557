#!/usr/bin/env bash
# README command 1: set up (idempotent), create or update the demo database, start Odoo on
# http://127.0.0.1:8069 in the foreground (Ctrl+C stops it). SE_NO_SERVE=1 stops after the
# database is ready (used by the test of this script and by deployments with their own service).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

se_setup

addons_hash=$(cd "$SE_ROOT" && find school_emulation school_emulation_report -type f \
    ! -name '*.pyc' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
stamp="$SE_DATA_DIR/.school_emulation_${SE_DB}.stamp"

if se_db_exists "$SE_DB" && [ "$(psql -d "$SE_DB" -tAc \
    "select state from ir_module_module where name = 'school_emulation_report'" 2>/dev/null)" = installed ]; then
    if [ "$(cat "$stamp" 2>/dev/null)" = "$addons_hash" ]; then
        se_step "Database $SE_DB"
        se_say "exists and the addons are unchanged: nothing to update"
    else
        se_step "Updating the addons in the existing database $SE_DB (data kept)"
        se_odoo -d "$SE_DB" -u "$SE_ADDONS" --stop-after-init --no-http \
            --log-level=warn
        echo "$addons_hash" >"$stamp"
    fi
else
    se_step "Creating database $SE_DB with both addons, demo data and Vietnamese"
    se_odoo -d "$SE_DB" -i "$SE_ADDONS" --load-language=vi_VN --stop-after-init --no-http \
        --log-level=warn
    se_step "Setting the administrator's language to Vietnamese"
    "$SE_VENV/bin/python" "$ODOO_SRC/odoo-bin" shell -c "$SE_CONF" -d "$SE_DB" --no-http \
        --log-level=warn >/dev/null <<'PY'
admin = env.ref("base.user_admin")
admin.write({"lang": "vi_VN", "tz": "Asia/Ho_Chi_Minh"})
env.cr.commit()
PY
    echo "$addons_hash" >"$stamp"
fi
se_finish_steps

cat <<MSG

  School emulation (Thi đua - Khen thưởng) is ready on Odoo 18.0.
  URL:    http://127.0.0.1:$SE_HTTP_PORT/odoo      (database: $SE_DB)
  Login:  admin / admin   (Vietnamese interface; demo school data loaded)

MSG
if [ "${SE_NO_SERVE:-0}" = 1 ]; then
    exit 0
fi
se_say "starting Odoo (Ctrl+C to stop); log below"
exec "$SE_VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$SE_CONF" -d "$SE_DB" \
    --db-filter "^${SE_DB}\$" --http-port "$SE_HTTP_PORT"
