"""What `pip install .` (and so pipx or uv tool) gets: every package folder of index/ and
tui/, their data files, and the defaults (config.yaml and the seeds it names), all under
newsdesk/; and the wheel, run outside the checkout, indexes and searches its seeds."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest
import setuptools

from tests.helpers.import_graph import PACKAGE_DIRS, module_name
from tests.helpers.paths import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]
DEFAULTS = "newsdesk.defaults"  # the repository's config.yaml and seeds/, as package data
# Not part of what is built: a copy of the checkout without them builds the same wheel.
NOT_BUILT = shutil.ignore_patterns(".git", ".venv", "build", "*.egg-info", "__pycache__",
                                   "tests", "bench-work", ".pytest_cache", ".ruff_cache")


def package_folders() -> set[str]:
    return {module_name(init.parent / "__init__.py")
            for folder in PACKAGE_DIRS for init in (ROOT / folder).rglob("__init__.py")
            if "__pycache__" not in init.parts}


def test_every_package_folder_is_listed() -> None:
    """A folder with an __init__.py missing from the list would be left out of the wheel
    while the editable install (and so every other test) still finds it."""
    listed = SETUPTOOLS["packages"]
    assert len(listed) == len(set(listed))
    assert set(listed) == package_folders() | {DEFAULTS}
    folders = {name: folder for folder, name in PACKAGE_DIRS.items()}
    assert SETUPTOOLS["package-dir"] == folders | {DEFAULTS: "."}


def can_build_offline() -> bool:
    """setuptools builds wheels itself from 70.1; before that it needs the wheel package
    (the Makefile's venv has a recent setuptools)."""
    major, minor = (int(part) for part in setuptools.__version__.split(".")[:2])
    return (major, minor) >= (70, 1) or importlib.util.find_spec("wheel") is not None


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from a copy of the checkout: a build in place would leave build/
    behind, whose stale files the next wheel would carry."""
    folder = tmp_path_factory.mktemp("wheel")
    source = folder / "source"
    shutil.copytree(ROOT, source, ignore=NOT_BUILT)
    isolation = ["--no-build-isolation"] if can_build_offline() else []
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q",
                    *isolation, "-w", str(folder)], check=True, capture_output=True)
    (built,) = folder.glob("newsdesk-*.whl")
    return built


def test_the_wheel_holds_newsdesk_and_nothing_else(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    dist_info = wheel.name.split("-py")[0] + ".dist-info/"
    assert {n for n in names if not n.startswith(("newsdesk/", dist_info))} == set()
    shipped = {p for folder in PACKAGE_DIRS for p in (ROOT / folder).rglob("*")
               if p.suffix in (".py", ".tcss", ".yaml") and "__pycache__" not in p.parts}
    assert any(p.suffix == ".tcss" for p in shipped)
    for name in ("countries.yaml", "news_actors.yaml", "regions.yaml"):
        assert ROOT / "index" / "actors" / "data" / name in shipped
    for path in shipped:
        folder, *rest = path.relative_to(ROOT).parts
        assert "/".join(["newsdesk", folder, *rest]) in names, path
    seeds = {"newsdesk/defaults/" + p.relative_to(ROOT).as_posix()
             for p in (ROOT / "seeds").rglob("*") if p.is_file()}
    assert seeds and seeds | {"newsdesk/defaults/config.yaml"} <= names


def test_the_wheel_names_the_command(wheel: Path) -> None:
    entry_points = zipfile.ZipFile(wheel).read(wheel.name.split("-py")[0]
                                               + ".dist-info/entry_points.txt").decode()
    command = PYPROJECT["project"]["scripts"]["newsdesk"]
    assert f"newsdesk = {command}" in entry_points


@pytest.mark.parametrize("name", list(PACKAGE_DIRS))
def test_the_bare_folder_names_do_not_import(name: str) -> None:
    """From the repository's root the folders are on sys.path, and still refuse."""
    out = subprocess.run([sys.executable, "-c", f"import {name}"], cwd=ROOT,
                         capture_output=True, text=True)
    assert out.returncode != 0
    assert "ImportError: newsdesk's" in out.stderr and f"newsdesk.{name}" in out.stderr


def test_the_installed_wheel_works_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    """What pipx gets: the wheel's files and the dependencies, neither the repository nor
    the editable install's finder (python -S reads no .pth file) on the path, run from
    elsewhere. Its defaults come from the wheel and name its seeds."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    module, _, function = PYPROJECT["project"]["scripts"]["newsdesk"].partition(":")
    dependencies = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path / "home"),
           "PYTHONPATH": os.pathsep.join([str(site), *sorted(dependencies)])}
    # What the console script pip writes does, once the path is checked.
    code = (f"import sys\nassert {str(ROOT)!r} not in sys.path\n"
            f"from {module} import {function} as command\n"
            "import newsdesk.index, newsdesk.tui\n"
            f"assert newsdesk.index.__file__.startswith({str(site)!r}), newsdesk.index.__file__\n"
            f"assert newsdesk.tui.__file__.startswith({str(site)!r}), newsdesk.tui.__file__\n"
            "sys.argv[0] = 'newsdesk'\nsys.exit(command())\n")

    def newsdesk(*args: str) -> str:
        out = subprocess.run([sys.executable, "-S", "-B", "-c", code, *args], cwd=tmp_path, env=env,
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        return out.stdout + out.stderr

    located = newsdesk("locate")
    assert f"config (defaults)           {site}/newsdesk/defaults/config.yaml\n" in located
    assert f"{site}/newsdesk/index/actors/data/countries.yaml" in located
    assert f"{site}/newsdesk/index/actors/data/news_actors.yaml" in located
    seeds = len(list((ROOT / "seeds").glob("*.txt")))
    assert f"{seeds} articles indexed: {seeds} added" in newsdesk("index")
    assert "Soleimani" in newsdesk("search", "soleimani")
    written = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert written == set(zipfile.ZipFile(wheel).namelist())  # the index went to the cache
    assert "newsdesk/index/actors/data/given_names.txt" in written  # (given_names.py reads it)
