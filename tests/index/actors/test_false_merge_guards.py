"""Guards against the wrong merges found on unseen corpora (FNC-1 2014-15, Reuters
2006-13): each tried both ways, the case it stops and the near case it must leave."""

from __future__ import annotations

from collections import Counter

from newsdesk.index.actors.key_stats import KeyStats
from tests.index.actors.test_precision_rules import clusters, stat


def test_a_name_holding_an_acronym_is_not_spelled_by_its_initials() -> None:
    # "U.S. State Department": "USD" (the dollar) is not its initials, U.S. being two letters.
    state = stat("US State Department", 20, surfaces={"U.S. State Department": 20})
    assert clusters([state, stat("USD", 3)])["usd"][2] == {"usd"}
    # A name written out in full is: "Federal Bureau of Investigation" / "FBI".
    fbi = stat("Federal Bureau of Investigation", 20)
    assert clusters([fbi, stat("FBI", 30)])["fbi"][2] == {"fbi", "federal bureau of investigation"}


def test_a_consonant_for_a_far_consonant_is_another_name_not_a_slip() -> None:
    # "Twister" (a game, once) is not a slip for Twitter: s and t are far apart on a keyboard.
    twitter = stat("Twitter", 456)
    assert clusters([twitter, stat("Twister", 1)])["twister"][2] == {"twister"}
    assert clusters([stat("Allianz", 40), stat("Alliant", 2)])["alliant"][2] == {"alliant"}
    # Neighbouring keys, a vowel, a letter left out are slips: still joined.
    for slip in ("Twittet", "Twittor", "Twiter"):
        assert clusters([twitter, stat(slip, 1)])[slip.lower()][2] == {"twitter", slip.lower()}
    # A consonant of the same sound is a transliteration: "Kassem" for "Qassem".
    qassem = stat("Qassem Soleimani", 41)
    assert clusters([qassem, stat("Kassem Soleimani", 1)])["kassem soleimani"][0] == \
        "Qassem Soleimani"


def test_a_frequent_word_rarely_a_person_is_no_lone_surname() -> None:
    full = KeyStats("mohammed islam", Counter({"Mohammed Islam": 22, "Islam": 42}), 64, 8,
                    person=6, org=Counter(personal=5))
    islam = KeyStats("islam", Counter({"Islam": 115}), 115, 77, person=3, location=47,
                     org=Counter(modifier=17, personal=7))
    assert clusters([full, islam])["islam"][2] == {"islam"}
    # In the full name's articles, or more often a person's than a place or modifier: the
    # surname joins.
    few = KeyStats("islam", Counter({"Islam": 30}), 30, 12, person=3, org=Counter(personal=7))
    assert clusters([full, few])["islam"][0] == "Mohammed Islam"
    # (A third of its mentions a person's: 20 of 115 in 77 articles, ten times the full
    # name's, say too little of whom: lone_word_evidence.)
    cued = KeyStats("islam", Counter({"Islam": 115}), 115, 77, person=40, location=47)
    assert clusters([full, cued])["islam"][2] == {"islam", "mohammed islam"}


def test_a_vowel_for_a_far_consonant_is_another_word_not_a_slip() -> None:
    # "White Horse" (a pub, a district) is no slip of the White House: u and r far apart.
    house = stat("White House", 239, thing=206)
    for word in ("White Horse", "White Hocse"):
        assert clusters([house, stat(word, 4)])[word.lower()][2] == {word.lower()}
    # A vowel for a vowel, or for a consonant beside it on the keyboard, is still a slip.
    for slip in ("White Hoose", "White Hoyse"):
        assert clusters([house, stat(slip, 2)])[slip.lower()][2] == {"white house", slip.lower()}


def test_two_firms_of_one_transliteration_stay_two() -> None:
    # Aveva (software) and Aviva (an insurer): one signature, each cued as a firm, neither
    # a rare form of the other.
    aveva, aviva = stat("Aveva", 52, organisation=32), stat("Aviva", 41, organisation=18)
    assert clusters([aveva, aviva])["aviva"][2] == {"aviva"}
    # A rare form of a firm's name, or two forms of a person's, still join.
    assert clusters([aveva, stat("Aviva", 3, organisation=3)])["aviva"][2] == {"aveva", "aviva"}
    qassem = stat("Qassem", 40, person=20)
    assert clusters([qassem, stat("Qasem", 30, person=10)])["qasem"][2] == {"qassem", "qasem"}
