"""Actor mentions in one article, found by rule, offline, in one pass over the text.

A mention is a run of capitalised words (connectors such as "al-", "bin", "of" may sit inside).
Titles and honorifics ("President", "Gen.", "Secretary of State") are cues, not parts of the
name; organisation words ("Forces", "Ministry", "Party") are cues to the type; an acronym in
brackets after a name ("Popular Mobilization Forces (PMF)") is recorded as its definition.
Capitals that do not mark a name are left out: sentence-initial words not capitalised
elsewhere in the article, headline-case lines, photo credits, days and months.

Spans are character offsets into the text; keys are `actor_names.name_key` forms."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsdesk.index.actors.names import CONNECTORS, name_key

# -- word lists ----------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


TITLES = _words("""
president vice prime minister ministers secretary general gen lt col maj brig sgt capt adm cmdr
colonel major lieutenant brigadier sergeant captain admiral commander chief marshal field
ayatollah grand supreme leader sheikh shaikh sheik imam cleric mullah hojatoleslam mufti
mr mrs ms miss dr prof sir lord lady dame king queen prince princess emir amir sultan crown
pope cardinal bishop archbishop rabbi reverend rev father saint st
senator sen rep representative congressman congresswoman governor gov mayor chancellor
ambassador envoy spokesman spokeswoman spokesperson judge justice attorney deputy acting
foreign defense defence interior finance state security national former late top senior
chairman chairwoman chair ceo director head officer analyst fellow correspondent reporter
editor producer professor premier president-elect speaker strongman warlord militant
""")
TITLE_ABBREVIATIONS = _words(
    "gen lt col maj brig sgt capt adm cmdr mr mrs ms dr prof sen rep gov rev st sr jr")

# Capitalised words that do not make a name on their own.
COMMON = _words("""
the a an this that these those there here it its he she they we i you his her their our my
your who what when where why how which while if but and or nor so yet as at by for from in
into of on onto over to up with without after before since until during about against among
between through under above across around near also then thus still even just only all any
both each every few many more most much no none not some such other others another one two
three four five six seven eight nine ten first second third last next early late well
according meanwhile however moreover furthermore although though because despite instead
yes no please thank thanks mr mrs ms today yesterday tomorrow tonight morning evening night
week month year years days day weekend
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
photo photos image images picture pictures video videos file credit credits source sources
share tweet email print subscribe click read watch listen follow related advertisement
breaking update updated exclusive analysis opinion editorial comment comments news report
reports reporting live home page section chapter part
said says told asked added noted is was are were be been has have had do does did will would
can could should might must
thousands hundreds millions dozens several various officials official sources source
""")

# Words that end a name only when they are not part of it ("Baghdad Friday").
TRAILING = _words(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight")

# Last word of an organisation name -> its type.
ORG_CUES: dict[str, str] = {}
for _type, _cue_words in {
    "government": "ministry ministries department government administration parliament "
                  "congress senate cabinet council assembly presidency office embassy "
                  "commission authority authorities court judiciary",
    "military": "army armies navy force forces corps guard guards brigade brigades battalion "
                "regiment command marines militaries military division",
    "militia": "militia militias mobilization mobilisation units unit resistance",
    "party": "party parties movement alliance coalition front bloc",
    "media": "news times post journal tribune herald gazette agency tv television radio "
             "network press media channel broadcasting telegraph guardian",
    "organisation": "organisation organization organizations union association foundation "
                    "institute company corporation corp inc ltd plc group bank fund "
                    "committee society university college school hospital federation "
                    "league club airlines airways agency project program programme",
}.items():
    for _w in _cue_words.split():
        ORG_CUES.setdefault(_w, _type)



def _org_type(words: list[str]) -> str | None:
    """The type an organisation's name says: a militia word anywhere ("Popular Mobilization
    Forces"), else its last word ("Ministry", "Party")."""
    if any(ORG_CUES.get(w) == "militia" for w in words):
        return "militia"
    return ORG_CUES.get(words[-1])


LOCATION_PREPOSITIONS = _words(
    "in at near from into across around outside inside towards toward to via")
SPEECH_VERBS = _words(
    "said says say told tells added stated declared warned announced wrote tweeted claimed "
    "insisted mentioned replied urged vowed")
PHOTO_CREDIT = re.compile(
    r"\((?:photo|image|picture|credit|file|source)[^)]{0,160}\)"
    r"|\b(?:photo|image|picture)s?(?:\s+credit)?\s*:[^\n)]{0,120}",
    re.IGNORECASE)

# A dotted acronym (U.S., U.N.) or a word with inner hyphens / apostrophes.
TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W_][\w]*(?:[-‐'’][^\W_][\w]*)*['’]?")
_CONTRACTION = re.compile(r"['’](?:m|re|ll|ve|d|t)$", re.IGNORECASE)
_QUOTES_BULLETS = set(" \t\"'“”‘’«»(•*·–—-")


@dataclass(slots=True)
class Mention:
    key: str
    surface: str
    start: int
    end: int
    in_title: bool = False
    person_cue: bool = False
    org_type: str | None = None
    location_cue: bool = False
    lower_seen: bool = False  # the word also appears in lower case in this article


@dataclass(slots=True)
class Extraction:
    mentions: list[Mention] = field(default_factory=list)
    acronyms: list[tuple[str, str]] = field(default_factory=list)  # (acronym key, expansion)


@dataclass(slots=True)
class _Tok:
    text: str
    start: int
    end: int
    cap: bool
    connector: bool
    initial: bool  # first word of a sentence or line
    possessive: bool
    cut: bool  # a hyphenated word cut at a lower-case part ("Iran-backed"): the name ends here


def _split_token(word: str, start: int) -> tuple[str, int, bool] | None:
    """The name part of a hyphenated word, its start, and whether the word went on after it.
    "Iran-backed" -> Iran; "pro-Soleimani" -> Soleimani; "al-Muhandis", "Mar-a-Lago" whole."""
    parts = re.split(r"([-‐])", word)
    pieces = parts[0::2]
    if len(pieces) == 1:
        return word, start, False
    caps = [p[:1].isupper() for p in pieces]
    if caps[0] and caps[-1]:
        return word, start, False
    if not caps[0] and pieces[0].lower() in CONNECTORS and all(caps[1:]):
        return word, start, False
    if caps[0]:  # Iran-backed, U.S.-led: the capitalised head
        head = []
        for piece, cap in zip(pieces, caps, strict=True):
            if not cap:
                break
            head.append(piece)
        text = "-".join(head)
        return text, start, True
    # pro-Soleimani, anti-American: the capitalised tail
    for i, cap in enumerate(caps):
        if cap and all(caps[i:]):
            offset = len("-".join(pieces[:i])) + 1
            return word[offset:], start + offset, False
    return None


def _tokens(text: str, base: int, excluded: list[tuple[int, int]]) -> list[_Tok]:
    out: list[_Tok] = []
    for match in TOKEN.finditer(text):
        raw = match.group()
        # Only capitalised words and connectors make names; a skipped word still breaks a
        # run (the gap around it is more than one space). Most words leave here, cheaply,
        # before the look at photo credits (a fifth of extraction when it came first).
        if raw[0].islower() and "-" not in raw and raw not in CONNECTORS:
            continue
        start = match.start()
        if excluded and any(a <= start + base < b for a, b in excluded):
            continue
        possessive = False
        if raw[-1] in "'’":
            raw, possessive = raw[:-1], True
        elif raw[-2:].lower() in ("'s", "’s"):
            raw, possessive = raw[:-2], True
        if not raw:
            continue
        split = _split_token(raw, start)
        if split is None:
            continue
        word, wstart, cut = split
        j = start - 1
        while j >= 0 and text[j] in _QUOTES_BULLETS:
            j -= 1
        initial = j < 0 or text[j] in ".!?:;\n…|"
        if initial and j >= 0 and text[j] == "." and out and out[-1].end - base == j:
            prev = out[-1].text.lower()
            # "Gen. Soleimani", "the U.S. President": a dot of an abbreviation, not an ending.
            if prev in TITLE_ABBREVIATIONS or "." in out[-1].text:
                initial = False
        first = word[:1]
        cap = first.isupper() or (word.lower().split("-")[0] in CONNECTORS and "-" in word)
        out.append(_Tok(word, wstart + base, wstart + base + len(word), cap,
                        word.lower() in CONNECTORS, initial, possessive, cut))
    return out


def _headline_case(line: str) -> bool:
    """A line in title case ("Iran Vows Revenge As Anniversary Looms"): its capitals say
    nothing about names."""
    if line.rstrip().endswith((".", "!", "?", "”", '"', ".’", ".'")):
        return False  # a sentence, however many names it holds
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if w.lower() not in CONNECTORS]
    if len(words) < 4:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.75


def _spans(toks: list[_Tok], text: str, base: int) -> list[list[_Tok]]:
    """Runs of capitalised tokens separated by a single space (or a title's dot)."""
    runs: list[list[_Tok]] = []
    run: list[_Tok] = []
    for tok in toks:
        if run:
            gap = text[run[-1].end - base:tok.start - base]
            last = run[-1]
            joined = (gap == " " or (gap == ". " and last.text.lower() in TITLE_ABBREVIATIONS)) \
                and not last.possessive and not last.cut and not tok.initial
            if joined and (tok.cap or tok.connector):
                run.append(tok)
                continue
            runs.append(run)
            run = []
        if tok.cap:
            run.append(tok)
    if run:
        runs.append(run)
    return runs


class Extractor:
    """The default extractor. `known` are name keys from the actor dictionaries (demonyms,
    countries): they are kept even where the rules alone would doubt them."""

    def __init__(self, known: frozenset[str] = frozenset(),
                 demonyms: frozenset[str] = frozenset(),
                 capitals: frozenset[str] = frozenset()) -> None:
        self.known = known
        self.demonyms = demonyms
        self.capitals = capitals  # keys the dictionaries write in capitals only ("US")

    def extract(self, title: str, text: str) -> Extraction:
        out = Extraction()
        excluded = [(m.start(), m.end()) for m in PHOTO_CREDIT.finditer(text)]
        toks = _tokens(text, 0, excluded)
        capital_mid = {t.text for t in toks if t.cap and not t.initial}
        headline: dict[int, bool] = {}  # line start -> in headline case (only lines with names)
        found: list[Mention] = []
        pending_headline: list[list[_Tok]] = []
        for run in _spans(toks, text, 0):
            line = text.rfind("\n", 0, run[0].start) + 1
            if line not in headline:
                end = text.find("\n", line)
                headline[line] = _headline_case(text[line:end if end >= 0 else len(text)])
            if headline[line]:
                pending_headline.append(run)
                continue
            found.extend(self._mentions(run, text, 0, capital_mid, out))
        keys = {m.key for m in found}
        for run in pending_headline:
            found.extend(m for m in self._mentions(run, text, 0, capital_mid, out)
                         if m.key in keys or m.key in self.known)
        # The title: only names the text itself (or a dictionary) vouches for.
        if title:
            ttoks = _tokens(title, 0, [])
            tcap = {t.text for t in ttoks}
            for run in _spans(ttoks, title, 0):
                for m in self._mentions(run, title, 0, tcap, None):
                    if m.key in keys or m.key in self.known:
                        m.in_title = True
                        found.append(m)
        lower: dict[str, bool] = {}
        for m in found:
            word = m.key.split()[0]
            if word not in lower:  # written in lower case too? (" individuals ", " center,")
                lower[word] = any(f" {word}{end}" in text for end in " ,.;:")
            m.lower_seen = lower[word]
        out.mentions = found
        return out

    def _mentions(self, run: list[_Tok], text: str, base: int, capital_mid: set[str],
                  out: Extraction | None) -> list[Mention]:
        toks = list(run)
        person_cue = False
        # Leading function words and sentence starters ("The", "Early Friday", "Thousands of").
        while toks and (toks[0].connector or toks[0].text.lower() in COMMON
                        or (toks[0].initial and len(toks) > 1
                            and toks[0].text not in capital_mid
                            and name_key(toks[0].text) not in self.known
                            and not toks[1].connector and toks[0].text.isalpha()
                            and toks[0].text.lower() not in TITLES)):
            toks = toks[1:]
        # Titles are cues: "Major General Qassem Soleimani", "Secretary of State Mike Pompeo".
        while toks and (toks[0].text.lower().rstrip(".") in TITLES
                        or (toks[0].connector and person_cue)):
            if toks[0].text.lower() in TITLES:
                person_cue = True
            toks = toks[1:]
        while toks and (toks[-1].connector or toks[-1].text.lower() in TRAILING):
            toks = toks[:-1]
        if not toks:
            return []
        # A demonym before a longer name is its own mention: "Iranian | Revolutionary Guards".
        if len(toks) > 2 and name_key(toks[0].text) in self.demonyms:
            first = self._mention([toks[0]], text, base, False, capital_mid)
            rest = self._mentions(toks[1:], text, base, capital_mid, out)
            return ([first] if first else []) + rest
        mention = self._mention(toks, text, base, person_cue, capital_mid)
        if mention is None:
            return []
        if out is not None:
            self._acronym(mention, text, base, out)
        return [mention]

    def _mention(self, toks: list[_Tok], text: str, base: int, person_cue: bool,
                 capital_mid: set[str]) -> Mention | None:
        start, end = toks[0].start, toks[-1].end
        surface = text[start - base:end - base]
        key = name_key(surface)
        if not key or key.isdigit():
            return None
        if key in self.capitals and not surface.isupper():
            return None  # "Us", "Who": the acronyms US and WHO only in capitals
        known = key in self.known and (key not in COMMON or surface.isupper())  # "IS", not "Is"
        words = [t.text for t in toks if not t.connector]
        if not known:
            if all(w.lower() in TITLES or w.lower() in COMMON for w in words):
                return None
            # Shouting or a credit line: "ATTA KENARE". Acronyms (one word) stay.
            if len(words) > 1 and all(w.isupper() and len(w) > 1 for w in words):
                return None
            if len(toks) == 1 and toks[0].initial and toks[0].text not in capital_mid:
                return None  # a capital only because it starts a sentence
            if len(key) < 2 or _CONTRACTION.search(surface):
                return None
            if len(words) == 1 and key in ORG_CUES:
                return None  # "Embassy", "Division": a generic word, not a name
        last = words[-1].lower() if words else ""
        before = text[max(0, start - base - 12):start - base].lower().split()
        if before and before[-1] == "the" and len(before) > 1:
            before = before[:-1]
        after = text[end - base:end - base + 12].lower().split()
        speech = bool(after) and after[0].strip(",.") in SPEECH_VERBS
        # "Iranian warlord Qassem Soleimani", "his lieutenant, Abu Mahdi al-Muhandis"
        role = bool(before) and before[-1].strip(",") in TITLES
        return Mention(
            key=key, surface=surface, start=start, end=end,
            person_cue=person_cue or ((speech or role) and len(words) > 1
                                      and last not in ORG_CUES),
            org_type=_org_type([w.lower() for w in words]) if len(words) > 1 else None,
            location_cue=bool(before) and before[-1] in LOCATION_PREPOSITIONS,
        )

    @staticmethod
    def _acronym(mention: Mention, text: str, base: int, out: Extraction) -> None:
        """"Popular Mobilization Forces (PMF)": PMF is defined as the name before it."""
        tail = text[mention.end - base:mention.end - base + 14]
        m = re.match(r"\s*\(([A-Z][A-Za-z.&-]{1,9})\)", tail)
        if not m:
            return
        acronym = m.group(1).replace(".", "")
        words = [w for w in mention.key.split() if w not in CONNECTORS]
        if len(words) < 2 or not acronym[:1].isupper():
            return
        initials = "".join(w[0] for w in words)
        letters = acronym.lower().replace("&", "")
        # The acronym's letters, in order, among the initials (IRGC, PMF, AU, NATO...).
        it = iter(initials)
        if letters[0] == initials[0] and all(c in it for c in letters):
            out.acronyms.append((name_key(acronym), mention.key))
