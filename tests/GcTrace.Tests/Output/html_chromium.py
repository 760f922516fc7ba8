#!/usr/bin/python3
"""Loads an --html report in real headless Chromium and checks what a reader and a security reviewer would:

- the page renders (a screenshot is taken: SCREENSHOT) and prints to PDF (PDF, with at least one page);
- the rendered page's text (DOM after load) contains every EXPECTED string (the verdict, ...);
- no request leaves the file: Chromium's own network log (--log-net-log) holds no request started by the page (the
  browser's own update and account pings are started by no origin and are told apart by that), and the HTML has no
  http(s) reference at all; the page's Content-Security-Policy forbids any anyway.

Usage: html_chromium.py REPORT.html SCREENSHOT.png PDF EXPECTED...   Exit 0 when every check holds.
       html_chromium.py --network-only REPORT.html   only the network-log check (to prove it catches a request).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--mute-audio"]


def chromium(profile, *args):
    command = ["chromium", *FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, timeout=120, text=True)


def page_requests(netlog):
    """URLs of requests a document started (initiator: an origin; file pages have the opaque origin "null")."""
    with open(netlog, encoding="utf-8", errors="replace") as f:
        log = json.load(f)
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = set()
    for event in log.get("events", []):
        params = event.get("params") or {}
        if event.get("type") == start and params.get("initiator") != "not an origin":
            urls.add(params.get("url"))
    return sorted(u for u in urls if u and not u.startswith(("data:", "file:")))


def network(profile, url, screenshot):
    netlog = os.path.join(profile, "netlog.json")
    # Host names resolve nowhere: nothing can leave the machine even if a request were made; it is still logged.
    shot = chromium(profile, f"--log-net-log={netlog}", "--net-log-capture-mode=Everything",
                    "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=1280,4000",
                    f"--screenshot={screenshot}", url)
    if not os.path.exists(netlog):
        return shot, None
    return shot, page_requests(netlog)


def main():
    if sys.argv[1] == "--network-only":
        profile = tempfile.mkdtemp(prefix="gctrace-chromium-")
        try:
            _, leaving = network(profile, "file://" + os.path.abspath(sys.argv[2]), os.path.join(profile, "shot.png"))
        finally:
            shutil.rmtree(profile, ignore_errors=True)
        print(f"requests left the file: {leaving}" if leaving else "no request left the file")
        return 1 if leaving or leaving is None else 0

    report, screenshot, pdf, expected = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    url = "file://" + os.path.abspath(report)
    failures = []
    with open(report, encoding="utf-8") as f:
        html = f.read()
    refs = sorted(set(re.findall(r"https?://[^\s\"'<>)]*", html)))
    if refs:
        failures.append(f"the HTML references the network: {refs[:5]}")
    if "default-src 'none'" not in html:
        failures.append("no Content-Security-Policy forbidding requests")

    profile = tempfile.mkdtemp(prefix="gctrace-chromium-")
    try:
        shot, leaving = network(profile, url, screenshot)
        if not os.path.exists(screenshot) or os.path.getsize(screenshot) < 10_000:
            failures.append(f"no screenshot: {shot.stderr[-500:]}")
        if leaving is None:
            failures.append("Chromium wrote no network log")
        elif leaving:
            failures.append(f"requests left the file: {leaving[:5]}")

        dom = chromium(profile, "--virtual-time-budget=2000", "--dump-dom", url).stdout
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", re.sub(r"<(style|svg)\b.*?</\1>", " ", dom, flags=re.S)))
        for want in expected:
            if want not in text:
                failures.append(f"page text lacks {want!r}")
        if "<svg" not in dom:
            failures.append("no inline SVG chart in the rendered page")

        chromium(profile, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", url)
        if not os.path.exists(pdf):
            failures.append("no PDF printed")
        else:
            with open(pdf, "rb") as f:
                pages = len(re.findall(rb"/Type\s*/Page\b", f.read()))
            if pages < 1:
                failures.append("the PDF has no page")
            print(f"pdf pages: {pages}")
        print(f"page text {len(text)} chars")
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    for f in failures:
        print(f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
