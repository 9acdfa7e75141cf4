"""Errors from Python carry the command line's location and code."""
import os

import pytest

import kpsim
from conftest import SOURCE, scenario

BAD = os.path.join(SOURCE, "tests", "bad_inputs", "scenario")


def test_a_bad_scenario_raises_with_file_line_column_key_path_and_code():
    bad = os.path.join(BAD, "curve_beta_not_positive.yaml")
    with open(bad, encoding="utf-8") as f:
        expected = [l.split("expect:", 1)[1].strip() for l in f if l.startswith("# expect:")][0]
    with pytest.raises(kpsim.InputError) as e:
        kpsim.validate(bad)
    err = e.value
    assert err.file.endswith("curve_beta_not_positive.yaml") and err.line > 0 and err.column > 0
    assert err.code.startswith("E-") and err.key_path
    assert expected in str(err)  # the catalogue's expected line, as the command line prints it
    with pytest.raises(kpsim.InputError) as again:
        kpsim.load(bad)
    assert again.value.errors == err.errors


def test_a_path_that_is_not_there_is_located_at_the_path():
    s = kpsim.load(scenario("quickstart.yaml"))
    with pytest.raises(kpsim.InputError) as e:
        s.set("agencies.nosuch.capacity", 3)
    assert e.value.code == "E-SWP-010" and e.value.key_path == "agencies.nosuch.capacity"


def test_a_value_of_the_wrong_kind_is_refused():
    s = kpsim.load(scenario("quickstart.yaml"))
    with pytest.raises(kpsim.InputError) as e:
        s.set("agencies.eco.capacity", "many")
    assert e.value.code == "E-SWP-012" and "expected integer" in e.value.message


def test_a_value_that_makes_the_scenario_invalid_is_raised_at_the_run():
    s = kpsim.load(scenario("quickstart.yaml")).set("agencies.eco.capacity", 0)
    with pytest.raises(kpsim.InputError) as e:
        kpsim.run(s, replications=10)
    assert e.value.line > 0 and e.value.key_path.startswith("agencies.eco")


def test_validate_returns_the_counts():
    v = kpsim.validate(scenario("quickstart.yaml"))
    assert v["projects"] == 12 and v["agencies"] == 5 and v["text"].startswith(scenario("quickstart.yaml") + ": ok")
