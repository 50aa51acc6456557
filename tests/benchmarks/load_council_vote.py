"""Load and concurrency check on a real multi-process server (not part of the tests).

Usage: /opt/odoo/venv-18.0/bin/python tests/benchmarks/load_council_vote.py
       [--members 50] [--workers 4] [--port 8369] [--db se_load] [--keep]

1. Creates the database ``--db`` with both addons and the demo school (the install
   time is printed), starts Odoo with ``--workers`` on loopback.
2. Adds ``--members`` council members (users), a council of the current school year,
   a proposal with three candidates who need a secret ballot, and opens a session.
3. Every member, in its own thread and session, casts one ballot through JSON-RPC at
   the same moment, then tries a second one (bounded: two calls per member, a global
   timeout). Checks: every vote counted once, none lost, none duplicated, the only
   errors are the refusals of the second vote; prints p50/p95/max latency.
4. Two officers write the council score of the same criterion line 20 times each,
   concurrently: the line must end with the value of the officer it names (the last
   write wins, visibly: value and author agree), never a mix or a silent loss.
5. Prints the resident memory of the server's processes, stops it and drops the
   database (unless ``--keep``).
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import psutil

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ODOO_SRC = os.environ.get("ODOO_SRC", "/opt/odoo/src")
CONF = os.path.join(ROOT, ".local", "odoo.conf")
# x2many commands over JSON-RPC (odoo.fields.Command values)
CREATE, LINK, SET = 0, 4, 6


class Client:
    """One browser session: JSON-RPC with its own cookie."""

    def __init__(self, base, db):
        self.base, self.db, self.sid = base, db, None

    def post(self, path, params, timeout=120):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params})
        headers = {"Content-Type": "application/json"}
        if self.sid:
            headers["Cookie"] = f"session_id={self.sid}"
        req = urllib.request.Request(self.base + path, body.encode(), headers)
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            cookie = resp.headers.get("Set-Cookie") or ""
            if "session_id=" in cookie:
                self.sid = cookie.split("session_id=", 1)[1].split(";", 1)[0]
            return json.load(resp)

    def login(self, login, password):
        answer = self.post(
            "/web/session/authenticate",
            {"db": self.db, "login": login, "password": password},
        )
        if answer.get("error"):
            raise SystemExit(f"{login}: {answer['error']['data']['message']}")
        return answer["result"]["uid"]

    def call(self, model, method, *args, **kwargs):
        kwargs.setdefault("context", {"lang": "vi_VN"})  # as the web client sends it
        answer = self.post(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )
        if answer.get("error"):
            return None, answer["error"]["data"]["message"]
        return answer.get("result"), None


def odoo(*args, **popen):
    cmd = [sys.executable, os.path.join(ODOO_SRC, "odoo-bin"), "-c", CONF, *args]
    if popen:
        return subprocess.Popen(cmd, **popen)
    return subprocess.run(cmd, check=True, capture_output=True, text=True)


def setup_database(db):
    subprocess.run(["dropdb", "--if-exists", db], check=True, env=pg_env())
    start = time.perf_counter()
    odoo(
        "-d",
        db,
        "-i",
        "school_emulation,school_emulation_report",
        "--stop-after-init",
        "--no-http",
        "--log-level=warn",
        "--load-language=vi_VN",
    )
    return time.perf_counter() - start


def pg_env():
    env = dict(os.environ)
    env.setdefault("PGHOST", "127.0.0.1")
    env.setdefault("PGUSER", "odoo")
    env.setdefault("PGPASSWORD", "odoo")
    return env


def wait_up(base, server, seconds=120):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if server.poll() is not None:
            raise SystemExit("the server stopped while starting")
        try:
            with urllib.request.urlopen(base + "/web/login", timeout=5) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(1)
    raise SystemExit("the server did not answer")


def prepare_session(admin, members):
    """Members, council, proposal with three ballot candidates, open session."""
    ref = lambda xmlid: admin.call(  # noqa: E731
        "ir.model.data", "check_object_reference", *xmlid.split(".")
    )[0][1]
    company = ref("school_emulation.employee_tt_toan_demo")
    employee = admin.call("hr.employee", "read", [company], ["company_id"])[0][0]
    company_id = employee["company_id"][0]
    period = admin.call(
        "school.emulation.period",
        "search",
        [("company_id", "=", company_id), ("state", "=", "open")],
        limit=1,
    )[0][0]
    council_group = ref("school_emulation.group_school_emulation_council")
    user_ids = admin.call(
        "res.users",
        "create",
        [
            {
                "name": f"Thành viên {i:02d}",
                "login": f"load_member_{i:02d}",
                "password": f"load_member_{i:02d}",
                "lang": "vi_VN",
                "company_id": company_id,
                "company_ids": [(SET, 0, [company_id])],
                "groups_id": [(LINK, council_group)],
            }
            for i in range(1, members + 1)
        ],
    )[0]
    employee_ids = admin.call(
        "hr.employee",
        "create",
        [
            {"name": f"Thành viên {i:02d}", "user_id": uid, "company_id": company_id}
            for i, uid in enumerate(user_ids, start=1)
        ],
    )[0]
    council = admin.call(
        "school.emulation.council",
        "create",
        [
            {
                "name": "Hội đồng thử tải",
                "kind": "emulation",
                "period_id": period,
                "company_id": company_id,
                "member_ids": [(CREATE, 0, {"employee_id": e}) for e in employee_ids],
            }
        ],
    )[0][0]
    title = ref("school_emulation.title_cstdcs_2025")
    proposal = admin.call(
        "school.emulation.proposal",
        "create",
        [
            {
                "description": "Đề nghị thử tải",
                "period_id": period,
                "level": "school",
                "company_id": company_id,
                "line_ids": [
                    (
                        CREATE,
                        0,
                        {
                            "subject_type": "employee",
                            "employee_id": e,
                            "title_id": title,
                        },
                    )
                    for e in employee_ids[:3]
                ],
            }
        ],
    )[0][0]
    session = admin.call(
        "school.emulation.council.session",
        "create",
        [
            {
                "name": "Phiên thử tải",
                "council_id": council,
                "proposal_ids": [(SET, 0, [proposal])],
                "company_id": company_id,
            }
        ],
    )[0][0]
    passphrase = None
    for method in ("action_prepare", "action_open"):
        result, error = admin.call(
            "school.emulation.council.session", method, [session]
        )
        if error:
            raise SystemExit(f"{method}: {error}")
        passphrase = result
    lines = admin.call(
        "school.emulation.proposal.line",
        "search_read",
        [("session_id", "=", session)],
        ["ballot_required"],
    )[0]
    assert all(line["ballot_required"] for line in lines), lines
    return session, [line["id"] for line in lines], company_id, passphrase


def vote_storm(base, db, members, session, lines, timeout):
    rng = random.Random(20261201)
    choices = {
        i: sorted(rng.sample(lines, rng.randint(0, 3))) for i in range(1, members + 1)
    }
    latency, first_errors, second_errors = [], [], []
    lock = threading.Lock()
    ready = threading.Barrier(members)

    def member(i):
        client = Client(base, db)
        client.login(f"load_member_{i:02d}", f"load_member_{i:02d}")
        ready.wait(timeout)
        start = time.perf_counter()
        _result, error = client.call(
            "school.emulation.council.session", "cast_vote", [session], choices[i]
        )
        took = time.perf_counter() - start
        _again, error2 = client.call(
            "school.emulation.council.session", "cast_vote", [session], choices[i]
        )
        with lock:
            latency.append(took)
            if error:
                first_errors.append(error)
            if error2:
                second_errors.append(error2)

    threads = [
        threading.Thread(target=member, args=(i,)) for i in range(1, members + 1)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    stuck = sum(thread.is_alive() for thread in threads)
    return choices, latency, first_errors, second_errors, stuck


def concurrent_scoring(base, db, admin, company_id, rounds=20):
    """Two officers write the council score of one line at the same time."""
    officer_group = admin.call(
        "ir.model.data",
        "check_object_reference",
        "school_emulation",
        "group_school_emulation_officer",
    )[0][1]
    for login in ("load_officer_a", "load_officer_b"):
        admin.call(
            "res.users",
            "create",
            [
                {
                    "name": login,
                    "login": login,
                    "password": login,
                    "company_id": company_id,
                    "company_ids": [(SET, 0, [company_id])],
                    "groups_id": [(LINK, officer_group)],
                }
            ],
        )
    line = admin.call(
        "school.emulation.score",
        "search_read",
        [("registration_id.state", "=", "accepted"), ("max_points", ">=", 10)],
        ["max_points"],
        limit=1,
    )[0][0]
    errors = []

    def officer(login, base_value):
        client = Client(base, db)
        client.login(login, login)
        for k in range(rounds):
            value = base_value + k / 100
            _r, error = client.call(
                "school.emulation.score", "write", [line["id"]], {"final_score": value}
            )
            if error:
                errors.append(error)

    threads = [
        threading.Thread(target=officer, args=("load_officer_a", 1)),
        threading.Thread(target=officer, args=("load_officer_b", 2)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(300)
    final = admin.call(
        "school.emulation.score", "read", [line["id"]], ["final_score", "final_user_id"]
    )[0][0]
    return final, errors


DAY_READS = [
    ("school.emulation.registration", [], ["subject_name", "total_score", "state"]),
    ("school.emulation.proposal", [], ["name", "state", "line_count"]),
    ("school.emulation.award", [], ["subject_name", "award_name", "period_id"]),
    ("school.emulation.movement", [], ["name", "state"]),
    ("school.emulation.council.session", [], ["name", "state", "voted_count"]),
]


def school_day(base, db, requests=2000, threads=8):
    """A day's worth of requests: staff, leaders and the officer opening lists and
    forms (reads of 80 records, then one record) from ``threads`` browsers."""
    logins = ["officer", "leader", "teacher", "principal"]
    done, errors, lock = [0], [], threading.Lock()
    per_thread = requests // threads

    def browser(k):
        client = Client(base, db)
        login = logins[k % len(logins)]
        client.login(login, login)
        for i in range(per_thread):
            model, domain, fields = DAY_READS[i % len(DAY_READS)]
            if login == "teacher" and model == "school.emulation.council.session":
                model, domain, fields = DAY_READS[0]  # sessions: council only
            rows, error = client.call(model, "search_read", domain, fields, limit=80)
            if not error and rows:
                _r, error = client.call(model, "read", [rows[0]["id"]], fields)
            with lock:
                done[0] += 1
                if error:
                    errors.append(error)

    start = time.perf_counter()
    workers = [threading.Thread(target=browser, args=(k,)) for k in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(600)
    return done[0], time.perf_counter() - start, errors


def server_rss(server):
    procs = [psutil.Process(server.pid), *psutil.Process(server.pid).children()]
    return sum(p.memory_info().rss for p in procs) / 1024 / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="se_load")
    ap.add_argument("--members", type=int, default=50)
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--port", type=int, default=8369)
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    base = f"http://127.0.0.1:{args.port}"
    install = setup_database(args.db)
    print(f"install of both addons with the demo school: {install:.1f} s")
    log = open(os.path.join(ROOT, ".local", "load-odoo.log"), "w")  # noqa: SIM115
    server = odoo(
        "-d",
        args.db,
        "--db-filter",
        f"^{args.db}$",
        "--http-port",
        str(args.port),
        "--http-interface",
        "127.0.0.1",
        "--workers",
        str(args.workers),
        "--max-cron-threads",
        "0",
        "--limit-time-real",
        "600",
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    failed = False
    try:
        wait_up(base, server)
        admin = Client(base, args.db)
        admin.login("admin", "admin")
        session, lines, company_id, passphrase = prepare_session(admin, args.members)
        start = time.perf_counter()
        choices, latency, first, second, stuck = vote_storm(
            base, args.db, args.members, session, lines, args.timeout
        )
        wall = time.perf_counter() - start
        voted = admin.call(
            "school.emulation.council.session", "read", [session], ["voted_count"]
        )[0][0]["voted_count"]
        # The sealed box holds one ciphertext per voter; the count (with the
        # counting board's passphrase) writes the tallies on the lines.
        sealed = admin.call(
            "school.emulation.council.session", "read", [session], ["voted_count"]
        )[0][0]["voted_count"]
        _result, error = admin.call(
            "school.emulation.council.session", "action_close", [session], passphrase
        )
        if error:
            raise SystemExit(f"action_close: {error}")
        tallies = admin.call(
            "school.emulation.proposal.line", "read", lines, ["vote_yes"]
        )[0]
        ballots = [None] * sealed
        expected_yes = {
            line: sum(line in chosen for chosen in choices.values()) for line in lines
        }
        counted_yes = {row["id"]: row["vote_yes"] for row in tallies}
        quantiles = (
            statistics.quantiles(sorted(latency), n=20) if len(latency) > 1 else latency
        )
        print(f"{args.members} members voting at once on {args.workers} workers:")
        print(
            f"  first vote latency: p50 {statistics.median(latency) * 1000:.0f} ms, "
            f"p95 {quantiles[-1] * 1000:.0f} ms, max {max(latency) * 1000:.0f} ms; "
            f"all {args.members} ballots in {wall:.1f} s"
        )
        print(
            f"  voted_count {voted}/{args.members}; sealed ballots {len(ballots)} "
            f"(expected {args.members}); yes per candidate counted "
            f"{sorted(counted_yes.values())} expected {sorted(expected_yes.values())}"
        )
        print(
            f"  errors: first votes {len(first)}, second votes refused "
            f"{len(second)}/{args.members}, threads stuck {stuck}"
        )
        if second:
            print(f"  a refusal reads: {second[0]!r}")
        ok_votes = (
            voted == args.members
            and len(ballots) == args.members
            and counted_yes == expected_yes
            and not first
            and len(second) == args.members
            and not stuck
        )
        print(f"  every vote counted once, none lost, no duplicate: {ok_votes}")
        final, errors = concurrent_scoring(base, args.db, admin, company_id)
        writer = final["final_user_id"][1] if final["final_user_id"] else None
        consistent = (
            writer == f"load_officer_{'a' if final['final_score'] < 2 else 'b'}"
        )
        print(
            "two officers scoring one line 20 times each: final "
            f"{final['final_score']} by {writer}; errors {len(errors)}; "
            f"value and author agree: {consistent}"
        )
        before = server_rss(server)
        count, seconds, day_errors = school_day(base, args.db)
        after = server_rss(server)
        print(
            f"a school day: {count} list reads (+ one form each) by 8 browsers in "
            f"{seconds:.0f} s ({count / seconds:.0f}/s), errors {len(day_errors)}; "
            f"server memory (all processes) {before:.0f} MB before, {after:.0f} MB "
            "after"
        )
        if day_errors:
            print(f"  first error: {day_errors[0]!r}")
        failed = not (ok_votes and consistent)
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        if not args.keep:
            time.sleep(2)
            subprocess.run(["dropdb", "--if-exists", args.db], env=pg_env())
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
