"""The actor scorer on small hand-made lists: each way an entry can be right or wrong."""

from __future__ import annotations

import pytest

from tests.eval.actors.gold import Gold, GoldActor, GoldError, gold_from_data
from tests.eval.actors.keys import HOLDOUT, TUNE, gold_key, split_of
from tests.eval.actors.score import (
    AMBIGUOUS,
    DEFAULT,
    DUPLICATE,
    MERGE,
    NOT_ACTOR,
    NOT_PLACE,
    PLACE,
    PLACES,
    RIGHT,
    UNJUDGED,
    WRONG_NAME,
    WRONG_TYPE,
    Entry,
    places_listed_apart,
    score_list,
)

GOLD = gold_from_data({
    "corpus": "test",
    "actors": [
        {"name": "Tony Blair", "type": "person", "aliases": ["Blair", "Mr Blair"]},
        {"name": "Cherie Blair", "type": "person"},
        {"name": "Labour Party", "also": ["Labour"], "type": "party", "aliases": ["Labour"]},
        {"name": "BBC", "type": "media"},
        {"name": "BBC News", "type": "media", "part_of": "BBC"},
        {"name": "United Kingdom", "also": ["Britain"], "type": "country",
         "aliases": ["UK", "British"]},
        {"name": "London", "type": "location"},
        {"name": "England", "type": ["country", "location"], "aliases": ["English"]},
    ],
    "not_actors": [{"name": "GMT", "reason": "a time zone", "forms": ["EST"]}],
    "ambiguous": [{"surface": "Williams", "readings": ["Robbie Williams", "Serena Williams"]}],
})


def entry(name: str, type_: str, *aliases: str) -> Entry:
    return Entry(name, type_, tuple((a, 10) for a in aliases))


def verdicts(entries: list[Entry], **kwargs: object) -> list[str]:
    return [j.verdict for j in score_list(entries, GOLD, **kwargs).judgements]


def test_an_entry_with_the_right_actor_type_and_name_is_right() -> None:
    score = score_list([entry("Tony Blair", "person", "Blair", "Tony Blair")], GOLD)
    (j,) = score.judgements
    assert (j.verdict, j.actor.name if j.actor else None) == (RIGHT, "Tony Blair")
    # An accepted alternative name, written in capitals and with a possessive, is right too.
    assert verdicts([entry("BRITAIN'S", "country")]) == [RIGHT]


def test_wrong_type_and_wrong_name_are_wrong() -> None:
    entries = [entry("Labour", "other", "Labour"),
               entry("Prime Minister Tony Blair", "person", "Blair")]
    score = score_list(entries, GOLD)
    assert [j.reasons for j in score.judgements] == [[WRONG_TYPE], [WRONG_NAME]]
    assert score.judgements[1].actor is GOLD.by_name["Tony Blair"]
    # Either of two accepted types is right.
    assert verdicts([entry("England", "location")]) == [RIGHT]


def test_a_second_entry_of_one_actor_is_a_duplicate_and_a_split() -> None:
    entries = [entry("United Kingdom", "country", "UK"), entry("GMT", "other"),
               entry("British", "country", "British")]
    score = score_list(entries, GOLD, ks=(2, 3), core=1)
    assert [j.verdict for j in score.judgements] == [RIGHT, NOT_ACTOR, DUPLICATE]
    assert list(score.splits) == ["United Kingdom"]
    assert [j.rank for j in score.splits["United Kingdom"]] == [1, 3]
    assert score.precision[3]["all"].right == 1
    # A split counts only for actors of the core (top `core`) entries.
    late = score_list([entry("GMT", "other"), *entries[:1], entries[2]], GOLD, core=1)
    assert late.splits == {}


def test_an_entry_joining_two_gold_actors_is_a_wrong_merge() -> None:
    merged = entry("Tony Blair", "person", "Blair", "Cherie Blair")
    score = score_list([merged], GOLD)
    (j,) = score.judgements
    assert j.verdict == MERGE and j.merged == ("Cherie Blair", "Tony Blair")
    assert score.merges == [j]
    # A part merged into its parent is no wrong merge; a junk alias that names no gold
    # actor, or an ambiguous one, is none either.
    assert verdicts([entry("BBC", "media", "BBC News", "Williams", "Rock You")]) == [RIGHT]


def test_entries_the_gold_cannot_judge_are_listed_and_count_wrong() -> None:
    entries = [entry("Tony Blair", "person"), entry("Mark Stephen Trotter", "person"),
               entry("Williams", "person", "Williams"), entry("EST", "other")]
    score = score_list(entries, GOLD)
    assert [j.verdict for j in score.judgements] == [RIGHT, UNJUDGED, AMBIGUOUS, NOT_ACTOR]
    assert [j.entry.name for j in score.unjudged] == ["Mark Stephen Trotter"]
    assert score.precision[30]["all"].right == 1
    assert score.precision[30]["all"].judged == 4


def test_an_unknown_name_is_judged_by_its_aliases() -> None:
    # "Sport England" is not in the gold: its alias makes it England, under a wrong name.
    score = score_list([entry("Sport England", "country", "England", "Sport England")], GOLD)
    (j,) = score.judgements
    assert j.actor is GOLD.by_name["England"] and j.reasons == [WRONG_NAME]


def test_places_count_wrong_in_the_default_list_only_once_listed_apart() -> None:
    london = entry("London", "location")
    assert verdicts([london], kind=DEFAULT, places_apart=False) == [RIGHT]
    assert verdicts([london], kind=DEFAULT, places_apart=True) == [PLACE]
    assert verdicts([london], kind=PLACES, places_apart=True) == [RIGHT]
    assert verdicts([entry("Tony Blair", "location")], kind=PLACES, places_apart=True)[0] \
        == NOT_PLACE
    # England may be a country or a place: listed as a country among actors it is right.
    assert verdicts([entry("England", "country")], kind=DEFAULT, places_apart=True) == [RIGHT]


def test_places_apart_is_read_from_the_lists() -> None:
    london, blair = entry("London", "location"), entry("Tony Blair", "person")
    assert places_listed_apart([blair], [london])
    assert not places_listed_apart([blair, london], [london])
    assert not places_listed_apart([blair], [])


def test_precision_per_split_counts_each_entry_in_its_actors_half() -> None:
    entries = [entry(a.name, a.types[0]) for a in GOLD.actors[:6]]
    entries.append(entry("Nobody Known", "person"))
    score = score_list(entries, GOLD, ks=(7,))
    parts = score.precision[7]
    assert parts[TUNE].judged + parts[HOLDOUT].judged == parts["all"].judged == 7
    expected_tune = sum(split_of(e.name) == TUNE for e in entries[:6])
    assert parts[TUNE].right == expected_tune
    assert parts["all"].right == 6
    assert parts["all"].value == pytest.approx(6 / 7)


def test_gold_refuses_a_form_listed_for_two_actors_and_a_wrong_split() -> None:
    with pytest.raises(GoldError, match="ambiguous"):
        gold_from_data({"actors": [{"name": "Tony Blair", "type": "person", "aliases": ["Blair"]},
                                   {"name": "Cherie Blair", "type": "person",
                                    "aliases": ["Blair"]}]})
    wrong = HOLDOUT if split_of("Tony Blair") == TUNE else TUNE
    with pytest.raises(GoldError, match="split"):
        gold_from_data({"actors": [{"name": "Tony Blair", "type": "person", "split": wrong}]})
    with pytest.raises(GoldError, match="type"):
        gold_from_data({"actors": [{"name": "Tony Blair", "type": "human"}]})
    with pytest.raises(GoldError, match="not-actor"):
        Gold("x", [GoldActor("GMT", ("other",))], gold_from_data(
            {"actors": [], "not_actors": [{"name": "GMT", "reason": "zone"}]}).not_actors)


def test_a_mostly_one_actor_surname_stays_its_alias_and_is_recorded_shared() -> None:
    data = {"actors": [{"name": "Tony Blair", "type": "person", "aliases": ["Blair"]},
                       {"name": "Cherie Blair", "type": "person"}],
            "ambiguous": [{"surface": "Blair", "readings": ["Tony Blair", "Cherie Blair"],
                           "mostly": "Tony Blair"}]}
    gold = gold_from_data(data)
    score = score_list([entry("Blair", "person"), entry("Tony Blair", "person", "Blair")],
                       gold)
    assert [j.reasons for j in score.judgements] == [[WRONG_NAME], [DUPLICATE]]
    data["ambiguous"][0]["mostly"] = "Cherie Blair"
    with pytest.raises(GoldError, match="mostly"):
        gold_from_data(data)


def test_keys_fold_case_dots_possessives_and_hyphens() -> None:
    assert gold_key("U.S.") == gold_key("US") == "us"
    assert gold_key("Al-Muhandis’s") == "al muhandis"
    assert gold_key("BRITAIN") == gold_key("Britain")
