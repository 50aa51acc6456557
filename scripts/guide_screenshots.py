"""Take the user guide's pictures from the running demo school (docs/img/).

Usage: python scripts/guide_screenshots.py [--base http://127.0.0.1:8069]
       [--db school_emulation] [--out docs/img]

Needs the server of `bash scripts/run.sh` (demo school, Vietnamese). Each picture is
taken as the role that does the step (demo logins: officer, leader, teacher,
council, principal; admin for the catalogue); PDF documents are fetched from Odoo's
own report route and turned into PNG with pdftoppm. Re-run after a UI change.
"""

import argparse
import json
import os
import subprocess
import tempfile
import urllib.request

from screenshot import authenticate, capture

# (picture, login, action xmlid, record: xmlid or (model, domain) or None,
#  JavaScript run before the shot or "")
TAB = "document.querySelector('.o_notebook .nav-link[name=\"%s\"]').click()"
SHOTS = [
    (
        "01-movements",
        "officer",
        "school_emulation.school_emulation_movement_action",
        None,
        "",
    ),
    (
        "02-movement",
        "officer",
        "school_emulation.school_emulation_movement_action",
        "school_emulation.movement_dmst_demo",
        "",
    ),
    (
        "03-registrations",
        "teacher",
        "school_emulation.school_emulation_registration_action",
        None,
        "",
    ),
    (
        "04-scoring-sheet",
        "leader",
        "school_emulation.school_emulation_registration_action",
        (
            "school.emulation.registration",
            [
                ("employee_id.user_id.login", "=", "teacher"),
                ("state", "=", "accepted"),
            ],
        ),
        "",
    ),
    (
        "05-class-week",
        "officer",
        "school_emulation.school_emulation_class_week_action",
        "school_emulation.class_week_06_demo",
        "",
    ),
    (
        "06-block",
        "officer",
        "school_emulation.school_emulation_block_action",
        "school_emulation.block_thcs_demo",
        "",
    ),
    (
        "07-eligibility",
        "officer",
        "school_emulation.school_emulation_proposal_action",
        "school_emulation.proposal_2025_cstd_tinh_demo",
        "",
    ),
    (
        "08-council-session",
        "officer",
        "school_emulation.school_emulation_council_session_action",
        "school_emulation.council_session_2025_demo",
        "",
    ),
    (
        "09-proposals",
        "officer",
        "school_emulation.school_emulation_proposal_action",
        None,
        "",
    ),
    (
        "10-proposal-dossier",
        "officer",
        "school_emulation.school_emulation_proposal_action",
        "school_emulation.proposal_2025_school_demo",
        TAB % "dossier",
    ),
    (
        "11-decisions",
        "officer",
        "school_emulation.school_emulation_decision_action",
        None,
        "",
    ),
    (
        "13-initiative",
        "officer",
        "school_emulation.school_emulation_initiative_action",
        "school_emulation.initiative_sk_toan_demo",
        "",
    ),
    (
        "14-exemplars",
        "officer",
        "school_emulation.school_emulation_exemplar_action",
        None,
        "",
    ),
    (
        "15-award-history",
        "officer",
        "hr.open_view_employee_list_my",
        "school_emulation.employee_tt_toan_demo",
        TAB % "school_emulation",
    ),
    (
        "16-dashboard",
        "principal",
        "school_emulation_report.school_emulation_report_dashboard_action",
        None,
        "",
    ),
    (
        "17-statistics",
        "principal",
        "school_emulation_report.school_emulation_award_statistics_action",
        None,
        "",
    ),
    ("18-titles", "admin", "school_emulation.school_emulation_title_action", None, ""),
]
# (picture, report, record xmlid)
PDFS = [
    (
        "12-pdf-proposal",
        "school_emulation_report.report_proposal",
        "school_emulation.proposal_2025_school_demo",
    ),
]


def rpc(base, sid, model, method, *args, **kwargs):
    body = json.dumps(
        {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": kwargs,
            },
        }
    ).encode()
    req = urllib.request.Request(
        f"{base}/web/dataset/call_kw",
        data=body,
        headers={"Content-Type": "application/json", "Cookie": f"session_id={sid}"},
    )
    with urllib.request.urlopen(req, timeout=60) as resp:
        result = json.load(resp)
    if result.get("error"):
        raise SystemExit(result["error"]["data"]["message"])
    return result["result"]


def record_id(base, sid, record):
    if isinstance(record, tuple):
        model, domain = record
        ids = rpc(base, sid, model, "search", domain, limit=1)
        if not ids:
            raise SystemExit(f"no {model} matches {domain}")
        return ids[0]
    module, name = record.split(".")
    rows = rpc(
        base,
        sid,
        "ir.model.data",
        "search_read",
        [("module", "=", module), ("name", "=", name)],
        fields=["res_id"],
    )
    if not rows:
        raise SystemExit(f"{record} is not in the database (demo data?)")
    return rows[0]["res_id"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default="http://127.0.0.1:8069")
    ap.add_argument("--db", default="school_emulation")
    ap.add_argument("--out", default=os.path.join("docs", "img"))
    ap.add_argument("--wait", type=float, default=5.0)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    admin = authenticate(args.base, args.db, "admin", "admin")
    by_login = {}
    for name, login, action, record, script in SHOTS:
        path = f"/odoo/action-{action}"
        if record:
            path += f"/{record_id(args.base, admin, record)}"
        out = os.path.join(args.out, f"{name}.png")
        by_login.setdefault(login, []).append((path, out, args.wait, script))
    for port, (login, shots) in enumerate(sorted(by_login.items()), start=9333):
        sid = authenticate(args.base, args.db, login, login)
        capture(args.base, sid, shots, port=port)
    for name, report, record in PDFS:
        url = f"{args.base}/report/pdf/{report}/{record_id(args.base, admin, record)}"
        req = urllib.request.Request(url, headers={"Cookie": f"session_id={admin}"})
        with (
            urllib.request.urlopen(req, timeout=300) as resp,
            tempfile.TemporaryDirectory() as tmp,
        ):
            pdf = os.path.join(tmp, "doc.pdf")
            with open(pdf, "wb") as fh:
                fh.write(resp.read())
            subprocess.run(
                [
                    "pdftoppm",
                    "-r",
                    "80",
                    "-png",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    pdf,
                    os.path.join(args.out, name),
                ],
                check=True,
            )
        print(os.path.join(args.out, f"{name}.png"))


if __name__ == "__main__":
    main()
