"""kpsim from Python: the commands as functions that return pandas tables.

    import kpsim
    s = kpsim.load("scenarios/city/scenario.yaml")
    s.set("agencies.land_bank.capacity", 3)          # the paths of a sweep's axes
    r = kpsim.run(s, replications=1000)
    r.quarterly                                       # forecast_quarterly.csv as a DataFrame

Everything runs in kpsim's own library (the one the command line links):
the tables hold exactly the numbers of the command's files, and
``write()`` writes those files byte for byte. Long work releases the GIL,
reports ``progress(done, total)`` replications to a callback, and stops
cleanly on Ctrl-C (KeyboardInterrupt). docs/python.md documents the API.
"""

from __future__ import annotations

import datetime as _dt
import io as _io
import json as _json
import os as _os
import sys as _sys
import tempfile as _tempfile
import time as _time
from typing import Callable, Iterable, Optional, Sequence, Union

import pandas as _pd

__all__ = ["InputError", "Scenario", "RunResult", "CompareResult", "SweepResult", "CalibrationResult", "DriversResult",
           "load", "run", "compare", "sweep", "drivers", "calibrate", "validate", "progress_bar", "__version__"]


class InputError(Exception):
    """A scenario, overlay, sweep or value kpsim cannot take, located as the
    command line locates it. ``errors`` lists every diagnostic (dicts with
    code, file, line, column, key_path, message, text); the first one's
    fields are also attributes of the exception."""

    def __init__(self, errors):
        self.errors = list(errors)
        first = self.errors[0] if self.errors else {}
        self.code = first.get("code", "")
        self.file = first.get("file", "")
        self.line = first.get("line", 0)
        self.column = first.get("column", 0)
        self.key_path = first.get("key_path", "")
        self.message = first.get("message", "")
        super().__init__("\n".join(e["text"] for e in self.errors))


from . import _kpsim  # noqa: E402  (InputError must exist first: the module raises it)

__version__ = _kpsim.version
Progress = Optional[Callable[[int, int], None]]


def progress_bar(stream=None) -> Callable[[int, int], None]:
    """A progress callback that draws "done/total replications · rate · ETA"
    on one line of `stream` (standard error by default) when it is a
    terminal or a notebook's output, and stays quiet when piped."""
    stream = stream or _sys.stderr
    begin = _time.monotonic()
    shown = stream.isatty() or "ipykernel" in _sys.modules

    def show(done: int, total: int) -> None:
        if not shown:
            return
        seconds = max(_time.monotonic() - begin, 1e-9)
        rate = done / seconds
        eta = (total - done) / rate if rate > 0 else float("nan")
        end = "\n" if total and done >= total else ""
        stream.write(f"\rkpsim: {done}/{total} replications · {rate:,.0f}/s · ETA {eta:.0f} s   {end}")
        stream.flush()

    return show


# --- tables -------------------------------------------------------------------

def _frame(text: str, kinds: Sequence[str]) -> _pd.DataFrame:
    """A table from its CSV text: text columns stay text (ids like "001"),
    dates become datetimes, an empty cell is missing."""
    header = _pd.read_csv(_io.StringIO(text), nrows=0).columns.tolist()
    dtype = {name: str for name, kind in zip(header, kinds) if kind in ("text", "empty")}
    dates = [name for name, kind in zip(header, kinds) if kind == "date"]
    return _pd.read_csv(_io.StringIO(text), dtype=dtype, parse_dates=dates, keep_default_na=False, na_values=[""])


def _tables(sheets) -> dict:
    return {s["csv"].rsplit(".", 1)[0]: _frame(s["text"], s["kinds"]) for s in sheets}


# --- scenarios ----------------------------------------------------------------

def _yaml_text(value) -> str:
    """A Python value as the YAML text a sweep's value would be."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not (value == value and abs(value) != float("inf")):
            raise ValueError(f"{value} is not a value a scenario can hold")
        return repr(value)
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_yaml_text(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_yaml_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, str):
        return _json.dumps(value, ensure_ascii=False) if _needs_quotes(value) else value
    raise TypeError(f"cannot set a value of type {type(value).__name__}")


def _needs_quotes(text: str) -> bool:
    return text == "" or text != text.strip() or any(c in text for c in ":#{}[],&*!|>'\"%@`") or "\n" in text


class Scenario:
    """A scenario file with its overlays, and the values set at paths since.

    ``set(path, value)`` takes the paths of a sweep's axes
    (``agencies.eco.capacity``, ``policies[0].compress.to``,
    ``projects[3].investment``); the value must be of the kind written
    there (an integer may stand for a number). ``copy()`` gives a scenario
    to change without changing this one."""

    def __init__(self, handle):
        self._handle = handle

    @property
    def path(self) -> str:
        return self._handle.path

    @property
    def policies(self) -> list:
        return list(self._handle.overlays)

    def set(self, path: str, value) -> "Scenario":
        text = _yaml_text(value)
        self._handle.set(path, text, _kpsim.value_kind(text))
        return self

    def get(self, path: str) -> str:
        """The value's YAML text at `path`: as set here, as an overlay's `set:` puts it, or as written."""
        return self._handle.get(path)

    @property
    def values(self) -> dict:
        """The paths set so far and their YAML texts."""
        return dict(self._handle.assignments())

    def copy(self) -> "Scenario":
        return Scenario(self._handle.copy())

    def with_policies(self, *overlays: str) -> "Scenario":
        """A copy with more policy overlays applied after the others."""
        handle = self._handle
        for o in overlays:
            handle = handle.with_overlay(_os.fspath(o))
        return Scenario(handle)

    def info(self) -> dict:
        """Name, period, counts, agencies (id, name, capacity), replications,
        seed, money unit, annual plan, policies applied and warnings."""
        return self._handle.info()

    def __repr__(self) -> str:
        sets = ", ".join(f"{k}={v}" for k, v in self.values.items())
        return f"kpsim.Scenario({self.path!r}, policies={self.policies!r}{', ' + sets if sets else ''})"


def load(path: Union[str, _os.PathLike], policies: Iterable[Union[str, _os.PathLike]] = ()) -> Scenario:
    """Reads a scenario and the policy overlays to apply after its own
    policies, as ``kpsim run SCENARIO --policy ...`` does; raises
    InputError, located, when they are not a valid scenario."""
    s = Scenario(_kpsim.ScenarioHandle(_os.fspath(path), [_os.fspath(p) for p in policies]))
    s.info()  # reads it whole now, so that an error is raised here and not at the first run
    return s


def _scenario(x) -> Scenario:
    return x if isinstance(x, Scenario) else load(x)


def validate(path: Union[str, _os.PathLike], policies: Iterable[Union[str, _os.PathLike]] = ()) -> dict:
    """``kpsim validate``: counts, warnings and the command's text; raises
    InputError with the first error's file, line, column, key path and code."""
    return _kpsim.validate(_os.fspath(path), [_os.fspath(p) for p in policies])


# --- run ----------------------------------------------------------------------

class RunResult:
    """The forecast of ``kpsim run``. ``tables`` maps each CSV file's name
    (without .csv) to its DataFrame; the common ones are attributes too."""

    def __init__(self, result):
        self._result = result
        self.tables = _tables(result.sheets())
        self.replications = result.replications
        self.events = result.events
        self.seed = result.seed
        self.converged = result.converged
        self.money_unit = result.money_unit
        self.annual_plan = result.annual_plan
        self.warnings = result.warnings

    quarterly = property(lambda self: self.tables["forecast_quarterly"])
    sensitivity = property(lambda self: self.tables["sensitivity"])
    monthly = property(lambda self: self.tables["forecast_monthly"])
    projects = property(lambda self: self.tables["projects"])
    agencies = property(lambda self: self.tables["agencies"])
    at_risk = property(lambda self: self.tables["at_risk"])
    approval_times = property(lambda self: self.tables["approval_times"])
    start_progress = property(lambda self: self.tables["start_progress"])

    @property
    def horizon_investment(self) -> _pd.Series:
        """Each replication's investment completed over the horizon."""
        return _pd.Series(self._result.horizon_investment, name="investment_in_horizon")

    def write(self, out: Union[str, _os.PathLike], overwrite: bool = False) -> None:
        """The command's files in `out`, byte for byte as ``kpsim run`` writes them."""
        self._result.write(_os.fspath(out), overwrite)

    @property
    def text(self) -> str:
        """The tables ``kpsim run`` prints."""
        return self._result.text()

    def __repr__(self) -> str:
        return f"<kpsim.RunResult: {self.replications} replications, tables {', '.join(self.tables)}>"


def run(scenario, replications: Optional[int] = None, seed: Optional[int] = None, threads: int = 0,
        deterministic: bool = False, until_converged: Optional[float] = None, max_rounds: int = 100,
        progress: Progress = None) -> RunResult:
    """``kpsim run``: the scenario's (or a file's) forecast over `replications`
    (default: the scenario's) with `seed`, on `threads` (0: all cores; the
    numbers are the same for any count)."""
    s = _scenario(scenario)
    return RunResult(_kpsim.run(s._handle, replications, seed, threads, deterministic, until_converged, max_rounds,
                                progress))


# --- compare ------------------------------------------------------------------

class CompareResult:
    """``kpsim compare``: ``table`` is compare.csv (the paired differences,
    variant × metric × period); ``side_by_side`` maps each side-by-side
    table's name to its DataFrame."""

    def __init__(self, result):
        self._result = result
        self.table = _frame(result.compare_csv(), ["text"] * 5 + ["number"] * 7)
        self.side_by_side = _tables(result.side_by_side())
        self.warnings = result.warnings

    def write(self, out: Union[str, _os.PathLike], overwrite: bool = False) -> None:
        """The command's files in `out`, byte for byte as ``kpsim compare`` writes them."""
        self._result.write(_os.fspath(out), overwrite)

    @property
    def text(self) -> str:
        return self._result.text()

    def difference(self, metric: str = "investment", period: Optional[str] = None) -> _pd.DataFrame:
        """The rows of one metric (and period), a row per variant."""
        t = self.table[self.table["metric"] == metric]
        return t if period is None else t[t["period"] == period]


def compare(base, *variants, replications: Optional[int] = None, seed: Optional[int] = None, threads: int = 0,
            progress: Progress = None) -> CompareResult:
    """``kpsim compare``: the base against each variant with common random
    numbers. A variant is a Scenario, a scenario file, or a policy overlay
    file (applied to the base, with the values set on it)."""
    b = _scenario(base)
    handles = []
    for v in variants:
        if isinstance(v, Scenario):
            handles.append(v._handle)
        elif _kpsim.is_policy_overlay(_os.fspath(v)):
            handles.append(b._handle.with_overlay(_os.fspath(v)))
        else:
            handles.append(load(v)._handle)
    return CompareResult(_kpsim.compare(b._handle, handles, replications, seed, threads, progress))


# --- sweep and calibrate: the commands, into a results folder ----------------------

def _read_folder(out: str, kinds: dict) -> dict:
    tables = {}
    for name in sorted(_os.listdir(out)):
        if name.endswith(".csv"):
            with open(_os.path.join(out, name), encoding="utf-8") as f:
                text = f.read()
            header = _pd.read_csv(_io.StringIO(text), nrows=0).columns.tolist()
            tables[name[:-4]] = _pd.read_csv(_io.StringIO(text), keep_default_na=False, na_values=[""],
                                             dtype={c: str for c in header if c in kinds.get("text", ())})
    return tables


class SweepResult:
    """``kpsim sweep``: ``table`` is sweep.csv (variant, label, the swept
    paths, metric, period, statistic, value), ``manifest`` manifest.json."""

    def __init__(self, out: Optional[str], tables: dict, manifest: dict, text: str, warnings: str):
        self.out = out
        self.table = tables["sweep"]
        self.manifest = manifest
        self.text = text
        self.warnings = warnings

    def results(self, metric: str = "investment", period: Optional[str] = None) -> _pd.DataFrame:
        """One metric as a table: a row per variant (its label and swept
        values), a column per statistic. `period` defaults to the first
        calendar year the sweep reports."""
        t = self.table[self.table["metric"] == metric]
        if period is None:
            years = [p for p in t["period"].unique() if str(p).isdigit()]
            period = years[0] if years else t["period"].iloc[0]
        t = t[t["period"] == str(period)]
        keys = [c for c in self.table.columns if c not in ("metric", "period", "statistic", "value")]
        wide = t.pivot_table(index=keys, columns="statistic", values="value", sort=False).reset_index()
        wide.columns.name = None
        return wide


def _in_folder(out, work):
    if out is not None:
        return _os.fspath(out), work(_os.fspath(out))
    with _tempfile.TemporaryDirectory(prefix="kpsim-") as tmp:
        folder = _os.path.join(tmp, "results")
        return None, work(folder)


def sweep(file: Union[str, _os.PathLike], out: Optional[Union[str, _os.PathLike]] = None, threads: int = 0,
          resume: bool = False, overwrite: bool = False, progress: Progress = None) -> SweepResult:
    """``kpsim sweep FILE``: every variant with common random numbers. With
    `out`, the results folder stays there (sweep.csv, manifest.json, as the
    command writes them); without, it is read and removed."""
    def work(folder):
        r = _kpsim.sweep(_os.fspath(file), folder, threads, resume, overwrite, progress)
        tables = _read_folder(folder, {"text": ("variant", "label", "metric", "period", "statistic")})
        with open(_os.path.join(folder, "manifest.json"), encoding="utf-8") as f:
            manifest = _json.load(f)
        return tables, manifest, r
    kept, (tables, manifest, r) = _in_folder(out, work)
    return SweepResult(kept, tables, manifest, r["text"], r["warnings"])


class DriversResult:
    """``kpsim drivers``: ``table`` is drivers.csv (a row per driver, the
    biggest gain first, then all risks removed, their sum and interaction),
    ``sweep`` the sweep.csv of its variants, ``text`` what the command prints."""

    def __init__(self, out: Optional[str], tables: dict, text: str, warnings: str):
        self.out = out
        self.table = tables["drivers"]
        self.sweep = tables["sweep"]
        self.text = text
        self.warnings = warnings


def drivers(scenario: Union[str, _os.PathLike], policies: Iterable[Union[str, _os.PathLike]] = (),
            what: Sequence[str] = ("risks", "agencies"), out: Optional[Union[str, _os.PathLike]] = None,
            replications: Optional[int] = None, seed: Optional[int] = None, threads: int = 0, resume: bool = False,
            overwrite: bool = False, progress: Progress = None) -> DriversResult:
    """``kpsim drivers SCENARIO``: what removing each risk, adding a reviewer
    to each agency or taking each step at its P10 (`what`: any of "risks",
    "agencies", "steps") gains against the base, paired on common random
    numbers (docs/drivers.md)."""
    def work(folder):
        r = _kpsim.drivers(_os.fspath(scenario), [_os.fspath(p) for p in policies], ",".join(what), folder,
                           replications, seed, threads, resume, overwrite, progress)
        return _read_folder(folder, {"text": ("kind", "driver", "name", "change", "variant", "label", "metric", "period",
                                              "statistic")}), r
    kept, (tables, r) = _in_folder(out, work)
    return DriversResult(kept, tables, r["text"], r["warnings"])


class CalibrationResult:
    """``kpsim calibrate``: ``tables`` holds the run's tables of the
    calibrated forecast and parameters, fit, posterior (and backtest);
    ``overlay`` is calibrated.yaml's text (in `out` when kept: apply it
    with ``kpsim.load(scenario, policies=[out + "/calibrated.yaml"])``)."""

    def __init__(self, out: Optional[str], tables: dict, overlay: str, text: str, warnings: str):
        self.out = out
        self.tables = tables
        self.overlay = overlay
        self.text = text
        self.warnings = warnings

    parameters = property(lambda self: self.tables["parameters"])
    fit = property(lambda self: self.tables["fit"])
    posterior = property(lambda self: self.tables["posterior"])


def calibrate(file: Union[str, _os.PathLike], out: Optional[Union[str, _os.PathLike]] = None, threads: int = 0,
              until: Optional[str] = None, resume: bool = False, overwrite: bool = False,
              progress: Progress = None) -> CalibrationResult:
    """``kpsim calibrate FILE`` (``until="YYYY-MM"``: a backtest fitted up
    to that month)."""
    def work(folder):
        r = _kpsim.calibrate(_os.fspath(file), folder, threads, until, resume, overwrite, progress)
        tables = _read_folder(folder, {"text": ("parameter", "path", "observation", "label", "id", "name")})
        with open(_os.path.join(folder, "calibrated.yaml"), encoding="utf-8") as f:
            overlay = f.read()
        return tables, overlay, r
    kept, (tables, overlay, r) = _in_folder(out, work)
    return CalibrationResult(kept, tables, overlay, r["text"], r["warnings"])
