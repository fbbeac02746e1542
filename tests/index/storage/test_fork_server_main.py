"""The indexer's helper processes are started without the program's main script named to
them (multiprocessing would run it again in each: `newsdesk`'s imports the whole command
line), and the script is named again once they are."""

from __future__ import annotations

import sys
import types
from multiprocessing import spawn

import pytest

from newsdesk.index.storage import fork_server


def test_a_main_script_is_not_named_to_a_helper(monkeypatch: pytest.MonkeyPatch) -> None:
    script = types.ModuleType("__main__")
    script.__file__ = "/usr/bin/newsdesk"
    script.__spec__ = None
    monkeypatch.setitem(sys.modules, "__main__", script)
    assert spawn.get_preparation_data("x")["init_main_from_path"] == "/usr/bin/newsdesk"
    with fork_server._main_not_run_again():
        assert "init_main_from_path" not in spawn.get_preparation_data("x")
    assert script.__file__ == "/usr/bin/newsdesk"
    with pytest.raises(RuntimeError), fork_server._main_not_run_again():
        raise RuntimeError
    assert script.__file__ == "/usr/bin/newsdesk"


def test_a_main_module_run_by_name_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("__main__")
    module.__file__ = "/x/newsdesk/tui/cli/__main__.py"
    module.__spec__ = types.SimpleNamespace(name="newsdesk.tui.cli.__main__")
    monkeypatch.setitem(sys.modules, "__main__", module)
    with fork_server._main_not_run_again():
        assert module.__file__ == "/x/newsdesk/tui/cli/__main__.py"
