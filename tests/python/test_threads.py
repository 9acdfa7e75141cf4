"""The GIL is released while kpsim simulates, and Ctrl-C stops it cleanly."""
import os
import signal
import threading
import time

import pytest

import kpsim
from conftest import scenario


def test_another_python_thread_runs_during_a_run():
    counts = []
    stop = threading.Event()

    def count():
        n = 0
        while not stop.is_set():
            n += 1
        counts.append(n)

    s = kpsim.load(scenario("city", "scenario.yaml"))
    t = threading.Thread(target=count)
    begin = time.monotonic()
    t.start()
    kpsim.run(s, replications=400, threads=1)
    stop.set()
    t.join()
    seconds = time.monotonic() - begin
    # A thread holding no GIL counts tens of millions a second; one starved
    # by a held GIL would count (nearly) nothing.
    assert seconds > 0.2 and counts[0] > 100_000 * seconds


def test_ctrl_c_stops_a_long_run_and_the_module_works_after():
    s = kpsim.load(scenario("city", "scenario.yaml"))
    timer = threading.Timer(0.5, lambda: os.kill(os.getpid(), signal.SIGINT))
    begin = time.monotonic()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        kpsim.run(s, replications=1_000_000, threads=2)
    assert time.monotonic() - begin < 10
    assert kpsim.run(s, replications=10).replications == 10
