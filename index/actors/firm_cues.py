"""A firm named after people: "Piper Jaffray", "Raymond James", "Tucker Anthony". Its name
reads as a given name and a surname (given_person.py types such a name a person's where
no cue says otherwise), so the text's evidence that it is a firm is read as a body's cue:

- the name is the first part of a firm's name joined by "and" that ends in a legal form:
  "Piper Jaffray and Hopwood Inc", "Tucker Anthony and R.L. Day Inc";
- a firm's staff for it: "an analyst for Piper Jaffray", "economist for X" ("an analyst
  at X" already is: extract.py);
- its chair and analysts after it: "Raymond James chair and CEO", "Piper Jaffray analyst
  Gary Smaby" (cue_words.TEAM_AND_PROGRAMME_NOUNS).

Each is a look at the few characters next to one mention, no pass over the article. The cue
is FIRM, not an organisation's: a person's firm is often named after them ("Ivan Boesky and
Co", "head trader for Ivan Boesky's Seemala Corp"), so `cluster._type` counts FIRM cues as
an organisation's only where they outnumber the name's person cues ("Ivan Boesky said he"
keeps a person). Any FIRM cue keeps given_person.py from typing the name a person's.
(Tried and dropped: someone "of" the name, "said Harry Laubscher of Tucker Anthony": as
often a work's title, "The Life and Death of Peter Sellers", "The Journey of Romeo
Dallaire".)"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Mapping
from typing import Protocol

from newsdesk.index.actors.pronouns import PERSONAL

FIRM = "firm"  # the extractor's org_type for the evidence above (a strong cue in rows.py)

# "and Hopwood Inc", "and R.L. Day Inc.", "and Co Inc": one capitalised word at most (after
# initials), then a legal form (extract.COMPANY_SUFFIXES, written as firms write them). Not
# two: "investor Asher Edelman and Dominion Textile Inc" names two actors. (The extractor
# asks where the word after the name is "and": not "&", a name's own inside.)
_JOINED_FIRM = re.compile(
    r" and (?:[A-Z]\.)*(?: ?[A-Z][\w'’-]*,? )?"
    r"(?:Inc|Co|Corp|Corporation|Ltd|Plc|PLC|LLC|AG|SA|NV|GmbH|BV|SpA|KK|Cos|Company)\b")

# A firm's staff before "for" and the firm's name (singular: `staff_before` strips an "s").
_STAFF = frozenset(("analyst", "economist", "strategist", "trader", "broker", "underwriter"))


def joined_firm(text: str, end: int) -> bool:
    """Whether the name ending at `end` starts a firm's name joined by "and" ("Piper
    Jaffray and Hopwood Inc")."""
    joined = _JOINED_FIRM.match(text, end)
    return joined is not None and not and_company(text, joined.end())


# "and Co" then a plural verb: the colloquial "and company", a person's or a team's side
# ("Paul Pogba and Co have started the season miserably"); a firm takes a singular one
# ("Merrill Lynch and Co has", "... and Co said").
_AND_COMPANY = re.compile(r"\s+(?:have|are|were|'ve|'re)\b")


def and_company(text: str, end: int) -> bool:
    """Whether the "and Co" ending at `end` is the colloquial "and company" (a plural verb
    after it), not a firm's legal form."""
    return text[end - 2:end] == "Co" and _AND_COMPANY.match(text, end) is not None


def staff_before(word: str) -> bool:
    """Whether `word` (lower case), before "for" and a name, is a firm's staff ("analyst
    for X", "analysts for X")."""
    return word.rstrip("s") in _STAFF


def body_outvotes(body: int, person: int, personal: int, given_first: bool) -> bool:
    """Whether a name cued as a person's ("Morgan Stanley said", "Fitch Ratings said") is a
    body's by its other cues: a body's, a firm's and "it"s after it (`body`: "Morgan Stanley
    shares", "analyst at Fitch Ratings", "Fitch Ratings said it") outnumber its person cues
    and "he"/"she"s (`person`, `personal`): "said" is a firm's as often as a person's, a
    "he" never (it counts five times: "Burna Boy ... he" twice, a singer's "fans" and
    "concert" seven times). Twice over where the name opens with a given name (`given_first`:
    "Morgan Stanley" reads as a person's; "Allen Stanford", 4 person cues and 3 stray body
    cues, is one)."""
    return body > (person + _HE * personal) * (2 if given_first else 1)


_HE = 5  # what a "he"/"she" after a name weighs against its body cues (`body_outvotes`)


def firm_outvotes(firm: int, person: int, personal: int) -> bool:
    """Whether a name's FIRM cues (`firm`) make it an organisation's: more of them than of
    its person cues and "he"/"she"s after it (`person`, `personal`)."""
    return firm > person + personal


class FirmStats(Protocol):
    """What the firm rules read of a name's counts (cluster.KeyStats has it)."""

    key: str
    mentions: int
    person: int

    @property
    def org(self) -> Mapping[str, int]: ...


def suffixed_firm(suffixed: FirmStats, base: FirmStats) -> bool:
    """Whether a name with a legal suffix ("Merrill Lynch and Co Inc") says that the name
    without it ("Merrill Lynch", cued "said" as a person is) is that firm's: the suffixed
    form, anywhere in the corpus, more often than the bare name's person cues and
    "he"/"she"s after it. A person's firm named after them keeps them a person where they
    are cued one more often ("Ivan Boesky said he" against a rare "Ivan Boesky and Co").
    The bare name has a cue of its own that is no person's (an "it", a body's, a firm's):
    a name cued "said" alone is as often a clipped one ("Investors Service" of "Moody's
    Investors Service", whose longer names would follow it in)."""
    return firm_outvotes(suffixed.mentions, base.person, base.org.get(PERSONAL, 0)) \
        and any(n and cue != PERSONAL for cue, n in base.org.items())


def suffixed_firm_of(stats: Iterable[FirmStats], suffixes: Container[str]) -> bool:
    """Whether an actor its cues typed a person's is a firm by the names with a legal
    suffix (`suffixes`, last words) among its keys: their mentions outnumber the person
    cues and "he"/"she"s of its other keys (`suffixed_firm`, read over the actor)."""
    firm = person = personal = 0
    for s in stats:
        if s.key[s.key.rfind(" ") + 1:] in suffixes:
            firm += s.mentions
        else:
            person += s.person
            personal += s.org.get(PERSONAL, 0)
    return firm > 0 and firm_outvotes(firm, person, personal)
