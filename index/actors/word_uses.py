"""Capitalised words an article uses as something other than a name: a demonym used as a
language's name ("knowledge of English", "in French and English", "the English version"),
which is no mention of the country (England's "English"), and an interjection ("Oh no, ...",
"Oh. My."), which is no name at all. Generic English, not any corpus's."""

from __future__ import annotations

import re
from operator import attrgetter

from newsdesk.index.actors.languages import language_keys
from newsdesk.index.actors.records import Mention

# Interjections: capitalised where they open a sentence or a quote, never a name alone (a
# person named so has a person's cue: "Mr Oh"; a full name is no one word: "Oh Se-hoon").
INTERJECTIONS = frozenset((
    "oh", "ohh", "ah", "ahh", "aha", "aw", "aww", "wow", "whoa", "hey", "hmm", "hm", "uh", "um",
    "umm", "er", "erm", "ooh", "oops", "ouch", "alas", "yay", "yikes", "ugh", "phew", "psst",
    "shh", "eh", "huh"))

# English prefixes written before a hyphen ("Re-open", "Co-founder", "Non-profit",
# "Anti-war"): capitalised at a sentence's start or in a title-case line, no name by itself
# (a name goes on past them: "Organisation for Economic Co-operation", "Illinois Co-op").
WORD_PREFIXES = frozenset((
    "re", "pre", "co", "non", "anti", "ex", "self", "multi", "semi", "post", "sub", "inter",
    "mid", "over", "under", "counter", "pro", "mis"))

# A language's name is a demonym's adjective form ("English", "French", "Japanese", "Arabic",
# "Thai", "Greek"): not a country's other name ("Britain", "Holland", "Burma") nor a people's
# plural ("Britons").
_WORD_USE_KEYS = INTERJECTIONS | WORD_PREFIXES
_KEY = attrgetter("key")

_LANGUAGE_ENDINGS = ("ish", "sh", "ese", "ch", "ic", "an", "i", "ek", "ak", "ik", "kh")
# A page, a version or a translation is in a language; it is spoken ("English-speaking").
_LANGUAGE_AFTER = re.compile(
    r"[ \-‐](?:language|languages|speaking|speaker|speakers|version|versions|translation|"
    r"translations|edition|editions|subtitles|subtitled|dubbed|wikipedia|wikinews|grammar|"
    r"dictionary|proficiency|fluency|alphabet|spelling|lessons|page|pages|subtitle|"
    r"newspaper|newspapers|daily|dailies|subject|teacher|teachers|medium|"
    r"classes|course|courses|literature|accent|words|word|name|names|degree|accented|"
    r"translator|translators|interpreter|interpreters|vocabulary|commentary|script|lyrics|"
    r"captions|tuition|"
    r"as (?:a|an|my|his|her|their|our|the) (?:first|second|third|foreign|native|official|"
    r"only|mother) (?:language|tongue))\b")
# It is a language: "English is a link language", "Tamil and Sinhala are the official
# languages", "English would remain the language of ...".
_IS_LANGUAGE = re.compile(
    r"\s+(?:is|are|was|were|remains|remain|became|becomes|(?:will|would|should|must|to) "
    r"(?:remain|be|become))\s+(?:(?:a|an|the|one of the|its|their|our)\s+)?"
    r"(?:[a-z]+\s+){0,2}(?:language|languages|tongue|tongues)\b")
# Something is said or written "in" a language, a knowledge "of" it ...
_IN_LANGUAGE = re.compile(
    r"\b(?:in|knowledge of|command of|fluent in|proficiency in)"
    r"(?:\s+(?:broken|fluent|perfect|plain|halting|good|poor|simple|formal|accented|standard|"
    r"[a-z]+-accented))?\s+$", re.IGNORECASE)
# ... where the word qualifies no noun after it (not "in French custody", "in
# Indian-administered Kashmir", "in British Davis Cup tennis").
_NO_NOUN_AFTER = re.compile(r"\s*(?:[,.;:!?)\]\"“”'‘’–—]|$)|\s+(?:and|or|but)\s+[a-z]"
                            r"|\s+(?:on|by|to|at|with|from|during|when|while|because)\s")
# ... and one speaks, learns, teaches, studies or translates a language, with no noun after it
# either ("speaks English at home"; not "studying Philippine proposals").
_LANGUAGE_VERBS = (
    "speak", "speaks", "spoke", "spoken", "speaking", "learn", "learns", "learning", "learned",
    "learnt", "teach", "teaches", "teaching", "taught", "study", "studies", "studied",
    "studying", "translated into", "translated from", "translation into", "translation from",
    "translations into", "dubbed into", "written in")
# ... with a word of how much or how well between ("speak much English", "speaks fluent
# English", "learned some English").
_HOW_WELL = ("much", "little", "some", "any", "no", "fluent", "good", "perfect", "basic",
             "broken", "better", "excellent", "passable", "halting")
_LANGUAGE_VERB = re.compile(r"\b(?:" + "|".join(_LANGUAGE_VERBS) + r")(?:\s+(?:"
                            + "|".join(_HOW_WELL) + r"))?\s+$", re.IGNORECASE)
_VERB_NO_NOUN_AFTER = re.compile(
    r"\s*(?:[,.;:!?)\]\"“”'‘’–—]|$)|\s+(?:at|in|on|to|and|or|but|with|for|from|as|well|since|"
    r"fluently|very|when|while|because|so|is|was|too|only|better|badly|poorly|last|this|"
    r"next|yesterday|today|now|later|again|instead|also|then)\b")
# Another language joined to it ("in French and English", "in English, French or Spanish").
_JOINED_BEFORE = re.compile(r"([A-Z][a-z]+)(?:,\s*|,?\s+(?:and|or)\s+)$")
_JOINED_AFTER = re.compile(r"(?:,\s*|,?\s+(?:and|or)\s+)([A-Z][a-z]+)")
_REACH = 60  # characters looked at before a word


def _language_word(key: str, demonyms: frozenset[str]) -> bool:
    return key in demonyms and " " not in key and (
        key.endswith(_LANGUAGE_ENDINGS) or key in language_keys())


def _joined_language(key: str, demonyms: frozenset[str]) -> bool:
    """A language's name joined before a demonym used as one: a demonym's (`_language_word`)
    or a language no country's demonym names, ending as languages' names do ("in Hindi and
    English", "in Punjabi and English", "in Swahili or English"). (Only before an "in", "of"
    or a language verb: "in Delhi and English" is no sentence.)"""
    return _language_word(key, demonyms) or key in language_keys() or (
        key not in demonyms and key.isalpha() and key.endswith(_LANGUAGE_ENDINGS))


# The last words of `_IN_LANGUAGE`'s phrases (`_LANGUAGE_VERB`'s: `_LANGUAGE_VERBS`), and
# how `_JOINED_BEFORE`'s matches end: a text before a demonym that ends (white space aside) in
# none of them matches none of those patterns, each tried at every character of it (most
# demonyms are no language: "the British government").
_IN_LANGUAGE_ENDS = ("in", "of", "broken", "fluent", "perfect", "plain", "halting", "good",
                     "poor", "simple", "formal", "accented", "standard")
_JOINED_BEFORE_ENDS = (",", "and", "or")
_VERB_ENDS = _LANGUAGE_VERBS + _HOW_WELL


def _may_end_with(before: str, ends: tuple[str, ...]) -> bool:
    """False where a case-blind pattern `\\b(?:END|...)\\s+$` cannot match `before`: it ends
    in no white space, or (in ASCII, where only ASCII letters match ASCII ones blind to
    case) its last words are none of `ends`."""
    if not before[-1:].isspace():
        return False
    return not before.isascii() or before.rstrip().lower().endswith(ends)


def _language_use(text: str, m: Mention, demonyms: frozenset[str]) -> bool:
    """Whether a lone demonym names a language where it stands."""
    after = text[m.end:m.end + _REACH]
    # Past the languages joined to it: "French and English versions".
    while (joined := _JOINED_AFTER.match(after)) \
            and _joined_language(joined.group(1).lower(), demonyms):
        after = after[joined.end():]
    if _LANGUAGE_AFTER.match(after) or _IS_LANGUAGE.match(after):
        return True
    before = text[max(0, m.start - _REACH):m.start]
    while before.rstrip().endswith(_JOINED_BEFORE_ENDS) \
            and (joined := _JOINED_BEFORE.search(before)) \
            and _joined_language(joined.group(1).lower(), demonyms):
        before = before[:joined.start()]
    if _may_end_with(before, _IN_LANGUAGE_ENDS) and _IN_LANGUAGE.search(before):
        return _NO_NOUN_AFTER.match(after) is not None
    return _may_end_with(before, _VERB_ENDS) \
        and _LANGUAGE_VERB.search(before) is not None \
        and _VERB_NO_NOUN_AFTER.match(after) is not None


def _word_cased(surface: str) -> bool:
    """"Oh", not "OH" nor "A.H." (initials) nor "EH 101" (a code)."""
    return surface[:1].isupper() and surface[1:].isalpha() and surface[1:].islower()


def word_use_keys(found: list[Mention], demonyms: frozenset[str]) -> set[str]:
    """The keys of `found` that may be a word's use (`word_use`): those of the words above
    or a demonym. (Most articles have none, and their mentions are not looked at.)"""
    keys = set(map(_KEY, found))
    return (keys & _WORD_USE_KEYS) | (keys & demonyms)


def word_use(m: Mention, text: str, demonyms: frozenset[str]) -> bool:
    """Whether a mention of a key of `word_use_keys` is a language's name, an interjection
    or an English prefix ("Re-open") where it stands in `text` (the title's are left: a
    headline says less)."""
    key = m.key
    if m.in_title or " " in key:
        return False
    if key in INTERJECTIONS:
        return not m.person_cue and _word_cased(m.surface)
    if key in WORD_PREFIXES:
        return _word_cased(m.surface) and text[m.end:m.end + 1] in ("-", "‐") \
            and text[m.end + 1:m.end + 2].islower()
    return _language_word(key, demonyms) and _language_use(text, m, demonyms)


def drop_word_uses(found: list[Mention], text: str, demonyms: frozenset[str]) -> None:
    """Drop (in place) the mentions of `found` that are a word's use (`word_use`)."""
    maybe = word_use_keys(found, demonyms)
    if not maybe:
        return
    keep = [m for m in found if m.key not in maybe or not word_use(m, text, demonyms)]
    if len(keep) != len(found):
        found[:] = keep
