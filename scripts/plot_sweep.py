#!/usr/bin/python3
"""Pictures of a kpsim sweep, from its tidy sweep.csv and manifest.json
(matplotlib and fonts-noto-cjk from Debian; nothing from pip).

  scripts/plot_sweep.py out/sweep-NAME/sweep.csv [--out DIR]

A grid or zip sweep of one path: completed investment per quarter and for
the year (mean, with the P10-P90 band) against the swept value, the annual
plan as a line -> sweep_investment.png. Two paths: also a heat map of the
year's mean over both -> sweep_heatmap.png. A list sweep: the year's
investment as bars (P10-P90 whiskers), one per labelled variant. Files go
beside the CSV unless --out says otherwise.
"""
import argparse
import csv
import json
import os
import sys
from collections import OrderedDict, defaultdict

try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    sys.exit("plot_sweep.py: needs matplotlib: apt-get install python3-matplotlib")

# Chinese labels need a CJK font (Debian's fonts-noto-cjk).
# matplotlib names a .ttc collection by its first face: Noto Sans CJK JP (it has the simplified glyphs too).
matplotlib.rcParams["font.sans-serif"] = ["Noto Sans CJK SC", "Noto Sans CJK JP", "WenQuanYi Zen Hei", "DejaVu Sans"]
matplotlib.rcParams["axes.unicode_minus"] = False

FIXED = ["variant", "label", "metric", "period", "statistic", "value"]

# What a swept path means, by its last segment: a Chinese axis title with its unit.
PATH_TITLES = {
    "to_total": "全流程法定审批时限（工作日）",
    "to": "压缩后审批时限（工作日）",
    "from": "压缩前审批时限（工作日）",
    "capacity": "审批人员（人）",
    "quota": "用地指标（亩）",
    "mu": "用地指标（亩）",
    "fraction": "容缺受理比例",
    "replications": "重复次数",
}


def fail(message):
    sys.exit(f"plot_sweep.py: {message}")


def number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def read(path):
    if not os.path.isfile(path):
        fail(f"{path}: no such file (run `kpsim sweep SWEEP --out DIR` first, then give DIR/sweep.csv)")
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    if not rows or any(c not in rows[0] for c in FIXED):
        fail(f"{path}: not a kpsim sweep.csv (expected the columns {', '.join(FIXED)})")
    axes = [c for c in rows[0].keys() if c not in FIXED]
    # value[(variant, metric, period, statistic)], each variant's axis values and label
    value, settings, labels = {}, OrderedDict(), {}
    for r in rows:
        value[(r["variant"], r["metric"], r["period"], r["statistic"])] = number(r["value"])
        settings[r["variant"]] = tuple(r[a] for a in axes)
        labels[r["variant"]] = r["label"] or r["variant"]
    return axes, settings, labels, value


def manifest_of(csv_path):
    path = os.path.join(os.path.dirname(os.path.abspath(csv_path)), "manifest.json")
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}  # an older sweep: no unit, no plan line


def path_title(path):
    return PATH_TITLES.get(path.rsplit(".", 1)[-1].split("[")[0], path)


def periods_of(value, metric):
    seen = OrderedDict()
    for (_, m, p, _) in value:
        if m == metric:
            seen[p] = True
    quarters = [p for p in seen if "Q" in p]
    years = [p for p in seen if p.isdigit()]
    return quarters, years


def x_positions(labels):
    numbers = [number(x) for x in labels]
    if all(n is not None for n in numbers):
        return numbers, True
    return list(range(len(labels))), False


def plan_line(ax, plan, unit):
    if plan:
        ax.axhline(plan, color="0.3", ls="--", lw=1)
        ax.annotate(f"年度计划 {plan:.2f} {unit}", (0.01, plan), xycoords=("axes fraction", "data"),
                    va="bottom", fontsize=8, color="0.3")


def line_chart(ax, variants, xs, value, periods, title):
    for q in periods:
        mean = [value.get((v, "investment", q, "mean")) for v in variants]
        p10 = [value.get((v, "investment", q, "p10")) for v in variants]
        p90 = [value.get((v, "investment", q, "p90")) for v in variants]
        line, = ax.plot(xs, mean, marker="o", ms=3, label=q)
        ax.fill_between(xs, p10, p90, color=line.get_color(), alpha=0.15)
    ax.set_title(title, fontsize=10)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, ncol=2)
    # A sweep listed from large to small (200 down to 45 days) reads left to right.
    if len(xs) > 1 and xs[0] > xs[-1]:
        ax.invert_xaxis()


def list_chart(path, variants, labels, value, year, unit, plan):
    """Variants that are not points on one scale: a bar each, not a line."""
    means = [value.get((v, "investment", year, "mean")) for v in variants]
    lows = [value.get((v, "investment", year, "p10")) for v in variants]
    highs = [value.get((v, "investment", year, "p90")) for v in variants]
    fig, ax = plt.subplots(figsize=(max(6, 1.3 * len(variants) + 2), 4.5))
    xs = range(len(variants))
    ax.bar(xs, means, color="#4c72b0", yerr=[[m - lo for m, lo in zip(means, lows)], [hi - m for m, hi in zip(means, highs)]],
           capsize=4)
    for x, m in zip(xs, means):
        ax.text(x + 0.06, m, f"{m:.2f}", ha="left", va="bottom", fontsize=8)
    ax.set_xticks(list(xs), [labels[v] for v in variants], rotation=20, ha="right")
    ax.set_ylabel(f"完成投资（{unit}）")
    ax.set_title(f"{year}年完成投资：均值，P10–P90", fontsize=10)
    plan_line(ax, plan, unit)
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=120)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv")
    parser.add_argument("--out", help="folder for the PNG files (default: beside the CSV)")
    args = parser.parse_args()
    axes, settings, labels, value = read(args.csv)
    manifest = manifest_of(args.csv)
    unit = manifest.get("money_unit", "")
    plan = manifest.get("annual_plan")
    out = args.out or os.path.dirname(os.path.abspath(args.csv))
    os.makedirs(out, exist_ok=True)
    quarters, years = periods_of(value, "investment")
    if not years:
        fail(f"{args.csv}: no yearly investment rows")
    variants = list(settings)
    written = []

    if manifest.get("combine") == "list" or not axes:
        path = os.path.join(out, "sweep_investment.png")
        list_chart(path, variants, labels, value, years[-1], unit, plan)
        print(path)
        return

    if len(axes) == 2:
        firsts = list(OrderedDict.fromkeys(s[0] for s in settings.values()))
        seconds = list(OrderedDict.fromkeys(s[1] for s in settings.values()))
        grid = [[None] * len(firsts) for _ in seconds]
        for v, (a, b) in settings.items():
            grid[seconds.index(b)][firsts.index(a)] = value.get((v, "investment", years[-1], "mean"))
        fig, ax = plt.subplots(figsize=(1.2 * len(firsts) + 3, 0.8 * len(seconds) + 2.5))
        image = ax.imshow(grid, cmap="viridis", aspect="auto", origin="lower")
        ax.set_xticks(range(len(firsts)), firsts)
        ax.set_yticks(range(len(seconds)), seconds)
        ax.set_xlabel(path_title(axes[0]))
        ax.set_ylabel(path_title(axes[1]))
        for i, row in enumerate(grid):
            for j, x in enumerate(row):
                if x is not None:
                    ax.text(j, i, f"{x:.1f}", ha="center", va="center", color="white", fontsize=8)
        fig.colorbar(image, label=f"{years[-1]}年完成投资均值（{unit}）")
        ax.set_title(f"{years[-1]}年完成投资（各次重复的均值）")
        fig.tight_layout()
        path = os.path.join(out, "sweep_heatmap.png")
        fig.savefig(path, dpi=120)
        written.append(path)

    # Lines against the first swept path (for each value of the second, if any).
    groups = defaultdict(list)
    for v, s in settings.items():
        groups[s[1:]].append(v)
    fig, panels = plt.subplots(len(groups), 2, figsize=(12, 4.2 * len(groups)), squeeze=False)
    for row, (rest, members) in zip(panels, groups.items()):
        ticks = [settings[v][0] for v in members]
        xs, numeric = x_positions(ticks)
        suffix = "，".join(f"{path_title(a)} = {x}" for a, x in zip(axes[1:], rest))
        for panel, periods, what in ((row[0], quarters, "每季度"), (row[1], years, "全年")):
            line_chart(panel, members, xs, value, periods, f"完成投资（{what}）：均值，P10–P90" + (f"\n{suffix}" if suffix else ""))
            panel.set_xlabel(path_title(axes[0]))
            if not numeric:
                panel.set_xticks(xs, [labels[v] for v in members], rotation=20, ha="right")
            panel.set_ylabel(f"完成投资（{unit}）")
        plan_line(row[1], plan, unit)
    fig.tight_layout()
    path = os.path.join(out, "sweep_investment.png")
    fig.savefig(path, dpi=120)
    written.append(path)
    for p in written:
        print(p)


if __name__ == "__main__":
    main()
