"""A name no cue types that reads as a person's: a given name and a surname.

"FDA deputy commissioner for foods Mike Taylor", "Dawn Sweeney, president and CEO of the
National Restaurant Association", "Yuvraj Singh broke through": a person's name after a
long noun phrase, or opening a sentence, has no cue the extractor reads (a title right
before it, "said" after it), so `cluster._type` left it `other`. A name of two or three
words whose first is a given name that many countries give (data/given_names.txt and the
wider data/given_names_wide.txt, both generated from the nomquamgender package:
tests/data_gen/given_names.py) is a person's when nothing says otherwise:

- no cue of any other kind (an organisation's, a place's, a thing's) and no "it" after it
  outnumbering "he"/"she": "Morgan Stanley said it", "Santa Clara" after "in" keep theirs;
- written as a name is, every word capitalised and none in capitals ("Louis XIV", "Mike
  TAYLOR" of a shouted line are not read);
- its given name never written in lower case in the articles that name it ("Will Smith"
  where the article writes "will", "Rose Garden" where it writes "rose"): a word, not a
  given name, there;
- its last word no organisation's or place's head noun ("Christian Democratic Union",
  "Victoria Park", "Warner Bros" end in one), its first no particle or compass point
  ("La Rochelle", "West London");
- neither its first nor its last word a country's, region's or dictionary place's name
  ("Georgia Tech", "Jordan Valley", "Saharan Africa", "Ford Europe").

The rule uses one key's stats alone, so a patch's region clusters it as a whole corpus does.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping

from newsdesk.index.actors.extract import COMPANY_SUFFIXES
from newsdesk.index.actors.given_alone import NUMBER_WORDS
from newsdesk.index.actors.given_lists import NOT_GIVEN, person_given_names
from newsdesk.index.actors.pronouns import NEUTER, PERSONAL


def _written_as_name(surface: str) -> bool:
    words = surface.split()
    return 2 <= len(words) <= 3 and all(
        w[:1].isupper() and (len(w) == 1 or not w.isupper()) for w in words)


# Last words of companies' names beyond the extractor's organisation cues and legal
# suffixes ("Warner Bros", "Marvel Studios", "Sequoia Capital", "Sony Music").
_COMPANY_HEADS = frozenset(COMPANY_SUFFIXES) | frozenset((
    "bros", "brothers", "sons", "studios", "studio", "music", "records", "pictures", "films",
    "productions", "entertainment", "capital", "ventures", "partners", "labs", "brands",
    "outfitters", "savings", "securities", "commodities", "insurance", "financial",
    "finance", "resources", "energy", "electric", "lighting", "power", "products", "foods",
    "steel", "oil", "petroleum", "chemical", "chemicals", "mining", "establishment",
    "investments", "trading", "tobacco",
    )) | NUMBER_WORDS  # (and a craft's: "Marine One", given_alone.py)

# The cues that leave a name a person's here: pronouns (an "it" no more often than "he" or
# "she"), and its use as a modifier in under half its mentions ("the Mike Taylor era").
_PRONOUNS = (PERSONAL, NEUTER)
_MODIFIER = "modifier"


def no_cue_against(org: Mapping[str, int], location: int, mentions: int) -> bool:
    """Whether a name's cues say nothing against its being a person's (`org` its kind cues,
    weak ones too: a thing's, a work's, an event's say otherwise)."""
    if location:
        return False
    for cue, n in org.items():
        if cue not in _PRONOUNS and not (cue == _MODIFIER and n * 2 < mentions):
            return False
    return org.get(NEUTER, 0) <= org.get(PERSONAL, 0)


def given_and_surname(key: str, surfaces: Mapping[str, int], articles: int, lower: int,
                      heads: Container[str], place: Callable[[str], bool]) -> bool:
    """Whether a key's words read as a given name and a surname (the module's doc): `heads`
    the head nouns of bodies and places, `place(word)` whether a dictionary names a place
    so. The caller checks that no cue says otherwise (`no_cue_against`)."""
    if " " not in key:  # (most keys)
        return False
    words = key.split()
    if not 2 <= len(words) <= 3 or words[0] not in person_given_names() \
            or words[0] in NOT_GIVEN or words[-1] in heads or words[-1] in _COMPANY_HEADS \
            or (lower and lower * 4 >= articles):
        return False
    best = max(surfaces, key=surfaces.__getitem__) if surfaces else ""
    return _written_as_name(best) and not place(words[0]) and not place(words[-1])
