"""Names of contests, told by the words around them: "won Wimbledon", "the Wimbledon
champion", "a Champions League tie". A tournament, a league competition or an award is no
actor, yet its name may be one word with no head noun ("Wimbledon") or end in a word that
also heads bodies ("League", as in "Arab League"), so `not_actors.py` cannot tell it from
the name alone.

Cues, each generic English, not any corpus's:

- a verb of winning just before the name ("won the X", "to win X"): a team or a person is
  beaten, played or joined, and what is won is a contest, a title or an award;
- a noun after a one-word name that only a contest takes ("X champion", "X final",
  "X semi-final"): a club's or a country's name is followed by "squad" or "fans", not by
  "champion" ("Olympic champion" is a demonym's, and the dictionaries keep those);
- a contest's noun after a name whose head word makes it a body's and a contest's both
  ("X League tie", "X League final"): the noun says which one is meant.

The extractor marks such a mention an event's (`EVENT`); the cluster step drops a name
whose mentions carry the cue in a fifth of its uses (`cluster._names_event`)."""

from __future__ import annotations

EVENT = "event"  # the extractor's org_type for a mention with a contest's or an event's cue


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs of winning before a name ("the" skipped): "won the Grand Prix", "winning Wimbledon".
WIN_VERBS = _words("won win wins winning")
# Nouns after a one-word name that only a contest takes ("title" is left out: "a Nintendo
# title" is a game's, "an ATP title" a tour's).
CONTEST_AFTER = _words("""
champion champions final finals semi-final semi-finals quarter-final quarter-finals
finalist finalists semi-finalist semi-finalists crown trophy
""")
# The head words of bodies that name contests too ("X League": the body and its
# competition); no other body-worded name is read for a contest's noun after it.
CONTEST_BODIES = (" league",)
# Nouns after a body-worded name that make it a contest's ("Champions League tie", "a
# Champions League group", "a Champions League berth"): a contest's own, not an assembly's
# ("Party conference", "Union congress" stay the body's; "League victory" is a party's too).
CONTEST_OF_BODY = CONTEST_AFTER | _words("""
tie ties clash clashes match matches fixture fixtures game games title titles decider opener
showdown first-leg second-leg
group groups stage qualifier qualifiers qualifying campaign berth holders
""")
