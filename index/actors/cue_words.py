"""Nouns around a name that say what kind of actor it is, beyond the extractor's own lists
(extract.ORG_APPOSITIVES, extract.KIND_BEFORE): generic English, not any corpus's.

- A kind noun in the plural before a name: "mobile operators Vodafone and T-Mobile",
  "analysts Gartner", "rival firms X and Y". A plural before one name is an apposition of a
  body (its people), or a list of names of that kind: a person's role in the singular
  ("analyst John Smith") is a cue to a person, its plural is not.
- Regulators and watchdogs are public bodies: "media regulator X", "the City watchdog X".
- A body's officers after a name ("X spokesman", "X chief", "X boss"), a team's officers
  and positions ("X coach", "X captain", "X flanker": a club's, or a country's side; a
  dictionary types the countries).
- A broadcaster's programmes after a name: "X soap", "X sitcom", "X bulletin"; a
  broadcast "on" it: "shown on X", "screened on X", "aired on X".
- A company's doings after a one-word name: "X unveiled", "X launched", "X shipped". They
  are a weak cue, as the pronoun "it" is (pronouns.py): a lone surname the article did not
  resolve to a full name does them too, and any other cue outweighs it."""

from __future__ import annotations

from newsdesk.index.actors.firm_cues import FIRM


def _plural(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    return noun + "s"


# Plurals of people's roles before one name: the firm they work for ("analysts Gartner");
# before a full name, the people themselves ("analysts Dana Roe and Ivo Lind").
PEOPLE_PLURALS = frozenset(("analysts", "consultants"))


def plural_appositives(appositives: dict[str, str]) -> dict[str, str]:
    """The plural of each kind noun before a name, of the same type ("firms", "companies"),
    and `PEOPLE_PLURALS` as organisations'."""
    out = {_plural(noun): kind for noun, kind in appositives.items() if not noun.endswith("s")}
    out.update(dict.fromkeys(PEOPLE_PLURALS, "organisation"))
    return {noun: kind for noun, kind in out.items() if noun not in appositives}


PUBLIC_BODY_APPOSITIVES = dict.fromkeys(
    ("regulator", "regulators", "watchdog", "watchdogs"), "government")

# Nouns after a name: a body's officers, a team's officers and positions, a broadcaster's
# programmes; a firm's chair and analysts ("Raymond James chair and CEO", "Piper Jaffray
# analyst Gary Smaby": a firm named after people, firm_cues.py).
_OFFICERS = """spokesman spokeswoman spokesperson chief executives boss coach coaches manager
captain skipper flanker flankers fly-half scrum-half full-back hooker tight-head loose-head
keeper"""
_PROGRAMMES = "soap soaps sitcom sitcoms bulletin bulletins"
TEAM_AND_PROGRAMME_NOUNS: dict[str, str] = {
    **dict.fromkeys(_OFFICERS.split(), "organisation"),
    **dict.fromkeys(_PROGRAMMES.split(), "media"),
    **dict.fromkeys(("chair", "analyst", "analysts"), FIRM),
}

# Verbs after a one-word name that a company's doings take (a person's as well, now and
# then: so only as weak as a pronoun).
_BODY_VERBS = """launched launches unveiled unveils introduced introduces demonstrated
demonstrates acquired acquires shipped ships manufactures manufactured employs hired"""
BODY_VERBS = frozenset(_BODY_VERBS.split())

# Verbs of a body's doings and sayings after a name written in capitals, one word ("NAF
# repelled the attack", "NAF said", "UNT has called"): an acronym is no person's name, so
# a speaker's or an actor's verb after it says a body as the pronoun "it" does (as weak:
# any type's cue outweighs it; ACLED Nigeria's NAF, 150 mentions, had no cue at all).
_ACRONYM_VERBS = """said says stated announced claimed denied confirmed reported warned
accused called urged demanded condemned rejected organised organized held sent supported
conducted repelled raided attacked clashed encountered engaged deployed arrested rescued
killed destroyed ambushed captured recovered intercepted neutralised neutralized fought
registered filed booked questioned summoned seized searched detained probed investigated
chargesheeted"""
ACRONYM_VERBS = frozenset(_ACRONYM_VERBS.split()) | BODY_VERBS

# Nouns after an acronym that say a body's, an agency's or an office's ("CBI officials", "a
# CBI probe", "NIA investigators", "SEC spokesman"): a person's name is no acronym, and a
# place's people are "officials" only where the place is a dictionary's (known names are
# not asked). Generic English of agencies' news, not any corpus's.
_AGENCY_NOUNS = """officials official officers officer spokesman spokeswoman spokesperson
spokespersons probe probes inquiry inquiries investigation investigations investigators
investigator raid raids sleuths chargesheet director chief headquarters"""
AGENCY_NOUNS = frozenset(_AGENCY_NOUNS.split())

# Verbs of broadcasting before "on" and a name: "shown on X", "televised on X".
_BROADCAST_VERBS = "shown screened broadcast televised aired airs airing showing screening"
BROADCAST_VERBS = frozenset(_BROADCAST_VERBS.split())
