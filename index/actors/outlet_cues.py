"""News outlets named by what outlets do, with no cue word in their names: "a source told
Radar", "multiple sources confirm to Us Weekly", "as Us Weekly previously reported",
"(Reuters Health) - People who ...". Celebrity and health news quote other outlets this way
on every page, and the outlets were typed "other" (People, Us Weekly, Radar, Reuters Health
in the top 30 of two corpora). The cues are English usage, not any corpus's names:

- an anonymous source, an insider or a spokesperson tells, confirms or reveals something
  *to* a name: that name is the outlet they spoke to (people are told things too, but a
  report's sources speak to the press);
- "as X reported" / "as X previously reported": a report's author, in a sentence that
  cites it;
- a name in brackets before a dash at the very start of the text, where a wire's dateline
  puts its agency ("(Reuters Health) - ", "(AP) — "), after a dateline's place and day
  ("New Delhi, Aug 9 (PTI) Bomb squads"), or alone on a line, a picture's credit ("(PTI)"),
  or credited with the wires it drew on ("(TRT World and Agencies)");
- a report's attribution closing a clause: "..., PTI reported." / "..., reports ANI.";
- anyone telling something to a name in capitals, initials ("Patil told HT", "she told
  NDTV"): people are told things by name, the press by its initials (a body told
  something, "told the UN", takes "the" and is a dictionary's name anyway).

A mention given a stronger cue by its own words or context keeps it: only one with none, or
a weak one (a pronoun's, "the"), becomes the medium's.
"""

from __future__ import annotations

import re

from newsdesk.index.actors.pronouns import WEAK_CUES
from newsdesk.index.actors.records import Mention

MEDIA = "media"

# The text before a name: a source (with up to four words between: "a source close to the
# couple", "sources have") telling, confirming or revealing to it.
_TOLD = re.compile(
    r"\b(?:[Ss]ources?|[Ii]nsiders?|[Ss]pokes(?:person|man|woman)|[Rr]ep|[Rr]epresentatives?"
    r"|[Pp]ublicists?)\b(?:[ \t]+[\w'’,-]+){0,4}?[ \t]+"
    r"(?:told|tells|tell|(?:confirm|confirms|confirmed|reveal|reveals|revealed|said|says|"
    r"spoke|speaks|admitted|admits|explained|explains)[ \t]+to)[ \t]+(?:the[ \t]+)?$")
# "As X reported", "as X previously reported", "as X first reported": X's report.
_AS_BEFORE = re.compile(r"(?:^|[\s(\"“])[Aa]s[ \t]+(?:the[ \t]+)?$")
_REPORTED_AFTER = re.compile(
    r"[ \t]+(?:(?:previously|first|exclusively|originally|recently|also|has|had|have)[ \t]+)*"
    r"report(?:ed|s)\b"
    # then the clause ends, or says when or where ("as CNN reported on Monday"): an object
    # after the verb is what a body reports ("came as Statistics Canada reported real gross
    # domestic product grew": a figure, a statistics office's; stranger10)
    r"(?=[ \t]*(?:[.,;:!?)\n\"”]|$)|[ \t]+(?:on|in|that|last|earlier|this|yesterday|today|"
    r"at|when)\b|[ \t]+[A-Z0-9])")
# "(Reuters Health) - ": a bracketed name before a dash opening the text.
_BRACKET_AFTER = re.compile(r"\)[ \t]*[-–—]")
# "New Delhi, Aug 9 (PTI)": a dateline's place and day before the bracket.
_DATELINE_BEFORE = re.compile(
    r"[A-Z][\w.'’-]*,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+"
    r"\d{1,2}\s*\($")
# "(TRT World and Agencies)": a report's credit, its outlet's and the wires' it drew on.
_AGENCIES_CREDIT = (" and Agencies)", " and agencies)", " and AGENCIES)")
_CREDIT_REACH = 40  # characters before such a name's start where its bracket opens
# "(PTI)" alone on its line: a picture's credit.
_LINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*\($")
_LINE_AFTER = re.compile(r"\)[ \t]*(?:\n|$)")
# "..., PTI reported." : the attribution ends the clause.
_REPORTED_ENDS = re.compile(r"\s+report(?:ed|s)\s*[.;!\n]")
# "..., reports ANI." : the same, the verb first.
_REPORTS_BEFORE = re.compile(r"[,:]\s+report(?:ed|s)\s+$")
_ENDS_CLAUSE = re.compile(r"\s*(?:[.;!\n]|$)")
_REACH = 80  # characters before a name where its source's words are looked for
_AFTER = 40  # characters after a name where "reported" is looked for
# The words `_TOLD` needs (tested in the text before a name, before the pattern is).
_SOURCE_WORDS = ("ource", "nsider", "pokes", "Rep", "rep", "epresentative", "ublicist")
# How the text before such a name ends (a first test of each name, before the patterns).
_TOLD_ENDINGS = (" told ", " tells ", " tell ", " to ", " told the ", " tells the ",
                 " tell the ", " to the ")
_AS_ENDINGS = (" as ", "As ", " as the ", "As the ")
_COMMA_ENDINGS = (", ", ",\u00a0")
_REPORTS_ENDINGS = ("reports ", "reported ", "reports\u00a0", "reported\u00a0")


def _told_initials(m: Mention, before: str, text: str) -> bool:
    """Whether `m`, right after "told" (no "the"), is a name of two to five capitals that
    ends its clause or comes before a word that is no other noun (`_TOLD_ENDS`): "told
    LTTE leader Prabhakaran" told the leader of the LTTE, which is no outlet (a Sri Lankan
    corpus's one such sentence typed the LTTE's 32 mentions of its article a medium)."""
    surface = m.surface
    return before.endswith(" told ") and 2 <= len(surface) <= 5 and surface.isalpha() \
        and surface.isupper() and _TOLD_ENDS.match(text, m.end) is not None


# After an outlet's initials that were told something: the clause ends, or goes on with
# what, when or where ("told HT that", "told NDTV on Monday", "told PTI in an interview"),
# or with the outlet's own words ("told AP news agency", "told BBC radio", "told BBC 6
# Music"); not with another noun ("told EC member states", "told US investors").
_TOLD_ENDS = re.compile(
    r"[ \t]*(?:[^a-z \t]|$|(?:that|on|in|at|when|while|after|before|during|over|by|last|"
    r"this|yesterday|today|and|but|as|for|from|via|with|about|earlier|recently|of|it|he|she|"
    r"they|we|the|a|an|his|her|their|news|agency|radio|television|tv|newspaper|magazine|"
    r"channel|website|programme|program|network|service)\b)")


def _in_brackets(text: str, start: int) -> bool:
    """Whether a bracket opens shortly before `start` and closes nowhere before it (a
    sentence's first name starts at its second word: extract.SENTENCE_FIRST)."""
    opened = text.rfind("(", max(0, start - _CREDIT_REACH), start)
    return opened != -1 and ")" not in text[opened:start]


def mark_outlets(found: list[Mention], text: str) -> None:
    """Give the media's cue to the mentions of `found` (in `text`) that the usage above
    says are outlets, where they have no strong cue of their own."""
    endswith = text.endswith
    opened = -1  # (where a bracket opening the text is: a wire's agency's; -1 unread)
    # (Each kind but `_TOLD` gives the cue only where the text has a "report" or a "(":
    # `_REPORTED_AFTER`, `_REPORTED_ENDS`, `_REPORTS_ENDINGS`, a bracket before the name.
    # In an article with neither, most, the words before a mention are tested for `_TOLD`'s
    # endings alone: no other kind can change it.)
    only_told = "(" not in text and "report" not in text
    for m in found:
        if m.in_title or m.person_cue or (m.org_type is not None
                                          and m.org_type not in WEAK_CUES):
            continue  # (its span is the title's; a cue of its own is kept, whatever is before)
        start = m.start
        if text.startswith(_AGENCIES_CREDIT, m.end) and _in_brackets(text, start):
            m.org_type = MEDIA  # "(TRT World and Agencies)": a report's credit
            continue
        # (Most mentions: two tests of the words before them, in C, no slice made.)
        if endswith(_TOLD_ENDINGS, 0, start):
            kind = _TOLD
        elif only_told:
            continue
        elif endswith(_AS_ENDINGS, 0, start):
            kind = _AS_BEFORE
        elif start and text[start - 1] == "(":
            if opened == -1:
                opened = len(text) - len(text.lstrip())
            kind = None if start - 1 == opened else _DATELINE_BEFORE
        elif endswith(_COMMA_ENDINGS, 0, start):
            kind = _REPORTED_ENDS
        elif endswith(_REPORTS_ENDINGS, 0, start):
            kind = _REPORTS_BEFORE
        else:
            continue
        end = m.end
        if kind is None:
            if _BRACKET_AFTER.match(text, end):
                m.org_type = MEDIA
            continue
        if kind is _REPORTED_ENDS:
            if _REPORTED_ENDS.match(text, end, end + _AFTER):
                m.org_type = MEDIA
            continue
        if kind is _DATELINE_BEFORE:
            if text[end:end + 1] == ")" and (
                    _DATELINE_BEFORE.search(text, max(0, start - _REACH), start)
                    or (_LINE_BEFORE.search(text, max(0, start - _REACH), start)
                        and _LINE_AFTER.match(text, end))):
                m.org_type = MEDIA
            continue
        if kind is _REPORTS_BEFORE:
            if _ENDS_CLAUSE.match(text, end) \
                    and _REPORTS_BEFORE.search(text, max(0, start - 12), start):
                m.org_type = MEDIA
            continue
        before = text[max(0, start - _REACH):start]
        before = before[before.rfind("\n") + 1:]
        if kind is _TOLD:
            if (any(map(before.__contains__, _SOURCE_WORDS)) and _TOLD.search(before)) \
                    or _told_initials(m, before, text):
                m.org_type = MEDIA
        elif _REPORTED_AFTER.match(text, end, end + _AFTER) and _AS_BEFORE.search(before):
            m.org_type = MEDIA
