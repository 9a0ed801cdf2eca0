#!/usr/bin/env python3
"""Check printed gap reports: print each HTML report to A4 PDF with headless Chromium and read
the PDF back with poppler (pdfinfo, pdftotext -bbox).

Usage: scripts/check-print.py [--keep DIR] REPORT.html...

For every report, every page must carry
  - its page number as "第 x 页 共 y 页" (zh) or "Page x of y" (en), with y the page count;
  - the running header: the community's name (read from the report's <h1> subtitle);
and
  - every page but the last is at least half full (its lowest line of body text below the
    middle of the printable area), so no tall row or kept-together block leaves a page empty;
  - the last page holds more than the signature block and the provenance line.

Exit status: 0 all reports pass; 1 a check failed; 69 chromium or poppler is missing.
Needs (Debian): chromium poppler-utils fonts-noto-cjk.
"""
import argparse
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def tool(name):
    path = shutil.which(name)
    if path is None:
        print(f"check-print: {name} not found (apt-get install -y chromium poppler-utils)", file=sys.stderr)
        sys.exit(69)
    return path


def print_pdf(chrome, source, target, profile):
    url = "file://" + os.path.abspath(source)
    subprocess.run([chrome, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    f"--user-data-dir={profile}", "--no-pdf-header-footer", f"--print-to-pdf={target}", url],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, timeout=120)


def pages_of(pdf):
    """Per page: (height, words as (x, yMin, yMax, text))."""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True).stdout
    out = re.sub(r"<!DOCTYPE[^>]*>", "", out)
    root = ET.fromstring(out)
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        words = [(float(w.get("xMin")), float(w.get("yMin")), float(w.get("yMax")), w.text or "")
                 for w in page.iter("{http://www.w3.org/1999/xhtml}word")]
        pages.append((float(page.get("height")), words))
    return pages


def lines(words):
    """Words grouped into lines by their vertical position, top to bottom, as text."""
    rows = {}
    for x, top, bottom, text in words:
        rows.setdefault(round(top), []).append((x, text))
    return [(top, "".join(t for _, t in sorted(row))) for top, row in sorted(rows.items())]


def check(report, pdf):
    problems = []
    source = open(report, encoding="utf-8").read()
    english = 'lang="en"' in source
    community = html.unescape(re.search(r'<p class="subtitle">([^<（(]+)', source).group(1)).strip()
    pages = pages_of(pdf)
    count = len(pages)
    for number, (height, words) in enumerate(pages, start=1):
        text = lines(words)
        joined = "\n".join(t for _, t in text)
        numbering = (re.compile(rf"Page{number}of{count}") if english
                     else re.compile(rf"第{number}页共{count}页"))
        if not numbering.search(joined.replace(" ", "")):
            problems.append(f"page {number}: no page number '{number} of {count}'")
        header = "".join(t for x, top, bottom, t in sorted(words, key=lambda w: w[0]) if bottom < height * 0.07)
        if community.replace(" ", "") not in header.replace(" ", ""):
            problems.append(f"page {number}: the running header does not name {community}")
        # Body text: everything between the running header (top 7%) and the page number (bottom 7%).
        body = [(top, t) for top, t in text if height * 0.07 < top < height * 0.93]
        if number < count:
            lowest = max((top for top, _ in body), default=0)
            if lowest < height * 0.5:
                problems.append(f"page {number}: less than half full (text ends at {lowest / height:.0%} of the page)")
        else:
            signature = "Inspector" if english else "检查人签字"
            content = [t for _, t in body if signature not in t and "wuyou" not in t and not t.startswith("Date")
                       and not t.startswith("日期") and ".xml" not in t]
            if not content:
                problems.append(f"page {number}: the last page holds only the signature block")
    return count, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", help="write the PDFs to this folder")
    parser.add_argument("reports", nargs="+")
    args = parser.parse_args()
    chrome = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not chrome:
        print("check-print: chromium not found", file=sys.stderr)
        return 69
    tool("pdftotext")
    folder = args.keep or tempfile.mkdtemp(prefix="wuyou-print-")
    os.makedirs(folder, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="wuyou-chrome-")
    failed = 0
    try:
        for report in args.reports:
            name = os.path.splitext(os.path.basename(report))[0]
            parent = os.path.basename(os.path.dirname(os.path.abspath(report)))
            pdf = os.path.join(folder, f"{parent}-{name}.pdf")
            print_pdf(chrome, report, pdf, profile)
            count, problems = check(report, pdf)
            status = "ok" if not problems else "FAIL"
            print(f"print: {report}: {count} pages: {status}")
            for problem in problems:
                print(f"    {problem}")
            failed += bool(problems)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"print: {len(args.reports) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
