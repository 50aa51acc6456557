"""Benchmark: our share of the install, next to its target (issue 16: at most 30 s).

Usage: /opt/odoo/venv-18.0/bin/python tests/benchmarks/bench_install.py
       [--repeat 1] [--target 30] [--keep]

Installs side by side in one run, each on a fresh database, with the demo data and
Vietnamese, the way ``bash scripts/run.sh`` installs the product (``-i ...
--load-language=vi_VN --stop-after-init``):

  A. the dependencies alone: ``hr,mail,base_import`` (and what Odoo auto-installs
     with them: hr_skills, hr_org_chart, mail_bot_hr, ...);
  B. both addons, ``school_emulation,school_emulation_report`` (which install the
     same dependencies first).

Our share is B - A (wall clock of odoo-bin). With ``--repeat N`` the pair runs N
times, alternating, and the medians are compared. Then it reads Odoo's log of the
last B run and prints where our modules' time goes: the schema (models, tables,
``init()`` indexes), each data and demo file, the translations, the end of loading.
The databases (and their filestores) are dropped unless ``--keep``.
"""

import argparse
import datetime
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ODOO_SRC = os.environ.get("ODOO_SRC", "/opt/odoo/src")
CONF = os.path.join(ROOT, ".local", "odoo.conf")
DEPENDENCIES = "hr,mail,base_import"
OURS = "school_emulation,school_emulation_report"
OUR_MODULES = OURS.split(",")

_STAMP = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) \d+ \w+ \S+ (\S+): (.*)$")
_MODULE_LOADED = re.compile(r"Module (\w+) loaded in ([\d.]+)s.*?, (\d+) queries")


def pg_env():
    env = dict(os.environ)
    env.setdefault("PGHOST", "127.0.0.1")
    env.setdefault("PGUSER", "odoo")
    env.setdefault("PGPASSWORD", "odoo")
    return env


def data_dir():
    with open(CONF, encoding="utf-8") as conf:
        for line in conf:
            key, _sep, value = line.partition("=")
            if key.strip() == "data_dir":
                return value.strip()
    return os.path.expanduser("~/.local/share/Odoo")


def drop(db):
    subprocess.run(["dropdb", "--if-exists", "--force", db], check=True, env=pg_env())
    subprocess.run(["rm", "-rf", os.path.join(data_dir(), "filestore", db)], check=True)


def install(db, modules, logfile):
    """Install ``modules`` with demo and Vietnamese on a new ``db``; wall seconds."""
    drop(db)
    subprocess.run(["createdb", db], check=True, env=pg_env())
    cmd = [
        sys.executable,
        os.path.join(ODOO_SRC, "odoo-bin"),
        "-c",
        CONF,
        "-d",
        db,
        "-i",
        modules,
        "--load-language=vi_VN",
        "--stop-after-init",
        "--no-http",
        "--log-level=info",
        f"--logfile={logfile}",
    ]
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=pg_env())
    return time.perf_counter() - start


def _events(logfile):
    with open(logfile, encoding="utf-8", errors="replace") as log:
        for line in log:
            match = _STAMP.match(line.rstrip("\n"))
            if match:
                stamp = datetime.datetime.strptime(
                    match.group(1), "%Y-%m-%d %H:%M:%S,%f"
                )
                yield stamp, match.group(2), match.group(3)


def breakdown(logfile, modules=OUR_MODULES):
    """Where the time of ``modules`` goes: [(module, step, seconds)], and the
    per-module totals Odoo reports [(module, seconds, queries)]."""
    steps, totals = [], []
    current = None  # (module, step, start)
    for stamp, logger, message in _events(logfile):
        if logger != "odoo.modules.loading" and "translation file" not in message:
            continue
        step = None
        loaded = _MODULE_LOADED.match(message)
        if message.startswith("Loading module "):
            module = message.split()[2]
            step = (module, "schema: models, tables, init()")
        elif message.startswith("loading ") and "/" in message:
            module, _sep, path = message.split()[1].partition("/")
            step = (module, path)
        elif message.startswith("module ") and "loading translation file" in message:
            module = message.split()[1].rstrip(":")
            step = (module, "translations (vi_VN)")
        elif loaded or message.startswith("Modules loaded"):
            step = ("", "")
        if step is None:
            continue
        if current and current[0] in modules:
            steps.append((current[0], current[1], (stamp - current[2]).total_seconds()))
        current = (*step, stamp)
        if loaded and loaded.group(1) in modules:
            totals.append(
                (loaded.group(1), float(loaded.group(2)), int(loaded.group(3)))
            )
    return steps, totals


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--target", type=float, default=30.0)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="se_bench_install_")
    runs = {"deps": [], "ours": []}
    db = {"deps": "se_bench_install_deps", "ours": "se_bench_install_ours"}
    what = {"deps": DEPENDENCIES, "ours": OURS}
    try:
        for n in range(args.repeat):
            for key in ("deps", "ours"):
                log = os.path.join(workdir, f"{key}.log")
                seconds = install(db[key], what[key], log)
                runs[key].append(seconds)
                print(f"run {n + 1}: -i {what[key]:<42} {seconds:6.1f} s", flush=True)
    finally:
        if not args.keep:
            for name in db.values():
                drop(name)

    deps, ours = statistics.median(runs["deps"]), statistics.median(runs["ours"])
    share = ours - deps
    print()
    print(f"dependencies alone ({DEPENDENCIES}), demo + vi_VN:   {deps:6.1f} s")
    print(f"both addons ({OURS}), demo + vi_VN: {ours:6.1f} s")
    verdict = "within" if share <= args.target else "OVER"
    print(f"our share: {share:.1f} s   (target <= {args.target:.0f} s: {verdict})")

    steps, totals = breakdown(os.path.join(workdir, "ours.log"))
    print()
    print("Odoo's own count, per module (last run):")
    for module, seconds, queries in totals:
        print(f"  {module:<28} {seconds:6.2f} s  {queries:>7} queries")
    print("where it goes (steps of 0.3 s or more; the rest summed):")
    rest = 0.0
    for module, step, seconds in steps:
        if seconds >= 0.3:
            print(f"  {seconds:6.2f} s  {module}: {step}")
        else:
            rest += seconds
    print(f"  {rest:6.2f} s  other files (each under 0.3 s)")
    print(f"(logs in {workdir})")


if __name__ == "__main__":
    main()
