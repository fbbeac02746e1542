"""A name a source ran into the word before it ("told Kim Jong Un" written "toldKim Jong Un",
"WhenKim Jong Un": the scan steps over "toldKim" as one lower-case word, and the name was
"Jong Un") or after it ("Kim Jong Unreceived", "Kim Jong
Unwho": a KCNA corpus wrote its leader's name so in 300 of its articles, and each verb made
an actor of its own, stranger12): where the article also names the person with the same
words but the last one shorter, and what the longer adds is a lower-case word the article
writes on its own ("who", "received"), the name is the one the article knows. A name's own
letters are cut by no name alone: "Boris Johnson" beside "Boris John" keeps them where the
article writes no "son". The word before gives its capitalised end where what comes before
that is lower case ("told", "of") or a word the article writes in lower case ("When"): "Later
McDonald" is no "Donald" (no "mc" in the text)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.records import Mention

_MIN_TAIL = 2  # lower-case letters run on ("Unwho"); one more letter is a spelling ("Evans")


def read_glued_names(found: list[Mention], text: str, title: str,
                    written_lower: Callable[[str, str], bool]) -> None:
    """Take into each mention the name's start glued to the word before it, then cut its
    lower-case tail where the article names the same words with the last word shorter (see
    the module's doc). `written_lower(word, text)`: whether the text
    writes the word in lower case on its own."""
    for m in found:
        if m.start > 2 and not m.in_title and text[m.start - 1] == " " \
                and not text[m.start - 2].isupper():
            _glued_before(m, text, written_lower)
    lasts: dict[str, set[str]] = {}  # the words before a key's last -> the last words
    for m in found:
        at = m.key.rfind(" ")
        if at > 0:
            lasts.setdefault(m.key[:at], set()).add(m.key[at + 1:])
    if all(len(ends) < 2 for ends in lasts.values()):
        return  # (most articles: no two keys of the same first words)
    for m in found:
        at = m.key.rfind(" ")
        if at <= 0:
            continue
        last = m.key[at + 1:]
        for known in lasts.get(m.key[:at], ()):
            if len(last) - len(known) >= _MIN_TAIL and last.startswith(known):
                _cut(m, title if m.in_title else text, m.key[:at] + " " + known, text,
                     written_lower)
                break


def _cut(m: Mention, source: str, key: str, text: str,
         written_lower: Callable[[str, str], bool]) -> None:
    """Cut `m` to `key` where the letters after it are a lower-case word of the text."""
    end = m.end
    while end > m.start and source[end - 1].islower():
        end -= 1
        if name_key(source[m.start:end]) == key:
            if written_lower(source[end:m.end], text):
                m.end, m.surface, m.key = end, source[m.start:end], key
            return


def _glued_before(m: Mention, text: str, written_lower: Callable[[str, str], bool]) -> None:
    """Take into `m` the capitalised end of the word before it, where the rest of that word
    is lower case or a word the text writes in lower case ("toldKim", "WhenKim")."""
    first = text.rfind(" ", max(0, m.start - _MAX_WORD), m.start - 1) + 1
    word = text[first:m.start - 1]
    if not word.isalpha() or word.islower() or (word[0].isupper() and word[1:].islower()):
        return  # (most words: all lower case, or a capitalised word)
    at = len(word) - 1
    while at > 0 and not word[at].isupper():
        at -= 1
    head, name = word[:at], word[at:]
    if at == 0 or len(name) < 2 or not name[1:].islower() or not head[1:].islower():
        return
    if head.islower() or written_lower(head.lower(), text):
        m.start = first + at
        m.surface = text[m.start:m.end]
        m.key = name_key(m.surface)
        m.lead, m.lead_at = "", -1


_MAX_WORD = 24  # the letters of a word read before a name


MIN_GLUED_TAILS = 4  # a name's letters run on ("Smithson", "Smithers") are fewer


def join_glued_tails(keys: Iterable[str], lower_tail: Callable[[str, int], bool],
                     union: Callable[[str, str], object]) -> None:
    """Corpus-wide, where an article names the person only glued ("Kim Jong Unreceived" and
    no "Kim Jong Un"): a name the corpus writes with four different lower-case tails or more
    run on its last word ("Unreceived", "Unwho", "Unsent", "Unvisited") is written so by its
    source, and each such key is the name. `lower_tail(key, n)`: whether the key's last n
    letters are written in lower case ("Kim Il SungUniversity" is the university's)."""
    lasts: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        at = key.rfind(" ")
        if at > 0:
            lasts[key[:at]].append(key[at + 1:])
    for head, ends in lasts.items():
        if len(ends) <= MIN_GLUED_TAILS:
            continue  # (most first words: few last words after them)
        known = set(ends)
        glued: dict[str, list[str]] = defaultdict(list)
        for end in ends:
            for cut in range(2, len(end) - _MIN_TAIL + 1):
                if end[:cut] in known and lower_tail(f"{head} {end}", len(end) - cut):
                    glued[end[:cut]].append(end)
        for name, runs in glued.items():
            if len(runs) >= MIN_GLUED_TAILS:
                for run in runs:
                    union(f"{head} {name}", f"{head} {run}")


def glued_form(surface: str, forms: Iterable[str]) -> bool:
    """Whether a surface is one of `forms` with lower-case letters run on ("Kim Il Sungand"
    of "Kim Il Sung"): no name to list the actor by."""
    return any(len(surface) - len(form) >= _MIN_TAIL and surface.startswith(form)
               and surface[len(form):].islower() and surface[len(form):].isalpha()
               for form in forms)
