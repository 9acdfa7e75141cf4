"""kpsim.sweep equals `kpsim sweep`."""
import os

import pandas as pd

import kpsim
from conftest import assert_same_files, kpsim_cli, scenario


def small_sweep(tmp):
    path = os.path.join(tmp, "small.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"""kpsim: 1
sweep: small
base: {scenario('quickstart.yaml')}
policies: [{scenario('policies', 'compress-120.yaml')}]
replications: 64
axes:
  policies[0].compress.to: [160, 120, 80]
""")
    return path


def test_a_sweep_from_python_equals_the_command_line(tmp):
    sweep = small_sweep(tmp)
    cli_out, py_out = os.path.join(tmp, "cli"), os.path.join(tmp, "py")
    kpsim_cli("sweep", sweep, "--out", cli_out, "--threads", "2")
    seen = []
    r = kpsim.sweep(sweep, out=py_out, threads=1, progress=lambda d, t: seen.append((d, t)))
    assert_same_files(cli_out, py_out)
    pd.testing.assert_frame_equal(r.table, pd.read_csv(os.path.join(cli_out, "sweep.csv"), keep_default_na=False,
                                                       na_values=[""], dtype={c: str for c in ("variant", "label", "metric", "period", "statistic")}))
    assert seen[-1] == (3 * 64, 3 * 64)
    wide = r.results("investment")
    assert list(wide["policies[0].compress.to"]) == [160, 120, 80]
    assert wide["mean"].is_monotonic_increasing  # faster approvals, more investment in the year
    assert r.manifest["reference"] == "v001"


def test_without_out_the_folder_is_read_and_removed(tmp):
    r = kpsim.sweep(small_sweep(tmp))
    assert r.out is None and len(r.table) > 0


def test_drivers_from_python_equal_the_command_line(tmp):
    cli_out, py_out = os.path.join(tmp, "cli"), os.path.join(tmp, "py")
    kpsim_cli("drivers", scenario("quickstart.yaml"), "-n", "40", "--out", cli_out)
    r = kpsim.drivers(scenario("quickstart.yaml"), replications=40, out=py_out, threads=1)
    assert_same_files(cli_out, py_out)
    ranked = r.table[r.table["rank"].notna()]
    assert list(ranked["investment_gain"]) == sorted(ranked["investment_gain"], reverse=True)
    assert set(r.table["kind"]) >= {"risk", "agency", "all_risks", "interaction"}
