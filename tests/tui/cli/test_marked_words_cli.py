"""`newsdesk search`, `search --json` and `kwic` agree on words with combining marks
(Hindi, Tamil, Bengali, Thai, vocalized Arabic, Hebrew with niqqud, Latin written
decomposed): the same articles, each match the word as written, never "too short"."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from newsdesk.tui.cli.main import main
from tests.helpers.command import run
from tests.helpers.paths import write_config

NFD = unicodedata.normalize("NFD", "Zürich and São Paulo and Kraków and naïve résumé")
TEXTS = {
    "hi": "प्रधानमंत्री नरेंद्र मोदी ने आज पटना में नीतीश कुमार से मुलाकात की। बिहार सरकार",
    "ta": "சென்னையில் இன்று மழை பெய்தது. தமிழ்நாடு அரசு அறிவிப்பு.",
    "bn": "কলকাতায় আজ ভারী বৃষ্টি হয়েছে।",
    "th": "นายกรัฐมนตรีเดินทางไปเชียงใหม่ วันนี้",
    "ar": "قالَ الرَّئِيسُ إنَّ المُفاوَضاتِ مُستَمِرَّة",
    "he": "מִלְחָמָה נִמְשֶׁכֶת; מלחמה",
    "nfd": NFD,
    "nfc": unicodedata.normalize("NFC", NFD),
}
# query -> (ids, the words its matches are, as written, folded to NFC)
CASES = {
    "मोदी": ({"hi"}, {"मोदी"}),
    "बिहार": ({"hi"}, {"बिहार"}),
    "नरेंद्र": ({"hi"}, {"नरेंद्र"}),
    "சென்னையில்": ({"ta"}, {"சென்னையில்"}),
    "বৃষ্টি": ({"bn"}, {"বৃষ্টি"}),
    "เชียงใหม่": ({"th"}, {"เชียงใหม่"}),
    "الرئيس": ({"ar"}, {"الرَّئِيسُ"}),
    "مستمرة": ({"ar"}, {"مُستَمِرَّة"}),
    "מלחמה": ({"he"}, {"מלחמה", "מִלְחָמָה"}),
    "zurich": ({"nfd", "nfc"}, {"Zürich"}),
    unicodedata.normalize("NFD", "résumé"): ({"nfd", "nfc"}, {"résumé"}),
    "Kraków": ({"nfd", "nfc"}, {"Kraków"}),
    "rich": (set(), set()),
}


@pytest.fixture
def marked_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = [json.dumps({"id": k, "title": f"Story {k}", "text": t}, ensure_ascii=False)
             for k, t in TEXTS.items()]
    (corpus / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    cfg = write_config(tmp_path / "cfg.yaml", [corpus], f"index:\n  dir: {tmp_path / 'idx'}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    assert main(["index", "-q"]) == 0
    return cfg


def _runs(spans: list[list[int]]) -> list[tuple[int, int]]:
    """Spans side by side joined (Thai: a letter with its marks is a span of its own)."""
    runs: list[list[int]] = []
    for start, end in sorted(spans):
        if runs and runs[-1][1] == start:
            runs[-1][1] = end
        else:
            runs.append([start, end])
    return [(start, end) for start, end in runs]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def test_search_json_and_kwic_agree(marked_config: Path, run_here) -> None:  # type: ignore[no-untyped-def]
    for query, (ids, words) in CASES.items():
        found = json.loads(run_here("search", query, "--json").stdout)
        assert {h["id"] for h in found["hits"]} == ids, query
        assert found["total"] == len(ids)
        assert not any("too short" in note for note in found["notes"]), found["notes"]
        marked = {_nfc(TEXTS[hit["id"]][start:end])
                  for hit in found["hits"] for start, end in _runs(hit["spans"])}
        assert marked == {_nfc(w) for w in words}, (query, marked)
        concordance = json.loads(run_here("kwic", query, "--json").stdout)
        assert concordance["total_hits"] == len(ids)
        assert {line["id"] for line in concordance["lines"]} == ids
        assert all(_nfc(line["match"]) in {_nfc(w) for w in words}
                   for line in concordance["lines"]), query
        text_out = run_here("search", query)
        assert text_out.returncode == (0 if ids else 1)  # (1: no hits)
        assert f"{len(ids)} hit" in text_out.stdout and "too short" not in text_out.stdout


def test_a_letter_alone_is_still_too_short(marked_config: Path) -> None:
    """The note blames a word only when it is one letter as written (न), never a piece the
    tokenizer broke off a word (through a process of its own: the real command)."""
    proc = run("search", "न", "--json")
    assert proc.returncode == 1  # (no hits)
    assert any("too short" in note for note in json.loads(proc.stdout)["notes"])
