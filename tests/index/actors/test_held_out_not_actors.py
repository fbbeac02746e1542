"""Not-actors found on held-out corpora (web news of sports, arts, science and health): a
quoted work's title, a copyright notice, a body's name cut at "in the", a language's name
after "in broken", a city's name standing for the team its article names in full. Each rule
with the near case it must leave alone; the names are made up."""

from __future__ import annotations

from newsdesk.index.actors.works import WORK
from tests.index.actors.test_precision_rules import keys, mentions


def _types(text: str) -> dict[str, str | None]:
    return {k: t for k, t, _ in mentions(text)}


def test_a_quoted_title_in_a_sentence_about_a_work_is_a_work() -> None:
    for opening, closing in (("“", "”"), ('"', '"'), ('""', '""')):
        text = (f"The fifth season of {opening}Glass Harbour{closing} will be its last, "
                f"said Dana Roe. Glass Harbour airs on Sundays.")
        found = _types(text)
        assert found["glass harbour"] == WORK, (opening, found)
    # The title's words are no mention of the place they name.
    text = "She stars in “Raiders of the Caribbean: Salt Tides,” out next month."
    assert "caribbean" not in keys(text)
    assert _types(text)["raiders"] == WORK
    # And its unquoted form in the same article, with the place after "of the".
    text += " The first Raiders Of The Caribbean film did well."
    assert "caribbean" not in keys(text)


def test_quotes_with_no_work_in_the_sentence_or_around_a_persons_name_are_no_cue() -> None:
    found = _types("Protesters of the so-called “Freedom Riders” blocked the road.")
    assert found.get("freedom riders") != WORK, found
    found = _types('The film stars "Maria Lopez" and "Priya Sen" in the lead roles.')
    assert found.get("maria lopez") != WORK and found.get("priya sen") != WORK, found


def test_a_copyright_notice_names_no_actor() -> None:
    for notice in ("Copyright 2011 The Harbour Times. All rights reserved.",
                   "© Copyright 2011 Harbour Press. All Rights Reserved.",
                   "Copyright © 2011 HarbourScience.com. All Rights Reserved."):
        found = keys(f"Dana Roe said the results were clear. {notice} This material may not"
                     " be published.")
        assert found == ["dana roe"], (notice, found)
    assert "harbour records" in keys("They said Harbour Records sued over copyright theft.")


def test_a_for_name_goes_on_after_in_the_once() -> None:
    found = mentions("A spokesman for the Center for Science in the Public Interest said so.")
    assert found == [("center for science in the public interest", "organisation", False)]
    found = keys("He said the Institute for Fiscal Studies in London was right.")
    assert found == ["institute for fiscal studies", "london"]
    found = keys("He said the Institute for Fiscal Studies in the Netherlands was right.")
    assert found[0] == "institute for fiscal studies" and "netherlands" in found


def test_a_language_after_an_adjective_or_before_a_preposition_is_no_country() -> None:
    for text in ("The minister spoke in broken English to the host.",
                 "The statement, posted in English on the website, said so.",
                 "She is taking English classes at night."):
        assert "english" not in keys(text), text
    assert "english" in keys("He met English fans in Paris.")


def test_a_citys_name_typed_by_a_teams_cue_takes_the_teams_full_name() -> None:
    text = ("Joe Dane hit a jumper to lift Atlanta over Salem, 88-83. \"We would like one,\" "
            "said Salem coach Dana Roe. They beat the travel-weary Salem Herons 88-83 on "
            "Friday night. He lives in Salem.")
    found = [(k, loc) for k, _, loc in mentions(text) if k.startswith("salem")]
    assert found[:3] == [("salem herons", False)] * 3, found
    assert found[-1] == ("salem", True), found
    # With no full name in the article, the cued mention is left its own.
    text = "Joe Dane said Salem coach Dana Roe was right. He lives in Salem."
    assert ("salem", "organisation", False) in mentions(text)


def test_a_product_or_a_programme_is_told_by_the_noun_after_it_or_the_phrase_before() -> None:
    for text, key in (("Some Harbourline phones outsell the rest.", "harbourline"),
                      ("The Glass Pro headset costs a lot.", "glass pro"),
                      ("The Northgate XL pipeline was cancelled.", "northgate xl"),
                      ("They fought the Harbour Line pipelines for years.", "harbour line"),
                      ("Seniors enrolled in Carecover pay less.", "carecover"),
                      ("They said coverage under Carecover grew.", "carecover"),
                      ("Many Carecover beneficiaries pay less.", "carecover"),
                      ("They did not qualify for Carecover then.", "carecover"),
                      ("The fifth season of Glass Harbour ends.", "glass harbour")):
        assert _types(text)[key] == WORK, (text, mentions(text))
    # A maker said to act keeps no product's cue there; "for" alone is no programme's.
    assert _types("They said Harbourline sold more phones.")["harbourline"] != WORK
    assert _types("A spokesman for Harbourline said so.")["harbourline"] != WORK
