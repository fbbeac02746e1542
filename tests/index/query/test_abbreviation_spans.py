"""A match ending with a dotted abbreviation keeps its last dot (the tokenizer leaves a
word's last dot out: "in the [U.S]., killing" was highlighted so), and an abbreviation's
dot before a comma or a word in lower case ("Inc., which", "Jr. said"); a sentence's
dot, an ellipsis and a version's or a domain's dot stay out."""

from __future__ import annotations

from newsdesk.index.analysis import term_spans
from newsdesk.index.query.compile import HighlightPlan
from newsdesk.index.query.highlight import match_spans

TEXT = ("Troops in the U.S., killing two. U.S. troops left; the U.N. said so. In the U.K. "
        "Then Acme Inc., which sued, met Sammy Davis Jr. and Acme Inc. Prices rose... "
        "Later, e.g. here, see bbc.co.uk. Version 2.7.5. The end.")


def _marked(word: str) -> list[str]:
    [term] = {t for t, s, e in term_spans(word)}
    return [TEXT[s:e] for s, e in match_spans(TEXT, HighlightPlan(terms={term}))]


def test_a_dotted_abbreviation_keeps_its_last_dot() -> None:
    assert _marked("U.S.") == ["U.S.", "U.S."]
    assert _marked("U.N.") == ["U.N."]
    assert _marked("U.K.") == ["U.K."]
    assert _marked("e.g.") == ["e.g."]


def test_an_abbreviations_dot_before_a_comma_or_lower_case() -> None:
    assert _marked("Inc") == ["Inc.", "Inc"]  # (the second ends a sentence)
    assert _marked("Jr") == ["Jr."]


def test_a_sentences_dot_stays_out() -> None:
    assert _marked("rose") == ["rose"]
    assert _marked("end") == ["end"]
    assert _marked("bbc.co.uk") == ["bbc.co.uk"]
    assert _marked("2.7.5") == ["2.7.5"]
    phrase = HighlightPlan(phrases=[(("troop", "left"), 0)])
    assert [TEXT[s:e] for s, e in match_spans(TEXT, phrase)] == ["troops left"]
