"""A name after "at" that is where someone works or studies, not where something happens:
"researchers at Harvard", "a physician at Mount Sinai", "the School of Medicine at Johns
Hopkins". extract.py reads a name after "at" as a place's unless the word before "at" says
that someone works there (a title, "an analyst at"); in health and science news the words
that say so are these, and the health corpora's places list had Johns Hopkins, Harvard and
Mount Sinai in its top 40 (#21, #24, #38) and University College London as a place. The
words are English usage (who works or studies at a body; a body's unit inside another),
not any corpus's names.
"""

from __future__ import annotations

# Who works or studies at a body (lower case, singular: the caller strips a plural's "s").
_PEOPLE = frozenset((
    "researcher", "research", "investigator", "student", "colleague", "doctor", "physician",
    "surgeon", "nurse", "faculty", "fellow", "lecturer", "postdoc", "clinician"))
# A body's unit, named before the body it is part of ("Medicine at Johns Hopkins", "the
# Cancer Center at Harvard"): capitalised, as part of the unit's name.
_UNITS = frozenset((
    "Medicine", "Center", "Centre", "Institute", "School", "Department", "Hospital",
    "College", "Clinic", "Laboratory", "Laboratories", "Program", "Programme"))


def works_at(word: str) -> bool:
    """Whether `word`, just before "at" and a name, says the name is a body someone works
    or studies at."""
    return word in _UNITS or word.lower().rstrip("s") in _PEOPLE
