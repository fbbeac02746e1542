"""A given name the corpus calls one person by. The extractor gives a lone given name the
full name of its own article (given_alone.py), and the clustering joins none over the
corpus, as a given name is many people's ("Vladimir" in an article about a soldier is no
Putin). But where the articles that name a person in full call that person by the given
name alone, often and far more than anyone else of that given name, and the corpus's full
names with that given name are that person's by a wide majority, the name alone is the
person's in the articles that do not name them in full too: US election news's "Hillary"
(91 lone uses in Hillary Clinton's articles, 12 articles of its own, "Great job Hillary!")
was an entry typed "other" beside her; and so is a nickname's "Crooked Hillary"
(cluster.py asks the nickname's guards)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

# Lone uses in the person's own articles: enough to say whom the corpus calls so
# (cluster._ALONE_ENOUGH, as for a surname).
ALONE_ENOUGH = 20
# The person's share of those lone uses and of the full names with that given name.
_SHARE = 0.8
# The given name as anyone's surname at most a quarter of the person's full-name mentions.
_AS_SURNAME = 4


def called_by_given(form: str, firsts_full: Mapping[str, Counter[str]],
                    firsts_alone: Mapping[str, Counter[str]],
                    surnames: Mapping[str, Counter[str]]) -> str | None:
    """The group of the one person the corpus calls by the given name `form` (its
    transliterated form), or None: `firsts_full` and `firsts_alone` (form -> group ->
    count) are the full names' mentions and their own articles' lone uses of their given
    names, `surnames` the full names' mentions by surname."""
    given = firsts_alone.get(form)
    if not given:
        return None
    total = given.total()
    if total < ALONE_ENOUGH:
        return None
    best, count = given.most_common(1)[0]
    full = firsts_full.get(form)
    if count < _SHARE * total or full is None or full[best] < _SHARE * full.total():
        return None
    as_surname = surnames.get(form)
    if as_surname is not None and as_surname.total() * _AS_SURNAME > full[best]:
        return None
    return best
