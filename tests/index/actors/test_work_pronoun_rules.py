"""Works and products are no actors; a name with no other cue is typed by the pronoun its
sentences take it up with (index/actors/works.py, pronouns.py). Made-up names throughout,
each rule tried both ways."""

from __future__ import annotations

from collections import Counter

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.extract import Extractor
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.pronouns import NEUTER, PERSONAL, pronoun_after
from newsdesk.index.actors.table import _row_cue
from newsdesk.index.actors.works import WORK, names_work, work_after

DICTIONARIES = load_dictionaries([])
EXTRACTOR = Extractor(frozenset(DICTIONARIES.alias), DICTIONARIES.demonym_keys,
                      DICTIONARIES.capital_keys)


def cues(text: str) -> dict[str, str | None]:
    return {m.key: m.org_type for m in EXTRACTOR.extract("", text).mentions}


def stat(surface: str, n: int, **org: int) -> KeyStats:
    return KeyStats(name_key(surface), Counter({surface: n}), n, n, org=Counter(org))


def listed(stats: list[KeyStats]) -> dict[str, str]:
    """key -> type of the actors clustered from the given stats."""
    found = cluster({s.key: s for s in stats}, {}, DICTIONARIES)
    return {k: c.type for c in found for k in c.keys}


def test_a_kind_of_work_before_a_name_or_a_works_noun_after_it_is_a_works_cue() -> None:
    assert cues("Critics loved the comedy Sunfall at the festival.")["sunfall"] == WORK
    assert cues("Fans queued for the Brandel console on launch day.")["brandel"] == WORK
    assert cues("The Vostrik trilogy ended last year.")["vostrik"] == WORK
    # A company named after its kind is a company, not a work.
    assert cues("Shares in the games maker Quillon rose.")["quillon"] == "organisation"
    assert cues("The film company Hartwell said little.")["hartwell"] == "organisation"


def test_a_sequels_number_is_a_works_cue_and_a_score_or_a_quantity_is_not() -> None:
    assert cues("Players said Glimmer 2 was better.")["glimmer"] == WORK
    assert cues("Sales of Glimmer 3.")["glimmer"] == WORK
    text = "It ended Dunmore 2-1 in the rain."
    assert not work_after(text, text.index(" 2"), "")
    for text in ("Output at Kellan 2 mln tonnes.", "Rates at Kellan 2.5 pct.",
                 "Kellan 2,000 jobs.", "Kellan 2% up."):
        assert not work_after(text, text.index(" "), ""), text


def test_a_name_is_a_work_when_a_fifth_of_its_mentions_say_so() -> None:
    assert names_work(3, 15) and names_work(5, 20)
    assert not names_work(2, 4)  # too few to go by
    assert not names_work(3, 16)  # a company named now and then before its console
    types = listed([stat("Sunfall", 10, work=4), stat("Brandel", 40, work=3, organisation=6)])
    assert "sunfall" not in types
    assert types["brandel"] == "organisation"


def test_a_works_cue_in_one_mention_counts_for_its_row_unless_a_type_does() -> None:
    assert _row_cue(Counter({WORK: 1}), 2) == WORK
    assert _row_cue(Counter({WORK: 1, "organisation": 1}), 3) == "organisation"
    assert _row_cue(Counter({NEUTER: 1}), 3) == ""  # a pronoun is weak: half the mentions
    assert _row_cue(Counter({NEUTER: 2}), 3) == NEUTER


def test_the_first_pronoun_of_the_sentence_after_a_name() -> None:
    text = "Brixley said it would cut jobs. He left."
    assert pronoun_after(text, text.index(" said")) == NEUTER
    text = "Talia Morven told reporters she was happy."
    assert pronoun_after(text, text.index(" told")) == PERSONAL
    text = "Brixley fell. It was late."  # the next sentence's is not this name's
    assert pronoun_after(text, text.index(" fell")) is None
    assert cues("Analysts said Brixley would cut its jobs.")["brixley"] == NEUTER
    assert cues("Analysts said the Brixley would cut jobs.")["brixley"] == "thing"


def test_a_pronoun_types_only_a_name_no_other_cue_types() -> None:
    types = listed([stat("Brixley", 10, neuter=4, personal=1),
                    stat("Ondrel", 10, neuter=1, personal=3),
                    stat("Calloway", 10, neuter=4, media=5)])
    assert types["brixley"] == "organisation"
    assert types["ondrel"] == "other"  # "he" does not make a person: it only outvotes "it"
    assert types["calloway"] == "media"


def test_a_pronoun_leaves_a_lone_surname_to_the_articles_full_name() -> None:
    found = cues("On Monday Marta Velkova arrived. Later Velkova said she would stay.")
    assert set(found) == {"marta velkova"}


def person(surface: str, n: int) -> KeyStats:
    return KeyStats(name_key(surface), Counter({surface: n}), n, n, person=n)


def test_a_rare_given_name_with_two_letters_swapped_joins_the_frequent_one() -> None:
    found = cluster({s.key: s for s in (person("Marek Ostrowid", 10),
                                        person("Ramek Ostrowid", 1),
                                        person("Derek Ostrowid", 1))}, {}, DICTIONARIES)
    groups = {frozenset(c.keys) for c in found}
    assert frozenset({"marek ostrowid", "ramek ostrowid"}) in groups
    assert frozenset({"derek ostrowid"}) in groups  # another letter: another person
    # Two names as frequent as each other are two people; so are two an article uses side
    # by side, unless the swap is a slip made once in the corpus.
    found = cluster({s.key: s for s in (person("Marek Ostrowid", 3),
                                        person("Ramek Ostrowid", 2))}, {}, DICTIONARIES)
    assert len(found) == 2
    for rare, joined in ((2, False), (1, True)):
        found = cluster({s.key: s for s in (person("Marek Ostrowid", 10),
                                            person("Ramek Ostrowid", rare))}, {},
                        DICTIONARIES, lambda a, b: True)
        assert (len(found) == 1) is joined, rare
    # One edit apart (not a swap) and side by side: two people, unless the rarer is a
    # tenth as frequent or less, a slip of one letter in a long given name, the rest of the
    # name the same (one_person.py: "Volodomyr Zelenskiy" in a live blog).
    for rare, joined in ((2, False), (1, True)):
        found = cluster({s.key: s for s in (person("Marek Ostrowid", 10),
                                            person("Marel Ostrowid", rare))}, {}, DICTIONARIES,
                        lambda a, b: True)
        assert (len(found) == 1) is joined, rare


def test_a_longer_form_names_an_organisation_or_a_place_but_not_a_country() -> None:
    from newsdesk.index.actors.cluster import _canonical

    forms = Counter({"Varnland": 40, "Great Varnland": 12})
    assert _canonical([KeyStats("varnland", forms, 52, 20)], "country") == "Varnland"
    forms = Counter({"Dunwick": 40, "New Dunwick": 12})
    assert _canonical([KeyStats("dunwick", forms, 52, 20)], "location") == "New Dunwick"
    forms = Counter({"Mobile Corps": 40, "Popular Mobile Corps": 12})
    assert _canonical([KeyStats("mobile corps", forms, 52, 20)], "militia") == \
        "Popular Mobile Corps"


def test_a_short_label_line_of_capitals_vouches_for_no_name() -> None:
    table = "Quarterly results.\nNine Wkds\nShr 79 cts vs 42 cts\nNet 23 mln vs 19 mln\n"
    assert "wkds" not in cues(table)
    # A name the article's sentences use too is still found there.
    text = "Talks went on.\nOrvel Daskin\nLater Orvel Daskin said the talks failed."
    assert "orvel daskin" in cues(text)
    assert "orvel daskin" in cues("Talks went on.\nOn Monday Orvel Daskin said they failed\n")


def test_a_countrys_one_word_name_the_text_uses_as_a_place_can_name_it() -> None:
    """The shipped United Kingdom entry, on counts made up for a corpus that never writes
    "United Kingdom": "Britain" (a place: "in Britain") names it, not the rarer "Great
    Britain"; "Britons" (people, never "in Britons") does not, however frequent."""
    def place(surface: str, n: int, location: int) -> KeyStats:
        return KeyStats(name_key(surface), Counter({surface: n}), n, n, location=location)

    stats = [place("Britain", 29, 11), place("Great Britain", 2, 0), place("UK", 215, 40),
             place("Britons", 60, 0)]
    found = cluster({s.key: s for s in stats}, {}, DICTIONARIES)
    assert [c.name for c in found if "britain" in c.keys] == ["Britain"]


def test_a_media_name_and_a_number_is_a_channel_of_that_medium() -> None:
    extractor = Extractor(frozenset({"kestrel"}), media=frozenset({"kestrel"}))

    def typed(text: str) -> dict[str, str | None]:
        return {m.key: m.org_type for m in extractor.extract("", text).mentions}

    assert typed("He spoke on Kestrel Two last night.") == {"kestrel two": "media"}
    assert typed("He joined Ospry Two in May.") == {"ospry two": None}  # no medium's name
    assert typed("He joined Kestrel Tower in May.")["kestrel tower"] is None
