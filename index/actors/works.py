"""Names of works and products, told by the words around them: "the comedy Sideways",
"the biopic Ray", "Halo 2", "the Xbox console". A film, a game or a gadget is no actor, yet
its name looks like one (a capitalised word or run) and has no head noun that says what it
is, so `not_actors.py` cannot tell it from the name alone.

Three cues, each generic English, not any corpus's:

- a noun of a kind of work just before the name ("the film X", "drama X", "programme X"),
  or a phrase that takes a work ("her role in X", "a version of X", "films such as X");
- a noun just after it that only works take ("X starring", "X trilogy", "X console", "X
  version", "X operating system"), or
  its cast or director set off by a comma ("X, starring Y", "X, directed by Y");
- a sequel's, a model's or a version's number after it ("Halo 2", "PlayStation 3",
  "Windows 11"), or a designation's
  after an acronym ("PL 480"), not a score ("Chelsea 2-1"), a time, a share or a quantity
  ("Unit 2 mln").

The cluster step drops a name whose mentions carry a cue in a fifth of its uses (the share
the event rule of `cluster._names_event` asks), so that a company named once before its
console ("the Nintendo console") stays an actor."""

from __future__ import annotations

import re

WORK = "work"  # the extractor's org_type for a mention with a work's cue


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Kinds of work a name may follow: "the film Sideways", "hit comedy Sideways". Verbs that
# also take a club or a party as object ("play Chelsea", "polls show Labour") are left out.
WORK_BEFORE = _words("""
film films movie movies comedy comedies drama dramas biopic thriller thrillers documentary
musical sitcom cartoon album albums song novel sequel programme programmes blockbuster
game series soap
""") | _words("spacecraft probe moon asteroid comet")  # "the moon Titan", "the probe Huygens"
# (Not "planet": "wherever on this planet, Qassem Soleimani" reads across the comma.)
# Nouns after a name that only a product of a maker takes ("Android phones", "the Vision Pro
# headset", "the Maps app", "the Keystone XL pipeline", "the Firefox browser", "the Cassini
# spacecraft", "Mars rovers": a craft or the world it is sent to): a maker named before its product
# ("Nokia phones") has its own cues in four fifths of its mentions, so the share rule keeps
# it (`names_work`).
PRODUCT_AFTER = _words("""
phone phones smartphone smartphones tablet tablets headset headsets app apps
pipeline pipelines browser browsers
spacecraft rover rovers lander landers orbiter orbiters telescope telescopes
""")
# Nouns after a name that a public programme takes, not a body: its beneficiaries, enrollees,
# recipients, its coverage, reimbursements and eligibility ("Medicare beneficiaries").
PROGRAMME_AFTER = _words("""
beneficiaries enrollees recipients coverage reimbursement reimbursements eligibility
""")
# Nouns after a name that only a work or a product takes: "Lord of the Rings trilogy"; and
# a market index, its publisher's product: "the Hang Seng index", "the TSX composite".
WORK_AFTER = _words("""
starring sequel sequels prequel trilogy soundtrack console consoles handset handsets
franchise episode episodes version versions operating index indices composite industrial
""") | PRODUCT_AFTER | PROGRAMME_AFTER
# A word of WORK_AFTER that takes a work's cue only with the word after it: "X operating
# system" (not "X operating profit"), "the Dow Jones industrial average" (not "Siemens
# industrial unit").
_PAIRED = {"operating": (" system", " systems"), "industrial": (" average", " averages")}
# A number of one or two digits after a name, then a word or the end of a clause: "Halo 2
# is", "PlayStation 3.", "Windows 11's", "iOS 16" (not "2-1", "2.5", "2:30", "2/3", "2%",
# "2,000", nor three digits: "Dunmore 245 all out"). (Two digits: "Windows 11" was #28 of
# a headline corpus's actors; on BBC and Reuters they mark only works and no actor's
# fifth: "Band Aid 20", "Commodore 64", "Chapter 11".)
_NUMBER_AFTER = re.compile(r" [1-9]\d?(?![\d\-–—:/%]|[.,]\d)(?: ([a-z]+))?")
# Words after such a digit that make it a quantity ("Unit 2 mln", "Group 5 pct").
_QUANTITY = _words("""
per pct percent mln bln billion million thousand years year months month weeks week days
day hours points goals runs pounds dollars shares cents
""")


# Phrases before a name that end in "in", "of" or "as" and make it a work's: "her role in
# X", "starred in X", "a version of X", "the premiere of X", "films such as X".
_PHRASE_BEFORE = {
    "in": _words("role roles starred starring stars appeared appears appearance cameo"),
    "of": _words("""version versions copy copies edition editions remake premiere screening
        adaptation sequel season seasons episode episodes"""),
    # A programme one enrols in or is covered under ("enrolled in Medicare", "coverage
    # under Medicaid").
    "under": _words("coverage covered insured"),
    "for": _words("qualify qualifies qualified qualifying eligible eligibility"),  # Medicaid
}
_PHRASE_BEFORE["in"] = _PHRASE_BEFORE["in"] | _words(
    "enrolled enroll enrolls enrolling enrollment enrolment enrol")  # "enrolled in Medicare"
WORK_PHRASE_ENDS = frozenset((*_PHRASE_BEFORE, "as"))
# The words before those ends that may make such a phrase (a first test, before the call).
WORK_PHRASE_WORDS = frozenset((*(w for ws in _PHRASE_BEFORE.values() for w in ws), "such"))


def work_phrase(before: list[str], at: int) -> bool:
    """Whether the words that end with `before[at]` (lower-cased, one of WORK_PHRASE_ENDS)
    make the name after them a work's."""
    last = before[at].lower()
    if at < 1:
        return False
    word = before[at - 1].lower()
    if last == "as":  # "films such as X", "games such as X"
        return word == "such" and at >= 2 and before[at - 2].lower() in WORK_BEFORE
    return word in _PHRASE_BEFORE.get(last, ())


def work_before(previous: str) -> bool:
    """Whether the lower-cased word before a name ("the" skipped) is a kind of work."""
    return previous in WORK_BEFORE


# A work's cast or director set off by a comma after its name: "Closer, starring X".
WORK_APPOSED = (", starring ", ", directed by ")


def work_after(text: str, end: int, noun: str) -> bool:
    """Whether what follows a name that ends at `end` makes it a work's: a noun only works
    take (`noun`, the lower-case word after it, "" if none), its cast or director set off by
    a comma (`WORK_APPOSED`), or a sequel's number."""
    if noun in WORK_AFTER:
        paired = _PAIRED.get(noun)
        return paired is None or text.startswith(paired, end + 1 + len(noun))
    if not noun and text.startswith(WORK_APPOSED, end):
        return True
    if end + 1 >= len(text) or not text[end + 1].isdigit():
        return False
    found = _NUMBER_AFTER.match(text, end)
    if found is None and _acronym_before(text, end):
        found = _DESIGNATION_AFTER.match(text, end)  # "PL 480", "SR 71"
    return found is not None and (found.group(1) or "") not in _QUANTITY


# A number of two to four digits after an acronym: a designation ("PL 480": a law and its
# programme; "SR 71", "B 52": models), as a sequel's number is a work's. After other names it
# may be a score, a total or a table's figure ("Dunmore 245 all out").
_DESIGNATION_AFTER = re.compile(r" [1-9]\d{1,3}(?![\d\-–—:/%,]|\.\d)(?: ([a-z]+))?")


def _acronym_before(text: str, end: int) -> bool:
    """Whether the name ending at `end` ends with a word of two to four capitals."""
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    word = text[start:end]
    return 2 <= len(word) <= 4 and word.isupper() and (start == 0 or not text[start - 1].isalnum())


def names_work(works: int, mentions: int) -> bool:
    """A name with a work's cue in three of its mentions and a fifth of them at least."""
    return works >= 3 and works * 5 >= mentions


# A show's, a film's or a book's title made of a gerund and "with the" (a particle between
# them maybe): "Keeping Up With the Kardashians", "Dancing with the Stars", "Sleeping with
# the Enemy". The scan cut it at "with the" into a lone gerund and the name after it, each
# listed as an actor ("Keeping" and "Stars" were #23 and #24 of a celebrity corpus's).
_GERUND_TITLE = re.compile(r"(?: (?:Up|Out|Down|Off|Away|On|In|Along|Over|Back|Around))?"
                           r" [Ww]ith [Tt]he ")
_GERUND_MIN = 6  # letters of a gerund that may lead such a title ("Dating", "Keeping")


def mark_gerund_titles(found: list, text: str, known: frozenset[str]) -> None:
    """Give WORK to a lone capitalised gerund written before "with the" and the name that
    follows it (see `_GERUND_TITLE`), where the gerund is no dictionary's name (a place,
    "Reading", or a person, "Manning", is a name of more than one word or a known one:
    "Peyton Manning with the Colts" is one mention of two words)."""
    starts = None
    for m in found:
        key = m.key
        if len(key) < _GERUND_MIN or not key.endswith("ing") or " " in key or key in known \
                or m.in_title or not m.surface[1:].islower():
            continue
        title = _GERUND_TITLE.match(text, m.end)
        if title is None:
            continue
        m.org_type = WORK
        if starts is None:
            starts = {n.start: n for n in found if not n.in_title}
        after = starts.get(title.end())
        if after is not None and after.key not in known:
            after.org_type = WORK
