"""A name a source ran into the lower-case word after it ("Kim Jong Unreceived", "Kim Jong
Unwho": a KCNA corpus wrote its leader's name so in 300 of its articles, and each verb made
an actor of its own, stranger12): where the article also names the person with the same
words but the last one shorter, and what the longer adds is a lower-case word the article
writes on its own ("who", "received"), the name is the one the article knows. A name's own
letters are cut by no name alone: "Boris Johnson" beside "Boris John" keeps them where the
article writes no "son".

(A name run into the word before it, "toldKim Jong Un", is left: the scan steps over
"toldKim" as one lower-case word, so the name is "Jong Un". Read after the scan, at each
mention, it cost 1.5% of extraction on BBC.)"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.records import Mention

_MIN_TAIL = 2  # lower-case letters run on ("Unwho"); one more letter is a spelling ("Evans")


def read_glued_names(found: list[Mention], text: str, title: str,
                     written_lower: Callable[[str, str], bool]) -> None:
    """Cut each mention's lower-case tail where the article names the same words with the
    last word shorter (see the module's doc). `written_lower(word, text)`: whether the
    text writes the word in lower case on its own."""
    # The keys another key of the article runs on from, with lower-case letters: in key
    # order, a key is just after the keys it starts with ("kim jong un", "kim jong unsent",
    # "kim jong unwho"). (Sorted once, most articles have none: a few steps of C.)
    keys = sorted({m.key for m in found})
    shorter: dict[str, str] = {}
    base = ""
    for key in keys:
        if base and key.startswith(base):
            rest = key[len(base):]
            if len(rest) >= _MIN_TAIL and rest[0] != " " and " " not in rest:
                shorter[key] = base
            continue
        base = key if " " in key else ""
    if not shorter:
        return
    for m in found:
        if (known := shorter.get(m.key)) is not None:
            _cut(m, title if m.in_title else text, known, text, written_lower)


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
