#!/usr/bin/python3
"""Pictures for a briefing, from the result files of `kpsim run` or
`kpsim compare` (matplotlib from Debian's python3-matplotlib, Chinese text
in Noto Sans CJK from fonts-noto-cjk; nothing from pip).

  scripts/report.py out/city-2026 [--out DIR] [--mark LABEL=YYYY-MM:VALUE ...] [--reference LABEL=FILE ...]
  scripts/report.py out/compare-city  (a `kpsim compare` directory)
  scripts/report.py out/drivers-city  (a `kpsim drivers` directory)

From a run directory, PNG and PDF of:
  fan.*       cumulative completed investment by month: P10-P90 and P25-P75
              bands, the median, the year's plan and its pro-rata line
              ("时间过半、任务过半"); --mark adds a published figure
  gantt.*     key projects still to start: P10-P90 bars for start and
              completion, and their targets
  agencies.*  each agency's utilisation by month
  sensitivity.*  a tornado of the strongest drivers of the horizon's
              investment: each one's rank correlation with its 90% interval
              (sensitivity.csv)
From a drivers directory (`kpsim drivers`):
  drivers.*   a tornado of what removing each risk, adding a reviewer or
              taking a step at its P10 gains in the year's investment, with
              paired 90% intervals
From a calibration directory (`kpsim calibrate`), also:
  fit.*        each observed figure against the calibrated forecast: the
               simulated mean with its 90% band, the observed value, and
               the held-out figures of a backtest
  posterior.*  each parameter's prior and posterior (weighted histogram),
               its posterior median and 90% interval
From a compare directory:
  compare.*   per quarter and for the year, the paired difference in completed
              investment with its 90% interval and the P5-P95 of pairs
Files go into DIR/pictures unless --out says otherwise.
"""
import argparse
import csv
import datetime as dt
import json
import os
import sys

try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib import font_manager
except ImportError:
    sys.exit("report.py: needs matplotlib: apt-get install python3-matplotlib")

# fonts-noto-cjk ships one collection; matplotlib reads its first face, which
# covers every Han character the reports use.
CJK_FONTS = ["Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK", "WenQuanYi Zen Hei"]


def use_cjk_font():
    installed = {f.name for f in font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in installed:
            plt.rcParams["font.family"] = [name]
            plt.rcParams["pdf.fonttype"] = 42  # embed the font: text stays text in the PDF
            plt.rcParams["axes.unicode_minus"] = False
            return
    sys.exit("report.py: no font for Chinese text: apt-get install fonts-noto-cjk")


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def day(text):
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def save(fig, out, name):
    os.makedirs(out, exist_ok=True)
    for ext in ("png", "pdf"):
        fig.savefig(os.path.join(out, f"{name}.{ext}"), dpi=150, bbox_inches="tight")
    plt.close(fig)
    print(os.path.join(out, f"{name}.png"))


def month_end(row):
    return day(row["last_day"])


def read_reference(path):
    """A reference profile: CSV month,share (year to date as a share of the year; '#' lines are notes)."""
    if not os.path.exists(path):
        sys.exit(f"report.py: --reference: {path}: no such file")
    with open(path, encoding="utf-8-sig") as f:
        lines = [l for l in f if not l.startswith("#")]
    rows = list(csv.DictReader(lines))
    try:
        points = sorted((int(r["month"]), float(r["share"])) for r in rows)
    except (KeyError, TypeError, ValueError):
        sys.exit(f"report.py: --reference: {path}: expected columns month (1–12) and share (0–1)")
    if not points or any(not 1 <= m <= 12 or not 0 <= v <= 1.5 for m, v in points):
        sys.exit(f"report.py: --reference: {path}: months are 1–12 and shares between 0 and 1")
    return points


def share_panel(ax, rows, start, references):
    """The forecast's year-to-date share of its own year (P50 of the mean path) beside reference profiles."""
    year_total = number(rows[-1]["ytd_mean"]) or 1.0
    x = [start] + [month_end(r) for r in rows]
    ax.plot(x, [0.0] + [100 * number(r["ytd_mean"]) / year_total for r in rows], color="#08306b", lw=2, marker="o",
            ms=3, label="本预测（均值）")
    colors = ["#a50f15", "#238b45", "#6a51a3", "#d94801"]
    for i, (label, points) in enumerate(references):
        xs = [start] + [dt.date(start.year + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1) for m, _ in points]
        ax.plot(xs, [0.0] + [100 * v for _, v in points], color=colors[i % len(colors)], lw=1.5, ls="--", marker="s",
                ms=3, label=label)
    ax.set_title("累计完成占全年比例（%）")
    ax.set_ylim(0, 105)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%m月"))
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=[1, 3, 5, 7, 9, 11]))
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="upper left")


def fan_chart(run, summary, out, marks, references=()):
    rows = read_csv(os.path.join(run, "forecast_monthly.csv"))
    unit = summary.get("money_unit", "")
    plan = summary.get("annual_plan")
    start = day(summary["start"])
    x = [start] + [month_end(r) for r in rows]
    col = lambda key: [0.0] + [number(r[key]) for r in rows]
    if references:
        fig, (ax, side) = plt.subplots(1, 2, figsize=(14, 5.2), gridspec_kw={"width_ratios": [1.6, 1]})
        share_panel(side, rows, start, references)
    else:
        fig, ax = plt.subplots(figsize=(9, 5.2))
    ax.fill_between(x, col("ytd_p10"), col("ytd_p90"), color="#9ecae1", alpha=0.6, label="P10–P90")
    ax.fill_between(x, col("ytd_p25"), col("ytd_p75"), color="#4292c6", alpha=0.6, label="P25–P75")
    ax.plot(x, col("ytd_p50"), color="#08306b", lw=2, label="中位数 P50")
    if plan:
        end = day(summary["end"])
        ax.axhline(plan, color="#d94801", lw=1.5, ls="--", label=f"年度计划 {plan:g} {unit}")
        ax.plot([start, end], [0, plan], color="#d94801", lw=1, ls=":", label="时间过半、任务过半（按时间均摊）")
    for label, (when, value) in marks:
        ax.plot([when], [value], marker="D", color="#a50f15", ms=7, zorder=5)
        ax.annotate(f"{label}\n{value:g} {unit}", (when, value), textcoords="offset points", xytext=(8, -28),
                    color="#a50f15", fontsize=9)
    basis = "统计口径" if summary.get("basis") == "statistics_bureau" else "全部项目"
    ax.set_title(f"{summary['scenario']}：累计完成投资（{basis}，{summary['replications']} 次模拟）")
    ax.set_ylabel(f"累计完成投资（{unit}）")
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%m月"))
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.set_xlim(start, x[-1])
    ax.set_ylim(bottom=0)
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", fontsize=9)
    save(fig, out, "fan")


def gantt(run, summary, out, limit):
    rows = read_csv(os.path.join(run, "projects.csv"))
    end = day(summary["end"])
    later = end + dt.timedelta(days=20)  # where "after the horizon" bars end

    def when(r, what, q):
        """The date of a quantile; `later` when projects.csv flags it beyond the horizon."""
        if q in (r.get(f"{what}_beyond_horizon") or "").split(", "):
            return later
        return day(r[f"{what}_{q.lower()}"])

    todo = [r for r in rows if r["class"] == "key" and r["phase_at_start"] != "under_construction"
            and (r["start_p50"] or r.get("start_beyond_horizon"))]
    todo.sort(key=lambda r: (when(r, "start", "P50") or later, r["id"]))
    todo = todo[:limit]
    if not todo:
        return
    fig, ax = plt.subplots(figsize=(10, 0.3 * len(todo) + 2.2))
    for i, r in enumerate(todo):
        y = len(todo) - 1 - i
        for what, dy, color in (("start", 0.17, "#4292c6"), ("completion", -0.17, "#74c476")):
            a, b = when(r, what, "P10"), when(r, what, "P90")
            if not (a and b):
                continue
            if a >= later:  # not even P10 inside the horizon: it does not happen this year
                ax.plot([later], [y + dy], marker="x", ms=6, mew=2, color=color)
            else:
                ax.barh(y + dy, (b - a).days + 1, left=a, height=0.3, color=color, align="center")
        target = day(r["start_target"])
        if target:
            ax.plot([target], [y + 0.17], marker="|", ms=10, mew=2, color="#d94801")
    ax.set_yticks([len(todo) - 1 - i for i in range(len(todo))])
    ax.set_yticklabels([f"{r['id']} {r['name']}" for r in todo], fontsize=8)
    ax.axvline(end, color="grey", lw=1)
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%m月"))
    ax.set_xlim(day(summary["start"]), later + dt.timedelta(days=8))
    from matplotlib.patches import Patch
    from matplotlib.lines import Line2D
    # Below the chart, never over the bars.
    ax.legend(handles=[Patch(color="#4292c6", label="开工 P10–P90"), Patch(color="#74c476", label="竣工 P10–P90"),
                       Line2D([], [], marker="|", ls="", ms=12, mew=2, color="#d94801", label="计划开工"),
                       Line2D([], [], marker="x", ls="", ms=6, mew=2, color="grey", label="期内不开工/不竣工（P10 已在期末之后）")],
              loc="upper center", bbox_to_anchor=(0.5, -0.06), ncol=4, fontsize=8, frameon=False)
    ax.set_title(f"{summary['scenario']}：待开工重点项目（按开工中位数排序，前 {len(todo)} 个）\n开工与竣工的 P10–P90；竖线右侧 = 期末之后")
    ax.grid(axis="x", alpha=0.3)
    save(fig, out, "gantt")


def agencies(run, summary, out):
    rows = read_csv(os.path.join(run, "agency_months.csv"))
    if not rows:
        return
    months = [k for k in rows[0].keys() if k not in ("id", "name")]
    x = [dt.date.fromisoformat(m + "-15") for m in months]
    fig, ax = plt.subplots(figsize=(9, 4.8))
    for r in rows:
        ax.plot(x, [100 * number(r[m]) for m in months], marker="o", ms=3, label=r["name"])
    ax.axhline(100, color="grey", lw=0.8)
    ax.set_ylim(0, 105)
    ax.set_ylabel("利用率（%）")
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%m月"))
    ax.set_title(f"{summary['scenario']}：各审批部门月度利用率（在办件数 / 审批人员）")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, ncol=2)
    save(fig, out, "agencies")


def fit_chart(run, summary, out):
    rows = [(r, "拟合") for r in read_csv(os.path.join(run, "fit.csv"))]
    backtest = os.path.join(run, "backtest.csv")
    if os.path.exists(backtest):
        rows += [({"observation": r["observation"], "observed": r["observed"], "simulated_mean": r["forecast_mean"],
                   "simulated_p05": r["forecast_p05"], "simulated_p95": r["forecast_p95"]}, "回测") for r in read_csv(backtest)]
    if not rows:
        return
    fig, ax = plt.subplots(figsize=(9, 0.6 * len(rows) + 1.5))
    for i, (r, kind) in enumerate(rows):
        mean, lo, hi, obs = (number(r[k]) for k in ("simulated_mean", "simulated_p05", "simulated_p95", "observed"))
        # Each figure on its own scale: as a share of its simulated mean.
        scale = abs(mean) if mean else 1.0
        colour = "tab:blue" if kind == "拟合" else "tab:orange"
        ax.plot([lo / scale, hi / scale], [i, i], color=colour, lw=6, alpha=0.35, solid_capstyle="butt")
        ax.plot(1, i, "|", color=colour, ms=14, mew=2)
        ax.plot(obs / scale, i, "D", color="black", ms=6)
        ax.annotate(f"观测 {obs:g} · 模拟 {mean:.2f} [{lo:.2f}, {hi:.2f}]", (max(hi, obs) / scale, i),
                    textcoords="offset points", xytext=(8, -3), fontsize=8)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([f"{r['observation']}（{kind}）" for r, kind in rows])
    ax.invert_yaxis()
    ax.set_xlabel("相对于模拟均值（1 = 均值；条 = 90% 区间；◆ = 观测值）")
    ax.set_title(f"{summary['scenario']}：观测值与校准后模拟值")
    ax.grid(axis="x", alpha=0.3)
    save(fig, out, "fit")


def posterior_chart(run, summary, out):
    params = read_csv(os.path.join(run, "parameters.csv"))
    points = read_csv(os.path.join(run, "posterior.csv"))
    if not params or not points:
        return
    cols = min(len(params), 2)
    rows_n = (len(params) + cols - 1) // cols
    fig, axes = plt.subplots(rows_n, cols, figsize=(5 * cols, 3.2 * rows_n), squeeze=False)
    for ax, p in zip(axes.flat, params):
        values = [number(r[p["path"]]) for r in points]
        weights = [number(r["weight"]) for r in points]
        lo, hi = number(p["prior_p05"]), number(p["prior_p95"])
        span = (hi - lo) / 0.9 if hi > lo else 1.0
        bins = 24
        edges = [lo - 0.05 * span + k * span / bins for k in range(bins + 1)]
        ax.hist(values, bins=edges, weights=weights, density=True, color="tab:blue", alpha=0.7, label="后验")
        if p["prior"].startswith("uniform"):
            ax.axhline(1 / (number(p["prior_p95"]) - number(p["prior_p05"])) * 0.9, color="grey", ls="--", lw=1, label="先验")
        ax.axvline(number(p["posterior_median"]), color="black", lw=1.2, label="后验中位数")
        ax.axvspan(number(p["posterior_p05"]), number(p["posterior_p95"]), color="tab:blue", alpha=0.1, label="90% 区间")
        pinned = "数据已确定" if p["pinned_down"] == "是" else "数据未确定"
        ax.set_title(f"{p['parameter']}（{pinned}，区间收窄比 {number(p['interval_share']):.2f}）", fontsize=9)
        ax.grid(alpha=0.3)
    for ax in list(axes.flat)[len(params):]:
        ax.axis("off")
    axes.flat[0].legend(fontsize=7)
    fig.suptitle(f"{summary['scenario']}：参数后验分布")
    fig.tight_layout()
    save(fig, out, "posterior")


def compare_chart(cmp_dir, out):
    rows = [r for r in read_csv(os.path.join(cmp_dir, "compare.csv")) if r["metric"] == "investment"]
    with open(os.path.join(cmp_dir, "compare.json"), encoding="utf-8") as f:
        unit = json.load(f).get("money_unit", "")
    variants = list(dict.fromkeys(r["variant"] for r in rows))
    periods = list(dict.fromkeys(r["period"] for r in rows))
    fig, ax = plt.subplots(figsize=(9, 4.8))
    width = 0.8 / len(variants)
    for k, v in enumerate(variants):
        vr = {r["period"]: r for r in rows if r["variant"] == v}
        xs = [i + (k - (len(variants) - 1) / 2) * width for i in range(len(periods))]
        diff = [number(vr[p]["diff_mean"]) for p in periods]
        lo = [d - number(vr[p]["diff_p05"]) for p, d in zip(periods, diff)]
        hi = [number(vr[p]["diff_p95"]) - d for p, d in zip(periods, diff)]
        ax.bar(xs, diff, width * 0.9, label=v.split(" + ", 1)[-1], alpha=0.85)
        ax.errorbar(xs, diff, yerr=[lo, hi], fmt="none", ecolor="black", capsize=3, lw=1)
        for x, p, d in zip(xs, periods, diff):
            lo90, hi90 = number(vr[p]["diff_ci90_low"]), number(vr[p]["diff_ci90_high"])
            ax.annotate(f"{d:+.2f}\n[{lo90:+.2f}, {hi90:+.2f}]", (x, d), textcoords="offset points", xytext=(6, 3),
                        ha="left", va="bottom", fontsize=7)
    ax.axhline(0, color="grey", lw=0.8)
    ax.set_xticks(range(len(periods)))
    ax.set_xticklabels(periods)
    ax.set_ylabel(f"完成投资差值（{unit}）")
    ax.set_title("政策效果：完成投资（方案 − 基准），柱 = 均值，须 = 成对差值 P5–P95，[ ] = 均值 90% 区间")
    ax.grid(axis="y", alpha=0.3)
    ax.legend(fontsize=9)
    save(fig, out, "compare")


KIND_NAMES = {"step": "环节", "risk": "风险", "agency": "部门", "project_step": "项目环节"}


def tornado(ax, labels, values, lows, highs, colors):
    """Horizontal bars, the biggest on top, each with its 90% interval."""
    ys = list(range(len(labels)))[::-1]
    ax.barh(ys, values, color=colors, alpha=0.85)
    ax.errorbar(values, ys, xerr=[[v - lo for v, lo in zip(values, lows)], [hi - v for v, hi in zip(values, highs)]],
                fmt="none", ecolor="black", capsize=3, lw=1)
    ax.set_yticks(ys)
    ax.set_yticklabels(labels, fontsize=8)
    ax.axvline(0, color="grey", lw=0.8)
    ax.grid(axis="x", alpha=0.3)


def sensitivity_chart(run, summary, out, limit=15):
    rows = read_csv(os.path.join(run, "sensitivity.csv"))
    if not rows:
        return
    metric = [r for r in rows if r["metric"] == "investment" and "Q" not in r["period"]]
    if not metric:
        return
    top = metric[:limit]
    rho = [number(r["rank_correlation"]) for r in top]
    fig, ax = plt.subplots(figsize=(9, 0.42 * len(top) + 1.6))
    tornado(ax, [f"{KIND_NAMES.get(r['kind'], r['kind'])} · {r['name']}" for r in top], rho,
            [number(r["ci90_low"]) for r in top], [number(r["ci90_high"]) for r in top],
            ["#c0392b" if x < 0 else "#2e86c1" for x in rho])
    ax.set_xlim(-1, 1)
    ax.set_xlabel("与完成投资的秩相关系数（Spearman；负值：越大/越多，完成投资越少）")
    ax.set_title(f"{summary['scenario']}：{top[0]['period']}年完成投资的驱动因素（前{len(top)}项，须 = 90%区间）")
    save(fig, out, "sensitivity")


def drivers_chart(drv_dir, out, limit=20):
    rows = [r for r in read_csv(os.path.join(drv_dir, "drivers.csv")) if r["rank"]]
    with open(os.path.join(drv_dir, "manifest.json"), encoding="utf-8") as f:
        unit = json.load(f).get("money_unit", "")
    top = rows[:limit]
    gain = [number(r["investment_gain"]) for r in top]
    fig, ax = plt.subplots(figsize=(9, 0.42 * len(top) + 1.6))
    colors = {"risk": "#c0392b", "agency": "#2e86c1", "step": "#27ae60"}
    tornado(ax, [f"{r['name']}（{r['change']}）" for r in top], gain, [number(r["investment_ci90_low"]) for r in top],
            [number(r["investment_ci90_high"]) for r in top], [colors.get(r["kind"], "grey") for r in top])
    ax.set_xlabel(f"全年多完成投资（{unit}，与基准成对比较，须 = 90%区间）")
    ax.set_title("风险驱动因素：去除风险（红）、增加审批人员（蓝）、环节工期取P10（绿）的增益")
    save(fig, out, "drivers")


def parse_mark(text):
    try:
        label, rest = text.split("=", 1)
        month, value = rest.split(":", 1)
        y, m = (int(p) for p in month.split("-"))
        last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
        return label, (last, float(value))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected LABEL=YYYY-MM:VALUE, got '{text}'")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("results", help="a kpsim run, compare or drivers output directory")
    p.add_argument("--out", help="where the pictures go (default: RESULTS/pictures)")
    p.add_argument("--mark", action="append", type=parse_mark, default=[], help="a published figure: LABEL=YYYY-MM:VALUE")
    p.add_argument("--reference", action="append", default=[], metavar="LABEL=FILE",
                   help="a reference profile beside the fan chart: CSV month,share (year to date as a share of the year)")
    p.add_argument("--gantt-limit", type=int, default=40, help="key projects in the Gantt chart (default 40)")
    a = p.parse_args()
    out = a.out or os.path.join(a.results, "pictures")
    use_cjk_font()
    if os.path.exists(os.path.join(a.results, "compare.csv")):
        compare_chart(a.results, out)
        return
    if os.path.exists(os.path.join(a.results, "drivers.csv")):
        drivers_chart(a.results, out)
        return
    summary_path = os.path.join(a.results, "summary.json")
    if not os.path.exists(summary_path):
        sys.exit(f"report.py: {a.results}: neither a run (summary.json), a compare (compare.csv) nor a drivers (drivers.csv) directory")
    with open(summary_path, encoding="utf-8") as f:
        summary = json.load(f)
    references = []
    for r in a.reference:
        label, sep, path = r.partition("=")
        if not sep:
            sys.exit(f"report.py: --reference: expected LABEL=FILE, got '{r}'")
        references.append((label, read_reference(path)))
    fan_chart(a.results, summary, out, a.mark, references)
    gantt(a.results, summary, out, a.gantt_limit)
    agencies(a.results, summary, out)
    sensitivity_chart(a.results, summary, out)
    if os.path.exists(os.path.join(a.results, "parameters.csv")):
        fit_chart(a.results, summary, out)
        posterior_chart(a.results, summary, out)


if __name__ == "__main__":
    main()
