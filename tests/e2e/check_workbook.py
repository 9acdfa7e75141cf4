#!/usr/bin/python3
"""Reads back the report.xlsx of `kpsim run` and `kpsim compare` with an
independent reader (Debian's python3-openpyxl, and the zip/XML itself):
sheets, Chinese text, numbers as numbers, dates as dates, percentages, the
same values as the CSV files, and text that looks like a formula kept as text.

  check_workbook.py KPSIM_BINARY SOURCE_DIR
"""
import csv
import datetime as dt
import os
import re
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

RUN_SHEETS = ["季度预测", "月度预测", "开工进度", "项目类别", "风险项目", "部门瓶颈", "部门月度利用率", "审批用时", "法定时限（项目）", "项目明细",
              "用地指标", "风险事件", "新签约项目", "关键性", "敏感性分析"]
CHINESE = {"delay": "延误", "rework": "返工", "stall": "停工", "pause_until": "暂停至资金到位"}
COMPARE_SHEETS = ["完成投资差异", "计划完成差异", "开工率差异", "重点项目开工差异", "审批用时差异", "部门等待差异", "目标风险对比", "部门瓶颈对比", "开工进度对比"]
FORMULA_NAME = '=HYPERLINK("http://example.com","点我")'

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def table(ws, first_label):
    """The rows of a sheet from its header row (the one starting with first_label)."""
    rows = list(ws.iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r and r[0] == first_label)
    return rows[start], rows[start + 1:]


def main(kpsim, source):
    work = tempfile.mkdtemp(prefix="kpsim-workbook-")
    text = open(os.path.join(source, "scenarios/quickstart.yaml"), encoding="utf-8").read()
    text = text.replace("holidays: calendars/cn-holidays.yaml",
                        "holidays: " + os.path.join(source, "scenarios/calendars/cn-holidays.yaml"))
    text = text.replace("name: 第三中学迁建工程", "name: '" + FORMULA_NAME + "'")
    check(FORMULA_NAME in text, "the scenario edit did not take")
    scenario = os.path.join(work, "quickstart.yaml")
    open(scenario, "w", encoding="utf-8").write(text)
    out = os.path.join(work, "run")
    subprocess.run([kpsim, "run", scenario, "--replications", "40", "--out", out], check=True, stdout=subprocess.DEVNULL)

    wb = openpyxl.load_workbook(os.path.join(out, "report.xlsx"))
    check(wb.sheetnames == RUN_SHEETS, f"run sheets: {wb.sheetnames}")

    # Quarterly: the same numbers as forecast_quarterly.csv, as numbers; dates as dates.
    header, rows = table(wb["季度预测"], "季度")
    check(header[3] == "完成投资 均值（亿元）", f"quarterly header: {header[3]}")
    with open(os.path.join(out, "forecast_quarterly.csv"), encoding="utf-8") as f:
        expected = list(csv.DictReader(f))
    check(len(rows) == len(expected) == 4, f"quarters: {len(rows)} rows, CSV {len(expected)}")
    for row, want in zip(rows, expected):
        check(row[0] == want["period"], f"period {row[0]} != {want['period']}")
        check(isinstance(row[1], dt.datetime) and row[1].date().isoformat() == want["first_day"],
              f"first day {row[1]!r} != {want['first_day']}")
        check(isinstance(row[3], float) and abs(row[3] - float(want["investment_mean"])) < 1e-9,
              f"{want['period']} investment {row[3]!r} != {want['investment_mean']}")
        share = row[header.index("占年度计划")]
        check(isinstance(share, float) and abs(share - float(want["share_of_plan"])) < 1e-9,
              f"{want['period']} share {share!r} != {want['share_of_plan']}")
    share_cell = wb["季度预测"].cell(row=wb["季度预测"].max_row, column=header.index("占年度计划") + 1)
    check(share_cell.number_format.endswith("%"), f"share format {share_cell.number_format}")

    # Projects: Chinese names intact, the formula-looking name kept as text.
    header, rows = table(wb["项目明细"], "项目编号")
    names = {r[0]: r[1] for r in rows}
    check(names.get("G01") == "市第一人民医院新院区", f"G01 name {names.get('G01')!r}")
    check(names.get("G03") == FORMULA_NAME, f"G03 name {names.get('G03')!r}")
    ws = wb["项目明细"]
    g03 = next(c for c in ws["B"] if c.value == FORMULA_NAME)
    check(g03.data_type == "s", f"G03 name stored as {g03.data_type}, not text")
    with zipfile.ZipFile(os.path.join(out, "report.xlsx")) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                check(not re.search(rb"<f[ >]", z.read(name)), f"{name} holds a formula")

    # Planner-readable: enumerated values in Chinese, date columns holding
    # only dates (beyond the horizon is its own column), money to two decimals.
    check({r[header.index("等级")] for r in rows} <= {"重点", "一般"}, f"classes {[r[header.index('等级')] for r in rows]}")
    check({r[header.index("年初状态")] for r in rows} <= {"在建", "前期", "已批待开工"}, "phases not in Chinese")
    for label in ("开工（均值）", "开工 P10", "开工 P50", "开工 P90", "竣工 P10", "竣工 P50", "竣工 P90"):
        values = [r[header.index(label)] for r in rows]
        check(all(v is None or isinstance(v, dt.datetime) for v in values), f"{label}: not only dates: {values}")
    check(any(r[header.index("竣工晚于期末的分位")] for r in rows), "no completion flagged beyond the horizon")
    money = ws.cell(row=next(c.row for c in ws["A"] if c.value == "G01"), column=header.index("总投资（亿元）") + 1)
    check(money.number_format == "#,##0.00", f"money shown as {money.number_format}")

    # Every sheet prints: A4 landscape, one page wide, the header row repeated,
    # the header row and the id column frozen.
    for ws in wb.worksheets:
        ps = ws.page_setup
        check(ps.orientation == "landscape" and str(ps.paperSize) == "9", f"{ws.title}: {ps.orientation} paper {ps.paperSize}")
        check(ws.sheet_properties.pageSetUpPr.fitToPage and ps.fitToWidth in (None, 1, "1") and ps.fitToHeight in (0, "0"),  # absent width: 1
              f"{ws.title}: not fitted one page wide")
        check(bool(ws.print_title_rows), f"{ws.title}: no repeated header row")
        check(ws.freeze_panes is not None and ws.freeze_panes.startswith("B"), f"{ws.title}: frozen at {ws.freeze_panes}")

    # At-risk and agencies: the projects and agencies of the CSV files, in order.
    header, rows = table(wb["风险项目"], "项目编号")
    with open(os.path.join(out, "at_risk.csv"), encoding="utf-8") as f:
        at_risk = list(csv.DictReader(f))
    check([r[0] for r in rows] == [r["project"] for r in at_risk], "at-risk projects differ from at_risk.csv")
    check(all(isinstance(r[header.index("未按期概率")], float) for r in rows), "P(miss) not numbers")
    header, rows = table(wb["部门瓶颈"], "部门")
    util = [r[header.index("利用率")] for r in rows]
    check(util == sorted(util, reverse=True), f"agencies not busiest first: {util}")
    check(rows[0][1] == "土地储备中心", f"busiest agency {rows[0][1]}")

    # The detail tables: every row and number of land.csv, risks.csv,
    # arrivals.csv and criticality.csv, numbers as numbers.
    for title, first_label, csv_name in [("用地指标", "指标池", "land.csv"), ("风险事件", "风险", "risks.csv"),
                                         ("新签约项目", "来源", "arrivals.csv"), ("关键性", "项目编号", "criticality.csv")]:
        header, rows = table(wb[title], first_label)
        with open(os.path.join(out, csv_name), encoding="utf-8") as f:
            want = list(csv.reader(f))[1:]
        check(len(rows) == len(want) and len(want) > 0, f"{title}: {len(rows)} rows, {csv_name} {len(want)}")
        for row, w in zip(rows, want):
            for got, text in zip(row, w):
                if text == "":
                    check(got is None, f"{title}: {got!r} where {csv_name} is empty")
                elif isinstance(got, float) or isinstance(got, int):
                    check(abs(got - float(text)) < 1e-9, f"{title}: {got!r} != {text}")
                else:  # an enumerated value is shown in Chinese, its code in the CSV
                    check(got == CHINESE.get(text, text), f"{title}: {got!r} != {text!r}")
        check(any(isinstance(v, float) for r in rows for v in r), f"{title}: no number stored as a number")

    # compare: a sheet per metric, the year's difference as in compare.csv.
    cmp_out = os.path.join(work, "compare")
    policy = os.path.join(source, "scenarios/policies/compress-120.yaml")
    subprocess.run([kpsim, "compare", scenario, policy, "--replications", "40", "--out", cmp_out], check=True,
                   stdout=subprocess.DEVNULL)
    wb = openpyxl.load_workbook(os.path.join(cmp_out, "report.xlsx"))
    check(wb.sheetnames == COMPARE_SHEETS, f"compare sheets: {wb.sheetnames}")
    header, rows = table(wb["完成投资差异"], "方案")
    year = next(r for r in rows if r[header.index("时段")] == "2026")
    with open(os.path.join(cmp_out, "compare.csv"), encoding="utf-8") as f:
        want = next(r for r in csv.DictReader(f) if r["metric"] == "investment" and r["period"] == "2026")
    check(abs(year[header.index("差值")] - round(float(want["diff_mean"]), 2)) < 1e-9,
          f"year difference {year[header.index('差值')]} != {want['diff_mean']}")
    check("审批时限200→120" in year[0], f"variant label {year[0]!r}")
    # Side by side: the agencies of the base ranked as bottlenecks, each with
    # its utilisation under both and the change.
    header, rows = table(wb["部门瓶颈对比"], "部门")
    check([r[1] for r in rows][:1] == ["土地储备中心"], f"agencies side by side: {[r[1] for r in rows]}")
    u_base, u_var, u_change = (header.index(c) for c in ("基准 利用率", "审批时限200→120 利用率", "审批时限200→120 利用率变化（百分点）"))
    check(all(isinstance(r[u_base], float) and isinstance(r[u_var], float) for r in rows), "utilisations not numbers")
    check(all(abs(r[u_change] - (r[u_var] - r[u_base])) < 2e-3 for r in rows), "utilisation change is not variant − base")
    header, rows = table(wb["目标风险对比"], "项目编号")
    with open(os.path.join(cmp_out, "targets_compare.csv"), encoding="utf-8") as f:
        targets = list(csv.DictReader(f))
    check([r[0] for r in rows] == [t["project"] for t in targets], "targets differ from targets_compare.csv")

    for m in failures:
        print("FAIL:", m)
    print("workbook checks:", "failed" if failures else "all passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])))
