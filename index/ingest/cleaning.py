"""Turning a plain-text article into title, date, source and text.

Boilerplate removal is deliberately conservative: only short lines that match a known
site-furniture pattern as a whole are dropped, so an article's own sentences never are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from newsdesk.index.models import date_in_range

_DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+", re.IGNORECASE)
# The same as a line of its own among the first lines (after the title, beside a Source
# line): an outside tester's files had it there and were undated, silently.
_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*$", re.IGNORECASE)
_DATE_LINES = 8
_SOURCE_LINE = re.compile(r"^\s*Source:\s*(\S.{0,80}?)\s*$", re.IGNORECASE)
_MAX_TITLE = 160
_HEADING = re.compile(r"^#{1,6}\s+")  # a Markdown heading's marks

# Whole lines only, and only lines shorter than _BOILERPLATE_MAX characters.
_BOILERPLATE_MAX = 120
_BOILERPLATE = re.compile(
    r"""^(
        share\ (on|via|this)(\ \w+)? |
        copy\ link | powered\ by\ [\w ]+ | print(\ this)?(\ article)? |
        subscribe(\ to\ our\ newsletter)? | sign\ up\ for\ our\ newsletter |
        leave\ a\ (reply|comment) | check\ also | related(\ posts|\ articles)? |
        read\ more | advertisement | click\ here\ to\ .* | tweet | email |
        your\ email\ address\ will\ not\ be\ published\..* |
        by\ entering\ your\ email,?\ you\ agree\ to\ .* |
        this\ post\ is\ also\ available\ in:.* |
        follow\ us\ on\ .* | all\ rights\ reserved\.?
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


_SURROGATE = re.compile("[\ud800-\udfff]")
# UTF-8 read as Windows-1252 or Latin-1 and written as UTF-8 again: a no-break space comes
# out "Â\xa0", "é" "Ã©", "’" "â€™" (an outside tester's Times of India corpus listed "Â Â"
# as its top actor). Two such characters in a row are no writing of any language.
_CP1252_HIGH = bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore")  # "€‚ƒ„…"
_MOJIBAKE = re.compile(f"[\u00c2\u00c3][\u0080-\u00bf{_CP1252_HIGH}]"
                       f"|\u00e2[\u0080-\u009f{_CP1252_HIGH}]"
                       "|\u00c2 ")  # (its no-break space made a space: "storiesÂ narendra")
# The characters a match of _MOJIBAKE starts with (tests/index/test_cleaning_gates.py).
MOJIBAKE_LEADS = "\u00c2\u00c3\u00e2"


def _may_be_mojibake(text: str) -> bool:
    """Whether `text` holds a character a match of _MOJIBAKE starts with."""
    return "\u00c2" in text or "\u00c3" in text or "\u00e2" in text


LONE_SURROGATE = "lone surrogate (not valid Unicode)"
DOUBLE_ENCODED = "double-encoded UTF-8 (\"Ã©\" for \"é\")"


def storable(text: str) -> str:
    """Text that UTF-8 can hold: a lone surrogate (a JSON `\\ud800` escape) becomes U+FFFD;
    double-encoded UTF-8 ("cafÃ©") is decoded once more (ftfy's fix_encoding, which undoes
    only what such a round trip did). Every string of an article passes here before it
    reaches the store, Whoosh or a screen."""
    return storable_fixes(text)[0]


def storable_fixes(text: str) -> tuple[str, tuple[str, ...]]:
    """storable's text, and what it fixed (LONE_SURROGATE, DOUBLE_ENCODED), for the run
    to say."""
    if text.isascii():
        return text, ()
    fixes: tuple[str, ...] = ()
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = _SURROGATE.sub("\ufffd", text)
        fixes = (LONE_SURROGATE,)
    # (Every match starts with one of three characters: a text holding none of them is
    # looked at no further. The pattern searched through a BBC text outside ASCII took
    # 48 us, the three looks 1.)
    if _may_be_mojibake(text) and _MOJIBAKE.search(text) is not None:
        from ftfy import fix_encoding  # (imported by the few runs that need it)

        # (Where the text is so mangled, an "Â " ftfy leaves, after a line's start, is
        # such a space too.)
        fixed = fix_encoding(text).replace("\u00c2 ", "\u00a0")
        if fixed != text:
            text, fixes = fixed, (*fixes, DOUBLE_ENCODED)
    return text, fixes


@dataclass(slots=True)
class CleanText:
    title: str
    text: str
    date: datetime | None
    source: str | None
    bad_date: str = ""  # a leading date that is no date newsdesk can keep, as written


def is_boilerplate(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) < _BOILERPLATE_MAX and bool(_BOILERPLATE.match(stripped))


def _shorten(line: str) -> str:
    if len(line) <= _MAX_TITLE:
        return line
    cut = line.rfind(" ", 0, _MAX_TITLE)
    return line[: cut if cut > 40 else _MAX_TITLE].rstrip(" ,;:") + "…"


def _date_of(written: str) -> tuple[datetime | None, str, bool]:
    """A `date YYYY-MM-DD` line's date, the date as written where it is out of range, and
    whether the line is taken (not a date at all, "2024-13-45": left in the text)."""
    try:
        date = datetime.strptime(written, "%Y-%m-%d")
    except ValueError:
        return None, "", False
    return (date, "", True) if date_in_range(date) else (None, written, True)


def clean_plain_text(raw: str, title: str = "", markdown: bool = False) -> CleanText:
    """`title`: the article's title, known already (a Markdown file's front matter): the
    first line is its title only where it repeats it. `markdown`: a title line that is a
    heading is its text ("# Storm" -> "Storm")."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    date: datetime | None = None
    bad_date = ""
    match = _DATE_PREFIX.match(raw)
    if match:
        date, bad_date, taken = _date_of(match.group(1))
        raw = raw[match.end():] if taken else raw
    lines = raw.split("\n")
    source: str | None = None
    kept: list[str] = []
    for number, line in enumerate(lines):
        if number < _DATE_LINES and date is None and not bad_date \
                and (dated := _DATE_LINE.match(line)):
            date, bad_date, taken = _date_of(dated.group(1))
            if taken:
                continue
        src = _SOURCE_LINE.match(line)
        if src and source is None:
            source = src.group(1)
            continue
        if is_boilerplate(line):
            continue
        kept.append(line.rstrip())
    nonempty = [i for i, line in enumerate(kept) if line.strip()]
    if not nonempty:
        return CleanText(title=title, text="", date=date, source=source, bad_date=bad_date)
    first = nonempty[0]
    title_line = kept[first].strip()
    if markdown:
        title_line = _HEADING.sub("", title_line).strip() or title_line
    body_start = first + 1
    if title:
        body_start = first + 1 if title_line.casefold() == title.casefold() else 0
        text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept[body_start:]).strip("\n"))
        return CleanText(title=_shorten(title), text=text, date=date, source=source,
                         bad_date=bad_date)
    # A breadcrumb ("Home / Iran / Headline") that ends with the next line: the next is the title.
    if len(nonempty) > 1:
        second = kept[nonempty[1]].strip()
        if " / " in title_line and title_line.endswith(second):
            title_line, body_start = second, nonempty[1] + 1
    if len(title_line) > _MAX_TITLE or (len(title_line) > 90 and title_line.endswith(".")):
        # A lede, not a headline (headlines rarely end with a full stop): keep it in the text.
        body_start = first
    text = "\n".join(kept[body_start:]).strip("\n")
    text = re.sub(r"\n{3,}", "\n\n", text)
    return CleanText(title=_shorten(title_line), text=text, date=date, source=source,
                     bad_date=bad_date)
