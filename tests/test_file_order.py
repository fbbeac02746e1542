"""The order `make test` hands the files out in (tests/helpers/file_order.py)."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from tests.helpers import file_order


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
