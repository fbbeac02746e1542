"""The rewrites of actor extraction for speed (issue 24's cost, issue 25's throughput) find
what the plain code finds: the one-pass scanner gives `TOKEN`'s words, the photo-credit
guard never skips a credit, the store rows and lower-case flags are those of the plain
loops. Checked on the seeds, on a sample of BBC and Reuters articles read in place, and on
made-up text built to catch the scanner out. The whole pipeline, clustering included, is
compared with another revision by `python -m tests.bench.actor_same --ref main`."""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from collections.abc import Container
from dataclasses import astuple
from pathlib import Path
from typing import Any

import pytest

from newsdesk.index.actors import extract, posts, products
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.extract import (
    _NOT_CONNECTOR,
    _QUOTES_BULLETS,
    NUMBERED_HEADS,
    PHOTO_CREDIT,
    STANDALONE_CONNECTORS,
    TITLE_ABBREVIATIONS,
    TOKEN,
    Extraction,
    Mention,
    _body_follows,
    _split_token,
    _Tok,
)
from newsdesk.index.actors.legal_notices import _NOTICE, legal_notices
from newsdesk.index.actors.names import CONNECTORS
from newsdesk.index.actors.repeated_lines import mark, marks_of
from newsdesk.index.actors.table import _row_cue, make_extractor, mention_rows
from tests.helpers.paths import CORPORA, SEEDS

TRICKY = [
    "iPhone maker Apple; eBay and al-Qaeda, as-Sadr, an-Nahar, at-Tanf, a-Shabi, ad-Din.",
    "the U.S.-led coalition, U.S.A. and the U.N. met. pro-Soleimani anti-American Iran-backed",
    "Mar-a-Lago, rock'n'roll, o'Brien, O'Brien's, students' Union, Jones' car, of- of' of",
    "bin Laden ibn Saud bint X van Gogh von Trier de Gaulle y Gasset ul-Haq del Ray la Paz",
    "of offer office bin binder al alike el elbow den dentist y yes der derby van vanish",
    "snake_case __init__ a_b_C x—Y (photo: AP) (Image credit: Reuters) Picture: EPA here",
    "Gen. Soleimani said. Dr. Who. Mr. Blair's wife, Cherie; N'Djamena; Gha'ani; Kata’ib",
    "naïve café über Ölkonzern état Émile İstanbul ǅemal ſource ＡＢＣ ２０２０ x‐ray Al‐Hashd",
    "tail of lowercase words without any capital at all and a last word",
    "x-", "-X", "'", "a'", "A'", "O’", "ab-cd-Ef", "Ab-cd-Ef", "ab-Cd-ef", "", " ", "\n",
    "end with Capital", "end with connector of", "trailing hyphen- word", "al-",
    "2004 3Com 3-Com 3‐Com 90's 90' 2004_x 2004-_ ２０２０ Ford 1990s. The 2. U.S. 4.5 Inc",
    "Mr 2 Smith; Bank of 3 England; ǅemal. The Apple 7 and Orange; Sony 9 & Co",
    "the bank of de la Rue, a city of la Paz. Bank of de la Rue and head of al Qaeda, of Van",
    "Radio 4 of the BBC; the son of, of bin Laden; word\nof Iran; rate. of Japan, x of. Y",
    # Sentences' first words alone or not: "and", "&", connectors, "on", suffixes after them.
    "The and Co. The & Co. The&Co. The de Gaulle. The al-Qaeda. The as-Sadr. The pro-Iran.",
    "News on Trade. Board on Trade. It's Co Inc. Co. The Mr. Smith. Mr. Smith. The. The",
    "IT said. US said. WHO said. The WHO said. A a. One day. First Boston. Last Night. But",
    "He said. \"The end\". (The x) — The x. The\nBBC. The, BBC. Its 3-Com. The the. No 10",
    "Meanwhile, the Fed. However Blair. Though\tx. Today's News on Trade Policy. St. John",
    "The 29-year-old. In 2004 Sony. The £5. The \"Big\" one. But don't. The d'Estaing. The_x",
    "The al's Sadr. The de's. It's de Gaulle. One of Us. The of Iran. The van Gogh. In an-Nahar",
    "Radio 4. Tv 5. TV 2. The two. The Ｘ. The é Y. The ａ. The ２ Z. The  X. The _X. The 3Com",
    "said I would; Blair I think; on Monday the; Committee on Senior staff; Talks on Monday",
    "Bank of January; U.S. I; Agreement on Former; Mr. May said; the January rise; in May.",
    "what I and Blair; Sony & I; Sony &Monday; x Two y; x One; said News and; x Live on; x Share",
    "Dr. I; Gen. May; ask Today's; no Friday's; day-One; at Thousands; the Tonight show; xI",
    # Lower-case hyphenated words and scores, stepped over: connectors after them still found.
    "the so-called of Iran; so-called al Qaeda; e-mail's of; 6-3 of; 6-3-Com; so-called-Iran",
    "al-qaeda of x; so-o'Brien; x‐y-z of; e-mail' de; 7-6(5) van; 2-x‐Y; wi-fi‐Z; hi-tech, of",
]


def _reference_tokens(text: str, base: int, excluded: list[tuple[int, int]],
                      lone: set[str] | None = None, known: Container[str] = ()
                      ) -> list[_Tok]:
    """The scan as it was: every word `TOKEN` finds, filtered in Python (`lone` aside: it
    keeps the words alone the scan may leave out)."""
    out: list[_Tok] = []
    for match in TOKEN.finditer(text):
        raw = match.group()
        if raw[0].islower() and "-" not in raw and raw not in STANDALONE_CONNECTORS:
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
        initial = j < 0 or text[j] in ".!?:;\n…|" or (
            start < extract._DATELINE_FIRST and extract._after_dateline(text, start))
        if initial and j >= 0 and text[j] == "." and out and out[-1].end - base == j:
            prev = out[-1].text.lower()
            if prev in TITLE_ABBREVIATIONS or "." in out[-1].text \
                    or extract._middle_initial(out, text, base, start):
                initial = False
        elif initial and j >= 0 and text[j] == "." and out and out[-1].end - base == j + 1 \
                and out[-1].text.endswith(".") and (
                    _body_follows(text, start) or extract._dotted_middle(out, text, base, start)
                    or extract._leading_initials(out, text, base, start, known)):
            initial = False
        first = word[:1]
        cap = first.isupper() or (word.lower().split("-")[0] in CONNECTORS and "-" in word)
        if not cap and word.isdigit() and len(word) <= 2 and out and out[-1].cap \
                and out[-1].text.lower() in NUMBERED_HEADS and out[-1].end == start - 1 + base:
            cap = True
        after = match.end() + 1  # "the 9th Circuit": an ordinal before a body's name
        if not cap and word[:1].isdigit() and text[after - 1:after] == " " \
                and text[after:after + 1].isupper() \
                and not (excluded and any(a <= after + base < b for a, b in excluded)) \
                and extract._ordinal(text, after, base) is not None:
            cap = True
        out.append(_Tok(word, wstart + base, wstart + base + len(word), cap,
                        word in STANDALONE_CONNECTORS, initial, possessive, cut))
    return out


def _reference_rows(article: str, found: Extraction) -> list[tuple]:
    """The store rows as the plain loop made them (a Counter for every row)."""
    grouped: dict[tuple[str, str], list] = {}
    for m in found.mentions:
        # (The surface with a country's word cut off before it: records.py, `Mention.lead`.)
        surface = m.lead + m.surface if m.lead and m.lead_at == m.start else m.surface
        row = grouped.setdefault((m.key, surface), [[], [], 0, 0, Counter(), False, []])
        (row[1] if m.in_title else row[0]).append(f"{m.start}-{m.end}")
        row[2] += m.person_cue
        row[3] += m.location_cue
        if m.org_type:
            row[4][m.org_type] += 1
        row[5] = row[5] or m.lower_seen
        row[6].append((m.start, m.end))
    # (A row's cue, else the mark of its mentions' lines and windows, if all in the text
    # and the name is no dictionary's.)
    return [(article, key, surface, len(body) + len(title), " ".join(body), " ".join(title),
             person, location,
             _row_cue(org, len(body) + len(title), person, " " not in key)
             or (_marks(found.text, spans) if found.text and not title
                 and key not in found.known else ""), int(lower))
            for (key, surface), (body, title, person, location, org, lower, spans)
            in grouped.items()]


def _marks(text: str, spans: list[tuple[int, int]]) -> str:
    return mark(text, *spans[0]) if len(spans) == 1 else marks_of(text, spans)


def _sample(path: Path, every: int) -> list[tuple[str, str, str]]:
    out = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n % every == 0 and line.strip():
                a = json.loads(line)
                out.append((str(a["id"]), a.get("title") or "", a.get("text") or ""))
    return out


def _articles() -> list[tuple[str, str, str]]:
    out = [(p.stem, "", p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    out += [(f"tricky{n}", text[:20], text) for n, text in enumerate(TRICKY)]
    for name, every in (("bbc-news-2225.jsonl", 45), ("reuters-21578.jsonl", 400)):
        if (CORPORA / name).is_file():
            out += _sample(CORPORA / name, every)
    return out


ARTICLES = _articles()


def test_the_sample_reaches_the_real_corpora_where_they_are() -> None:
    if not CORPORA.is_dir():
        pytest.skip("no shared corpora on this machine")
    assert len(ARTICLES) > 5 + len(TRICKY) + 80


@pytest.mark.parametrize("base", [0, 7])
def test_one_pass_scanner_finds_the_words_token_finds(base: int) -> None:
    for _, title, text in ARTICLES:
        for source in (title, text):
            excluded = [(m.start() + base, m.end() + base) for m in PHOTO_CREDIT.finditer(source)]
            fast = [astuple(t) for t in extract._tokens(source, base, excluded)]
            # The scan leaves out words that are neither capitalised nor connectors (they
            # only end runs, as the text they leave does): the rows test below runs the
            # pipeline on the reference's every word.
            # Nor does it stop at a connector right after a lower-case word it steps over,
            # which no run can hold (the rows test below holds the pipeline to that).
            dropped = _connectors_after_lower_words(source)
            plain = [astuple(t) for t in _reference_tokens(source, base, excluded)
                     if (t.cap or t.connector) and t.start - base not in dropped]
            assert fast == plain, source[:200]


def _connectors_after_lower_words(text: str) -> set[int]:
    """The starts of the standalone connectors that follow a word the scan steps over (one
    in ASCII lower case with no hyphen that, unless it follows another such word, starts
    with no connector) with nothing but spaces, line ends, commas and dots between."""
    out: set[int] = set()
    stepped_end = None  # the end of the last word, if it was stepped over
    for match in TOKEN.finditer(text):
        raw, start = match.group(), match.start()
        after_stepped = stepped_end is not None and not text[stepped_end:start].strip(" \n,.")
        if raw in STANDALONE_CONNECTORS and after_stepped:
            out.add(start)
        lower = "a" <= raw[0] <= "z" and "-" not in raw
        stepped_end = match.end() if lower and (
            after_stepped or _NO_CONNECTOR.match(text, start)) else None
    return out


_NO_CONNECTOR = re.compile(_NOT_CONNECTOR)


def test_photo_credits_are_the_patterns_matches() -> None:
    texts = [text for _, _, text in ARTICLES] + [
        "(PHOTO by AP)", "(Source: Reuters) x", "Images: EPA", "pictureS credit : x", "(File)",
        "a (credit line)", "photographer Jane", "(ſource: x)", "(İmage x)", "£5 (photo: £)",
        "(photo (photo: x) photo: y) Photo: z", "xphoto: a", "Picture:(image credit)",
        "PICTURES : a\nImage credit: b", "Ünter (Fıle: x)", "é (image: ü)",
        "ÉPHOTO: x ÀImage: y", "(PICTURE: Ø) ß Photo: Þ", "PÏCTURE: x (ÎMAGE: y) ÿ(Credit)"]
    for text in texts:
        assert extract._photo_credits(text) == [m.span() for m in PHOTO_CREDIT.finditer(text)], \
            text[:200]


def test_rows_and_lower_case_flags_are_the_plain_loops(
        monkeypatch: pytest.MonkeyPatch) -> None:
    extractor = make_extractor(load_dictionaries([]))
    fast = [(a, extractor.extract(title, text)) for a, title, text in ARTICLES]
    monkeypatch.setattr(extract, "_tokens", _reference_tokens)
    monkeypatch.setattr(extract, "_photo_credits",
                        lambda text: [m.span() for m in PHOTO_CREDIT.finditer(text)])
    monkeypatch.setattr(extract, "name_key", extract.name_key.__wrapped__)
    for (article, title, text), (_, found) in zip(ARTICLES, fast, strict=True):
        plain = extractor.extract(title, text)
        for m in plain.mentions:
            word = m.key.split()[0]
            assert m.lower_seen == any(f" {word}{end}" in text for end in " ,.;:")
        assert mention_rows(article, found) == _reference_rows(article, plain)
        assert found.acronyms == plain.acronyms


def test_numbered_heads_first_letters_are_all_that_lower_case_to_theirs() -> None:
    """The scan tests a word's first letter before lower-casing it to compare with the
    numbered heads: no other character of Unicode lower-cases to a head's first letter."""
    firsts = {h[0] for h in NUMBERED_HEADS}
    lowering = {c for c in map(chr, range(0x110000)) if c.lower() and c.lower()[0] in firsts}
    assert lowering == extract._NUMBERED_FIRSTS


def test_a_posts_preposition_is_the_patterns_search_over_the_reach() -> None:
    """posts._preposition_before, tried from the third word back, finds what the pattern
    finds tried over the whole reach (the same span and groups)."""
    pieces = ["ambassador", " ", "  ", "\n", "\t", "to", "for", "in", "at", "from", "of",
              "the", "The", "x", "(", "Minister", "into", ",", "é", "\u2003", "Iraq"]
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 16)))
        for start in range(len(text) + 1):
            old = posts._BEFORE.search(text, max(0, start - posts._REACH), start)
            new = posts._preposition_before(text, start)
            assert (old and (old.span(), old.groups())) == (new and (new.span(), new.groups()))


@pytest.mark.parametrize("seed", range(4))
def test_lower_case_words_in_one_pass_are_the_searches(
        seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """`_written_lower_of`'s one pass over the text (taken for every set of words here)
    says of each word what `_written_lower`'s search says: made-up text of a few words,
    the ends ",.;:" and other separators, Latin-1, wider characters and a lone surrogate,
    and words that hold an end or are written only capitalised, at the text's end or after
    a line break."""
    monkeypatch.setattr(extract, "_ONE_PASS_FROM", 0)
    rng = random.Random(seed)
    vocabulary = ["bank", "blair", "café", "ölkonzern", "x", "u.s", "a,b", "al", "ба́нк",
                  "\ud800", "e:", "şehir", "bankers", "Blair", "BANK"]
    separators = [" ", "  ", ",", ".", ";", ":", "\n", "\t", "-", "'", "’", "(", ", ", ". "]
    for _ in range(400):
        text = "".join(rng.choice(vocabulary) + rng.choice(separators)
                       for _ in range(rng.randrange(12)))
        if rng.random() < 0.5:
            text = text.rstrip()
        words = set(rng.sample(vocabulary, rng.randrange(1, 8)))
        assert extract._written_lower_of(words, text) == {
            w for w in words if extract._written_lower(w, text)}, (words, text)


def test_a_one_word_key_is_no_full_name_whatever_its_surface() -> None:
    """`_resolve_in_article` steps over one-word keys before asking `_full_name`: it says ()
    of them, hyphenated, possessive, in capitals or not."""
    extractor = make_extractor(load_dictionaries([]))
    words = {m.key: m.surface for _, title, text in ARTICLES[:200]
             for m in extractor.extract(title, text).mentions if m.key.isalnum()}
    words.update({"jongun": "Jong-un", "kim": "Kim", "daylewis": "Day-Lewis", "us": "U.S."})
    assert words
    for key, surface in words.items():
        assert extractor._full_name(key, surface) == (), (key, surface)


@pytest.mark.parametrize("seed", range(3))
def test_rows_of_made_up_mentions_are_the_plain_loops(seed: int) -> None:
    """`mention_rows` (one mention's row read off it, several added up) gives the plain
    loop's rows, value and type (repr): mentions of a few keys and surfaces, in the title or
    not, with any cues, strong, weak or none."""
    rng = random.Random(seed)
    cues = [None, "", "thing", "modifier", "organisation", "media", "event", "work", "neuter",
            "personal", "office", "party"]
    for _ in range(300):
        found = Extraction()
        for _ in range(rng.randrange(12)):
            start = rng.randrange(500)
            m = Mention(rng.choice(["blair", "bbc", "tony blair"]), rng.choice(["Blair", "BBC"]),
                        start, start + rng.randrange(1, 9), rng.random() < 0.2,
                        rng.random() < 0.3, rng.choice(cues), rng.random() < 0.3)
            m.lower_seen = rng.random() < 0.2
            found.mentions.append(m)
        assert repr(mention_rows("a1", found)) == repr(_reference_rows("a1", found))


@pytest.mark.parametrize("seed", range(3))
def test_a_word_standing_alone_is_the_patterns_search(seed: int) -> None:
    """`products.stands_alone` (str.find and the characters either side) says what the
    look-behind pattern said: words at the text's ends, after and before hyphens,
    underscores, digits, letters beyond ASCII and other characters, overlapping."""
    rng = random.Random(seed)
    pieces = ["watch", "Watch", "wat", "ch", "-", "_", " ", "é", "2", "²", "\n", ".", "ٹ", "'",
              "\ud800", "watchwatch"]
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(8)))
        word = rng.choice(["watch", "wat", "ch", "watchwatch", "é", "-", "a.b"])
        expected = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None
        assert products.stands_alone(word, text) == expected, (word, text)


def _word_forms(rng: random.Random) -> list[str]:
    """The word lists' words and words near them: in other cases, with dots, hyphens,
    letters beyond ASCII, and a few made up."""
    words = sorted(extract.COMMON | extract.FORMER | extract.TRAILING | extract.FUNCTION
                   | extract.TITLES | extract.PLURAL_TITLES | extract.PAGE_WORDS)
    out = ["", ".", "..", "-", "İ", "ǅemal", "Vice-President", "secretary-general", "Mr.",
           "Gen.", "FRIDAY.", "friday..", "The.", "Şen", "Blair", "x-y"]
    for w in words:
        out += [w, w.upper(), w.title(), w + ".", w + "..", w.title() + ".", w + "-" + w,
                w[:-1], w + "s"]
    for _ in range(300):
        out.append("".join(rng.choice("aeiostnrlFTMİı.-é") for _ in range(rng.randrange(7))))
    return out


def test_word_tests_are_the_set_tests_they_replace() -> None:
    """`_function_word`, `_starter_word`, `_trailing_word` and `_title_word` (a look-up of
    the lower-cased word) answer as the set tests they replaced did, for every word of the
    lists in any case, with dots after it, and made-up words."""
    c = extract

    def function_word(word: str) -> int:
        low = word.lower()
        if (low in c.COMMON and low not in c.NUMBERS) or low in c.FORMER \
                or low.rstrip(".") in c.TRAILING or low.rstrip(".") in c.FUNCTION:
            return c._ALWAYS
        return c._INITIAL if low in c.COMMON else 0

    def starter_word(word: str) -> int:
        low = word.lower()
        if (low in c.COMMON and low not in c.NUMBERS and low not in c.PAGE_WORDS) \
                or low in c.FORMER:
            return c._ALWAYS
        return c._INITIAL if low in c.COMMON else 0

    def trailing_word(word: str) -> bool:
        low = word.lower().rstrip(".")
        return low in c.TRAILING or low in c.FUNCTION or low in c.BUTTONS

    def title_word(word: str) -> bool:
        low = word.lower().rstrip(".")
        return low in c.TITLES or low in c.PLURAL_TITLES or (
            "-" in low and c._hyphened_title(low))

    for word in _word_forms(random.Random(4)):
        assert c._function_word(word) == function_word(word), word
        assert c._starter_word(word) == starter_word(word), word
        assert c._trailing_word(word) == trailing_word(word), word
        assert c._title_word(word) == title_word(word), word


def test_body_split_is_the_cached_country_split_it_replaced() -> None:
    """`body_split_of` and `country_forms` (told None at once for a key whose first word
    starts no country's name and holds no " of ") give what the plain split gave: the
    dictionary's keys, the corpora sample's keys, and made-up ones."""
    from newsdesk.index.actors.country_bodies import body_split_of, country_forms, country_split

    extractor = make_extractor(load_dictionaries([]))
    country_of = extractor.countries
    split = body_split_of(country_of, extract.names_body)

    def plain(key: str) -> tuple[str, str] | None:
        found = country_split(key, country_of)
        return found if found and extract.names_body(found[1]) else None

    keys = set(extractor.known) | set(country_of)
    for _, title, text in ARTICLES[:60]:
        keys.update(m.key for m in extractor.extract(title, text).mentions)
    rng = random.Random(5)
    pool = sorted(country_of)[:200] + ["of", "the", "supreme court", "foreign ministry",
                                       "party", "house of", " of ", "x", "  "]
    for _ in range(2000):
        keys.add(" ".join(rng.choice(pool) for _ in range(rng.randrange(1, 4))))
    keys.update(("", " ", "senate of the", "  united states senate", "us  senate"))
    for key in sorted(keys):
        assert split(key) == plain(key), key
    plain_forms: dict[tuple[str, str], list[str]] = {}
    for key in sorted(keys):
        found = country_split(key, country_of) if " " in key else None
        if found and extract.names_body(found[1]):
            plain_forms.setdefault(found, []).append(key)
    assert country_forms(iter(sorted(keys)), country_of, extract.names_body) == plain_forms


def test_acronyms_and_rows_are_those_of_the_look_after_every_mention() -> None:
    """Left out where the article has no "(", the look for an acronym after each mention
    finds what it found when made after every mention: the same rows and acronyms, on the
    sample and on made-up texts with and without brackets."""

    class Unguarded(extract.Extractor):
        @property  # (never the article's text: the look is made after every mention)
        def _bracketless(self) -> None:
            return None

        @_bracketless.setter
        def _bracketless(self, value: str | None) -> None:
            pass

    guarded = make_extractor(load_dictionaries([]))
    plain = make_extractor(load_dictionaries([]))
    plain.__class__ = Unguarded
    made = ["The Popular Mobilization Forces (PMF) said. The PMF left.",
            "The Popular Mobilization Forces PMF said. Securities and Exchange Commission",
            "Securities and Exchange Commission (SEC) and the SEC; (Reuters) International "
            "Cocoa Organization (ICCO)", "No bracket here, Tony Blair said (", "(", ""]
    for n, (_, title, text) in enumerate([*ARTICLES, *(("", "", t) for t in made)]):
        a, b = guarded.extract(title, text), plain.extract(title, text)
        assert repr(mention_rows(str(n), a)) == repr(mention_rows(str(n), b)), text[:80]
        assert a.acronyms == b.acronyms, text[:80]
    assert plain.extract("", made[0]).acronyms  # (the made-up texts define some)


def _plain_datelines(text: str) -> list[tuple[int, int]]:
    third = extract._third_line(text)
    return [m.span() for m in extract.DATELINE.finditer(text, 0, extract.DATELINE_REACH)
            if m.start() <= third]


@pytest.mark.parametrize("seed", range(3))
def test_datelines_are_the_patterns_matches_by_the_third_line(seed: int) -> None:
    """`_datelines` (the pattern tried only at the first lines' starts, and only on a line
    with a dash or a colon before a space or a tab) gives the pattern's matches that start
    by the third line: on the sample and on made-up heads of wire copy."""
    for _, title, text in ARTICLES:
        assert extract._datelines(text) == _plain_datelines(text), text[:120]
        assert extract._datelines(title) == _plain_datelines(title)
    rng = random.Random(seed)
    pieces = ["TEHRAN", "NEW YORK", "Tehran", "U.S.", "O'HARE", " ", "  ", "\t", ",", ", Jan 3",
              " -", "- ", " – ", "—", ": ", ":", "-\t", "(Reuters)", "(IRNA) ", "(", ")", "\n",
              "\n\n", "said", "the", "x" * 35, "Iran – (WARSOOR) – ", "É", "’"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 14)))
        assert extract._datelines(text) == _plain_datelines(text), repr(text)
    long = "WASHINGTON " + "Y" * 395 + " - x"  # (a pair past the reach)
    assert extract._datelines(long) == _plain_datelines(long)


def test_the_names_caches_extraction_fills_are_let_go_of_past_their_bound(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """An extractor looks at the names' caches every few articles and lets go of one
    holding more than NAME_CACHES_KEPT entries (a corpus of many distinct names filled
    both to 262,144 in each extraction process); what it finds is the same."""
    from newsdesk.index.actors.names import name_key, significant

    extractor = make_extractor(load_dictionaries([]))
    some = ARTICLES[:40]
    found = [extractor.extract(title, text).mentions for _, title, text in some]
    cleared: list[str] = []

    class Seen:  # (a cache, its letting go counted)
        def __init__(self, cached: Any) -> None:
            self.cached = cached

        def cache_info(self) -> Any:
            return self.cached.cache_info()

        def cache_clear(self) -> None:
            cleared.append(self.cached.__name__)
            self.cached.cache_clear()

    monkeypatch.setattr(extract, "_NAME_CACHES", (Seen(name_key), Seen(significant)))
    monkeypatch.setattr(extract, "NAME_CACHES_KEPT", 3)
    for _, title, text in ARTICLES[:extract._CACHES_CHECKED]:
        extractor.extract(title, text)
    assert cleared == ["name_key", "significant"]  # (looked at once in so many articles)
    again = [extractor.extract(title, text).mentions for _, title, text in some]
    assert [[(m.key, m.start, m.end) for m in a] for a in again] == \
        [[(m.key, m.start, m.end) for m in a] for a in found]
    monkeypatch.undo()
    extract.bound_name_caches(3)
    assert name_key.cache_info().currsize <= 3 and significant.cache_info().currsize <= 3


def test_legal_notices_are_the_patterns_matches() -> None:
    """Tried only where a match can start (legal_notices._starts), the notices are the
    pattern's matches over the whole text: every alternative, every case the pattern reads,
    marks at the text's ends, overlapping and back-to-back notices."""
    texts = [text for _, _, text in ARTICLES] + [
        "Copyright 2011 The Associated Press. All rights reserved.", "© 2011 X. All Rights "
        "Reserved.", "ALL RIGHTS RESERVED", "all rights reserved", "All rights Reserved",
        "(c) 2011 Y", "(c)2011", "(c) it", "COPYRIGHT: Z Ltd. More", "Copyright Reuters",
        "copyright 2011", "infringed copyright. reserved seats", "xAll rights reserved",
        "All rights reservedx", "©©© All rights reserved©", "Copyright © 2011 a.b.c Inc. x",
        "Copyrighted 2011", "ACopyright 2011", "reserved", "eserved", "Reserved", "©",
        "All rights reserved. All rights reserved.", "Copyright (c) 2011. ALL RIGHTS RESERVED.",
        "(c) 1999 All rights reserved Copyright: x © y\n© z. ALL RIGHTS RESERVED"]
    for text in texts:
        # (A text with none of these words is not read: "(c) 2011" alone is no notice.)
        read = any(w in text for w in ("©", "opyright", "eserved", "ESERVED"))
        expected = [m.span() for m in _NOTICE.finditer(text)] if read else []
        assert legal_notices(text) == expected, text[:200]
