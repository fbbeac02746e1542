"""A name a person's cues and pronouns call a person's, against a stray organisation's cue.

`cluster._type` lets any organisation's cue decide a name's type where nothing else has a
third of its mentions: one mention of "Jennifer Aniston" in "told Aniston's publicist at
the media firm" made her a medium, Selena Gomez an organisation, in an entertainment corpus
whose pages name them a hundred times with "she" after them. A person's own cues (a title,
"said") and the personal pronouns that take the name up ("Aniston ... she") are counted
against such cues: where they are more, and the name reads as a person's (two or three
words, or a person's cue of its own), it is a person's. "He" after a name is often
another's ("the Treasury ... he said"), so the pronouns alone never decide it: the name
needs a person's cue of its own as well.
"""

from __future__ import annotations

# A lone word's personal pronouns must be this many times its neuter ones (plus one) to
# make it a person's with no organisation's cue ("Beyonce ... she" twelve times, "it" twice).
_PERSONAL_OVER_NEUTER = 3


def person_over_org(person: int, personal: int, org_votes: int, full_name: bool) -> bool:
    """Whether a name with `person` cues of a person's, `personal` pronouns after it and
    `org_votes` organisation cues (under a third of its mentions) is a person's."""
    return person > 0 and full_name and person + personal > org_votes


def person_by_pronouns(person: int, personal: int, neuter: int) -> bool:
    """Whether a name with no organisation's cue, `person` cues of a person's, and
    `personal` and `neuter` pronouns after it is a person's."""
    return person > 0 and personal >= _PERSONAL_OVER_NEUTER * (neuter + 1)
