"""kpsim.calibrate equals `kpsim calibrate`, and its overlay applies."""
import os
import re

import kpsim
from conftest import SOURCE, assert_same_files, kpsim_cli


def quick_calibration(tmp):
    """The quickstart with a construction time factor to calibrate against
    two figures, small enough for a test (as tests/calibrate does)."""
    with open(os.path.join(SOURCE, "scenarios", "quickstart.yaml"), encoding="utf-8") as f:
        text = f.read()
    text = text.replace("holidays: calendars/", "holidays: " + os.path.join(SOURCE, "scenarios", "calendars") + "/")
    text = text.replace("annual_plan:", "duration_scale: {construction: 1.0}\nannual_plan:", 1)
    with open(os.path.join(tmp, "scenario.yaml"), "w", encoding="utf-8") as f:
        f.write(text)
    path = os.path.join(tmp, "calibration.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write("""kpsim: 1
calibration: quick
base: scenario.yaml
parameters:
  - {name: 建设工期倍数, path: duration_scale.construction, prior: {uniform: [0.6, 1.6]}}
observations:
  - {label: 1–6月完成投资, investment: {to: 2026-06}, value: 20.5}
method: {points: 16, waves: 2, replications: 8, seed: 5}
forecast: {replications: 32, draws: 8}
""")
    return path


def test_a_calibration_from_python_equals_the_command_line(tmp):
    file = quick_calibration(tmp)
    cli_out, py_out = os.path.join(tmp, "cli"), os.path.join(tmp, "py")
    kpsim_cli("calibrate", file, "--out", cli_out, "--threads", "2")
    seen = []
    r = kpsim.calibrate(file, out=py_out, threads=1, progress=lambda d, t: seen.append((d, t)))
    assert_same_files(cli_out, py_out)
    assert seen[-1][0] == seen[-1][1] == 2 * 16 * 8 + 32
    assert list(r.parameters["parameter"]) == ["建设工期倍数"]
    assert "duration_scale.construction" in r.overlay
    # The calibrated overlay applies like any other.
    calibrated = kpsim.load(os.path.join(tmp, "scenario.yaml"), policies=[os.path.join(py_out, "calibrated.yaml")])
    median = re.search(r'"duration_scale.construction": (\S+)', r.overlay).group(1)
    assert calibrated.get("duration_scale.construction") == median
    assert kpsim.load(os.path.join(tmp, "scenario.yaml")).get("duration_scale.construction") == "1.0"
