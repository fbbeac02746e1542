"""newsdesk refuses to start on a Whoosh other than the one its fixes were written for."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

import pytest
import whoosh

from newsdesk.index import whoosh_version
from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.models import NewsdeskError
from newsdesk.index.whoosh_version import WhooshVersionError, check_whoosh_version


@pytest.fixture(autouse=True)
def checked_afresh() -> None:
    """The check runs once a process and keeps its answer: each test asks anew."""
    check_whoosh_version.cache_clear()
    yield
    check_whoosh_version.cache_clear()


def _installed(version: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    def found(name: str) -> str:
        if version is None:
            raise metadata.PackageNotFoundError(name)
        return version

    monkeypatch.setattr(metadata, "version", found)
    monkeypatch.setattr(whoosh_version, "_dist_info_version", lambda: None)


def test_the_expected_version_passes() -> None:
    assert whoosh_version.installed_whoosh_version() == "2.7.5"
    check_whoosh_version()


def test_the_dist_info_read_says_what_importlib_metadata_says(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The headers read without importlib.metadata: the same version where it is installed,
    the first folder on the path in any spelling of the name, None where there is none."""
    assert whoosh_version._dist_info_version() == metadata.version("whoosh-reloaded")
    for folder, name, version in (("a", "Whoosh_Reloaded-9.9.dist-info", "9.9"),
                                  ("b", "whoosh.reloaded-1.0.dist-info", "1.0")):
        (tmp_path / folder / name).mkdir(parents=True)
        (tmp_path / folder / name / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: x\nVersion: {version}\n\nVersion: 0\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path / "none"), str(tmp_path / "a"),
                                      str(tmp_path / "b")])
    assert whoosh_version._dist_info_version() == "9.9"
    monkeypatch.setattr(sys, "path", [str(tmp_path / "b"), str(tmp_path / "a")])
    assert whoosh_version._dist_info_version() == "1.0"
    monkeypatch.setattr(sys, "path", [str(tmp_path / "none")])
    assert whoosh_version._dist_info_version() is None


def test_another_version_is_refused_with_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    _installed("2.7.4", monkeypatch)
    with pytest.raises(WhooshVersionError) as raised:
        check_whoosh_version()
    message = str(raised.value)
    assert isinstance(raised.value, NewsdeskError) and "\n" not in message
    assert "2.7.4" in message and "whoosh-reloaded 2.7.5" in message
    assert "pip install whoosh-reloaded==2.7.5" in message


def test_without_metadata_the_module_says_its_version(monkeypatch: pytest.MonkeyPatch) -> None:
    _installed(None, monkeypatch)
    monkeypatch.setattr(whoosh, "versionstring", lambda: "2.7.4")
    with pytest.raises(WhooshVersionError, match="Whoosh 2.7.4 is installed"):
        check_whoosh_version()
    monkeypatch.setattr(whoosh, "versionstring", lambda: "2.7.5")
    check_whoosh_version.cache_clear()
    check_whoosh_version()


def test_engine_and_indexer_check_first(corpus_settings: Settings,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    _installed("3.0", monkeypatch)
    with pytest.raises(WhooshVersionError):
        Indexer(corpus_settings)
    with pytest.raises(WhooshVersionError):
        Engine(corpus_settings)
