"""Query tree -> Whoosh query, with what to highlight.

Prefix, wildcard and fuzzy terms expand against the vocabulary of unstemmed words (the
stemmed lexicon has `govern`, not `governm…`), are stemmed, and are bounded to the most
frequent words, so a half-typed last word never takes seconds."""

from __future__ import annotations

import fnmatch
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from whoosh import query as wq
from whoosh.reading import IndexReader

from newsdesk.index import analysis
from newsdesk.index.models import (
    Actor,
    ActorChoice,
    ActorFilter,
    NewsdeskError,
    QueryError,
)
from newsdesk.index.query.article_sets import ArticleSet
from newsdesk.index.query.compounds import Compound, compound_of
from newsdesk.index.query.language import (
    And,
    DateRange,
    Everything,
    Node,
    Not,
    Or,
    Phrase,
    Word,
    phrase_parts,
    quoted,
)
from newsdesk.index.query.phrases import SlotPhrase

TEXT_FIELDS = ("title", "body")
# The word being typed expands to at most this many words, the most frequent: each one is
# scored, and a keystroke's search must stay fast. The vocabulary slice it ranks is capped
# too (a three-letter prefix can begin thousands of words at 100,000 articles).
TYPING_EXPANSIONS = 8
PREFIX_SCAN = 5000
# The words looked through at most for the other words of a quoted word's stem: past it
# the stem is taken to have others (its matches' texts are read).
FORMS_SCAN = 5000
_SOURCE_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Written:
    """A place of a quoted word or phrase filled only by the words written so: a word whose
    folded form (case and accents ignored, as the index folds) is one of `forms`, not any
    word of the same stem ("universe", not "university", which Porter stems alike).
    `terms`: the forms' index terms, the tokens looked at."""

    forms: frozenset[str]
    terms: frozenset[str]


# A phrase's places and its slop. A place is a term, or (a phrase with wildcards,
# `"chief exec*"`) the set of terms any of which fills it (the empty set is a bare `*`,
# which any word fills), or the words of a quoted phrase as written (Written).
Place = str | frozenset[str] | Written
PhraseMark = tuple[tuple[Place, ...], int]


def place_terms(place: Place) -> frozenset[str]:
    """The terms that fill a place of a PhraseMark (none: any word does)."""
    if isinstance(place, str):
        return frozenset((place,))
    return place.terms if isinstance(place, Written) else place


def place_forms(place: Place) -> frozenset[str] | None:
    """The folded words alone that fill a place (of its terms'); None: any word of them."""
    return place.forms if isinstance(place, Written) else None


@dataclass(frozen=True, slots=True)
class AsWritten:
    """A quoted word or phrase as written (`phrase`, with Written places): its matches'
    texts are read for it (Engine._confirmed), in each field apart."""

    written: str  # as the query wrote it, quoted
    phrase: PhraseMark

    @property
    def key(self) -> str:
        return repr(self.phrase)


_BOOST = re.compile(r"\^\d*(?:\.\d+)?$")  # a boost at the end of a word: trump^5, oil^0.5


def _why_left_out(words: list[str]) -> str:
    """Why the index leaves these words out: stop words are too common, the others (a
    letter or digit alone) too short."""
    common = [w for w in words if analysis.fold(w) in analysis.STOP_WORDS]
    if len(common) == len(words):
        return "too common to be indexed"
    if not common:
        return "too short to be indexed"
    return "too common or too short to be indexed"


def not_indexed(text: str, every: bool = False) -> str:
    """Why a word (or with `every`, a phrase) as written gives no index term: it has no
    letter or digit ("'", "\\", "..."), or its words are stop words or single letters."""
    words = analysis.word_regex(text).findall(text)
    if not words:
        return "has no letter or digit to search for"
    why = _why_left_out(words)
    return f"every word is {why}" if every else f"is {why}"


def unknown_actor_note(typed: str, close: str | None) -> str:
    """Why an `actor:` filter found nothing: no actor goes by the name. The query runs (it
    is no malformed one: no hits, exit 1); what to try is said, the closest actor's name
    or, with none close, how to find one by a part of its name."""
    said = f"actor:{quoted(typed)}: no actor has this name"
    if close:
        return f"{said}; did you mean actor:{quoted(close)}?"
    return (f"{said} or one close to it; f in the actor pane, or `newsdesk actors --find "
            "TEXT`, finds actors by a part of their name")


def actor_choice_note(typed: str, choice: ActorChoice) -> str:
    """What an `actor:` name meaning several actors was taken as, and the filter of each
    other: 'actor:"Clinton" is Hillary Clinton (written so in 47 articles); also written
    for Bill Clinton (3): actor:"Bill Clinton"'."""
    def named(actor: Actor) -> str:
        return actor.name + (" (hidden)" if actor.hidden else "")

    if not choice.others:  # one actor goes by the name, not as its own
        return (f"actor:{quoted(typed.strip())} is {named(choice.actor)}: a name it goes by "
                "(an alias, or an actor merged into it)")
    how = "its own name" if choice.own_name else \
        f"written so in {choice.written:,} article{'' if choice.written == 1 else 's'}"
    others = "; ".join(f"{named(actor)} ({n:,}): "
                       + (f"actor:{quoted(name)}" if name else "no name of its own")
                       for actor, n, name in choice.others)
    more = f"; {choice.more:,} more" if choice.more else ""
    return (f"actor:{quoted(typed.strip())} is {named(choice.actor)} ({how}); "
            f"also written for {others}{more}")


@dataclass(slots=True)
class HighlightPlan:
    """Stemmed terms to mark anywhere, and phrases (term sequences with their slop); and
    those of a field-restricted part (`title:opec`), marked in that field only."""

    terms: set[str] = field(default_factory=set)
    phrases: list[PhraseMark] = field(default_factory=list)
    field_terms: dict[str, set[str]] = field(default_factory=dict)
    field_phrases: dict[str, list[PhraseMark]] = field(default_factory=dict)
    # The name keys of the actors an `actor:` filter asks for: their mentions (character
    # spans the extraction stored) are matches too, in the title and the text alike. Text
    # alone cannot say where they are (aliases, "he said" is no mention): the engine reads
    # them from the store (Engine._mentions).
    actor_keys: set[str] = field(default_factory=set)
    # Words with a one-letter part ("T-Mobile", query/compounds.py): their term is marked
    # only where the text writes the word so, and the mark covers the whole word.
    compounds: list[Compound] = field(default_factory=list)
    field_compounds: dict[str, list[Compound]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.terms or self.phrases or any(self.field_terms.values())
                    or any(self.field_phrases.values()) or self.compounds
                    or any(self.field_compounds.values()))

    def of(self, field_name: str) -> HighlightPlan:
        """What to mark in one field's text ("title" or "body")."""
        extra_terms = self.field_terms.get(field_name)
        extra_phrases = self.field_phrases.get(field_name)
        compounds = self.compounds + self.field_compounds.get(field_name, [])
        if not extra_terms and not extra_phrases:
            return HighlightPlan(self.terms, self.phrases, actor_keys=self.actor_keys,
                                 compounds=compounds)
        return HighlightPlan(self.terms | (extra_terms or set()),
                             self.phrases + (extra_phrases or []),
                             actor_keys=self.actor_keys, compounds=compounds)

    def mark_compound(self, fields: tuple[str, ...], compound: Compound) -> None:
        if fields == TEXT_FIELDS:
            self.compounds.append(compound)
        else:
            for name in fields:
                self.field_compounds.setdefault(name, []).append(compound)

    def mark_terms(self, fields: tuple[str, ...], terms: Iterable[str]) -> None:
        if fields == TEXT_FIELDS:
            self.terms.update(terms)
        else:
            for name in fields:
                self.field_terms.setdefault(name, set()).update(terms)

    def mark_phrase(self, fields: tuple[str, ...], phrase: PhraseMark) -> None:
        if fields == TEXT_FIELDS:
            self.phrases.append(phrase)
        else:
            for name in fields:
                self.field_phrases.setdefault(name, []).append(phrase)


@dataclass(slots=True)
class Compiled:
    query: wq.Query
    plan: HighlightPlan
    notes: list[str]
    prefix_words: list[str] = field(default_factory=list)
    # An `actor:` name no actor goes by -> the actor close to it ("did you mean")
    actor_corrections: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Checked:
    """Of the articles a query matches (`candidates`), those whose text was read
    (`checked`, the first ones; all unless the bound cut it) and those of them that do
    not hold a word as written (`rejected`, None if none)."""

    candidates: int
    checked: int
    rejected: wq.Query | None


# A word with a one-letter part, or a quoted word or phrase: what a match's text must hold.
Check = Compound | AsWritten
# (query, fields its texts are read in, the words as written) -> Checked
Confirm = Callable[[wq.Query, tuple[str, ...], tuple[Check, ...]], Checked]


def indexed_since(query: wq.Query, seconds: float) -> wq.Query:
    """`query`, limited to the documents indexed after `seconds` (since the epoch)."""
    since = wq.NumericRange("indexed", int(seconds * 1000), None, startexcl=True)
    return wq.And([query, since])


class Compiler:
    def __init__(self, reader: IndexReader, vocabulary: Callable[[], list[str]],
                 max_expansions: int = 64,
                 actor_keys: Callable[[str], ActorFilter] | None = None,
                 marked: Callable[[str, str], set[str]] | None = None,
                 dup_members: Callable[[str], list[str]] | None = None,
                 confirm: Confirm | None = None) -> None:
        self.reader = reader
        # Reads the matches' texts for the words with a one-letter part (query/compounds.py)
        self.confirm = confirm
        self.actor_keys = actor_keys
        # (field, value) -> the ids of the articles a person marked so: tag:lead, is:starred
        self.marked = marked
        self.dup_members = dup_members  # an article id -> its group's ids (index/dups)
        self.vocabulary = vocabulary  # every word indexed, folded, sorted
        self.max_expansions = max_expansions
        self.typing_expansions = min(max_expansions, TYPING_EXPANSIONS)
        self.plan = HighlightPlan()
        self.notes: list[str] = []
        self.prefix_words: list[str] = []  # words searched as prefixes (while typing)
        self.actor_corrections: dict[str, str] = {}  # (Compiled.actor_corrections)
        self._empty_not = False  # a NOT of words too common to be indexed (dropped)

    def compile(self, node: Node) -> Compiled:
        q = self._node(node, positive=True)
        if q is None and self._empty_not:
            # Nothing left but NOT of a stop word: every article, as NOT of any word no
            # article has ("-the" found nothing while "oil -the" was oil's hits).
            q = wq.Every()
        elif q is None:
            q = wq.NullQuery
        elif isinstance(q, wq.Not):  # a lone NOT: everything except it
            q = wq.AndNot(wq.Every(), q.query)
        return Compiled(q, self.plan, self.notes, self.prefix_words, self.actor_corrections)

    def _node(self, node: Node, positive: bool) -> wq.Query | None:
        if isinstance(node, And):
            parts = [self._node(n, positive) for n in node.items]
            parts = [p for p in parts if p is not None]
            if not parts:
                return None
            pos = [p for p in parts if not isinstance(p, wq.Not)]
            neg = [p.query for p in parts if isinstance(p, wq.Not)]
            base = wq.And(pos) if len(pos) > 1 else (pos[0] if pos else wq.Every())
            if neg:
                return wq.AndNot(base, wq.Or(neg) if len(neg) > 1 else neg[0])
            return base
        if isinstance(node, Or):
            parts = [self._node(n, positive) for n in node.items]
            parts = [(wq.AndNot(wq.Every(), p.query) if isinstance(p, wq.Not) else p)
                     for p in parts if p is not None]
            return wq.Or(parts) if parts else None
        if isinstance(node, Not):
            inner = self._node(node.item, not positive)
            if inner is None:
                self._empty_not = True
                return None
            return wq.Not(inner)
        if isinstance(node, Everything):
            return wq.Every()
        if isinstance(node, DateRange):
            return wq.DateRange("date", node.start, node.end)
        if isinstance(node, Phrase):
            return self._phrase(node, positive)
        return self._word(node, positive)

    # -- words ----------------------------------------------------------------------------------

    def _fields(self, field_name: str | None) -> tuple[str, ...]:
        return TEXT_FIELDS if field_name is None else (field_name,)

    def _actor(self, name: str, positive: bool) -> wq.Query:
        if self.actor_keys is None:
            raise QueryError("actor: is not available here")
        found = self.actor_keys(name)
        keys = found.keys
        if found.unknown:
            note = unknown_actor_note(name, found.close)
            if note not in self.notes:
                self.notes.append(note)
            if found.close:
                self.actor_corrections[name] = found.close
        if found.choice is not None:
            note = actor_choice_note(name, found.choice)
            if note not in self.notes:
                self.notes.append(note)
        if positive:  # (-actor:X matches no mention of X: nothing to mark)
            self.plan.actor_keys.update(keys)
        return _any(wq.Term("actors", k) for k in keys) if keys else wq.NullQuery

    def _dup(self, article_id: str) -> wq.Query:
        """dup:ID, the article and its near-duplicates (itself alone if it has none)."""
        if self.dup_members is None:
            raise QueryError("dup: is not available here")
        if not self.reader.doc_frequency("id", article_id):  # "0 hits" said nothing
            self.notes.append(f"no article has the id {quoted(article_id)}")
        return _any(wq.Term("id", member) for member in self.dup_members(article_id))
    def _widened(self, node: Word, as_prefix: wq.Query) -> bool:
        """Whether a tag: or is: value being typed finds other articles as a prefix than
        as written: only then is it said to be a prefix (a whole "is:starred" was shown as
        "is:starred… as a prefix")."""
        try:
            return self._marked(node.field or "", node.text) != as_prefix
        except QueryError:  # not a value as written (is:star): a prefix of one
            return True

    def _marked(self, field_name: str, value: str) -> wq.Query:
        if self.marked is None:
            raise QueryError(f"{field_name}: is not available here")
        try:
            ids = self.marked(field_name, value.strip())
        except NewsdeskError as exc:  # a broken tags file, an unknown is: value
            raise QueryError(str(exc)) from None
        return ArticleSet(ids, f"{field_name}:{value}")

    def _word(self, node: Word, positive: bool) -> wq.Query | None:
        if node.field == "actor":
            return self._actor(node.text, positive)
        if node.field == "dup":
            return self._dup(node.text)
        if node.field in ("tag", "is"):  # while typing: the tags (is: word) it begins
            marked = self._marked(node.field, node.text + ("*" if node.prefix else ""))
            if node.prefix and self._widened(node, marked):
                self.prefix_words.append(f"{node.field}:{node.text}")
            return marked
        if node.field in ("id", "url"):
            if node.wildcard:
                return wq.Wildcard(node.field, node.text)
            return wq.Term(node.field, node.text)
        if node.field == "source":
            return self._source(node.text.lower(), node.wildcard)
        fields = self._fields(node.field)
        cjk = analysis.word_regex(node.text) is analysis.WORD_CJK
        if cjk and node.wildcard and analysis.CJK_CHAR.match(node.text.rstrip("*?")[-1:]) \
                and not re.search(r"[*?]", node.text.rstrip("*?")):
            # 東京*: each Han or Kana character is a word, and a word that begins with 京
            # is 京: the run as written (no word of the vocabulary begins with 東京).
            bare = node.text.rstrip("*?")
            self.notes.append(f"'{node.text}': each Chinese, Japanese or Thai character is a word "
                              f"of its own; searched {bare}")
            node = Word(bare, node.field)
        # A word with a one-letter part being typed ("t-mobile") is searched as written, as
        # after Enter: its prefix was its longer part's (mobile*), ten times the hits. So
        # is a run of Han or Kana (東京 is the phrase 東 京; its prefix was 東 OR 京).
        if node.prefix and not cjk and (self.confirm is None
                                        or compound_of(node.text) is None):
            own, stems = self._expand_prefix(node.text, fields)
            if positive:
                self.plan.mark_terms(fields, stems)
            return _prefix_query(fields, own, stems) if stems else wq.NullQuery
        elif node.wildcard:
            stems = self._expand_wildcard(node.text, fields)
        elif node.fuzzy is not None:
            stems = self._expand_fuzzy(node.text, node.fuzzy, fields)
        else:
            text = node.text
            boost = _BOOST.search(text)
            if boost is not None and boost.start() > 0:
                # trump^5: a boost elsewhere (Lucene, Whoosh), here the word alone; "5" was
                # searched for, then called "too common to be indexed".
                text = text[:boost.start()]
                self.notes.append(f"'{node.text}': boosts (^) are not supported; searched "
                                  f"for {text}")
            terms = analysis.terms(text)
            if not terms:
                self.notes.append(f"'{text}' {not_indexed(text)}; not searched")
                return None
            compound = compound_of(text) if self.confirm is not None else None
            if compound is None:
                self._note_left_out(text, terms, "")
            if len(terms) > 1:  # "Iran-backed", "U.S.-led": the parts as a phrase
                found = self._terms_phrase(tuple(terms), fields, 0, positive)
                return found if compound is None else self._checked(found, fields,
                                                                    (compound,), text)
            if compound is not None:
                if positive:
                    self.plan.mark_compound(fields, compound)
                return self._checked(_any(wq.Term(f, terms[0]) for f in fields), fields,
                                     (compound,), text)
            stems = terms
        if positive:
            self.plan.mark_terms(fields, stems)
        if not stems:
            return wq.NullQuery
        return _any(wq.Term(f, s) for f in fields for s in stems)

    def _expand_wildcard(self, pattern: str, fields: tuple[str, ...]) -> list[str]:
        return self._best_stems(self._wildcard_words(pattern), pattern, fields)

    def _wildcard_words(self, pattern: str) -> set[str]:
        """The words of the vocabulary a wildcard matches."""
        folded = analysis.fold(pattern)
        prefix = re.split(r"[*?]", folded, maxsplit=1)[0]
        simple = folded == prefix + "*"
        regex = None if simple else re.compile(fnmatch.translate(folded))
        vocabulary = self.vocabulary()
        low = bisect_left(vocabulary, prefix)
        high = bisect_left(vocabulary, prefix + "\U0010ffff")
        return {w for w in vocabulary[low:high] if regex is None or regex.match(w)}

    def _expand_prefix(self, word: str, fields: tuple[str, ...]
                       ) -> tuple[list[str], list[str]]:
        """The word being typed: its own term and the `typing_expansions` most frequent
        words it begins, so "solei" finds Soleimani and a short prefix stays fast. And
        its own term if the word as typed is a whole word of the index ("corn"; not
        "tanke", whose stem "tank" is a coincidence of stemming), to rank first."""
        folded = analysis.fold(word)
        own = analysis.terms(word)
        vocabulary = self.vocabulary()
        low = bisect_left(vocabulary, folded)
        high = bisect_left(vocabulary, folded + "\U0010ffff")
        whole = own if low < len(vocabulary) and vocabulary[low] == folded else []
        words = set(vocabulary[low:min(high, low + PREFIX_SCAN)])
        stems = self._best_stems(words, word + "*", fields, self.typing_expansions,
                                 quiet=True)
        stems = list(dict.fromkeys([*own, *stems]))[: max(self.typing_expansions, len(own))]
        self.prefix_words.append(word)
        return whole, stems

    def _expand_fuzzy(self, text: str, distance: int, fields: tuple[str, ...]) -> list[str]:
        from rapidfuzz import process  # here: 15 ms to import, needed for fuzzy words
        from rapidfuzz.distance import OSA

        word = analysis.fold(text)
        if distance == 0:
            distance = 1 if len(word) <= 5 else 2
        # No fixed first letter: transliterations differ there (Qassem / Kassem). Whoosh's
        # terms_within is pure Python over the whole lexicon (seconds); rapidfuzz is C++.
        found = process.extract(word, self.vocabulary(), scorer=OSA.distance,
                                score_cutoff=distance, limit=None)
        words = {word, *(match for match, _, _ in found)}
        return self._best_stems(words, text + "~", fields)

    def _best_stems(self, words: set[str], shown: str, fields: tuple[str, ...],
                    cap: int | None = None, quiet: bool = False) -> list[str]:
        cap = cap or self.max_expansions
        stems = {analysis.stem(w) for w in words}
        freq = self._frequencies(stems, fields)
        ranked = sorted((s for s in stems if freq.get(s, 0) > 0), key=lambda s: (-freq[s], s))
        if not ranked and not quiet:
            self.notes.append(f"no indexed word matches '{shown}'")
        elif len(ranked) > cap:
            if not quiet:
                self.notes.append(f"'{shown}' matches {len(ranked)} words; searching the "
                                  f"{cap} most frequent")
            ranked = ranked[:cap]
        return ranked

    def _frequencies(self, stems: set[str], fields: tuple[str, ...]) -> dict[str, int]:
        """Document frequency of each stem; one pass over the lexicon when there are many
        (a term-by-term lookup costs a fraction of a millisecond each in Whoosh)."""
        freq: dict[str, int] = dict.fromkeys(stems, 0)
        common = _common_prefix(stems) if len(stems) > 32 else None
        if common is not None and len(common) < 3:
            # Every term of a letter or two is thousands a segment: f?ll* has 36 stems
            # and 12,800 terms under "f" at 100,000 articles (42 ms against 9 ms).
            common = None
        # Segment by segment: a multi-segment reader looks each term up in every segment
        # and merges what it finds (46 of 57 ms for over* at 100,000 articles).
        for reader, _ in self.reader.leaf_readers():
            for f in fields:
                if common is not None:
                    for term, info in reader.iter_prefix(f, common):
                        text = term.decode("utf-8") if isinstance(term, bytes) else term
                        if text in freq:
                            freq[text] += info.doc_frequency()
                else:
                    for s in stems:
                        freq[s] += reader.doc_frequency(f, s)
        return freq

    def _source(self, text: str, wildcard: bool) -> wq.Query | None:
        if wildcard:
            return wq.Wildcard("source", text)
        words = _SOURCE_WORD.findall(text)
        if not words:
            self.notes.append(f"source:{quoted(text)}: no word to search for; not searched")
            return None
        return wq.Term("source", words[0]) if len(words) == 1 else wq.Phrase("source", words)

    # -- phrases -------------------------------------------------------------------------------

    def _phrase(self, node: Phrase, positive: bool) -> wq.Query | None:
        if node.field == "actor":
            return self._actor(node.text, positive)
        if node.field == "dup":
            return self._dup(node.text)
        if node.field in ("tag", "is"):
            return self._marked(node.field, node.text)
        if node.field == "source":
            return self._source(node.text.lower(), False)
        if node.field in ("id", "url"):
            return wq.Term(node.field, node.text)
        parts = phrase_parts(node.text)
        if any(kind != "text" for kind, _ in parts):
            return self._wild_phrase(node, parts, positive)
        forms = [word for word, _, _ in analysis.words(node.text)]
        terms = tuple(analysis.stem(word) for word in forms)
        if not terms:
            self.notes.append(f'"{node.text}": {not_indexed(node.text, every=True)}; '
                              "not searched")
            return None
        compounds = tuple(c for chunk in node.text.split() if (c := compound_of(chunk))) \
            if self.confirm is not None else ()
        left = " ".join(chunk for chunk in node.text.split() if not compound_of(chunk))
        self._note_left_out(node.text, terms, '"', left if compounds else None)
        fields = self._fields(node.field)
        places = self._as_written(forms)
        # `"X-Men"`: one word with a one-letter part is marked as that word, as it is
        # unquoted, not as its indexed part ("Men" of "Mad Men" was marked).
        whole_word = len(compounds) == 1 and len(terms) == 1 and len(node.text.split()) == 1
        found = self._terms_phrase(terms, fields, node.slop, positive and not whole_word,
                                   places)
        if whole_word and positive:
            self.plan.mark_compound(fields, compounds[0])
        checks: tuple[Check, ...] = compounds + self._written(places, node)
        return self._checked(found, fields, checks, f'"{node.text}"') if checks else found

    def _as_written(self, forms: Sequence[str]) -> tuple[Place, ...]:
        """A quoted phrase's places: each word as written (Written), or its term where the
        corpus writes no other word of that stem (nothing to tell apart, no text to read:
        `"said"`, `"東京"`). Without texts to read (no `confirm`), the terms."""
        places: list[Place] = []
        for form in forms:
            term = analysis.stem(form)
            if self.confirm is None or self._forms_of(term) <= {form}:
                places.append(term)
            else:
                places.append(Written(frozenset((form,)), frozenset((term,))))
        return tuple(places)

    def _forms_of(self, term: str) -> set[str]:
        """Every word of the vocabulary whose term is `term`; more than `term` alone if
        there are too many words to look through. Porter rewrites only a word's ending: a
        word's stem less its last letter begins the word (query/wanted_tokens.py), so the
        words of a stem are among those its stem less a letter begins. A character of Chinese
        or Japanese is its own word and term."""
        if len(term) == 1:
            return {term}
        vocabulary = self.vocabulary()
        low = bisect_left(vocabulary, term[:-1])
        high = bisect_left(vocabulary, term[:-1] + "\U0010ffff")
        if high - low > FORMS_SCAN:
            return {term, ""}  # (unknown: read the texts)
        return {word for word in vocabulary[low:high] if analysis.stem(word) == term}

    def _written(self, places: Sequence[Place], node: Phrase) -> tuple[AsWritten, ...]:
        """The check that a quoted phrase's matches write its words so, if any of its places
        is to be told apart from other words of the same stem."""
        if not any(isinstance(place, Written) for place in places):
            return ()
        spelled = tuple(self._spelled(place) for place in places)
        return (AsWritten(f'"{node.text}"', (spelled, node.slop)),)

    def _spelled(self, place: Place) -> Place:
        """A place of a phrase to read texts for, as the words that fill it where the
        vocabulary has them all (Written): a phrase of Written places alone is read by one
        regex (highlight.holds), its other places by the tokenizer."""
        if isinstance(place, Written) or place == frozenset():
            return place
        terms = place_terms(place)
        forms = set().union(*(self._forms_of(term) for term in terms))
        if "" in forms or not forms:  # (unknown)
            return place
        return Written(frozenset(forms), terms)

    def _checked(self, query: wq.Query, fields: tuple[str, ...],
                 checks: tuple[Check, ...], shown: str) -> wq.Query:
        """`query`'s matches less those whose text does not hold the words as written
        (T-Mobile: the articles with "mobile" that never write "T-Mobile"; `"universe"`:
        those with "university" alone), the texts of the first `Checked.checked` only, said
        when that is not all of them."""
        assert self.confirm is not None
        checked = self.confirm(query, fields, checks)
        unchecked = checked.candidates - checked.checked
        if unchecked:
            words = ", ".join(c.written for c in checks if c.written != shown) or "it"
            self.notes.append(f"{shown}: the text of {checked.checked:,} of the "
                              f"{checked.candidates:,} articles found was read for {words} "
                              f"as written; the other {unchecked:,} are counted unchecked")
        if checked.rejected is None:
            return query
        return wq.AndNot(query, checked.rejected)

    def _wild_phrase(self, node: Phrase, parts: list[tuple[str, str]], positive: bool
                     ) -> wq.Query | None:
        """A phrase with wildcards: each wildcard word a place filled by any of the words
        it expands to (against the same vocabulary, with the same bound and note as outside
        quotes), a bare `*` a place any one indexed word fills. ("chief exec*" found
        nothing: the wildcard was dropped and "exec" searched as a word.)"""
        fields = self._fields(node.field)
        places: list[str | frozenset[str]] = []
        plain: list[str] = []
        for kind, piece in parts:
            if kind == "text":
                plain.append(piece)
                places.extend(self._as_written([w for w, _, _ in analysis.words(piece)]))
            elif kind == "any":
                places.append(frozenset())
            else:
                words = self._wildcard_words(piece)
                stems = self._best_stems(words, piece, fields)
                if not stems:  # (noted: no indexed word matches it)
                    return wq.NullQuery
                places.append(self._wild_place(piece, words, stems))
        self._note_left_out(node.text, places, '"', " ".join(plain))
        ends = [k for k, place in enumerate(places) if place != frozenset()]
        if not ends:
            self.notes.append(f'"{node.text}": a * alone stands for any one word, and the '
                              "phrase has no other word to search for; not searched")
            return None
        if ends[0] > 0 or ends[-1] < len(places) - 1:
            self.notes.append(f'"{node.text}": a * at the start or end of a phrase stands '
                              "for any word there; searched without it")
            places = places[ends[0]:ends[-1] + 1]
        checks = self._written(places, node)
        if len(places) == 1:
            terms = sorted(place_terms(places[0]))
            if positive and checks:
                self.plan.mark_phrase(fields, ((places[0],), 0))
            elif positive:
                self.plan.mark_terms(fields, terms)
            found = _any(wq.Term(f, t) for f in fields for t in terms)
        else:
            if positive:
                self.plan.mark_phrase(fields, (tuple(places), node.slop))
            slots = tuple((tuple(sorted(place_terms(place))), k)
                          for k, place in enumerate(places) if place != frozenset())
            found = _any(SlotPhrase(f, slots, slop=node.slop + 1) for f in fields)
        return self._checked(found, fields, checks, f'"{node.text}"') if checks else found

    def _wild_place(self, pattern: str, words: set[str], stems: list[str]) -> Place:
        """A wildcard's place in a quoted phrase: the words it matches (of the stems kept),
        as written, or its stems where those words are every word of them. (Every word of a
        stem begins with the stem less its last letter, `_forms_of`: a prefix wildcard that
        begins that has them all, with no need to look.)"""
        kept = set(stems)
        forms = {word for word in words if analysis.stem(word) in kept}
        folded = analysis.fold(pattern)
        prefix = folded[:-1] if folded.endswith("*") and not re.search(r"[*?]", folded[:-1]) \
            else None
        if self.confirm is None or all(
                (prefix is not None and stem[:-1].startswith(prefix))
                or self._forms_of(stem) <= forms for stem in stems):
            return stems[0] if len(stems) == 1 else frozenset(stems)
        return Written(frozenset(forms), frozenset(stems))

    def _note_left_out(self, text: str, terms: Sequence[object], quote: str,
                       words: str | None = None) -> None:
        """Say which words of a phrase were not searched: "to say" silently became "say".
        (`words`: the phrase's text to look in, if not all of `text` is words.)"""
        left_out = analysis.unindexed(text if words is None else words)
        if left_out and terms:
            words = ", ".join(dict.fromkeys(w.lower() for w in left_out))
            self.notes.append(f"{quote}{text}{quote}: searched without {words} "
                              f"({_why_left_out(left_out)})")

    def _terms_phrase(self, terms: tuple[str, ...], fields: tuple[str, ...], slop: int,
                      positive: bool, places: tuple[Place, ...] | None = None) -> wq.Query:
        """The phrase of `terms`; marked as `places` if given (a quoted phrase's: its words
        as written)."""
        written = places is not None and any(isinstance(p, Written) for p in places)
        if len(terms) == 1:
            if positive and written:
                self.plan.mark_phrase(fields, (tuple(places or ()), 0))
            elif positive:
                self.plan.mark_terms(fields, terms)
            return _any(wq.Term(f, terms[0]) for f in fields)
        if positive:
            self.plan.mark_phrase(fields, (tuple(places) if written and places else terms,
                                           slop))
        # Whoosh's slop counts the distance allowed between neighbours: 1 is "adjacent".
        return _any(wq.Phrase(f, list(terms), slop=slop + 1) for f in fields)


# From this many terms an OR is ranked from arrays of every term's postings, not Whoosh's
# binary tree of union matchers: that tree re-plans itself as the top scores rise, and
# for the dozens of words a prefix expands to the re-planning costs more than the scoring
# (comm* at 100,000 articles: 1.17 s against 0.18 s, the same ranking). Up to twenty
# terms the tree is as fast or faster (measured on the 60 prefix, wildcard and
# fuzzy queries of the scale benchmark).
ARRAY_UNION_FROM = 20


# The words a prefix adds to the word being typed weigh this much against it: an article
# with the word as typed ranks as it does for the word ("corn" above CORNEA and
# CORNUCOPIA), and the words it begins only break ties among those and rank after them.
PREFIX_WEIGHT = 1e-3


def _prefix_query(fields: tuple[str, ...], whole: list[str], stems: list[str]) -> wq.Query:
    """The word being typed: its own terms (`whole`, if a word as typed) as for the exact
    word, the other words it begins weighed PREFIX_WEIGHT. With no whole word all weigh
    alike (scaled alike: the same order as unweighted)."""
    own = set(whole)
    return _any(wq.Term(f, s, boost=1.0 if s in own else PREFIX_WEIGHT)
                for f in fields for s in stems)


def _any(queries: object) -> wq.Query:
    items = list(queries)  # type: ignore[call-overload]
    if len(items) == 1:
        return items[0]
    union = wq.Or(items)
    if len(items) >= ARRAY_UNION_FROM:
        union.matcher_type = wq.Or.ARRAY_MATCHER
    return union


def _common_prefix(words: set[str]) -> str:
    low, high = min(words), max(words)
    n = 0
    while n < min(len(low), len(high)) and low[n] == high[n]:
        n += 1
    return low[:n]

