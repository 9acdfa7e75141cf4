#!/usr/bin/python3
"""Builds scenarios/city/projects.csv: the 2026 key-project list of a northern
prefecture-level city, as its project office would export it from Excel
(UTF-8 with BOM, Chinese headers, quoted names).

The published figures it reproduces exactly are in PUBLISHED below; every
other number is an assumption named in ASSUMPTIONS and explained in
README.md. The draw is seeded: rerunning gives the same file, byte for byte.

    scenarios/city/make_portfolio.py            # rewrites projects.csv
    scenarios/city/make_portfolio.py --check    # exit 1 if projects.csv differs
"""

import csv
import io
import math
import random
import sys
from pathlib import Path

PUBLISHED = {
    "projects": 222,          # projects on the year's list
    "investment": 742.0,      # total investment, 亿元
    "plan": 183.0,            # the year's investment plan, 亿元
    "key": 99,                # key projects (重点项目)
    "key_over_1": 88,         # of which over 1 亿元
    "key_over_10": 13,        # of which over 10 亿元
}

ASSUMPTIONS = {
    "seed": 20260101,
    # Category counts (key, other): 竣工 = continuing and due to finish this
    # year, 续建 = continuing, 新开工 = to start this year, 前期 = preparing
    # for a later year.
    "categories": {"竣工": (10, 14), "续建": (31, 35), "新开工": (46, 56), "前期": (12, 18)},
    "kind_shares": {"government": 0.40, "enterprise": 0.30, "industrial": 0.30},
    # Start targets of new starts: (deadline, share).
    "start_targets": [("2026-04-30", 0.25), ("2026-06-30", 0.35), ("2026-09-30", 0.25), ("2026-10-31", 0.15)],
    # Completion targets of projects finishing this year.
    "completion_targets": [("2026-06-30", 0.3), ("2026-09-30", 0.3), ("2026-12-31", 0.4)],
    # Where new starts stand in their approvals on 1 January: (state, share).
    "new_start_states": [("permits_pending", 0.25), ("design", 0.35), ("land", 0.25), ("filed", 0.15)],
    # Planned investment this year before scaling to the published plan:
    # share of the money still to spend (continuing) or of the total (new).
    "plan_share": {"竣工": 1.0, "续建": 0.45, "新开工": 0.30, "前期": 0.0},
}

DISTRICTS = ["城关区", "高新区", "经开区", "滨河新区", "北山区", "临川县", "安平县"]
ZONES = {"经开区": "经开区产业园", "高新区": "高新区科技园"}

NAMES = {
    "government": ["{d}第{n}中学迁建工程", "{d}人民医院综合楼", "{d}{road}改造工程", "{d}污水处理厂提标改造",
                   "{d}城市综合管廊", "{d}老旧小区改造", "{d}体育中心", "{d}保障性租赁住房", "{d}供热管网改造",
                   "{d}{road}快速路", "{d}中小学扩容工程", "{d}养老服务中心", "{d}防洪排涝工程", "{d}智慧城市运营中心"],
    "enterprise": ["{d}商业综合体", "{d}智慧物流园", "{d}文旅小镇", "{d}冷链物流中心", "{d}城市更新片区",
                   "{d}星级酒店", "{d}数据中心", "{d}农产品批发市场", "{d}总部经济大厦", "{d}康养社区"],
    "industrial": ["{d}新能源汽车零部件项目", "{d}高端装备制造基地", "{d}锂电池材料项目", "{d}生物医药产业化项目",
                   "{d}新型建材项目", "{d}光伏组件项目", "{d}精细化工项目", "{d}食品加工产业园",
                   "{d}半导体封装测试项目", "{d}氢能装备项目", "{d}再生资源利用项目"],
}
ROADS = ["滨河大道", "建设路", "人民路", "北环路", "迎宾大道", "解放路", "纬二路", "经五路"]

# Steps each template has finished in each approval state (ids as in scenario.yaml).
DONE = {
    "government": {"permits_pending": "planning_permit", "design": "feasibility;eia", "land": "proposal", "filed": ""},
    "enterprise": {"permits_pending": "planning_permit", "design": "land_planning;eia", "land": "filing", "filed": ""},
    "industrial": {"permits_pending": "planning_permit", "design": "land_transfer;eia", "land": "filing", "filed": ""},
}

HEADER = ["项目编号", "项目名称", "项目模板", "项目等级", "投资主体", "所属区县", "所在园区", "总投资（亿元）",
          "年度计划投资（亿元）", "项目类别", "形象进度", "已完成审批", "用地面积（亩）", "计划开工", "计划竣工"]


def pick(rng, weighted):
    x, acc = rng.random(), 0.0
    for value, share in weighted:
        acc += share
        if x < acc:
            return value
    return weighted[-1][0]


def sizes(rng):
    """Investment per project (亿元): key bands as published, the rest scaled to the total."""
    large = [math.exp(rng.uniform(math.log(10.5), math.log(45))) for _ in range(PUBLISHED["key_over_10"])]
    mid_n = PUBLISHED["key_over_1"] - PUBLISHED["key_over_10"]
    mid = [min(9.8, max(1.05, rng.lognormvariate(math.log(2.6), 0.6))) for _ in range(mid_n)]
    small = [rng.uniform(0.5, 0.98) for _ in range(PUBLISHED["key"] - PUBLISHED["key_over_1"])]
    other_n = PUBLISHED["projects"] - PUBLISHED["key"]
    other = [min(6.0, max(0.2, rng.lognormvariate(math.log(1.1), 0.7))) for _ in range(other_n)]
    # Scale the unbanded part (the others) so that the total is the published one.
    fixed = sum(large) + sum(mid) + sum(small)
    factor = (PUBLISHED["investment"] - fixed) / sum(other)
    other = [x * factor for x in other]
    return large, mid, small, other


def build(rng):
    large, mid, small, other = sizes(rng)
    key_sizes = large + mid + small
    rng.shuffle(key_sizes)
    rng.shuffle(other)
    rows = []
    counters = {"government": 0, "enterprise": 0, "industrial": 0}
    kinds = list(ASSUMPTIONS["kind_shares"].items())
    for is_key, pool in ((True, key_sizes), (False, other)):
        slots = []
        for category, (k, o) in ASSUMPTIONS["categories"].items():
            slots += [category] * (k if is_key else o)
        rng.shuffle(slots)
        for category, investment in zip(slots, pool):
            kind = pick(rng, kinds)
            if kind == "industrial" and investment > 15:
                kind = "enterprise"  # no single plant of that size in such a city
            district = rng.choice(DISTRICTS)
            if kind == "industrial" and rng.random() < 0.6:
                district = rng.choice(["经开区", "高新区"])
            counters[kind] += 1
            prefix = {"government": "G", "enterprise": "E", "industrial": "I"}[kind]
            pid = f"{prefix}{counters[kind]:03d}"
            name = rng.choice(NAMES[kind]).format(d=district, n=rng.randint(2, 9), road=rng.choice(ROADS))
            large_project = investment >= 10 and kind != "industrial"
            template = {"government": "government-invested", "enterprise": "enterprise-invested",
                        "industrial": "industrial"}[kind] + ("-large" if large_project else "")
            land = {"government": (20, 150), "enterprise": (20, 200), "industrial": (50, 300)}[kind]
            land_mu = round(rng.uniform(*land) * (1.6 if large_project else 1.0))
            progress, done, start_target, completion_target = "", "", "", ""
            if category == "竣工":
                progress = f"{rng.uniform(0.65, 0.9):.2f}"
                completion_target = pick(rng, ASSUMPTIONS["completion_targets"])
            elif category == "续建":
                progress = f"{rng.uniform(0.08, 0.7):.2f}"
            elif category == "新开工":
                state = pick(rng, ASSUMPTIONS["new_start_states"])
                done = DONE[kind][state]
                start_target = pick(rng, ASSUMPTIONS["start_targets"])
            rows.append({
                "id": pid, "name": name, "template": template, "key": is_key, "kind": kind,
                "district": district, "zone": ZONES.get(district, "") if kind == "industrial" else "",
                "investment": investment, "category": category, "progress": progress, "done": done,
                "land_mu": land_mu, "start_target": start_target, "completion_target": completion_target,
            })
    return rows


def add_plans(rows):
    """The year's planned investment per project, scaled to the published total."""
    raw = []
    for r in rows:
        share = ASSUMPTIONS["plan_share"][r["category"]]
        left = r["investment"] * (1 - float(r["progress"] or 0))
        if r["category"] == "新开工":
            months_left = 12 - int(r["start_target"][5:7])  # after the target month
            raw.append(r["investment"] * share * months_left / 8)
        else:
            raw.append(left * share)
    factor = PUBLISHED["plan"] / sum(raw)
    for r, x in zip(rows, raw):
        r["plan"] = min(x * factor, r["investment"] * (1 - float(r["progress"] or 0)))
    # Caps may leave the total short: spread the rest over the uncapped.
    short = PUBLISHED["plan"] - sum(r["plan"] for r in rows)
    uncapped = [r for r in rows if r["plan"] > 0 and r["plan"] < r["investment"] * (1 - float(r["progress"] or 0)) - 1e-9]
    base = sum(r["plan"] for r in uncapped)
    for r in uncapped:
        r["plan"] += short * r["plan"] / base
    return factor


def render(rows):
    out = io.StringIO()
    out.write("\ufeff")  # Excel's "CSV UTF-8" export begins with a byte-order mark
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(HEADER)
    kind_cn = {"government": "政府投资", "enterprise": "企业投资", "industrial": "工业"}
    for r in rows:
        w.writerow([r["id"], r["name"], r["template"], "重点" if r["key"] else "一般", kind_cn[r["kind"]],
                    r["district"], r["zone"], f"{r['investment']:.2f}", f"{r['plan']:.2f}", r["category"],
                    r["progress"], r["done"].replace(";", "；"), r["land_mu"], r["start_target"],
                    r["completion_target"]])
    return out.getvalue()


def main():
    rng = random.Random(ASSUMPTIONS["seed"])
    rows = build(rng)
    factor = add_plans(rows)
    # Rounding to the cent of 亿元 must keep the published totals.
    drift = PUBLISHED["investment"] - sum(round(r["investment"], 2) for r in rows)
    rows[-1]["investment"] += drift
    drift = PUBLISHED["plan"] - sum(round(r["plan"], 2) for r in rows)
    max(rows, key=lambda r: r["plan"])["plan"] += drift
    text = render(rows)
    target = Path(__file__).with_name("projects.csv")
    if "--check" in sys.argv:
        same = target.read_bytes() == text.encode("utf-8")
        print("projects.csv is up to date" if same else "projects.csv differs from what make_portfolio.py builds")
        sys.exit(0 if same else 1)
    target.write_text(text, encoding="utf-8", newline="")
    key = [r for r in rows if r["key"]]
    print(f"{len(rows)} projects, {sum(round(r['investment'], 2) for r in rows):.2f} 亿元, "
          f"plan {sum(round(r['plan'], 2) for r in rows):.2f} 亿元 (plan scale {factor:.3f}); "
          f"key {len(key)}, over 1 亿 {sum(r['investment'] >= 1 for r in key)}, "
          f"over 10 亿 {sum(r['investment'] >= 10 for r in key)}")


if __name__ == "__main__":
    main()
