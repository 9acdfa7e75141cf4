#!/usr/bin/python3
"""Pictures of a kpsim sweep, from its tidy sweep.csv (matplotlib from
Debian's python3-matplotlib; nothing from pip).

  scripts/plot_sweep.py out/sweep-NAME/sweep.csv [--out DIR]

One swept path: completed investment per quarter (mean, with the P10-P90
band) and for the year, against the swept value -> sweep_investment.png.
Two swept paths: a heat map of the year's mean completed investment over
both -> sweep_heatmap.png (and the line chart for the first path at each
value of the second). Files go beside the CSV unless --out says otherwise.
"""
import argparse
import csv
import os
import sys
from collections import OrderedDict, defaultdict

try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    sys.exit("plot_sweep.py: needs matplotlib: apt-get install python3-matplotlib")

FIXED = ["variant", "label", "metric", "period", "statistic", "value"]


def number(text):
    try:
        return float(text)
    except ValueError:
        return None


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        sys.exit(f"plot_sweep.py: {path}: no rows")
    axes = [c for c in rows[0].keys() if c not in FIXED]
    # value[(variant, metric, period, statistic)] and each variant's axis values
    value, settings = {}, OrderedDict()
    for r in rows:
        value[(r["variant"], r["metric"], r["period"], r["statistic"])] = number(r["value"])
        settings[r["variant"]] = tuple(r[a] for a in axes)
    return axes, settings, value


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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv")
    parser.add_argument("--out", help="folder for the PNG files (default: beside the CSV)")
    args = parser.parse_args()
    axes, settings, value = read(args.csv)
    out = args.out or os.path.dirname(os.path.abspath(args.csv))
    os.makedirs(out, exist_ok=True)
    quarters, years = periods_of(value, "investment")
    variants = list(settings)
    written = []

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
        ax.set_xlabel(axes[0])
        ax.set_ylabel(axes[1])
        for i, row in enumerate(grid):
            for j, x in enumerate(row):
                if x is not None:
                    ax.text(j, i, f"{x:.1f}", ha="center", va="center", color="white", fontsize=8)
        fig.colorbar(image, label=f"completed investment {years[-1]}, mean")
        ax.set_title(f"Completed investment in {years[-1]} (mean over replications)")
        fig.tight_layout()
        path = os.path.join(out, "sweep_heatmap.png")
        fig.savefig(path, dpi=120)
        written.append(path)

    # Lines against the first swept path (for each value of the second, if any).
    groups = defaultdict(list)
    for v, s in settings.items():
        groups[s[1:] if len(s) > 1 else ()].append(v)
    fig, panels = plt.subplots(len(groups), 2, figsize=(12, 4.2 * len(groups)), squeeze=False)
    for row, (rest, members) in zip(panels, groups.items()):
        labels = [settings[v][0] if axes else v for v in members]
        xs, numeric = x_positions(labels)
        suffix = ", ".join(f"{a} = {x}" for a, x in zip(axes[1:], rest))
        for panel, periods, what in ((row[0], quarters, "per quarter"), (row[1], years, "per year")):
            line_chart(panel, members, xs, value, periods,
                       f"Completed investment {what}: mean, P10-P90" + (f"\n{suffix}" if suffix else ""))
            panel.set_xlabel(axes[0] if axes else "variant")
            if not numeric:
                panel.set_xticks(xs, labels)
            panel.set_ylabel("completed investment")
    fig.tight_layout()
    path = os.path.join(out, "sweep_investment.png")
    fig.savefig(path, dpi=120)
    written.append(path)
    for p in written:
        print(p)


if __name__ == "__main__":
    main()
