"""An article's id is its file's name for a text file, and a name may hold a line break
(an outside tester's "new<LF>line name.txt"): printed raw it broke `search`'s layout, the
id's second half a line of its own. Every command that prints ids prints each on the line
it belongs to, whatever break the name holds; JSON keeps the id exact."""

from __future__ import annotations

import json

import pytest

from tests.helpers.command import run
from tests.helpers.paths import write_config

BREAKS = ["\n", "\r", "\r\n", "\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\n\n"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], list[str]]:
    root = tmp_path_factory.mktemp("ids")
    folder = root / "corpus"
    folder.mkdir()
    names = []
    for number, gap in enumerate(BREAKS):
        name = f"okapi{number}{gap}tail{number}"
        (folder / f"{name}.txt").write_text(f"Title {number}\n\nThe okapi story {number}.\n")
        names.append(name)
    env = {"NEWSDESK_CONFIG": str(write_config(root / "config.yaml", [folder])),
           "XDG_DATA_HOME": str(root / "data"), "XDG_CACHE_HOME": str(root / "cache"),
           "XDG_CONFIG_HOME": str(root / "cfg"), "COLUMNS": "200"}
    assert run("index", "-q", env_extra=env).returncode == 0
    return env, names


@pytest.mark.parametrize("command", [["search", "okapi", "--limit", "50"],
                                     ["search", "", "--sort", "date", "--limit", "50"],
                                     ["kwic", "okapi"]])
def test_each_id_is_printed_on_its_own_line(corpus: tuple[dict[str, str], list[str]],
                                            command: list[str]) -> None:
    env, names = corpus
    done = run(*command, env_extra=env)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.split("\n")
    for number in range(len(BREAKS)):
        holding = [line for line in lines if f"okapi{number}" in line]
        assert holding and all(f"tail{number}" in line for line in holding), (number, lines)
        assert not any(line.strip().startswith(f"tail{number}") for line in lines)


def test_json_keeps_the_id_exact(corpus: tuple[dict[str, str], list[str]]) -> None:
    env, names = corpus
    done = run("search", "okapi", "--json", "--limit", "50", env_extra=env)
    ids = {hit["id"] for hit in json.loads(done.stdout)["hits"]}
    assert set(names) <= ids, (ids, names)
