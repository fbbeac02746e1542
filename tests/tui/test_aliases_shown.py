"""`newsdesk actors` lists an actor's other spellings once each whatever their case: a wire
in capitals (JAPAN, JAPANESE beside Japan, Japanese) crowded the column with case variants.
The JSON keeps every spelling with its count."""

from __future__ import annotations

import json
from pathlib import Path

from newsdesk.tui.aliases import other_spellings
from tests.helpers.command import run


def test_case_variants_are_one_spelling() -> None:
    aliases = [("Japan", 30), ("Japanese", 20), ("JAPANESE", 9), ("JAPAN", 5), ("Nippon", 3)]
    assert other_spellings("Japan", aliases) == ["Japanese", "Nippon"]
    assert other_spellings("Japan", aliases, limit=1) == ["Japanese"]


def test_the_most_mentioned_spelling_stands_for_its_variants() -> None:
    """On a tie, not the one in capitals; acronyms in capitals stay as written."""
    assert other_spellings("Reuters", [("REUTERS", 9)]) == []
    assert other_spellings("Japan", [("JAPANESE", 2), ("Japanese", 2)]) == ["Japanese"]
    assert other_spellings("Securities and Exchange Commission",
                           [("SEC", 40), ("Sec", 1), ("S.E.C.", 2)]) == ["SEC", "S.E.C."]
    # Ranked by all the mentions of a spelling's variants.
    assert other_spellings("X", [("b", 5), ("A", 4), ("a", 3)]) == ["A", "b"]


def test_the_actors_command_lists_each_spelling_once(tmp_path: Path) -> None:
    corpus = tmp_path / "caps"
    corpus.mkdir()
    texts = ["Japan said exports rose. Japanese officials agreed.",
             "JAPAN SAYS EXPORTS ROSE.\nJAPANESE officials in Tokyo said so.",
             "Japanese carmakers and Japan's bank.", "TOKYO - JAPAN and JAPANESE firms."]
    (corpus / "wire.jsonl").write_text("".join(
        json.dumps({"id": f"c{i}", "title": f"Story {i}", "text": t}) + "\n"
        for i, t in enumerate(texts)), encoding="utf-8")
    shown = run("--corpus", str(corpus), "actors", "-n", "5")
    assert shown.returncode == 0, shown.stderr
    row = next(line for line in shown.stdout.splitlines() if line.startswith("Japan "))
    assert row.split()[-1] == "Japanese" and "JAPAN" not in row
    data = json.loads(run("--corpus", str(corpus), "actors", "-n", "5", "--json").stdout)
    japan = next(a for a in data if a["name"] == "Japan")
    assert {"JAPAN", "JAPANESE", "Japanese"} <= {a["name"] for a in japan["aliases"]}
