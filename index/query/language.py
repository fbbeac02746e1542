"""The query language, parsed into a small tree: words, "phrases"~N, wildcards, fuzzy~N,
field:value, date:[a TO b], AND / OR / NOT / -x, parentheses. Every malformed query raises
QueryError with a message that says what is wrong and where."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from newsdesk.index.marks import MARKS
from newsdesk.index.models import IncompleteQuery, QueryError

FIELDS = {"title": "title", "body": "body", "text": "body", "source": "source",
          "date": "date", "id": "id", "url": "url", "actor": "actor",
          # A person's own marks (userdata/tags.py), not in the index: tag:lead, is:starred
          "tag": "tag", "tags": "tag", "is": "is",
          "dup": "dup"}
_FIELD_PREFIX = re.compile(r"([A-Za-z_]+):(?=\S)")
_OPERATORS = {"AND": "AND", "&&": "AND", "OR": "OR", "||": "OR", "NOT": "NOT", "!": "NOT"}
_SPECIAL = set('()"[]{}')
# What a field takes, said when one is written with no value (title:)
_EXAMPLES = {"date": "date:2020-01", "is": "is:starred", "tag": "tag:lead", "id": "id:ID",
             "dup": "dup:ID", "source": 'source:"Arab News"', "actor": 'actor:"Ali Khamenei"'}
MAX_QUERY_LENGTH = 2000
MAX_DEPTH = 32


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    field: str | None = None
    fuzzy: int | None = None  # edit distance, 0 = not fuzzy
    wildcard: bool = False
    prefix: bool = False  # the word being typed, searched as a bounded prefix


@dataclass(frozen=True, slots=True)
class Phrase:
    text: str
    field: str | None = None
    slop: int = 0


@dataclass(frozen=True, slots=True)
class DateRange:
    start: datetime | None
    end: datetime | None  # inclusive


@dataclass(frozen=True, slots=True)
class Everything:
    pass


@dataclass(frozen=True, slots=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    item: Node


Node = Word | Phrase | DateRange | Everything | And | Or | Not


@dataclass(slots=True)
class _Tok:
    kind: str  # WORD PHRASE RANGE FIELD LP RP AND OR NOT
    value: str
    col: int
    extra: object = None


# Typographic double quotes are the query's quote: a phrase pasted from an article, a word
# processor or a Mac comes as “...”, „...“ or «...», and was searched as loose words.
# One character for one: the columns of errors stay those of the text as typed.
_QUOTES = str.maketrans(dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\uff02", '"'))


def _lex(text: str) -> list[_Tok]:
    text = text.translate(_QUOTES)
    toks: list[_Tok] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        col = i + 1
        if c.isspace():
            i += 1
        elif c == "(":
            toks.append(_Tok("LP", c, col))
            i += 1
        elif c == ")":
            toks.append(_Tok("RP", c, col))
            i += 1
        elif c == '"':
            end = text.find('"', i + 1)
            if end < 0:
                raise IncompleteQuery("unbalanced quote: a phrase is opened but never closed", col,
                                      "unclosed quote")
            phrase = text[i + 1:end]
            i = end + 1
            slop = 0
            m = re.match(r"~(\d*)", text[i:])
            if m:
                after = i + m.end()
                if after < n and not text[after].isspace() and text[after] not in "()":
                    # "oil"~x searched "oil"~5 and then x as a word of its own
                    raise QueryError("a proximity needs a number of words after ~, e.g. "
                                     '"oil price"~5', after + 1)
                slop = int(m.group(1)) if m.group(1) else 5
                i = after
                if slop > 100:
                    raise QueryError("proximity must be at most 100 words", col)
            toks.append(_Tok("PHRASE", phrase, col, slop))
        elif c in "[{":
            close = "]" if c == "[" else "}"
            end = text.find(close, i + 1)
            if end < 0:
                raise IncompleteQuery(f"unbalanced bracket: '{c}' is never closed with '{close}'",
                                      col, f"unclosed '{c}'")
            toks.append(_Tok("RANGE", text[i + 1:end], col, c == "["))
            i = end + 1
        elif c in "]}":
            raise QueryError(f"unexpected '{c}' with no opening bracket", col)
        elif c in "-+" and i + 1 < n and (text[i + 1] in '"(' or
                                           _FIELD_PREFIX.match(text, i + 1)):
            # -"a phrase", -(a OR b), -source:x: NOT what follows (+ means it is required,
            # as it is anyway). The sign alone was dropped, so each found just what it
            # was meant to leave out.
            if c == "-":
                toks.append(_Tok("NOT", "-", col))
            i += 1
        else:
            m = _FIELD_PREFIX.match(text, i)
            if m:
                toks.append(_Tok("FIELD", m.group(1).lower(), col))
                i = m.end()
                continue
            j = i
            while j < n and not text[j].isspace() and text[j] not in _SPECIAL:
                j += 1
            word = text[i:j]
            i = j
            if word.endswith(":") and word[:-1].lower() in FIELDS:
                # title: with no value searched the word "title" (is: a stop word)
                toks.append(_Tok("BARE", word[:-1].lower(), col))
            elif word in _OPERATORS:
                toks.append(_Tok(_OPERATORS[word], word, col))
            elif word[0] == "-" and len(word) > 1:
                toks.append(_Tok("NOT", "-", col))
                toks.append(_Tok("WORD", word[1:], col + 1))
            elif word[0] == "+" and len(word) > 1:
                toks.append(_Tok("WORD", word[1:], col + 1))
            elif word in ("-", "+"):
                continue
            else:
                toks.append(_Tok("WORD", word, col))
    return toks


def parse_date(value: str, col: int, end: bool) -> datetime | None:
    """YYYY, YYYY-MM or YYYY-MM-DD; as an end, the last moment of that year, month or day."""
    value = value.strip()
    if value in ("*", ""):
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value)
    if not m:
        # Two dates joined as other tools join them ("2016-01..2017-01"): the range's form.
        pair = re.fullmatch(r"(\d{4}(?:-\d{1,2}){0,2})\s*(?:\.\.+|/|–|—|_| to )\s*"
                            r"(\d{4}(?:-\d{1,2}){0,2})", value, re.IGNORECASE)
        hint = f"; a range is date:[{pair[1]} TO {pair[2]}]" if pair else \
            "; a range is date:[FROM TO TO]"
        raise IncompleteQuery(f"bad date '{value}': use YYYY, YYYY-MM or YYYY-MM-DD{hint}", col,
                              "date being typed")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            start = datetime(year, int(month), int(day))
        elif month:
            start = datetime(year, int(month), 1)
        else:
            start = datetime(year, 1, 1)
    except ValueError as exc:
        raise QueryError(f"bad date '{value}': {exc}", col) from None
    if not end:
        return start
    try:
        if day:
            after = start + timedelta(days=1)
        elif month:
            after = datetime(year + (start.month == 12), start.month % 12 + 1, 1)
        else:
            after = datetime(year + 1, 1, 1)
    except (ValueError, OverflowError):  # the end of year 9999: the end of time
        return datetime.max
    return after - timedelta(microseconds=1)


class _Parser:
    def __init__(self, toks: list[_Tok], default_op: str) -> None:
        self.toks = toks
        self.pos = 0
        self.default_op = default_op
        self.depth = 0
        self.field_scope: str | None = None

    def peek(self) -> _Tok | None:
        return self.toks[self.pos] if self.pos < len(self.toks) else None

    def take(self) -> _Tok:
        tok = self.toks[self.pos]
        self.pos += 1
        return tok

    def parse(self) -> Node:
        node = self.or_expr()
        tok = self.peek()
        if tok is not None:
            if tok.kind == "RP":
                raise QueryError("unbalanced parenthesis: ')' has no '('", tok.col)
            raise QueryError(f"unexpected '{tok.value}'", tok.col)
        return node

    def or_expr(self) -> Node:
        items = [self.and_expr()]
        while True:
            tok = self.peek()
            if tok and tok.kind == "OR":
                self.take()
                if self._at_end():
                    raise IncompleteQuery("OR needs something after it", tok.col)
                items.append(self.and_expr())
            elif tok and self.default_op == "OR" and tok.kind not in ("RP", "AND"):
                items.append(self.and_expr())
            else:
                break
        return items[0] if len(items) == 1 else Or(tuple(items))

    def and_expr(self) -> Node:
        items = [self.unary()]
        while True:
            tok = self.peek()
            if tok and tok.kind == "AND":
                self.take()
                if self._at_end():
                    raise IncompleteQuery("AND needs something after it", tok.col)
                items.append(self.unary())
            elif tok and self.default_op == "AND" and tok.kind not in ("RP", "OR"):
                items.append(self.unary())
            else:
                break
        return items[0] if len(items) == 1 else And(tuple(items))

    def _at_end(self) -> bool:
        tok = self.peek()
        return tok is None or tok.kind == "RP"

    def unary(self) -> Node:
        tok = self.peek()
        if tok is None:
            raise IncompleteQuery("the query ends too early")
        if tok.kind == "NOT":
            self.take()
            if self._at_end():
                raise IncompleteQuery(f"{tok.value} needs something after it", tok.col)
            return Not(self.unary())
        return self.primary(None)

    def primary(self, field: str | None) -> Node:
        tok = self.peek()
        if tok is None:
            raise IncompleteQuery("the query ends too early")
        if tok.kind in ("AND", "OR"):
            raise QueryError(f"{tok.value} needs something before it", tok.col)
        if tok.kind == "RP":
            raise QueryError("unbalanced parenthesis: ')' has no '('", tok.col)
        self.take()
        if tok.kind == "BARE":
            example = _EXAMPLES.get(tok.value, f"{tok.value}:WORD")
            if self.peek() is None or self.peek().kind == "RP":
                raise IncompleteQuery(f"'{tok.value}:' needs a value after it, e.g. {example}",
                                      tok.col, f"{tok.value}: needs a value")
            raise QueryError(f"'{tok.value}:' needs its value right after the colon, with no "
                             f"space: {example}", tok.col)
        if tok.kind == "LP":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise QueryError(f"parentheses nested deeper than {MAX_DEPTH}", tok.col)
            if self.peek() is not None and self.peek().kind == "RP":
                raise QueryError("empty parentheses", tok.col)
            saved, self.field_scope = self.field_scope, field
            node = self.or_expr()
            self.field_scope = saved
            close = self.peek()
            if close is None or close.kind != "RP":
                raise IncompleteQuery("unbalanced parenthesis: '(' is never closed", tok.col,
                                      "unclosed '('")
            self.take()
            self.depth -= 1
            return node
        field = field or self.field_scope
        if tok.kind == "FIELD":
            if tok.value not in FIELDS:
                raise QueryError(f"unknown field '{tok.value}:' (known: "
                                 f"{', '.join(sorted(set(FIELDS)))})", tok.col)
            if self.peek() is None:
                raise IncompleteQuery(f"'{tok.value}:' needs a value after it", tok.col)
            return self.primary(FIELDS[tok.value])
        if field == "date":
            return self.date_value(tok)
        if tok.kind == "RANGE":
            raise QueryError("ranges like [a TO b] work only with date:", tok.col)
        if field == "actor" and tok.kind == "WORD" and re.search(r"[*?~]", tok.value):
            raise QueryError('actor: takes a name, e.g. actor:"Qassem Soleimani" (no '
                             "wildcards or ~)", tok.col)
        if field == "dup" and tok.kind == "WORD" and re.search(r"[*?~]", tok.value):
            raise QueryError("dup: takes an article id, e.g. dup:bbc-business-001 (no "
                             "wildcards or ~)", tok.col)
        if field in ("tag", "is") and tok.kind == "WORD" and (
                "~" in tok.value or (field == "is" and re.search(r"[*?]", tok.value))):
            raise QueryError(f"{field}: takes a word, e.g. tag:lead or is:starred"
                             + (" (tag: allows * and ?)" if field == "tag" else ""), tok.col)
        if tok.kind == "PHRASE":
            if field in (None, "title", "body"):
                for kind, piece in phrase_parts(tok.value):
                    literal = re.split(r"[*?]", piece, maxsplit=1)[0]
                    if kind == "wild" and not re.search(r"\w", literal):
                        raise QueryError(f"'{piece}' in \"{tok.value}\": a wildcard needs a "
                                         "letter or digit before its first * or ?", tok.col)
            return Phrase(tok.value, field, int(tok.extra or 0))
        if tok.kind == "WORD":
            return self.word(tok, field)
        raise QueryError(f"unexpected '{tok.value}'", tok.col)

    def date_value(self, tok: _Tok) -> Node:
        if tok.kind == "RANGE":
            parts = re.split(r"\s+TO\s+", tok.value.strip(), flags=re.IGNORECASE)
            if len(parts) != 2:
                raise QueryError("a date range is written [START TO END]", tok.col)
            start = parse_date(parts[0], tok.col, end=False)
            end = parse_date(parts[1], tok.col, end=True)
            if start and end and start > end:
                raise QueryError("the date range ends before it starts", tok.col)
            return DateRange(start, end)
        if tok.kind in ("WORD", "PHRASE"):
            return DateRange(parse_date(tok.value, tok.col, end=False),
                             parse_date(tok.value, tok.col, end=True))
        raise QueryError("date: needs a date or a range [START TO END]", tok.col)

    def word(self, tok: _Tok, field: str | None) -> Node:
        text = tok.value
        if text == "*":
            return Everything()
        fuzzy = None
        m = re.fullmatch(r"(.+?)~(\d*)", text)
        if m:
            text = m.group(1)
            fuzzy = int(m.group(2)) if m.group(2) else 0
            if fuzzy > 2:
                raise QueryError("fuzzy terms allow at most 2 edits (word~2)", tok.col)
        wildcard = "*" in text or "?" in text
        if wildcard and fuzzy is not None:
            raise QueryError("a term cannot be both a wildcard and fuzzy", tok.col)
        if wildcard:
            literal = re.split(r"[*?]", text, maxsplit=1)[0]
            if not re.search(r"\w", literal):
                raise QueryError(f"'{text}': a wildcard needs a letter or digit before "
                                 "its first * or ?", tok.col)
        return Word(text, field, fuzzy, wildcard)


# A word of a phrase with a wildcard: * anywhere, ? inside a word ("wom?n"; a ? ending a
# word is a question mark, as it always was in a phrase), inner dots kept as in a word, and
# combining marks (analysis.WORD_MARKS).
_WILD_CHAR = rf"(?:[\w{MARKS}]|\*|\?(?=[\w*]))"
_PHRASE_PIECE = re.compile(rf"{_WILD_CHAR}+(?:\.{_WILD_CHAR}+)*")


def phrase_parts(text: str) -> list[tuple[str, str]]:
    """A phrase's text in order as ("text", words to tokenize as the index does),
    ("wild", a word with a wildcard: "exec*") and ("any", a bare *: any one word)."""
    parts: list[tuple[str, str]] = []
    for chunk in text.split():
        if "*" not in chunk and "?" not in chunk:
            parts.append(("text", chunk))
            continue
        at = 0
        for m in _PHRASE_PIECE.finditer(chunk):
            piece = m.group()
            if not re.search(r"\*|\?(?=[\w*])", piece):
                continue
            if m.start() > at:
                parts.append(("text", chunk[at:m.start()]))
            parts.append(("wild" if re.search(r"\w", piece) else "any", piece))
            at = m.end()
        if at < len(chunk):
            parts.append(("text", chunk[at:]))
    return parts


# Control and invisible format characters are never part of a word the index holds: in a
# clause they are spaces, so the query shown, saved and printed holds none (a source named
# "Evil\x1b[31mNews" narrowed by a clause with the escape in it).
_NOT_IN_WORDS = re.compile(r"[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f"
                           r"\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]")


def quoted(value: str) -> str:
    """A value as a query phrase (the query language has no escape for a quote)."""
    return '"' + " ".join(_NOT_IN_WORDS.sub(" ", value.replace('"', " ")).split()) + '"'


def narrowable(value: str) -> bool:
    """Whether a field query can name the value: it has a word character. One of symbols
    and control characters alone ("***", "\x07") has no word a field holds, and its
    clause matched every article."""
    return re.search(r"\w", value) is not None


def field_clause(field: str, value: str) -> str:
    """The field query for one value: source:"Arab News", actor:"Qassem Soleimani"."""
    return f"{field}:{quoted(value)}"


def tag_clause(tag: str) -> str:
    """The query for a tag: tag:lead; quoted when the tag would read as a field of its own
    (a tag may hold ':', and tag:a:b read as the unknown field 'a:')."""
    return f'tag:"{tag}"' if _FIELD_PREFIX.match(tag) else f"tag:{tag}"


def with_filters(query: str, clauses: list[str]) -> str:
    """The query narrowed by filter clauses (field queries such as actor:"X" or date:2020-01),
    as query text: a filter is exactly the field query a person could type. The filters
    come first and the query last, so its last word is the one being typed (typed_prefix)."""
    if not clauses:
        return query
    parts = list(clauses)
    if query.strip():
        parts.append(f"({query})")
    return " AND ".join(parts)


def _typed_text(text: str) -> str:
    """The text whose end is where the user types: a query narrowed by filters
    (with_filters: `F AND (box)`) is typed before its last ')'."""
    if not text.endswith(")"):
        return text
    try:
        toks = _lex(text)
    except QueryError:
        return text
    depth = 0
    for k in range(len(toks) - 1, -1, -1):
        depth += {"RP": 1, "LP": -1}.get(toks[k].kind, 0)
        if depth == 0:  # the '(' the last ')' closes: after "F AND ", F a field query
            if k >= 2 and toks[k - 1].kind == "AND" and toks[k - 1].value == "AND" and \
                    toks[0].kind in ("FIELD", "NOT"):
                return text[:-1]
            return text
    return text


def parse(text: str, default_operator: str = "AND") -> Node | None:
    """The query tree, or None for an empty query. A QueryError always has its column
    (1-based): one that has no place of its own ("the query ends too early") is at the
    end, one past the last character, where the missing part goes."""
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(f"the query is {len(text)} characters long; at most "
                         f"{MAX_QUERY_LENGTH} are allowed", MAX_QUERY_LENGTH + 1)
    try:
        toks = _lex(text)
        if not toks:
            return None
        return _Parser(toks, default_operator).parse()
    except QueryError as exc:
        if exc.column is not None:
            raise
        raise exc.at(len(text) + 1) from None


# From this many letters the word being typed is searched as a prefix: below it a prefix
# covers a large part of the vocabulary and says little.
MIN_PREFIX = 3
_MARK = re.compile(f"[{MARKS}]")


def typed_prefix(node: Node, text: str) -> Node | None:
    """The query as it is being typed: its last word, if the text ends in it (no space,
    quote or bracket after it), as a prefix ("solei" finds Soleimani). None when the last
    word cannot be one (a phrase, a wildcard or fuzzy word, a field other than title: or
    body:, a NOT, too short). With filters (with_filters), the last word of the query
    they narrow."""
    text = _typed_text(text)
    if not text or not (text[-1].isalnum() or text[-1] == "_" or _MARK.match(text[-1])):
        return None  # (a word may end in a mark: मोदी, Zu\u0308rich written decomposed)

    def last(n: Node) -> Node | None:
        if isinstance(n, Word) and n.field in ("tag", "is"):  # tag:le… is:star…
            if n.fuzzy is not None or n.wildcard or not text.endswith(n.text):
                return None
            return Word(n.text, n.field, None, False, prefix=True)
        if isinstance(n, Word):
            if (n.fuzzy is not None or n.wildcard or n.field not in (None, "title", "body")
                    or len(n.text) < MIN_PREFIX or not text.endswith(n.text)):
                return None
            return Word(n.text, n.field, None, False, prefix=True)
        if isinstance(n, And | Or):
            changed = last(n.items[-1])
            if changed is None:
                return None
            return type(n)((*n.items[:-1], changed))
        return None

    return last(node)
