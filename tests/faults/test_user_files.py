"""The user's files: the index, bookmarks, history and the actor dictionary are created
readable by their owner only, whatever the umask; YAML (config, dictionaries, saved
searches) is loaded with the safe loader, so a file that asks to run code is refused with
its name and line, and nothing runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.figures import Record
from tests.helpers.paths import NEWSDESK, ROOT, SEEDS, write_config


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*NEWSDESK, *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def user_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    cfg = write_config(tmp_path / "cfg.yaml", [SEEDS])
    return {**os.environ, "NEWSDESK_CONFIG": str(cfg), "NO_COLOR": "1",
            "XDG_CACHE_HOME": str(home / "cache"), "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config")}


def test_files_are_the_owners_only(user_env: dict[str, str], tmp_path: Path,
                                   figures: Record) -> None:
    script = (
        "import os, sys; os.umask(0o022); from newsdesk.tui.cli.main import main; sys.exit(main())")
    for args in (["index", "-q"], ["saved", "add", "strikes", '"drone strike"'],
                 ["search", "pompeo"], ["saved", "run", "strikes"]):
        run = subprocess.run([sys.executable, "-c", script, *args], cwd=ROOT, env=user_env,
                             capture_output=True, text=True, timeout=120)
        assert run.returncode in (0, 1), run.stderr
    # The actor curation file and the history, written as the dashboard writes them.
    curate = ("import os; os.umask(0o022)\n"
              "from newsdesk.index.config import load_settings\n"
              "from newsdesk.index.engine import Engine\n"
              "from newsdesk.index.actors.table import Curation, curation_path\n"
              "from newsdesk.index.userdata.bookmarks import History, corpus_data_dir\n"
              "s = load_settings()\n"
              "History(corpus_data_dir(s)).add('pompeo')\n"
              "with Engine(s) as e:\n"
              "    Curation(curation_path(s)).hide(e.actors.list()[0])\n")
    subprocess.run([sys.executable, "-c", curate], cwd=ROOT, env=user_env, check=True,
                   timeout=120)
    home = Path(user_env["XDG_CACHE_HOME"]).parent
    paths = [p for p in home.rglob("*")]
    names = {p.name for p in paths}
    assert {"store.sqlite", "saved.yaml", "history.yaml", "actors.yaml"} <= names
    assert any(p.suffix == ".seg" for p in paths)
    open_to_others = [f"{p.relative_to(home)} {p.stat().st_mode & 0o777:o}" for p in paths
                      if p.stat().st_mode & 0o077]
    figures("files private to their owner (umask 022)", len(paths), len(open_to_others),
            "index, store, bookmarks, history, actor dictionary")
    assert open_to_others == []


EVIL = '!!python/object/apply:os.system ["touch {marker}"]'


def test_yaml_that_asks_to_run_code_is_refused(user_env: dict[str, str], tmp_path: Path,
                                               figures: Record) -> None:
    marker = tmp_path / "ran"
    evil = EVIL.format(marker=marker)
    data = Path(user_env["XDG_DATA_HOME"])
    failures: list[str] = []
    cases = 0

    def refused(what: str, run: subprocess.CompletedProcess[str], path: Path) -> None:
        nonlocal cases
        cases += 1
        said = run.stdout + run.stderr
        if marker.exists():
            failures.append(f"{what}: code ran")
        if "Traceback" in said or str(path) not in said:
            failures.append(f"{what}: {said.strip()[:200]}")

    config = tmp_path / "evil-config.yaml"
    config.write_text(f"corpus:\n  sources:\n    - {SEEDS}\nsearch:\n  limit: {evil}\n")
    run = _cli({**user_env, "NEWSDESK_CONFIG": str(config)}, "search", "iran")
    refused("config", run, config)
    if run.returncode != 2:
        failures.append(f"config: exit {run.returncode}")

    assert _cli(user_env, "index", "-q").returncode == 0
    dictionary = tmp_path / "evil-actors.yaml"
    dictionary.write_text(f"- name: Someone\n  type: person\n  aliases: {evil}\n")
    config = write_config(tmp_path / "dict-config.yaml", [SEEDS],
                          f"actors:\n  dictionaries:\n    - {dictionary}\n")
    run = _cli({**user_env, "NEWSDESK_CONFIG": str(config)}, "index", "-q")
    refused("actor dictionary", run, dictionary)

    assert _cli(user_env, "saved", "add", "fine", "iran").returncode == 0
    saved = next(data.rglob("saved.yaml"))
    saved.write_text(f"version: 1\nbookmarks:\n  - name: x\n    query: {evil}\n")
    run = _cli(user_env, "saved", "list")
    refused("saved searches", run, saved)
    if run.returncode != 2:
        failures.append(f"saved: exit {run.returncode}")
    figures("YAML asking to run code (config, dictionary, saved searches)", cases,
            len(failures), "safe loader: refused, file named, nothing ran")
    assert failures == []
