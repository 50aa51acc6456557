"""Log in to a running Odoo and save a PNG screenshot of a page (headless Chromium).

Usage: python scripts/screenshot.py URL_PATH OUT.png [--login admin --password admin]
       [--base http://127.0.0.1:8069] [--db school_emulation] [--wait 4]

Used to look at the product as a user would, and for the user guide's pictures. Talks
only to the local server and to a Chromium it starts on a loopback debugging port.
"""

import argparse
import base64
import json
import subprocess
import tempfile
import time
import urllib.request

import websocket


def authenticate(base, db, login, password):
    body = json.dumps(
        {
            "jsonrpc": "2.0",
            "params": {"db": db, "login": login, "password": password},
        }
    ).encode()
    req = urllib.request.Request(
        base + "/web/session/authenticate",
        data=body,
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=30) as resp:
        result = json.load(resp)
        if result.get("error"):
            raise SystemExit(f"login failed: {result['error']['data']['message']}")
        cookie = resp.headers.get("Set-Cookie", "")
    return cookie.split("session_id=", 1)[1].split(";", 1)[0]


def capture(base, sid, shots, size="1366,800", port=9333):
    """Open each ``(path, out, wait, script)`` of ``shots`` in one headless Chromium
    logged in with the session ``sid`` and save a PNG; ``script`` (JavaScript, may
    be empty) runs after ``wait`` seconds, then the page gets ``wait`` more."""
    profile = tempfile.mkdtemp(prefix="se_chrome_")
    chrome = subprocess.Popen(
        [
            "chromium",
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--window-size={size}",
            f"--user-data-dir={profile}",
            f"--remote-debugging-port={port}",
            "--remote-debugging-address=127.0.0.1",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        pages = []
        for _ in range(50):
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/json", timeout=2
                ) as r:
                    pages = [p for p in json.load(r) if p["type"] == "page"]
                if pages:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        ws = websocket.create_connection(pages[0]["webSocketDebuggerUrl"], timeout=60)
        seq = iter(range(1, 10**6))

        def call(method, **params):
            mid = next(seq)
            ws.send(json.dumps({"id": mid, "method": method, "params": params}))
            while True:
                msg = json.loads(ws.recv())
                if msg.get("id") == mid:
                    return msg.get("result", {})

        call("Network.enable")
        call("Network.setCookie", name="session_id", value=sid, url=base, path="/")
        call("Page.enable")
        for path, out, wait, script in shots:
            call("Page.navigate", url=base + path)
            time.sleep(wait)
            if script:
                call("Runtime.evaluate", expression=script)
                time.sleep(wait)
            # a sticky "page out of date" notice of the websocket worker shared by
            # the pages of one browser is not part of the screen being shown
            call(
                "Runtime.evaluate",
                expression="document.head.insertAdjacentHTML('beforeend', "
                "'<style>.o_notification_manager{display:none!important}</style>')",
            )
            shot = call("Page.captureScreenshot", format="png")
            with open(out, "wb") as fh:
                fh.write(base64.b64decode(shot["data"]))
            print(out)
    finally:
        chrome.terminate()
        chrome.wait(10)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("out")
    ap.add_argument("--base", default="http://127.0.0.1:8069")
    ap.add_argument("--db", default="school_emulation")
    ap.add_argument("--login", default="admin")
    ap.add_argument("--password", default="admin")
    ap.add_argument("--wait", type=float, default=4.0)
    ap.add_argument("--port", type=int, default=9333)
    ap.add_argument("--size", default="1366,800")
    ap.add_argument("--script", default="", help="JavaScript to run before the shot")
    args = ap.parse_args()
    sid = authenticate(args.base, args.db, args.login, args.password)
    capture(
        args.base,
        sid,
        [(args.path, args.out, args.wait, args.script)],
        size=args.size,
        port=args.port,
    )


if __name__ == "__main__":
    main()
