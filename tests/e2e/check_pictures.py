#!/usr/bin/python3
"""Draws the briefing pictures of a run, a comparison, a drivers table and a calibration with
scripts/report.py, and a grid and a list sweep with scripts/plot_sweep.py, and checks that every one was written as PNG and PDF
with no character missing from the font (matplotlib warns "Glyph … missing"
when Chinese text would come out as boxes).

  check_pictures.py KPSIM_BINARY SOURCE_DIR
"""
import os
import subprocess
import sys
import tempfile


def main(kpsim, source):
    work = tempfile.mkdtemp(prefix="kpsim-pictures-")
    scenario = os.path.join(source, "scenarios/quickstart.yaml")
    run_dir, cmp_dir = os.path.join(work, "run"), os.path.join(work, "compare")
    subprocess.run([kpsim, "run", scenario, "--replications", "40", "--out", run_dir], check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([kpsim, "compare", scenario, os.path.join(source, "scenarios/policies/compress-120.yaml"),
                    "--replications", "40", "--out", cmp_dir], check=True, stdout=subprocess.DEVNULL)
    # A small calibration of the quickstart with a backtest.
    cal_dir = os.path.join(work, "calibration")
    with open(os.path.join(work, "calibration.yaml"), "w", encoding="utf-8") as f:
        f.write(f"""kpsim: 1
calibration: pictures
base: {scenario}
parameters:
  - {{name: 土地储备中心人数, path: agencies.land_bank.capacity, prior: {{uniform: [1, 4]}}, integer: true}}
  - {{name: 结构工期众数, path: "templates.government-invested.steps[11].duration.pert[1]", prior: {{uniform: [150, 300]}}}}
observations:
  - {{label: 1–6月完成投资, investment: {{to: 2026-06}}, value: 20.5}}
  - {{label: 1–9月完成投资, investment: {{to: 2026-09}}, value: 33.1}}
method: {{points: 16, waves: 2, replications: 8}}
forecast: {{replications: 32, draws: 8}}
""")
    subprocess.run([kpsim, "calibrate", os.path.join(work, "calibration.yaml"), "--until", "2026-06", "--out", cal_dir],
                   check=True, stdout=subprocess.DEVNULL)
    drv_dir = os.path.join(work, "drivers")
    subprocess.run([kpsim, "drivers", scenario, "--replications", "40", "--out", drv_dir], check=True, stdout=subprocess.DEVNULL)
    failures = []
    script = os.path.join(source, "scripts/report.py")
    reference = os.path.join(source, "scenarios/city/reference-national-fai.csv")
    for results, names, extra in ((run_dir, ["fan", "gantt", "agencies", "sensitivity"],
                                   ["--mark", "公布值=2026-05:15", "--reference", "全国 2023–2025=" + reference]),
                                  (cmp_dir, ["compare"], []),
                                  (drv_dir, ["drivers"], []),
                                  (cal_dir, ["fan", "fit", "posterior"], [])):
        done = subprocess.run(["/usr/bin/python3", script, results] + extra, capture_output=True, text=True)
        if done.returncode != 0:
            failures.append(f"report.py {results}: exit {done.returncode}: {done.stderr.strip()}")
        if "missing from" in done.stderr or "findfont" in done.stderr:
            failures.append(f"report.py {results}: font problems: {done.stderr.strip()[:300]}")
        for name in names:
            for ext in ("png", "pdf"):
                path = os.path.join(results, "pictures", f"{name}.{ext}")
                if not os.path.exists(path) or os.path.getsize(path) < 5000:
                    failures.append(f"{path}: missing or empty")
    # A missing reference file is a clear error, not a traceback.
    done = subprocess.run(["/usr/bin/python3", script, run_dir, "--reference", "x=/nonexistent.csv"], capture_output=True, text=True)
    if done.returncode == 0 or "Traceback" in done.stderr or "no such file" not in done.stderr:
        failures.append(f"a missing --reference file: exit {done.returncode}: {done.stderr.strip()[:300]}")
    # Sweeps: a grid against its value, a list as bars, with the labels and
    # Chinese titles drawn; a missing file is one clear line.
    plot = os.path.join(source, "scripts/plot_sweep.py")
    for name, body in (("grid", "axes:\n  policies[0].compress.to_total: [127, 90, 60]\n"),
                       ("list", "combine: list\nvariants:\n  - label: 现行\n    set: {\"policies[0].compress.to_total\": 127}\n"
                                "  - label: 重点60日\n    set: {\"policies[0].compress.to_total\": 60}\n")):
        sweep_file = os.path.join(work, f"{name}.yaml")
        with open(sweep_file, "w", encoding="utf-8") as f:
            f.write(f"kpsim: 1\nsweep: {name}\nbase: {scenario}\n"
                    f"policies: [{os.path.join(source, 'scenarios/policies/key-total-60.yaml')}]\nreplications: 20\n" + body)
        out = os.path.join(work, f"sweep-{name}")
        subprocess.run([kpsim, "sweep", sweep_file, "--out", out], check=True, stdout=subprocess.DEVNULL)
        done = subprocess.run(["/usr/bin/python3", plot, os.path.join(out, "sweep.csv")], capture_output=True, text=True)
        if done.returncode != 0 or "missing from" in done.stderr or "findfont" in done.stderr:
            failures.append(f"plot_sweep.py {name}: exit {done.returncode}: {done.stderr.strip()[:300]}")
        path = os.path.join(out, "sweep_investment.png")
        if not os.path.exists(path) or os.path.getsize(path) < 5000:
            failures.append(f"{path}: missing or empty")
    done = subprocess.run(["/usr/bin/python3", plot, os.path.join(work, "nosuch.csv")], capture_output=True, text=True)
    if done.returncode == 0 or "Traceback" in done.stderr or "no such file" not in done.stderr:
        failures.append(f"plot_sweep.py of a missing file: exit {done.returncode}: {done.stderr.strip()[:300]}")
    for f in failures:
        print("FAIL:", f)
    print("picture checks:", "failed" if failures else "all passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])))
