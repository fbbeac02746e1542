"""A test's folder (conftest's `tmp_path`, tests/helpers/tmp_dirs.py): pytest's names and
place, one new folder a test, made without listing the base folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers.tmp_dirs import Folders


def test_folders_are_numbered_per_name_as_pytest_numbers_them(tmp_path: Path) -> None:
    folders = Folders()
    names = ["test_a[x-1]", "test_a[x-1]", "test_b", "test_a[x-1]",
             "test_" + "long" * 20 + "[1]", "test_" + "long" * 20 + "[2]"]
    made = [folders.make(tmp_path, name) for name in names]
    assert [p.name for p in made] == ["test_a_x_1_0", "test_a_x_1_1", "test_b0",
                                      "test_a_x_1_2", "test_" + "long" * 6 + "l0",
                                      "test_" + "long" * 6 + "l1"]
    assert all(p.is_dir() and p.parent == tmp_path for p in made)
    assert oct(made[0].stat().st_mode & 0o777) == oct(0o700)


def test_a_folder_made_by_other_means_is_stepped_over(tmp_path: Path) -> None:
    (tmp_path / "test_c0").mkdir()
    (tmp_path / "test_c1").mkdir()
    (tmp_path / "test_c1" / "kept").write_text("theirs")
    folders = Folders()
    assert folders.make(tmp_path, "test_c").name == "test_c2"
    assert (tmp_path / "test_c1" / "kept").read_text() == "theirs"
    assert folders.make(tmp_path, "test_c").name == "test_c3"


@pytest.mark.parametrize("made_before", [0, 50, 400])
def test_no_folder_is_listed_however_many_there_are(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, made_before: int) -> None:
    """pytest listed the base folder at every test: a cost that grew with the run."""
    folders = Folders()
    for n in range(made_before):
        folders.make(tmp_path, f"test_{n}")

    def listed(*args: object, **kwargs: object) -> None:
        raise AssertionError("the base folder was listed")

    monkeypatch.setattr(os, "scandir", listed)
    monkeypatch.setattr(os, "listdir", listed)
    monkeypatch.setattr(Path, "iterdir", listed)
    monkeypatch.setattr(Path, "glob", listed)
    assert folders.make(tmp_path, "test_last").name == "test_last0"


def test_the_fixture_is_a_new_folder_of_the_test_in_the_base_folder(
        tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    assert tmp_path.parent == tmp_path_factory.getbasetemp()
    assert tmp_path.name.startswith("test_the_fixture_is_a_new_fol")
    assert tmp_path.is_dir() and not any(tmp_path.iterdir())
