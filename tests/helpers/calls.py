"""Counting the calls a test expects of a function it leaves in place."""

from __future__ import annotations

from typing import Any

import pytest


def count_calls(monkeypatch: pytest.MonkeyPatch, owner: object, name: str,
                into: list[Any] | None = None, mark: Any = 1) -> list[Any]:
    """Wrap `owner.name` so each call appends `mark` to `into` (a new list if None), then
    runs it as it was; the list."""
    calls: list[Any] = [] if into is None else into
    inner = getattr(owner, name)

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(mark)
        return inner(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls
