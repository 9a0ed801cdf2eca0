#!/usr/bin/env python3
"""Writes N varied, valid surveys (deterministic for a given seed) for benchmarks and for
looking at a city-sized audit site.

usage: bench/generate-surveys.py OUT_DIR [N] [SEED]
"""
import os
import random
import sys
from xml.sax.saxutils import escape, quoteattr

SUBDISTRICTS = ["赞阳办事处", "酂阳办事处", "光化办事处", "陈埠办事处", "洪山嘴镇", "李楼镇"]
STREETS = ["友谊路", "大桥路", "航空路", "建设路", "解放路", "人民路", "胜利路", "新华路", "光明路", "和平路",
           "中山路", "花园路", "江山路", "北京路", "汉江路", "红星路", "幸福路", "长春路", "东风路", "朝阳路"]
ROOMS = [("party-activity", ["党员活动室", "党员活动中心", "党建活动室"]),
         ("citizen-school", ["市民学校"]),
         ("reading-room", ["图书阅览室", "图书室", "阅览室"]),
         ("service-station", ["社区服务站", "服务站", "社区效劳站"]),
         ("police", ["警务室", "社区警务室", "警务站"]),
         ("office", ["办公室"]),
         ("culture-sports", ["文体活动室", "文化活动室", "文化体育活动室"]),
         ("health-station", ["社区卫生服务站", "卫生服务站", "卫生效劳站"])]
PREMISES = ["own", "own", "own", "new", "renovated", "purchased", "allocated", "rented", "shared", "none"]


def maybe(rng, probability, text):
    return text if rng.random() < probability else ""


def boolean(rng, p_true=0.75):
    return "true" if rng.random() < p_true else "false"


def survey(index, rng):
    street = STREETS[index % len(STREETS)]
    subdistrict = SUBDISTRICTS[(index // len(STREETS)) % len(SUBDISTRICTS)]
    name = f"{street}第{index // len(STREETS) + 1}社区"
    households = rng.randrange(600, 3200)
    premises = rng.choice(PREMISES)
    year = rng.choice([2023, 2024, 2024, 2025])
    date = f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    central = ' central="false"' if rng.random() < 0.1 else ""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<survey xmlns="urn:wuyou:survey:1" id="s{index:05d}" date="{date}">',
             f"  <inspector>检查员{index % 37}</inspector>",
             f'  <community name={quoteattr(name)} code="4206820{index:05d}" subdistrict={quoteattr(subdistrict)}'
             f' households="{households}"{central}/>']
    if rng.random() < 0.95:
        area = "" if rng.random() < 0.05 else f' area="{rng.randrange(150, 700)}"'
        lines.append(f'  <centre{area} premises="{premises}">')
        if premises != "none":
            if rng.random() < 0.85:
                lines.append(f'    <hall one-door="{boolean(rng, 0.8)}" windows="{rng.randrange(0, 8)}"/>')
            for code, names in ROOMS:
                if rng.random() < 0.85:
                    if rng.random() < 0.6:
                        lines.append(f'    <room type="{code}" area="{rng.randrange(12, 90)}">{names[0]}</room>')
                    else:
                        lines.append(f'    <room area="{rng.randrange(12, 90)}">{rng.choice(names)}</room>')
            if rng.random() < 0.2:
                lines.append('    <room area="15">调解室</room>')
        lines.append("  </centre>")
    else:
        pass
    lines.append("  <service-station>")
    lines.append(f'    <staff full-time="{rng.randrange(0, 9)}" part-time="{rng.randrange(0, 4)}"/>')
    lines.append(f'    <duties documented="{boolean(rng)}" posted="{boolean(rng)}"/>')
    lines.append("    <services>" + "".join(f"<service>服务{n}</service>" for n in range(rng.randrange(0, 5))) + "</services>")
    lines.append("    <regulations>" + "".join(f"<regulation>制度{n}</regulation>" for n in range(rng.randrange(0, 5))) + "</regulations>")
    if rng.random() < 0.7:
        lines.append("    <department-windows>" + "".join(
            f'<department name="部门{n}" window="{boolean(rng, 0.8)}"/>' for n in range(rng.randrange(1, 4))) + "</department-windows>")
    lines.append("  </service-station>")
    lines.append(f'  <governance residents-congress="{boolean(rng)}" consultation-council="{boolean(rng)}"'
                 f' elections="{boolean(rng, 0.9)}" decisions="{boolean(rng)}" management="{boolean(rng)}"'
                 f' supervision="{boolean(rng)}"{maybe(rng, 0.7, " access-system=" + chr(34) + boolean(rng) + chr(34))}/>')
    lines.append(maybe(rng, 0.8, f'  <environment long-term-mechanism="{boolean(rng)}"/>'))
    lines.append(maybe(rng, 0.8, f'  <safety emergency-plan="{boolean(rng)}"/>'))
    lines.append(f'  <education teams="{rng.randrange(0, 5)}"/>')
    lines.append(maybe(rng, 0.8, f'  <information platform="{boolean(rng)}"/>'))
    lines.append(f'  <funding staff-monthly-subsidy="{rng.choice([450, 500, 600, 600, 800])}"'
                 f' office-funds="{rng.choice([10000, 20000, 20000, 30000])}" leader-annual-subsidy="{rng.choice([5000, 10000, 10000])}"/>')
    lines.append(f'  <training days="{rng.choice(["0", "1", "1.5", "2", "3"])}"/>')
    if rng.random() < 0.4:
        lines.append("  <developments>" + "".join(
            f'<development name="项目{n}" floor-area="{rng.randrange(5000, 60000)}" service-space="{rng.randrange(0, 120)}"/>'
            for n in range(rng.randrange(1, 4))) + "</developments>")
    lines.append(f"  <notes>{escape('备注 ' + str(index))}</notes>")
    lines.append("</survey>")
    return "\n".join(line for line in lines if line) + "\n"


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 2023
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    for index in range(count):
        with open(os.path.join(out, f"survey-{index:05d}.xml"), "w", encoding="utf-8") as handle:
            handle.write(survey(index, rng))


if __name__ == "__main__":
    main()
