"""An actor's other spellings as a person reads them: once each, whatever the case. A wire
in capitals writes JAPAN and JAPANESE beside Japan and Japanese; listed apart they crowd
out the spellings that differ (Reuters: "Japanese, JAPANESE, JAPAN"). Nor is "Blair's"
another spelling of Blair. The clustering keeps
every spelling with its count; this only chooses what is shown."""

from __future__ import annotations

from collections.abc import Iterable


def other_spellings(name: str, aliases: Iterable[tuple[str, int]],
                    limit: int | None = None) -> list[str]:
    """The spellings of (alias, mentions), one for each that differs from the name and
    from the others in more than case, the most mentioned (all its case variants counted)
    first. Of the spellings that differ in case alone, the most mentioned is shown; on a
    tie the one not all in capitals (Japanese, not JAPANESE)."""
    skip = _spelling(name)
    best: dict[str, tuple[str, int]] = {}  # folded -> (spelling, its mentions)
    totals: dict[str, int] = {}  # folded -> the mentions of all its spellings
    for alias, count in aliases:
        folded = _spelling(alias)
        if folded == skip:
            continue
        totals[folded] = totals.get(folded, 0) + count
        kept = best.get(folded)
        if kept is None or (count, not alias.isupper()) > (kept[1], not kept[0].isupper()):
            best[folded] = (alias, count)
    ranked = sorted(best, key=lambda folded: -totals[folded])  # stable: ties as given
    shown = [best[folded][0] for folded in ranked]
    return shown[:limit] if limit is not None else shown


def _spelling(alias: str) -> str:
    """An alias as a reader tells it apart: not by case, nor by an "'s" the article kept
    ("Moody's" where it never writes "Moody"; "Blair's" is Blair)."""
    folded = alias.casefold()
    return folded[:-2] if folded.endswith(("'s", "’s")) else folded
