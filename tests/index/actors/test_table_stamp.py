"""The actor table's stamp says whether the dictionaries changed, not where absent ones
would be: a table built with one XDG_DATA_HOME (no curation file there) is current with
another (none there either), and one stamped the old way (absent files with their paths)
is current too. A curation file that is there, or an edit to one, still changes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.index.actors.table import (
    Curation,
    curation_path,
    dictionaries_stamps,
    dictionary_paths,
    recluster_if_changed,
    table_is_current,
)
from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine


def test_a_table_built_with_another_data_home_is_current(
        indexed_app_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """(The seeds' table built once a process, under a data home of its own: conftest.)"""
    app_settings = indexed_app_settings
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "another"))
    assert "another" in str(curation_path(app_settings))
    assert not curation_path(app_settings).exists()
    with Engine(app_settings) as engine:
        assert table_is_current(app_settings, engine.actors)
        assert not recluster_if_changed(app_settings, engine.actors)  # nothing to do
        Curation(curation_path(app_settings)).hide(engine.actors.resolve("Baghdad"))
        assert not table_is_current(app_settings, engine.actors)  # a real change
        assert recluster_if_changed(app_settings, engine.actors)
        assert table_is_current(app_settings, engine.actors)


def test_a_table_stamped_the_old_way_is_current(indexed_app_settings: Settings) -> None:
    app_settings = indexed_app_settings
    paths = dictionary_paths(app_settings)
    now, before = dictionaries_stamps(paths, app_settings.actors.metonyms)
    assert now != before  # an absent curation file: its path was in the old stamp
    with Engine(app_settings) as engine:
        with engine.actors.store.lock:  # as an older newsdesk wrote it
            engine.actors.store.db.execute(
                "INSERT OR REPLACE INTO meta VALUES ('actor_dictionaries', ?)", (before,))
            engine.actors.store.db.commit()
        assert table_is_current(app_settings, engine.actors)
        assert not recluster_if_changed(app_settings, engine.actors)
