"""An article's actor mentions as the store's rows (`mention_rows`), and the extractor a
run's dictionaries make (`make_extractor`): what an extraction process needs, apart from
the actor table (table.py), so that such a process imports no numpy, SQLite store or
clustering (0.17 s of CPU of an extraction process's 0.35 s start, and numpy's pages
resident in it for the whole run). table.py imports both names from here."""

from __future__ import annotations

from collections.abc import Mapping
from operator import itemgetter
from typing import TYPE_CHECKING

from newsdesk.index.actors.bare_homonyms import bare_homonyms
from newsdesk.index.actors.contests import EVENT
from newsdesk.index.actors.country_bodies import country_split
from newsdesk.index.actors.dictionaries import Dictionaries
from newsdesk.index.actors.extract import ORG_CUES, Extraction, Extractor
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.pronouns import PERSONAL, WEAK_CUES
from newsdesk.index.actors.records import Mention
from newsdesk.index.actors.regions import region_keys
from newsdesk.index.actors.repeated_lines import mark, marks_of
from newsdesk.index.actors.state_abbreviations import state_abbreviations
from newsdesk.index.actors.vessels import VESSEL
from newsdesk.index.actors.works import WORK

if TYPE_CHECKING:
    from newsdesk.index.storage.article_store import MentionRow


def make_extractor(dictionaries: Dictionaries) -> Extractor:
    media = frozenset(k for k, head in dictionaries.alias.items()
                      if (e := dictionaries.entries.get(head)) is not None and e.type == "media")
    places = frozenset(k for k, head in dictionaries.alias.items()
                       if (e := dictionaries.entries.get(head)) is not None
                       and e.type == "location")
    bodies = frozenset(k for k, head in dictionaries.alias.items()
                       if (e := dictionaries.entries.get(head)) is not None
                       and e.type not in (None, "person"))
    # (and the shipped regions: "Frankfort, Kentucky", where no dictionary has Kentucky)
    regions = frozenset(k for k, head in dictionaries.alias.items()
                        if (e := dictionaries.entries.get(head)) is not None
                        and e.type in ("location", "country")) | region_keys()
    countries = {k: head for k, head in dictionaries.alias.items()
                 if (e := dictionaries.entries.get(head)) is not None and e.type == "country"}
    # (A US state's name that is a country's or a capital's: Georgia, Washington.)
    state_homonyms = frozenset(
        state for state, _ in state_abbreviations().values()
        if (e := dictionaries.entries.get(dictionaries.alias.get(state, ""))) is not None
        and (e.type == "country" or e.metonym_for is not None))
    # ("Congress": India's party or the US legislature, by the article; bare_homonyms.py)
    bare = bare_homonyms(dictionaries.alias, countries,
                         (w for w, kind in ORG_CUES.items() if kind in ("government", "party")),
                         country_split)
    # (A dictionary's body that names its country apart, "Democratic Party": United
    # States; an article naming another country's body of that name reads its bare
    # mentions as that one: country_bodies.qualify_bodies.)
    # (Its country's parts are its own: Scotland's code "GB-SCT" (ISO 3166-2, led by the
    # alpha-2 code) is the United Kingdom's ("GBR", alpha-3, the one country's code led
    # by "GB"), and "Scottish Labour Party" no other country's Labour Party.)
    led_by: dict[str, list[str]] = {}
    for head, e in dictionaries.entries.items():
        if e.type == "country" and e.code and "-" not in e.code:
            led_by.setdefault(e.code[:2], []).append(head)
    parts: dict[str, set[str]] = {}
    for head, e in dictionaries.entries.items():
        if e.type == "country" and e.code and "-" in e.code \
                and len(whole := led_by.get(e.code.split("-")[0], ())) == 1:
            parts.setdefault(whole[0], {whole[0]}).add(head)
    own_country = {k: frozenset(parts.get(country, (country,)))
                   for k, head in dictionaries.alias.items()
                   if (e := dictionaries.entries.get(head)) is not None and e.country
                   and (country := countries.get(name_key(e.country), name_key(e.country)))}
    return Extractor(frozenset(dictionaries.alias), dictionaries.demonym_keys,
                     dictionaries.capital_keys, media, places, bodies, regions, countries,
                     state_homonyms, bare, own_country)


def mention_rows(article_id: str, extraction: Extraction) -> list[MentionRow]:
    """The store's rows for one article: one per (key, surface)."""
    # (Plain dictionaries and a step only for the cues a mention has: this ran for every
    # mention of every article, 14% of the extraction process's time with Counters. Most
    # rows have one mention: their row is read off it, with no lists to add up.)
    grouped: dict[tuple[str, str], list[Mention]] = {}
    for m in extraction.mentions:
        # (The form with the country's word cut off before it, where it still fits.)
        pair = (m.key, m.lead + m.surface if m.lead and m.lead_at == m.start else m.surface)
        same = grouped.get(pair)
        if same is None:
            grouped[pair] = [m]
        else:
            same.append(m)
    rows: list[MentionRow] = []
    text = extraction.text
    known = extraction.known
    for (key, surface), same in grouped.items():
        if len(same) == 1:
            m = same[0]
            span = f"{m.start}-{m.end}"
            # (One mention's cue is its own: at least half of one, `_row_cue`. With none, the
            # mark of its short line of the text, or of its window in a long one: an
            # article's one mention of a name in text the corpus may repeat;
            # repeated_lines.py. None for a dictionary's name: never dropped so.)
            rows.append((article_id, key, surface, 1, "" if m.in_title else span,
                         span if m.in_title else "", 1 if m.person_cue else 0,
                         1 if m.location_cue else 0,
                         # (A one-word name's own person cue makes its body cue a
                         # stray one, as `_row` reads several: `_row_cue`.)
                         (_row_cue({m.org_type: 1}, 1, 1, True)
                          if m.person_cue and m.org_type and " " not in key
                          else m.org_type)
                         or (mark(text, m.start, m.end)
                             if text and not m.in_title and key not in known else ""),
                         1 if m.lower_seen else 0))
        else:
            row = _row(article_id, key, surface, same)
            if not row[8] and text and key not in known:
                row = _marked(row, text, same)
            rows.append(row)
    return rows


def _marked(row: MentionRow, text: str, mentions: list[Mention]) -> MentionRow:
    """A row of several mentions and no cue, all in the text, with the mark of the lines
    and windows they are in (repeated_lines.py): a site's menu or footer that names a
    name twice, or a list of headlines a page prints after every paragraph."""
    if any(m.in_title for m in mentions):
        return row
    return (*row[:8], marks_of(text, [(m.start, m.end) for m in mentions]), row[9])


def _row(article_id: str, key: str, surface: str, mentions: list[Mention]) -> MentionRow:
    """The row of a (key, surface) of several mentions."""
    body: list[str] = []
    title: list[str] = []
    person = location = 0
    cues: dict[str, int] = {}
    lower = False
    for m in mentions:
        (title if m.in_title else body).append(f"{m.start}-{m.end}")
        if m.person_cue:
            person += 1
        if m.location_cue:
            location += 1
        org = m.org_type
        if org:
            cues[org] = cues.get(org, 0) + 1
        if m.lower_seen:
            lower = True
    # One cue a row: the commonest, if at least half its mentions have it (the row's mentions
    # all count for it in the totals).
    n = len(mentions)
    return (article_id, key, surface, n, " ".join(body), " ".join(title), person, location,
            _row_cue(cues, n, person, " " not in key), int(lower))


def _stray(cue: str, n: int, person: int, own: int = 0) -> bool:
    """Whether a strong cue had by `n` of a row's mentions, `person` of which had a person's
    cue or a personal pronoun after them, is a stray one, not the row's: one that a person's
    cues outnumber three times. One "with KSNV, a Las Vegas television station, Trump said"
    in an article naming Trump fifty times, "he" after six of them, made fifty media votes,
    and the corpus's Trump a medium split from Donald Trump. (An event's cue never is: one
    "a Champions League tie" names the contest; nor a vessel's: "MV Princess Ashika" names a
    ship whose title reads as a person's, vessels.py.)"""
    return (person >= _STRAY_TIMES * n or own >= n) and cue != EVENT and cue != VESSEL


# A body's cue is a stray where a person's cues are this many times as many: not where they
# are fewer ("Retail Decisions said" twice, "the firm Retail Decisions" once: a body's name
# before "said" often reads as a person's).
_STRAY_TIMES = 3


def _row_cue(cues: Mapping[str, int] | None, mentions: int, person: int = 0,
             lone: bool = False) -> str:
    """An event's cue any mention had; else an organisation type any mention had (but for
    a stray one, `_stray`: a person's cues or pronouns three times as many); else a work's
    cue any mention had (a film named once as "the comedy X" in an article that names it
    twice); else a weak cue ("thing", "modifier", a pronoun's) that at least half of them
    had. (Of cues of the same count, the first had.)
    A one-word name's (`lone`) own person cues as many as a body's make that cue stray too:
    a lone word takes no person's cue from "said", only from a title, a role noun, an age
    or "said he" (extract.py), and one "Beyoncé fans" in an article that says "Beyoncé said
    she" made all its mentions a body's (the row's cue counts for each)."""
    if cues and (person or PERSONAL in cues):
        own = person if lone else 0
        person += cues.get(PERSONAL, 0)
        cues = {cue: n for cue, n in cues.items()
                if cue in WEAK_CUES or not _stray(cue, n, person, own)}
    if not cues:
        return ""
    if len(cues) == 1:  # (most rows: one cue)
        ((cue, n),) = cues.items()
        if cue not in WEAK_CUES or cue == WORK:
            return cue
        return cue if n * 2 >= mentions else ""
    strong = [(n, cue) for cue, n in cues.items() if cue not in WEAK_CUES]
    if strong:
        # A contest's cue outweighs the body's type its own words give ("Champions League"
        # in every mention, "a Champions League tie" in one): the name is used as a contest's.
        return EVENT if cues.get(EVENT) else max(strong)[1]
    if cues.get(WORK):
        return WORK
    cue, n = max(cues.items(), key=itemgetter(1))
    return cue if n * 2 >= mentions else ""
