"""Classes of errors found on two unseen corpora (Wikinews 2019-20, a FakeNewsCorpus sample):
a site's promotional line in title case, ending in "!", names nothing; each rule tried
both ways over generated variants, the case it changes and the near case it must leave."""

from __future__ import annotations

import itertools

from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.not_actors import not_actor
from tests.index.actors.test_precision_rules import keys

_PROMO_WORDS = (("Bitcoin", "Searches", "Exceed", "Trump"),
                ("Blockchain", "Stocks", "Are", "Next"),
                ("Gold", "Prices", "Will", "Soar", "Soon"),
                ("Miracle", "Diet", "Shocks", "Doctors"))


def test_a_title_case_line_ending_in_an_exclamation_is_a_promotion() -> None:
    for words, end, label in itertools.product(_PROMO_WORDS, ("!", "?", "!”"),
                                               ("", "Headline: ", "Trending: ")):
        line = label + " ".join(words) + end
        text = f"The markets fell.\n{line}\nThe Federal Reserve said rates would rise."
        found = keys(text)
        assert found == ["federal reserve"], (line, found)
        # Twice on one line, as the site prints it.
        text = f"{line} {line}\nThe Federal Reserve said rates would rise."
        assert keys(text) == ["federal reserve"], (line, keys(text))


def test_a_sentence_ending_in_an_exclamation_keeps_its_names() -> None:
    for first, second in itertools.product(("Barack Obama", "Angela Merkel"),
                                           ("Berlin", "Vladimir Putin")):
        for line in (f"{first} met {second} today!", f"Did {first} call {second}?",
                     f"Wow, {first} and {second} agreed!"):
            found = [k.lstrip("^") for k in keys(f"The talks ended.\n{line}\nNothing more.")]
            assert first.lower() in found and second.lower() in found, (line, found)


def test_a_doctrine_or_a_document_names_no_actor() -> None:
    for stem in ("Semit", "Marx", "Zion", "Social", "Commun", "Islam", "Fasc", "Liberal"):
        for form in (f"{stem}ism", f"European {stem}ism", f"{stem}isms"):
            assert not_actor(name_key(form)), form
        # Nor its "anti-" form: the word after the hyphen is the doctrine.
        text = f"The board condemned racism and anti-{stem}ism in a statement."
        assert keys(text) == [] or not_actor(keys(text)[0]), (text, keys(text))
    for document in ("Constitution", "US Constitution", "Constitution of India",
                     "First Amendment"):
        assert not_actor(name_key(document)), document
    # Bodies whose head is another noun, and a thing of "-anism", are left.
    for body in ("European Stability Mechanism", "Ministry of Tourism", "Constitution Party",
                 "Constitutional Court", "Committee on Terrorism", "Prism", "Marx"):
        assert not not_actor(name_key(body)), body
