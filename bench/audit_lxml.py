#!/usr/bin/env python3
"""The comparison for wuyou's benchmark: a straightforward Python + lxml audit of the same 31
requirements of laohekou-2023 (docs/spec/requirements.md), one survey after another.

Usage: bench/audit_lxml.py SURVEY_FOLDER OUT.json [--compare WUYOU_AUDIT.json]

Each survey is parsed and validated against survey.xsd with lxml (libxml2), its 31 findings
are worked out with exact decimals, and reports shaped like wuyou-report/1 (status, severity,
basis, clause, title, expected, observed, shortfall, unit and line per finding; counts, score,
passes) are written to OUT.json. With --compare, the statuses, shortfalls, scores and verdicts
are checked against the reports of a wuyou audit.json of the same folder: exit 1 on any
difference. (Its phrases for expected and observed values are simpler than wuyou's.)

Needs: pip install lxml
"""
import json
import os
import sys
import unicodedata
from decimal import Decimal, ROUND_HALF_UP

from lxml import etree

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
NS = "urn:wuyou:survey:1"
CNS = "urn:wuyou:checklist:1"
MANDATORY = ["premises.exists", "area.minimum", "area.per-households", "hall.one-door",
             "room.party-activity", "room.citizen-school", "room.reading-room", "room.service-station",
             "room.police", "room.office", "room.culture-sports", "room.health-station",
             "development.service-space", "five.office", "five.staff", "five.duties", "five.services",
             "five.regulations", "station.department-windows"]
RECOMMENDED = ["governance.residents-congress", "governance.consultation-council", "governance.democracy",
               "environment.long-term-mechanism", "safety.emergency-plan", "education.teams",
               "information.platform", "funding.staff-subsidy", "funding.office-funds", "funding.leader-subsidy",
               "admin.access-system", "training.workers"]


def q(name):
    return f"{{{NS}}}{name}"


def requirements(checklist_path):
    """Requirement id → (severity, basis, clause, Chinese title), and room code → Chinese label."""
    tree = etree.parse(checklist_path)
    meta = {}
    for requirement in tree.iter(f"{{{CNS}}}requirement"):
        title = next((t.text for t in requirement.findall(f"{{{CNS}}}title") if t.get("lang", "zh") == "zh"), "")
        meta[requirement.get("id")] = (requirement.get("severity"), requirement.get("basis"), requirement.get("clause"), title)
    labels = {room.get("code"): next(l.text for l in room.findall(f"{{{CNS}}}label") if l.get("lang", "zh") == "zh")
              for room in tree.iter(f"{{{CNS}}}room")}
    return meta, labels


def room_names(checklist_path):
    """Normalised room name → code, from the checklist's labels and aliases."""
    tree = etree.parse(checklist_path)
    names = {}
    for room in tree.iter(f"{{{CNS}}}room"):
        code = room.get("code")
        for label in room.findall(f"{{{CNS}}}label"):
            if label.get("lang", "zh") == "zh":
                names.setdefault(normalise(label.text or ""), code)
        for alias in room.findall(f"{{{CNS}}}alias"):
            names.setdefault(normalise(alias.text or ""), code)
    return names


def normalise(name):
    return unicodedata.normalize("NFKC", name).strip()


def boolean(value):
    if value is None:
        return None
    return value.strip() in ("true", "1")


def decimal(value):
    return None if value is None else Decimal(value.strip())


def child(element, name):
    return None if element is None else element.find(q(name))


def fact(element, attribute):
    return None if element is None else element.get(attribute)


UNITS = {"m2": "m²", "元": "元", "persons": "人", "days": "天", "departments": "个部门", "regulations": "项制度",
         "items": "项", "teams": "支队伍"}


def amount(value, unit):
    text = format(value.normalize(), "f") if value == value.to_integral_value() else str(value)
    return f"{text} {UNITS.get(unit, unit)}"


def evaluate(root, rooms, names):
    """Per requirement: (status, expected, observed, shortfall, unit, line), as wuyou reports them."""
    found = {}
    community = child(root, "community")
    centre = child(root, "centre")
    station = child(root, "service-station")
    central = boolean(fact(community, "central"))
    central = True if central is None else central
    premises = fact(centre, "premises")
    premises = premises.strip() if premises is not None else None
    area = decimal(fact(centre, "area"))
    households = decimal(fact(community, "households"))
    line = lambda element: None if element is None else element.sourceline
    not_recorded = "未记录"

    # Rooms: codes when @type is not empty, else the name.
    served = {}
    for room in (centre.findall(q("room")) if centre is not None else []):
        codes = (room.get("type") or "").split()
        if not codes:
            code = rooms.get(normalise("".join(room.itertext())))
            codes = [code] if code else []
        for code in codes:
            served.setdefault(code, room)

    def put(requirement, status, expected=None, observed=None, shortfall=None, unit=None, at=None):
        found[requirement] = (status, expected, observed, shortfall if status in ("gap", "partial") else None,
                              unit if status in ("gap", "partial") and shortfall is not None else None, at)

    def facility(requirement, judge):
        if centre is None:
            put(requirement, "unknown", observed=not_recorded)
        else:
            put(requirement, *judge())

    def minimum(value, threshold, unit, at):
        if value is None:
            return ("unknown", f"≥ {amount(threshold, unit)}", not_recorded, None, None, at)
        status = "met" if value >= threshold else "gap"
        return (status, f"≥ {amount(threshold, unit)}", amount(value, unit), threshold - value, unit, at)

    facility("premises.exists", lambda: ("unknown", None, not_recorded, None, None, None) if premises is None
             else ("gap" if premises == "none" else "met", "有中心用房", premises, None, None, line(centre)))
    if not central:
        put("area.minimum", "not-applicable", observed="非中心城区", at=line(community))
        put("area.per-households", "not-applicable", observed="非中心城区", at=line(community))
    else:
        facility("area.minimum", lambda: ("gap", "≥ 300 m²", "无中心用房", Decimal(300), "m2", line(centre))
                 if premises == "none" else minimum(area, Decimal(300), "m2", line(centre)))

        def per_households():
            a = Decimal(0) if premises == "none" else area
            if households is None or a is None:
                return ("unknown", None, not_recorded, None, None, None)
            required = households * 20 / 100
            return minimum(a, required, "m2", line(centre))
        facility("area.per-households", per_households)

    def hall():
        element = child(centre, "hall")
        one_door = boolean(fact(element, "one-door"))
        if element is None:
            return ("gap", "是", "无服务大厅", None, None, line(centre))
        if one_door is None:
            return ("unknown", "是", not_recorded, None, None, line(element))
        return ("met" if one_door else "gap", "是", "是" if one_door else "否", None, None, line(element))
    facility("hall.one-door", hall)
    for code in ["party-activity", "citizen-school", "reading-room", "service-station", "police", "office",
                 "culture-sports", "health-station"]:
        room = served.get(code)
        facility(f"room.{code}", lambda room=room, code=code: (
            "met" if room is not None else "gap", f"设有{names[code]}",
            f"有（{''.join(room.itertext()).strip()}）" if room is not None else "无", None, None,
            line(room) if room is not None else line(centre)))

    developments = child(root, "developments")
    items = developments.findall(q("development")) if developments is not None else []
    if not items:
        put("development.service-space", "not-applicable", observed="未列出开发项目")
    else:
        short, first = Decimal(0), None
        for item in items:
            required = decimal(item.get("floor-area")) * 20 / 10000
            provided = (decimal(item.get("service-space")) or 0) + (decimal(item.get("funds-in-lieu-area")) or 0)
            if provided < required:
                short += required - provided
                first = item if first is None else first
        put("development.service-space", "gap" if first is not None else "met", "每1万m²配建20m²",
            f"{len(items)} 个开发项目", short, "m2", line(first if first is not None else developments))

    facility("five.office", lambda: ("gap" if premises == "none" or "office" not in served else "met",
                                     "设有办公室", "有" if "office" in served else "无", None, None, line(centre)))

    def minimum_fact(element, attribute, threshold, unit):
        return minimum(decimal(fact(element, attribute)), Decimal(threshold), unit, line(element))

    def boolean_fact(element, attribute):
        value = boolean(fact(element, attribute))
        if value is None:
            return ("unknown", "是", not_recorded, None, None, line(element))
        return ("met" if value else "gap", "是", "是" if value else "否", None, None, line(element))

    put("five.staff", *minimum_fact(child(station, "staff"), "full-time", 1, "persons"))
    put("five.duties", *boolean_fact(child(station, "duties"), "documented"))
    services = child(station, "services")
    if services is None:
        put("five.services", "unknown", "≥ 1 项", not_recorded)
    else:
        count = len(services.findall(q("service")))
        put("five.services", "met" if count >= 1 else "gap", "≥ 1 项", f"{count} 项", None, None, line(services))
    regulations = child(station, "regulations")
    if regulations is None:
        put("five.regulations", "unknown", "≥ 3 项制度", not_recorded)
    else:
        count = len(regulations.findall(q("regulation")))
        put("five.regulations", "met" if count >= 3 else ("partial" if count >= 1 else "gap"), "≥ 3 项制度",
            f"{count} 项制度", Decimal(3 - count), "regulations", line(regulations))
    windows = child(station, "department-windows")
    departments = windows.findall(q("department")) if windows is not None else []
    if not departments:
        put("station.department-windows", "not-applicable", observed="未列出进驻部门")
    else:
        missing = [d for d in departments if not boolean(d.get("window"))]
        put("station.department-windows", "gap" if missing else "met", "全部设窗口",
            f"全部 {len(departments)} 个进驻部门设窗口" if not missing else f"{len(missing)} 个部门未设窗口",
            Decimal(len(missing)), "departments", line(missing[0] if missing else windows))

    governance = child(root, "governance")
    put("governance.residents-congress", *boolean_fact(governance, "residents-congress"))
    put("governance.consultation-council", *boolean_fact(governance, "consultation-council"))
    flags = [boolean(fact(governance, name)) for name in ("elections", "decisions", "management", "supervision")]
    if any(flag is None for flag in flags):
        put("governance.democracy", "unknown", "4 项", not_recorded, at=line(governance))
    else:
        true = sum(flags)
        put("governance.democracy", "met" if true == 4 else ("partial" if true else "gap"), "4 项",
            f"4 项中 {true} 项落实", Decimal(4 - true), "items", line(governance))
    put("environment.long-term-mechanism", *boolean_fact(child(root, "environment"), "long-term-mechanism"))
    put("safety.emergency-plan", *boolean_fact(child(root, "safety"), "emergency-plan"))
    put("education.teams", *minimum_fact(child(root, "education"), "teams", 1, "teams"))
    put("information.platform", *boolean_fact(child(root, "information"), "platform"))
    funding = child(root, "funding")
    put("funding.staff-subsidy", *minimum_fact(funding, "staff-monthly-subsidy", 600, "元"))
    before_2024 = (root.get("date") or "").strip()[:10] < "2024-01-01"
    for requirement, attribute, threshold in (("funding.office-funds", "office-funds", 20000),
                                              ("funding.leader-subsidy", "leader-annual-subsidy", 10000)):
        if before_2024:
            put(requirement, "not-applicable", observed="2024-01-01 起施行", at=root.sourceline)
        else:
            put(requirement, *minimum_fact(funding, attribute, threshold, "元"))
    put("admin.access-system", *boolean_fact(governance, "access-system"))
    put("training.workers", *minimum_fact(child(root, "training"), "days", 2, "days"))
    return found


def score(found):
    mandatory = [found[r][0] for r in MANDATORY]
    judged = sum(s in ("met", "gap", "partial") for s in mandatory)
    met = mandatory.count("met")
    if judged == 0:
        return None, False
    value = (Decimal(met) / Decimal(judged)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    return value, met == judged


def main():
    args = sys.argv[1:]
    compare = None
    if "--compare" in args:
        at = args.index("--compare")
        compare = args[at + 1]
        del args[at:at + 2]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 64
    folder, out = args
    schema = etree.XMLSchema(etree.parse(os.path.join(ROOT, "Sources/WuyouCore/Survey/survey.xsd")))
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    rooms = room_names(os.path.join(ROOT, "checklists/laohekou-2023.xml"))
    meta, labels = requirements(os.path.join(ROOT, "checklists/laohekou-2023.xml"))
    reports, errors = [], []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".xml"):
            continue
        path = os.path.join(folder, name)
        try:
            tree = etree.parse(path, parser)
        except etree.XMLSyntaxError as error:
            errors.append({"path": path, "message": str(error)})
            continue
        if not schema.validate(tree):
            errors.append({"path": path, "message": str(schema.error_log.last_error)})
            continue
        root = tree.getroot()
        found = evaluate(root, rooms, labels)
        value, passes = score(found)
        community = child(root, "community")
        findings = []
        for requirement in MANDATORY + RECOMMENDED:
            status, expected, observed, shortfall, unit, at = found[requirement]
            severity, basis, clause, title = meta[requirement]
            finding = {"id": requirement, "status": status, "severity": severity, "basis": basis, "clause": clause,
                       "title": title}
            if expected is not None:
                finding["expected"] = expected
            if observed is not None:
                finding["observed"] = observed
            if shortfall is not None:
                finding["shortfall"] = float(shortfall.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))
                finding["unit"] = unit
            if at is not None:
                finding["line"] = at
            findings.append(finding)
        counts = {s: sum(found[r][0] == s for r in found) for s in ("met", "gap", "partial", "unknown", "not-applicable")}
        reports.append({"format": "wuyou-report/1",
                        "survey": {"path": path, "id": root.get("id"), "date": root.get("date"),
                                   "community": fact(community, "name"), "subdistrict": fact(community, "subdistrict")},
                        "passes": passes, "score": None if value is None else float(value), "counts": counts,
                        "findings": findings})
    with open(out, "w", encoding="utf-8") as file:
        json.dump({"reports": reports, "errors": errors}, file, ensure_ascii=False, indent=2)
    if compare:
        with open(compare, encoding="utf-8") as file:
            theirs = {report["survey"]["path"].rsplit("/", 1)[-1]: report for report in json.load(file)["reports"]}
        differences = 0
        for report in reports:
            other = theirs.get(report["survey"]["path"].rsplit("/", 1)[-1])
            mine = {f["id"]: (f["status"], f.get("shortfall")) for f in report["findings"]}
            if other is None:
                differences += 1
                print(f"compare: {report['path']}: not in {compare}")
                continue
            statuses = {f["id"]: (f["status"], f.get("shortfall")) for f in other["findings"]}
            other_score = other["score"]
            if (mine != statuses or report["passes"] != other["passes"]
                    or (report["score"] is None) != (other_score is None)
                    or (other_score is not None and abs(report["score"] - other_score) > 1e-9)):
                differences += 1
                if differences <= 5:
                    diff = {k: (v, statuses.get(k)) for k, v in mine.items() if statuses.get(k) != v}
                    print(f"compare: {report['path']}: {diff or (report['score'], other_score)}")
        print(f"compare: {len(reports)} reports, {differences} differ from wuyou's")
        return 1 if differences else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
