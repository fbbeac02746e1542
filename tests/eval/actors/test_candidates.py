"""The candidate counter the gold lists were gathered with: capitalised runs and acronyms,
counted without newsdesk."""

from __future__ import annotations

from pathlib import Path

from tests.eval.actors.candidates import count, runs


def test_runs_are_names_with_connectors_possessives_and_titles_cut() -> None:
    text = ("Mr Blair met the Bank of England's governor in March. The U.S. Treasury said "
            "it's fine.\nIt's over, said Abu Mahdi al-Muhandis.")
    found = [run for run, _, _ in runs(text)]
    assert found == ["Blair", "Bank of England", "U.S. Treasury", "Abu Mahdi al-Muhandis"]
    starts = {run: (start, initial) for run, start, initial in runs(text)}
    assert text[starts["Blair"][0]:].startswith("Blair")
    assert starts["U.S. Treasury"][1] and not starts["Bank of England"][1]


def test_counts_are_per_article_and_common_words_are_told_apart(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        '{"id": "a", "title": "IMF warns", "text": "However, the IMF said so. However."}\n'
        '{"id": "b", "title": "", "text": "The IMF met. Later, the IMF left; however it '
        'went, however long."}\n',
        encoding="utf-8")
    counts = count(corpus, contexts=1)
    assert counts.articles["IMF"] == 2 and counts.mentions["IMF"] == 4
    assert counts.common_word("However") and not counts.common_word("IMF")
    assert counts.examples["IMF"][0][0] == "a"
