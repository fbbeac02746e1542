"""The sample of generated variants `make test` runs (tests/helpers/variant_sample.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.helpers import variant_sample


def _items(name: str, count: int, path: str = "tests/x/test_a.py") -> list:
    return [SimpleNamespace(nodeid=f"{path}::{name}[case{n}]", callspec=object(),
                            originalname=name, name=f"{name}[case{n}]") for n in range(count)]


class _Config:
    def __init__(self) -> None:
        self.deselected: list = []
        self.hook = SimpleNamespace(pytest_deselected=lambda items: self.deselected.extend(items))


def test_a_large_set_is_halved_the_same_way_each_run_and_small_ones_kept(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(variant_sample.ALL, raising=False)
    large = _items("test_names", 400)
    small = _items("test_few", variant_sample.SAMPLE_FROM - 1)
    plain = [SimpleNamespace(nodeid="tests/x/test_a.py::test_plain", name="test_plain")]
    items, config = [*large, *small, *plain], _Config()
    variant_sample.sample(items, config)
    kept_large = [i for i in items if i in large]
    assert 150 < len(kept_large) < 250  # about half
    assert all(i in items for i in small + plain)
    assert len(config.deselected) == 400 - len(kept_large)
    # Cases written in pairs (a name and its counter-case): both kinds stay.
    assert any(int(i.nodeid.split("case")[1][:-1]) % 2 for i in kept_large)
    assert any(int(i.nodeid.split("case")[1][:-1]) % 2 == 0 for i in kept_large)
    again = [*_items("test_names", 400)]
    variant_sample.sample(again, _Config())
    assert [i.nodeid for i in again] == [i.nodeid for i in kept_large]


def test_every_variant_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(variant_sample.ALL, "1")
    items = _items("test_names", 100)
    variant_sample.sample(items, _Config())
    assert len(items) == 100
