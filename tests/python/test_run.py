"""kpsim.run and kpsim.compare from Python: the command's numbers and files."""
import os

import pandas as pd
import pytest

import kpsim
from conftest import assert_same_files, kpsim_cli, scenario


def read_like_module(path, frame):
    """A CLI file read as the module reads its own tables (text columns as
    text, dates as dates), to compare cell by cell."""
    dtype = {c: str for c in frame.columns if frame[c].dtype == object}
    dates = [c for c in frame.columns if pd.api.types.is_datetime64_any_dtype(frame[c])]
    return pd.read_csv(path, dtype=dtype, parse_dates=dates, keep_default_na=False, na_values=[""])


def test_quickstart_equals_the_command_line(tmp):
    cli_out = os.path.join(tmp, "cli")
    kpsim_cli("run", scenario("quickstart.yaml"), "--out", cli_out, "--replications", "100", "--threads", "2")
    r = kpsim.run(scenario("quickstart.yaml"), replications=100, threads=1)
    # The same files, byte for byte, whatever the thread count.
    py_out = os.path.join(tmp, "py")
    r.write(py_out)
    cli_files = assert_same_files(cli_out, py_out)
    # Every table holds the numbers of the command's CSV file.
    csvs = [n[:-4] for n in cli_files if n.endswith(".csv")]
    assert sorted(csvs) == sorted(r.tables)
    for name, frame in r.tables.items():
        pd.testing.assert_frame_equal(frame, read_like_module(os.path.join(cli_out, name + ".csv"), frame), check_exact=True)
    q = r.quarterly
    assert list(q["period"]) == ["2026Q1", "2026Q2", "2026Q3", "2026Q4"]
    assert pd.api.types.is_datetime64_any_dtype(q["first_day"])
    assert q["investment_mean"].dtype == float and (q["investment_mean"] > 0).all()
    assert r.replications == 100 and r.money_unit == "亿元"
    assert len(r.horizon_investment) == 100
    assert "Results written" not in r.text and "2026Q1" in r.text


def test_a_value_set_by_path_changes_the_forecast_as_a_sweep_would(tmp):
    base = kpsim.load(scenario("quickstart.yaml"))
    more = base.copy().set("agencies.land_bank.capacity", 6)
    assert base.get("agencies.land_bank.capacity") == "2" and more.get("agencies.land_bank.capacity") == "6"
    assert more.info()["agencies"][-1]["capacity"] == 6
    a = kpsim.run(base, replications=50)
    b = kpsim.run(more, replications=50)
    assert not a.agencies.equals(b.agencies)
    # The same edit written as an overlay's `set:` gives the same numbers.
    overlay = os.path.join(tmp, "capacity.yaml")
    with open(overlay, "w") as f:
        f.write("kpsim: 1\nset:\n  agencies.land_bank.capacity: 6\n")
    c = kpsim.run(kpsim.load(scenario("quickstart.yaml"), policies=[overlay]), replications=50)
    pd.testing.assert_frame_equal(b.quarterly, c.quarterly)


def test_compare_equals_the_command_line(tmp):
    overlay = scenario("policies", "compress-120.yaml")
    cli_out = os.path.join(tmp, "cli")
    kpsim_cli("compare", scenario("quickstart.yaml"), overlay, "--out", cli_out, "--replications", "60")
    seen = []
    c = kpsim.compare(scenario("quickstart.yaml"), overlay, replications=60, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (120, 120) and all(t == 120 for _, t in seen)  # the total known from the start
    py_out = os.path.join(tmp, "py")
    c.write(py_out)
    cli_files = assert_same_files(cli_out, py_out)
    year = c.difference("investment", "2026")
    assert len(year) == 1 and year["diff_mean"].iloc[0] > 0
    assert set(c.side_by_side) == {n[:-4] for n in cli_files if n.endswith(".csv") and n != "compare.csv"}


def test_progress_is_reported_up_to_the_total():
    seen = []
    kpsim.run(scenario("quickstart.yaml"), replications=300, threads=1, progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1] == (300, 300)
    assert all(d <= t for d, t in seen) and [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_an_exception_in_the_progress_callback_stops_the_run():
    def fail(done, total):
        raise RuntimeError("enough")

    with pytest.raises(RuntimeError, match="enough"):
        kpsim.run(scenario("city", "scenario.yaml"), replications=100000, threads=1, progress=fail)
