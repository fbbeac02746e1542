"""A clustering rule made to fail in-process (tests of cluster_faults.py's guards)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from newsdesk.index.actors import cluster as cluster_module


def failing(monkeypatch: pytest.MonkeyPatch, name: str, called: list[str],
            when: Callable[[tuple], bool] = lambda args: True) -> None:
    """`cluster.name` raising (where `when` says, of its arguments), noting it was called."""
    def fail(*args: Any, **kwargs: Any) -> Any:
        called.append(name)
        if when(args):
            raise ZeroDivisionError("injected")
        return real(*args, **kwargs)

    real = getattr(cluster_module, name)
    monkeypatch.setattr(cluster_module, name, fail)
