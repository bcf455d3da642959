#!/usr/bin/env python3
"""Drives `atti serve` in headless Chromium through chromedriver (W3C
WebDriver, spoken here with the standard library only): search, filter,
open a document, follow a provenance link, download the xlsx, the
compliance report, the lists to publish (templates listed, a half year as
CSV, a year as xlsx, a wrong year refused in Italian); saves a screenshot
of each page. Run by bench/web/browser.sh, which starts the
server and chromedriver on loopback.

usage: browser.py SITE_URL DRIVER_URL SHOTS_DIR DOWNLOAD_DIR
"""
import base64
import json
import os
import sys
import time
import urllib.request

SITE, DRIVER, SHOTS, DOWNLOADS = sys.argv[1:5]
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--user-data-dir=" + os.path.join(os.path.dirname(os.path.abspath(DOWNLOADS)), "profile"),
    "--window-size=1280,900",
]


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(DRIVER + path, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.loads(r.read() or b"{}").get("value")
    except urllib.error.HTTPError as e:
        raise SystemExit(f"webdriver {method} {path}: {e.code} {e.read()[:400]!r}")


checks = []


def check(what, ok, detail=""):
    checks.append((what, ok))
    print(("ok   " if ok else "FAIL ") + what + (f": {detail}" if detail else ""), flush=True)


session = call("POST", "/session", {"capabilities": {"alwaysMatch": {
    "browserName": "chrome",
    "goog:chromeOptions": {
        "binary": "/usr/bin/chromium", "args": FLAGS,
    }}}})["sessionId"]
S = f"/session/{session}"
call("POST", S + "/goog/cdp/execute", {"cmd": "Browser.setDownloadBehavior",
                                       "params": {"behavior": "allow", "downloadPath": DOWNLOADS}})


def go(url):
    call("POST", S + "/url", {"url": url})


def find(css):
    return call("POST", S + "/element", {"using": "css selector", "value": css})[ELEMENT]


def find_all(css):
    return [e[ELEMENT] for e in call("POST", S + "/elements", {"using": "css selector", "value": css})]


def text(e):
    return call("GET", f"{S}/element/{e}/text")


def attr(e, name):
    return call("GET", f"{S}/element/{e}/attribute/{name}")


def click(e):
    call("POST", f"{S}/element/{e}/click", {})


def url():
    return call("GET", S + "/url")


def shot(name):
    png = base64.b64decode(call("GET", S + "/screenshot"))
    with open(os.path.join(SHOTS, name), "wb") as f:
        f.write(png)


try:
    # 1. The search form.
    go(SITE + "/")
    check("home page in Italian", "Ricerca negli atti" in text(find("h1")))
    shot("home.png")

    # 2. A search typed and sent.
    box = find("input[name=q]")
    call("POST", f"{S}/element/{box}/value", {"text": "convenzione servizi"})
    click(find("form.search button[type=submit]"))
    time.sleep(0.5)
    check("search address holds the query", "/search?q=convenzione+servizi" in url(), url())
    hits = find_all("ol.hits li")
    check("hits listed", len(hits) >= 1, f"{len(hits)} hits")
    check("matched words marked", len(find_all("ol.hits mark")) >= 1)
    shot("search.png")

    # 3. A filter: kind, chosen in the select and sent.
    click(find("select[name=kind] option[value=deliberation]"))
    click(find("form.search button[type=submit]"))
    time.sleep(0.5)
    check("filter in the address", "kind=deliberation" in url(), url())
    kinds = [text(e) for e in find_all("ol.hits .meta span:first-child")]
    check("every hit of the kind", kinds and all(k == "atto deliberativo" for k in kinds), str(kinds))
    filtered = url()

    # 4. A document.
    click(find("ol.hits .title a"))
    time.sleep(0.5)
    check("document page", "/doc/" in url(), url())
    check("fields with provenance", len(find_all("a.prov")) >= 1)
    shot("document.png")

    # 5. A provenance link: the page text with the span marked.
    prov = find("a.prov")
    href = attr(prov, "href")
    click(prov)
    time.sleep(0.5)
    check("provenance link followed", "/page/" in url() and "start=" in url(), url())
    marked = text(find("mark#segno"))
    check("span marked", bool(marked.strip()), repr(marked[:60]))
    shot("provenance.png")

    # 6. The xlsx of the filtered result set.
    go(filtered)
    click(find("a[href^='/export/documents.xlsx']"))
    path = os.path.join(DOWNLOADS, "documents.xlsx")
    for _ in range(100):
        if os.path.exists(path) and os.path.getsize(path) > 0:
            break
        time.sleep(0.1)
    ok = os.path.exists(path) and open(path, "rb").read(2) == b"PK"
    check("xlsx downloaded", ok, f"{os.path.getsize(path) if os.path.exists(path) else 0} bytes")

    # 7. The compliance report.
    go(SITE + "/report")
    check("report page", "Rapporto di conformità" in text(find("h1")))

    # 8. The lists to publish: the templates, reached from the menu.
    go(SITE + "/")
    click(find("header.top a[href='/reports']"))
    time.sleep(0.5)
    check("reports page", "Elenchi da pubblicare" in text(find("h1")), url())
    names = [text(e) for e in find_all("table.templates td:first-child code")]
    check("seven templates listed", len(names) >= 7 and "art37-contratti" in names, str(names))
    rows = [text(e) for e in find_all("table.templates tbody tr")]
    check("legal basis and frequency shown",
          any("d.lgs. 33/2013" in r and "semestrale" in r for r in rows), rows[0][:120] if rows else "")
    shot("reports.png")

    def download(template, fields, fmt, name):
        go(SITE + "/reports")
        click(find(f"select[name=template] option[value='{template}']"))
        for field, value in fields:
            e = find(f"form.report [name={field}]")
            if field == "half":
                click(find(f"select[name=half] option[value='{value}']"))
            else:
                call("POST", f"{S}/element/{e}/value", {"text": value})
        click(find(f"select[name=format] option[value='{fmt}']"))
        click(find("form.report button[type=submit]"))
        path = os.path.join(DOWNLOADS, name)
        for _ in range(100):
            if os.path.exists(path) and os.path.getsize(path) > 0:
                break
            time.sleep(0.1)
        return path

    # 9. A half year as CSV: the Giunta's deliberation 45 of 16 June 2023.
    path = download("delibere-voti", [("year", "2023"), ("half", "1")], "csv", "delibere-voti_2023-1.csv")
    body = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
    check("csv of the first half of 2023 downloaded",
          "2023-06-16,45,Giunta Comunale,A.02.02" in body, body[:200])

    # 10. A year as xlsx.
    path = download("scheda-sintetica", [("year", "2024")], "xlsx", "scheda-sintetica_2024.xlsx")
    ok = os.path.exists(path) and open(path, "rb").read(2) == b"PK"
    check("xlsx of 2024 downloaded", ok, f"{os.path.getsize(path) if os.path.exists(path) else 0} bytes")

    # 11. A wrong period: refused, the reason in Italian.
    go(SITE + "/reports")
    call("POST", f"{S}/element/{find('form.report [name=year]')}/value", {"text": "20x3"})
    click(find("form.report button[type=submit]"))
    time.sleep(0.5)
    msg = text(find("p.refusal"))
    check("bad year refused in Italian", "non è valido" in msg and "quattro cifre" in msg, msg)
    shot("reports-error.png")

finally:
    call("DELETE", S)

failed = [w for w, ok in checks if not ok]
print(f"{len(checks) - len(failed)} passed, {len(failed)} failed")
sys.exit(1 if failed else 0)
