"""An acronym defined by a phrase in lower case is a common noun's short form, no actor's
name: "artificial intelligence (AI)", "low-density lipoprotein (LDL)", "non-governmental
organisation (NGO)", "electric vehicles (EVs)". A body's or a person's name is written with
capitals ("Federal Bureau of Investigation (FBI)"); the phrase before the bracket is read
only where its words after the first are all in lower case (the first may be a sentence's
or a headline's first word: "Artificial intelligence (AI) beats ..."), and its initials
must spell the acronym as acronym_def.defines has it.

Found per article and kept with the acronyms' definitions (`Extraction.acronyms`), the
phrase marked by `COMMON_NOUN` before it (a name key never starts so); the cluster step
drops an acronym whose definitions are mostly such phrases (cluster._dropped), as it drops
one defined as an agreement or a plan."""

from __future__ import annotations

import re
from collections.abc import Collection

from newsdesk.index.actors.acronym_def import defines
from newsdesk.index.actors.names import initials, name_key

# Marks an expansion that is a lower-case phrase (a name key is never so written).
COMMON_NOUN = "~"

# An acronym of 2-8 capitals (a plural "s" allowed) in brackets after a space.
_BRACKETED = re.compile(r" \(([A-Z]{2,8})s?\)")
# The words before it, read back from the bracket: letters and inner hyphens.
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_LOOK_BACK = 80  # characters before the bracket read for the phrase


def noun_acronyms(text: str, body_words: Collection[str] = ()) -> list[tuple[str, str]]:
    """(acronym key, COMMON_NOUN + phrase key) of each acronym `text` defines by a phrase
    in lower case (see the module's doc). Not a phrase ending in one of `body_words`, a
    body's name written in lower case ("multilateral investment guarantee agency
    (MIGA)"); a two-letter acronym only from two words' initials (not "under the existing
    (UN)": acronym_def takes a letter from inside a word now and then)."""
    found: list[tuple[str, str]] = []
    for m in _BRACKETED.finditer(text):
        acronym, end = m.group(1), m.start()
        begin = max(0, end - _LOOK_BACK)
        words = list(_WORD.finditer(text, begin, end))
        if not words or words[-1].end() != end:  # (the phrase runs up to the bracket)
            continue
        run: list[re.Match[str]] = []
        for w in reversed(words):
            if run and text[w.end():run[-1].start()] != " ":
                break
            run.append(w)
        run.reverse()
        # Its last words that spell the acronym: "the risk of low-density lipoprotein".
        for first in range(len(run) - 2, max(-1, len(run) - len(acronym) - 2), -1):
            lead, rest = run[first], run[first + 1:]
            if any(not w.group().islower() for w in rest) or (
                    not lead.group().islower()
                    and not (lead.group()[1:].islower() and _starts_sentence(text, lead.start()))):
                continue  # "Apple Intelligence (AI)": a name's capitals
            key = " ".join(w.group().lower().replace("-", " ") for w in run[first:])
            if key[0] == acronym[0].lower() and key[key.rfind(" ") + 1:] not in body_words \
                    and (initials(key) == name_key(acronym)
                         or (len(acronym) > 2 and defines(acronym, key))):
                found.append((name_key(acronym), COMMON_NOUN + key))
                break
    return found


def _starts_sentence(text: str, at: int) -> bool:
    """Whether the word at `at` opens the text, a line or a sentence."""
    begin = max(0, at - 12)
    before = text[begin:at].rstrip(" \t\"'“‘(")
    return before[-1] in ".!?:\n" if before else begin == 0
