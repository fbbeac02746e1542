"""Issue 25: a title's runs none of whose words is a word of a key kept are not read
(`extract._keeps_none`); what the title keeps is what reading every run kept, on the
sample of real articles and on made-up titles that hold names kept, regnal numbers,
hyphens, possessives and sentence-first candidates."""

from __future__ import annotations

import pytest

from newsdesk.index.actors import extract
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.table import make_extractor
from tests.index.actors.test_extraction_speedups import ARTICLES

MADE_UP = [
    ("BLAIR'S VISIT TO IRAQ-U.S. TALKS", "Tony Blair said the talks would go on. Iraq agreed."),
    ("Charles I Portrait Sold In London", "A portrait of Charles I sold. Charles was king."),
    ("Andy Robinson Quits As Coach", "Andy Robinson said he would go. Robinson was coach."),
    ("AT&T And Verizon Bid For Spectrum", "AT&T said it would bid. Verizon declined."),
    ("Gen. Soleimani Killed In U.S. Strike", "Gen. Qassem Soleimani was killed in a U.S. strike."),
    ("O'Neill Backs Baghdad Embassy Compound Plan",
     "Paul O'Neill backed a plan for the Baghdad Embassy Compound, officials said."),
]


def _title_keys(monkeypatch: pytest.MonkeyPatch | None) -> list[list[tuple]]:
    if monkeypatch is not None:
        monkeypatch.setattr(extract, "_keeps_none", lambda *_: False)  # every run read
    extractor = make_extractor(load_dictionaries([]))
    out = []
    for _, title, text in [*ARTICLES, *(("", t, x) for t, x in MADE_UP)]:
        found = extractor.extract(title, text).mentions
        out.append([(m.key, m.start, m.end, m.org_type, m.person_cue, m.location_cue)
                    for m in found if m.in_title])
    return out


def test_the_title_keeps_what_reading_every_run_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    filtered = _title_keys(None)
    with monkeypatch.context() as m:
        every = _title_keys(m)
    assert filtered == every
    assert sum(map(len, filtered)) >= 20  # (titles keep names: the test compares some)
    skipped = [0]
    real = extract._keeps_none

    def counted(*args: object) -> bool:
        none = real(*args)  # type: ignore[arg-type]
        skipped[0] += none
        return none

    monkeypatch.setattr(extract, "_keeps_none", counted)
    _title_keys(None)
    assert skipped[0] >= 10  # (runs are left unread: the test is of the filter)
