"""An agency's type: a news or press agency is a medium; the other agencies news names are
mostly a state's (an outside tester's US energy news listed the Environmental Protection
Agency as a medium, every one of its 53 mentions so typed)."""

from __future__ import annotations

import pytest

from newsdesk.index.actors.extract import Extractor

EXTRACTOR = Extractor()


@pytest.mark.parametrize(("name", "kind"), [
    ("Environmental Protection Agency", "government"), ("Environment Agency", "government"),
    ("Food Standards Agency", "government"), ("Agency for International Development",
                                              "government"),
    ("Defense Intelligence Agency", "government"), ("Xinhua News Agency", "media"),
    ("Kyodo News Agency", "media"),
    ("Agence France Press Agency", "media")])
@pytest.mark.parametrize("sentence", [
    "On Monday officials of the {} said so.", "He said the {} agreed on Friday."])
def test_an_agency_is_a_medium_only_as_a_news_or_press_agency(name: str, kind: str,
                                                              sentence: str) -> None:
    found = {m.key: m.org_type for m in EXTRACTOR.extract("", sentence.format(name)).mentions}
    assert found.get(name.lower()) == kind, found
