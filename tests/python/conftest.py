"""The Python module's tests run from the source tree against the build
tree's module (PYTHONPATH=<build>/python) and its kpsim executable, both
given by ctest (tests/CMakeLists.txt): KPSIM_BINARY, KPSIM_SOURCE_DIR."""
import os
import subprocess

import pytest

SOURCE = os.environ.get("KPSIM_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("KPSIM_BINARY", os.path.join(SOURCE, "build", "kpsim"))


def scenario(*parts):
    return os.path.join(SOURCE, "scenarios", *parts)


def kpsim_cli(*args, cwd=None):
    """The command line, for what the module must equal."""
    r = subprocess.run([BINARY, *args], capture_output=True, text=True, cwd=cwd)
    assert r.returncode == 0, r.stderr
    return r


def result_files(folder):
    """Every file of a results folder (but the owner's note), by name."""
    out = {}
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if os.path.isfile(path) and name != ".kpsim-owner":
            with open(path, "rb") as f:
                out[name] = f.read()
    return out


def assert_same_files(expected_folder, folder):
    """The same result files, byte for byte (each named when it differs);
    returns them by name."""
    expected, got = result_files(expected_folder), result_files(folder)
    assert sorted(expected) == sorted(got)
    for name in expected:
        assert expected[name] == got[name], name
    return expected


@pytest.fixture
def tmp(tmp_path):
    return str(tmp_path)
