"""Rules found on news corpora the rules were not written against (Reuters 2006-13, FNC-1
2014-15): staff credits, one edit in a short word, lone surnames given in their articles.
Each tried both ways: the case it changes and the near case it must leave."""

from __future__ import annotations

import random

from newsdesk.index.actors.codes import _EXCHANGE, may_list_symbols
from newsdesk.index.actors.staff_credits import STAFF_CREDIT, staff_credits
from tests.index.actors.test_precision_rules import clusters, keys, mentions, stat


def test_staff_credits_name_no_actor() -> None:
    text = ("Shares of Google rose on Friday, UBS analyst Ben Schachter said.\n"
            "(Reporting by Mark McSherry; additional reporting by Tenzin Pema in Bangalore; "
            "Editing by Gerald E. McCormick and Tim Dobbyn)")
    found = keys(text)
    assert "google" in found and "ben schachter" in found
    assert not {"mark mcsherry", "tenzin pema", "bangalore", "gerald e", "tim dobbyn",
                "editing"} & set(found)
    line = "Prices fell.\nWriting by Andre Grenon; Editing by Leslie Adler\n"
    assert keys(line) == []
    # The role on one line, its "by" on the next (a credit's line wrapped).
    assert keys("Prices fell.\nReporting\nby Andre Grenon; Editing by Leslie Adler\n") == []
    # A sentence's "by" is no credit, nor is a role word without "by" after it.
    assert "apple" in keys("Shares rose (driven by Apple) on Monday.")
    assert "john smith" in keys("Editing the report, John Smith said it was late.")


def test_one_letter_in_a_short_word_is_another_name() -> None:
    us, uk = stat("US Treasury", 150), stat("UK Treasury", 2)
    assert clusters([us, uk])["uk treasury"][2] == {"uk treasury"}
    # In a long word it is a slip.
    right, slip = stat("Exchange Commission", 150), stat("Exchance Commission", 2)
    assert clusters([right, slip])["exchance commission"][2] == \
        {"exchange commission", "exchance commission"}


def test_a_lone_surname_goes_where_its_articles_wrote_it_alone() -> None:
    barack = stat("Barack Obama", 241, person=108, surfaces={"Barack Obama": 93, "Obama": 148})
    michelle = stat("Michelle Obama", 58, person=17,
                    surfaces={"Michelle Obama": 51, "Obama": 7})
    lone = stat("Obama", 227, person=77, modifier=50, personal=5, organisation=1)
    found = clusters([barack, michelle, lone])
    assert found["obama"][0] == "Barack Obama" and "michelle obama" not in found["obama"][2]
    # Lone uses split between the two: the surname stays apart.
    michelle = stat("Michelle Obama", 58, person=17,
                    surfaces={"Michelle Obama": 20, "Obama": 60})
    assert clusters([barack, michelle, lone])["obama"][2] == {"obama"}
    # A word used as a body's name often is no surname ("Labour", "Ford").
    body = stat("Obama", 227, person=77, organisation=20)
    assert clusters([barack, stat("Michelle Obama", 5, person=2), body])["obama"][2] == \
        {"obama"}


def test_a_lone_modifier_is_no_surname() -> None:
    anwar = stat("Anwar Wembley", 3, person=1, surfaces={"Anwar Wembley": 1, "Wembley": 2})
    modifier = stat("Wembley", 70, location=11, modifier=54)
    assert clusters([anwar, modifier])["wembley"][2] == {"wembley"}
    # A surname with a person cue still joins ("Hurd said ... Hurd's plan").
    # (A third of its mentions a person's, and called so in the full name's articles:
    # cluster._lone_means.)
    surname = stat("Hurd", 70, person=24, modifier=40)
    hurd = stat("Douglas Hurd", 30, person=5, surfaces={"Douglas Hurd": 30, "Hurd": 12})
    assert clusters([hurd, surname])["hurd"][0] == "Douglas Hurd"


def test_a_page_word_starts_a_company_name_mid_sentence() -> None:
    assert keys("Analysts at Credit Suisse said so.") == ["credit suisse"]
    assert keys("Shares of Home Depot rose, as did those of News Corp.") == \
        ["home depot", "news corp"]
    # At a sentence's start, in a run of page words or before a title it is no name's.
    assert keys("Credit Suisse said so.") == ["suisse"]
    assert keys("He said.\nShare Tweet Email Barack Obama was there.") == ["barack obama"]
    assert keys("She met Home Republican Chief Kevin McCarthy.")[0] != "home republican chief" \
        " kevin mccarthy"


def test_where_a_titled_person_works_is_a_body() -> None:
    found = mentions("said Tom Lee, an analyst at BNP Paribas in London.")
    assert ("bnp paribas", "organisation", False) in found and ("london", None, True) in found
    assert mentions("He lives at Kensington.") == [("kensington", None, True)]


def test_a_possessive_name_is_its_owners_only_if_a_company_name() -> None:
    google = stat("Google", 269, organisation=88)
    product = stat("Google's Android", 1)
    found = clusters([google, product, stat("Google Inc", 20, organisation=5)])
    assert found["google"][0] == "Google" and "googles android" not in found["google"][2]
    moody = stat("Moody", 180, organisation=20)
    company = stat("Moody's Investors Service Inc", 60)
    found = clusters([moody, company])
    assert found["moody"][0] == "Moody's Investors Service Inc"


def test_a_site_named_without_its_middle_word_is_that_site() -> None:
    full = stat("Baghdad International Airport", 40, location=20)
    short = stat("Baghdad Airport", 10, location=5)
    assert clusters([full, short])["baghdad airport"][2] == \
        {"baghdad airport", "baghdad international airport"}
    # Not a body's name: the National Council is not the National Security Council.
    council = stat("National Security Council", 40)
    other = stat("National Council", 10)
    assert clusters([council, other])["national council"][2] == {"national council"}


def test_staff_credits_are_the_patterns_matches() -> None:
    """The credits found from each role's "by" are those the pattern finds scanning all."""
    pieces = ["(Reporting by A; Editing by B)", "\n", "Writing by C in D", " by ", "By ",
              "(additional reporting by E)", "( Editing by F)", "(written by G)", "Research by",
              " Editing by Gerald E. McCormick", "(", ")", "Shares rose.", " driven by Apple",
              "Reporting and writing by H", "(Compiled and written by J)", "\n-- Compiled by I",
              # (a role on the line before its "by")
              "Reporting\n", "Writing and\nediting by L", "Editing \n ", "by K", "\nby ",
              # (the pre-test before the pattern: other words, spaces, "and" far back)
              "Reporting and fetched", "Edited\t", " owned ", " " * 25, "Compiling",
              "and supercalifragilisticexpialidociously ", "(research"]
    rng = random.Random(7)
    for _ in range(6000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 9)))
        assert staff_credits(text) == [m.span() for m in STAFF_CREDIT.finditer(text)], text


def test_an_exchange_before_a_colon_is_the_patterns_match() -> None:
    """`may_list_symbols` reads back from each colon: as the pattern, scanning all."""
    pieces = ["NYSE", "Nasdaq", "NASDAQ", "AMEX", "LSE", "TSX", "NYS", "ASDAQ", ":", " ",
              "\n", "\t", "\u2003", "(", "x", "BA)", "said:"]
    rng = random.Random(11)
    for _ in range(6000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 7)))
        assert may_list_symbols(text) == (_EXCHANGE.search(text) is not None), text
