"""The order `make test` hands the files out in (tests/helpers/file_order.py)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

from tests.helpers import cpu_seconds, file_order


def _items(*nodeids: str) -> list:
    return [SimpleNamespace(nodeid=n) for n in nodeids]


def test_longest_files_first_each_files_tests_in_their_order() -> None:
    items = _items("a.py::t1", "b.py::t1", "a.py::t2", "c.py::t1", "new.py::t1", "b.py::t2")
    seconds = {"a.py": 1.0, "b.py": 30.0, "c.py": 5.0}
    file_order.longest_first(items, seconds)  # type: ignore[arg-type]
    # new.py, not recorded, goes by the median (5 s): after c.py, collected before it.
    assert [i.nodeid for i in items] == ["b.py::t1", "b.py::t2", "c.py::t1", "new.py::t1",
                                         "a.py::t1", "a.py::t2"]


def test_a_run_records_each_files_seconds_over_those_recorded(tmp_path: Path) -> None:
    path = tmp_path / "seconds.json"
    path.write_text(json.dumps({"a.py": 9.0, "gone.py": 1.0}))
    recorder = file_order.Recorder(path)
    for nodeid, duration in (("a.py::t", 0.5), ("a.py::t", 1.25), ("b.py::t", 2.0)):
        recorder.add(SimpleNamespace(nodeid=nodeid, duration=duration))  # type: ignore[arg-type]
    recorder.write()
    assert file_order.recorded(path) == {"a.py": 1.8, "b.py": 2.0, "gone.py": 1.0}


def test_the_recorded_seconds_are_read() -> None:
    seconds = file_order.recorded()
    assert len(seconds) > 100 and all(path.startswith("tests/") for path in seconds)


def test_each_tests_cpu_seconds_are_appended_and_summed_by_file(tmp_path: Path) -> None:
    path = tmp_path / "cpu.tsv"
    meter = cpu_seconds.Meter(path)
    spent = time.process_time()
    while time.process_time() - spent < 0.05:  # 50 ms of this process's CPU
        pass
    meter.done("tests/a.py::t1")
    subprocess.run([sys.executable, "-c", "import time\nt = time.process_time()\n"
                    "while time.process_time() - t < 0.05: pass"], check=True)
    meter.done("tests/a.py::t2")  # (the same start: this test's own and its child's)
    files, tests = cpu_seconds.totals(path)
    assert [nodeid for nodeid, _ in tests] == ["tests/a.py::t1", "tests/a.py::t2"]
    (wall1, own1, child1), (wall2, own2, child2) = (figures for _, figures in tests)
    assert own1 >= 0.04 and child1 < 0.04 and child2 >= 0.04 and wall2 >= wall1
    assert files["tests/a.py"][3] == 2 and files["tests/a.py"][1] == own1 + own2
