"""A mention row's cue (table._row_cue, over plain dictionaries with a step for one cue)
is the one the Counter-based rule gives: an event's cue any mention had, else an
organisation type, else a work's cue, else the commonest weak cue had by at least half the
mentions; an organisation's cue a third as many mentions had as had a person's cue or
pronoun is left out first."""

from __future__ import annotations

import random
from collections import Counter

from newsdesk.index.actors.contests import EVENT
from newsdesk.index.actors.pronouns import PERSONAL, WEAK_CUES
from newsdesk.index.actors.table import _row_cue
from newsdesk.index.actors.works import WORK


def _counter_rule(cues: Counter[str], mentions: int, person: int) -> str:
    person += cues.get(PERSONAL, 0)
    cues = Counter({cue: n for cue, n in cues.items()
                    if cue in WEAK_CUES or cue == EVENT or person < 3 * n})
    if not cues:
        return ""
    strong = [(n, cue) for cue, n in cues.items() if cue not in WEAK_CUES]
    if strong:
        return EVENT if cues.get(EVENT) else max(strong)[1]
    if cues.get(WORK):
        return WORK
    cue, n = cues.most_common(1)[0]
    return cue if n * 2 >= mentions else ""


def test_row_cue_is_the_counter_rule() -> None:
    rng = random.Random(2)
    kinds = [*sorted(WEAK_CUES), WORK, EVENT, "organisation", "party", "media", "government"]
    for _ in range(5000):
        cues: dict[str, int] = {}
        for _ in range(rng.randrange(0, 4)):
            kind = rng.choice(kinds)
            cues[kind] = cues.get(kind, 0) + rng.randrange(1, 4)
        mentions = sum(cues.values()) + rng.randrange(0, 4)
        person = rng.randrange(0, mentions + 1)
        expected = _counter_rule(Counter(cues), mentions, person)
        assert _row_cue(cues, mentions, person) == expected
        assert _row_cue(Counter(cues), mentions, person) == expected
