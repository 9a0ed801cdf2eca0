#!/usr/bin/env python3
"""The comparison for wuyou's benchmark: a straightforward Python + lxml audit of the same 31
requirements of laohekou-2023 (requirements.md), one survey after another.

Usage: bench/audit_lxml.py SURVEY_FOLDER OUT.json [--compare WUYOU_AUDIT.json]

Each survey is parsed and validated against survey.xsd with lxml (libxml2), its 31 findings
are worked out with exact decimals, and the reports (path, id, passes, score, status per
requirement) are written to OUT.json. With --compare, the findings are checked against the
reports of a wuyou audit.json of the same folder: exit 1 on any difference.

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


def evaluate(root, rooms):
    status = {}
    community = child(root, "community")
    centre = child(root, "centre")
    station = child(root, "service-station")
    central = boolean(fact(community, "central"))
    central = True if central is None else central
    premises = fact(centre, "premises")
    premises = premises.strip() if premises is not None else None
    area = decimal(fact(centre, "area"))
    households = decimal(fact(community, "households"))

    # Rooms: codes when @type is not empty, else the name.
    served = set()
    for room in (centre.findall(q("room")) if centre is not None else []):
        codes = (room.get("type") or "").split()
        if codes:
            served.update(codes)
        else:
            code = rooms.get(normalise("".join(room.itertext())))
            if code:
                served.add(code)

    def facility(requirement, judge):
        status[requirement] = "unknown" if centre is None else judge()

    facility("premises.exists", lambda: "unknown" if premises is None else ("gap" if premises == "none" else "met"))
    if not central:
        status["area.minimum"] = status["area.per-households"] = "not-applicable"
    else:
        def minimum():
            if premises == "none":
                return "gap"
            if area is None:
                return "unknown"
            return "met" if area >= 300 else "gap"
        facility("area.minimum", minimum)

        def per_households():
            a = Decimal(0) if premises == "none" else area
            if households is None or a is None:
                return "unknown"
            return "met" if a >= households * 20 / 100 else "gap"
        facility("area.per-households", per_households)

    def hall():
        element = child(centre, "hall")
        one_door = boolean(fact(element, "one-door"))
        if element is None:
            return "gap"
        return "unknown" if one_door is None else ("met" if one_door else "gap")
    facility("hall.one-door", hall)
    for code in ["party-activity", "citizen-school", "reading-room", "service-station", "police", "office",
                 "culture-sports", "health-station"]:
        facility(f"room.{code}", lambda code=code: "met" if code in served else "gap")

    developments = child(root, "developments")
    items = developments.findall(q("development")) if developments is not None else []
    if not items:
        status["development.service-space"] = "not-applicable"
    else:
        short = False
        for item in items:
            required = decimal(item.get("floor-area")) * 20 / 10000
            provided = (decimal(item.get("service-space")) or 0) + (decimal(item.get("funds-in-lieu-area")) or 0)
            short = short or provided < required
        status["development.service-space"] = "gap" if short else "met"

    facility("five.office", lambda: "gap" if premises == "none" or "office" not in served else "met")

    def minimum_fact(element, attribute, minimum):
        value = decimal(fact(element, attribute))
        return "unknown" if value is None else ("met" if value >= minimum else "gap")

    def boolean_fact(element, attribute):
        value = boolean(fact(element, attribute))
        return "unknown" if value is None else ("met" if value else "gap")

    status["five.staff"] = minimum_fact(child(station, "staff"), "full-time", 1)
    status["five.duties"] = boolean_fact(child(station, "duties"), "documented")
    services = child(station, "services")
    status["five.services"] = ("unknown" if services is None
                               else "met" if len(services.findall(q("service"))) >= 1 else "gap")
    regulations = child(station, "regulations")
    if regulations is None:
        status["five.regulations"] = "unknown"
    else:
        count = len(regulations.findall(q("regulation")))
        status["five.regulations"] = "met" if count >= 3 else ("partial" if count >= 1 else "gap")
    windows = child(station, "department-windows")
    departments = windows.findall(q("department")) if windows is not None else []
    if not departments:
        status["station.department-windows"] = "not-applicable"
    else:
        status["station.department-windows"] = ("met" if all(boolean(d.get("window")) for d in departments)
                                                else "gap")

    governance = child(root, "governance")
    status["governance.residents-congress"] = boolean_fact(governance, "residents-congress")
    status["governance.consultation-council"] = boolean_fact(governance, "consultation-council")
    flags = [boolean(fact(governance, name)) for name in ("elections", "decisions", "management", "supervision")]
    if any(flag is None for flag in flags):
        status["governance.democracy"] = "unknown"
    else:
        status["governance.democracy"] = "met" if all(flags) else ("partial" if any(flags) else "gap")
    status["environment.long-term-mechanism"] = boolean_fact(child(root, "environment"), "long-term-mechanism")
    status["safety.emergency-plan"] = boolean_fact(child(root, "safety"), "emergency-plan")
    status["education.teams"] = minimum_fact(child(root, "education"), "teams", 1)
    status["information.platform"] = boolean_fact(child(root, "information"), "platform")
    funding = child(root, "funding")
    status["funding.staff-subsidy"] = minimum_fact(funding, "staff-monthly-subsidy", 600)
    before_2024 = (root.get("date") or "").strip()[:10] < "2024-01-01"
    status["funding.office-funds"] = "not-applicable" if before_2024 else minimum_fact(funding, "office-funds", 20000)
    status["funding.leader-subsidy"] = ("not-applicable" if before_2024
                                        else minimum_fact(funding, "leader-annual-subsidy", 10000))
    status["admin.access-system"] = boolean_fact(governance, "access-system")
    status["training.workers"] = minimum_fact(child(root, "training"), "days", 2)
    return status


def score(status):
    mandatory = [status[r] for r in MANDATORY]
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
        status = evaluate(root, rooms)
        value, passes = score(status)
        reports.append({"path": path, "id": root.get("id"), "passes": passes,
                        "score": None if value is None else float(value),
                        "findings": [{"id": r, "status": status[r]} for r in MANDATORY + RECOMMENDED]})
    with open(out, "w", encoding="utf-8") as file:
        json.dump({"reports": reports, "errors": errors}, file, ensure_ascii=False, indent=2)
    if compare:
        with open(compare, encoding="utf-8") as file:
            theirs = {report["survey"]["path"].rsplit("/", 1)[-1]: report for report in json.load(file)["reports"]}
        differences = 0
        for report in reports:
            other = theirs.get(report["path"].rsplit("/", 1)[-1])
            mine = {f["id"]: f["status"] for f in report["findings"]}
            if other is None:
                differences += 1
                print(f"compare: {report['path']}: not in {compare}")
                continue
            statuses = {f["id"]: f["status"] for f in other["findings"]}
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
