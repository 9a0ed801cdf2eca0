#!/usr/bin/env python3
"""Writes the surveys of a folder (e.g. from bench/generate-surveys.py) as one survey workbook
(.xlsx, the layout of docs/spec/spreadsheet-format.md), for timing `wuyou import` and `wuyou audit BOOK.xlsx`.

Numbers go into numeric cells, the date into a date cell, text into inline strings; a survey
with an element the workbook cannot say (an empty <department-windows/>) is written as well as
the layout allows.

With CSV_DIR, the same sheets are also written there as four UTF-8 CSV files (surveys.csv, …),
every cell as text, as "Save as CSV" gives them.

usage: bench/generate-workbook.py SURVEY_DIR OUT.xlsx [CSV_DIR]
"""
import csv
import datetime
import os
import sys
import zipfile
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

NS = "{urn:wuyou:survey:1}"
SURVEY_COLUMNS = ["id", "date", "inspectors", "community", "code", "subdistrict", "households", "central",
                  "centre-area", "premises", "hall-one-door", "hall-windows", "staff-full-time", "staff-part-time",
                  "duties-documented", "duties-posted", "services", "regulations", "residents-congress",
                  "consultation-council", "elections", "decisions", "management", "supervision", "access-system",
                  "long-term-mechanism", "emergency-plan", "teams", "platform", "staff-monthly-subsidy",
                  "office-funds", "leader-annual-subsidy", "training-days", "notes"]
SHEETS = [("surveys", SURVEY_COLUMNS), ("rooms", ["survey", "name", "type", "area"]),
          ("departments", ["survey", "name", "window"]),
          ("developments", ["survey", "name", "floor-area", "service-space", "funds-in-lieu-area"])]
FACTS = {"governance": ["residents-congress", "consultation-council", "elections", "decisions", "management",
                        "supervision", "access-system"],
         "environment": ["long-term-mechanism"], "safety": ["emergency-plan"], "education": ["teams"],
         "information": ["platform"], "funding": ["staff-monthly-subsidy", "office-funds", "leader-annual-subsidy"]}
NUMERIC = {"households", "centre-area", "hall-windows", "staff-full-time", "staff-part-time", "teams",
           "staff-monthly-subsidy", "office-funds", "leader-annual-subsidy", "training-days", "area", "floor-area",
           "service-space", "funds-in-lieu-area"}


def rows_of(path):
    root = ET.parse(path).getroot()
    survey_id = root.get("id")
    row = {"id": survey_id, "date": root.get("date")}
    row["inspectors"] = "\n".join(e.text or "" for e in root.findall(NS + "inspector")) or None
    community = root.find(NS + "community")
    for key, attribute in [("community", "name"), ("code", "code"), ("subdistrict", "subdistrict"),
                           ("households", "households"), ("central", "central")]:
        row[key] = community.get(attribute)
    rooms, departments, developments = [], [], []
    centre = root.find(NS + "centre")
    if centre is not None:
        row["centre-area"], row["premises"] = centre.get("area"), centre.get("premises")
        hall = centre.find(NS + "hall")
        if hall is None:
            row["hall-one-door"] = "无大厅"
        else:
            row["hall-one-door"], row["hall-windows"] = hall.get("one-door"), hall.get("windows")
        for room in centre.findall(NS + "room"):
            rooms.append({"survey": survey_id, "name": room.text, "type": room.get("type"), "area": room.get("area")})
    station = root.find(NS + "service-station")
    if station is not None:
        for element, keys in [("staff", ["full-time", "part-time"]), ("duties", ["documented", "posted"])]:
            found = station.find(NS + element)
            if found is not None:
                for key in keys:
                    row[("staff-" if element == "staff" else "duties-") + key] = found.get(key)
        for container, item in [("services", "service"), ("regulations", "regulation")]:
            found = station.find(NS + container)
            if found is not None:
                row[container] = "、".join(e.text or "" for e in found.findall(NS + item)) or "无"
        for department in station.findall(f"{NS}department-windows/{NS}department"):
            departments.append({"survey": survey_id, "name": department.get("name"), "window": department.get("window")})
    for element, keys in FACTS.items():
        found = root.find(NS + element)
        if found is not None:
            for key in keys:
                row[key] = found.get(key)
    training = root.find(NS + "training")
    if training is not None:
        row["training-days"] = training.get("days")
    for development in root.findall(f"{NS}developments/{NS}development"):
        developments.append({"survey": survey_id, "name": development.get("name"),
                             "floor-area": development.get("floor-area"),
                             "service-space": development.get("service-space"),
                             "funds-in-lieu-area": development.get("funds-in-lieu-area")})
    notes = root.find(NS + "notes")
    if notes is not None:
        row["notes"] = notes.text
    return row, rooms, departments, developments


def column_letters(index):
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def cell(reference, key, value):
    if value is None or value == "":
        return ""
    if key == "date":
        day = datetime.date.fromisoformat(value[:10])
        return f'<c r="{reference}" s="1"><v>{(day - datetime.date(1899, 12, 30)).days}</v></c>'
    if key in NUMERIC:
        return f'<c r="{reference}"><v>{value}</v></c>'
    if value in ("true", "false"):
        return f'<c r="{reference}" t="b"><v>{1 if value == "true" else 0}</v></c>'
    return f'<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'


def sheet_xml(columns, rows):
    parts = ['<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for number, row in enumerate([dict(zip(columns, columns))] + rows, start=1):
        cells = "".join(cell(f"{column_letters(i)}{number}", key if number > 1 else "", row.get(key))
                        for i, key in enumerate(columns))
        parts.append(f'<row r="{number}">{cells}</row>')
    parts.append("</sheetData></worksheet>")
    return "".join(parts)


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    folder, out = sys.argv[1], sys.argv[2]
    tables = {name: [] for name, _ in SHEETS}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".xml"):
            row, rooms, departments, developments = rows_of(os.path.join(folder, name))
            tables["surveys"].append(row)
            tables["rooms"] += rooms
            tables["departments"] += departments
            tables["developments"] += developments
    main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml",
                      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                      '<Default Extension="xml" ContentType="application/xml"/></Types>')
        book.writestr("_rels/.rels", f'<Relationships xmlns="{package}"><Relationship Id="r1" '
                      f'Type="{rel_ns}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        sheets = "".join(f'<sheet name="{name}" sheetId="{i + 1}" r:id="s{i + 1}"/>' for i, (name, _) in enumerate(SHEETS))
        book.writestr("xl/workbook.xml", f'<workbook xmlns="{main_ns}" xmlns:r="{rel_ns}"><sheets>{sheets}</sheets></workbook>')
        rels = "".join(f'<Relationship Id="s{i + 1}" Type="{rel_ns}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
                       for i in range(len(SHEETS)))
        rels += f'<Relationship Id="st" Type="{rel_ns}/styles" Target="styles.xml"/>'
        book.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{package}">{rels}</Relationships>')
        book.writestr("xl/styles.xml", f'<styleSheet xmlns="{main_ns}"><cellXfs count="2"><xf numFmtId="0"/>'
                      '<xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>')
        for i, (name, columns) in enumerate(SHEETS):
            book.writestr(f"xl/worksheets/sheet{i + 1}.xml", sheet_xml(columns, tables[name]))
    print(f"{out}: {len(tables['surveys'])} surveys, {len(tables['rooms'])} rooms", file=sys.stderr)
    if len(sys.argv) == 4:
        write_csv(sys.argv[3], tables)


def write_csv(folder, tables):
    os.makedirs(folder, exist_ok=True)
    for name, columns in SHEETS:
        with open(os.path.join(folder, name + ".csv"), "w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file, lineterminator="\r\n")
            writer.writerow(columns)
            for row in tables[name]:
                writer.writerow(["" if row.get(key) is None else row[key] for key in columns])


if __name__ == "__main__":
    main()
