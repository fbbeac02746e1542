"""Court cases named by their parties: "Roe v. Wade", "Brown v. Board of Education",
"United States v. Texas". Each side's name is a case's word there, not a mention of the
party: a case is no actor, and a name the news uses mostly for its case ("overturn Roe",
"Roe's protections" beside "Roe v. Wade") is the case's. Told by the syntax alone: a
capitalised name either side of "v." (the law's abbreviation of *versus*).

Such mentions take a work's cue (works.WORK), as market_terms.py's do: the cluster step
drops a name with one in a fifth of its mentions and three at least (`works.names_work`),
so a party named often outside its cases ("the United States", "Texas") keeps its name."""

from __future__ import annotations

from newsdesk.index.actors.records import Mention
from newsdesk.index.actors.works import WORK

# "v." between two names: the law's form; not "v" nor "vs.", a game's ("Arsenal v Chelsea",
# "the Lakers vs. the Celtics"), whose teams are actors.
_VERSUS = " v. "


def mark_cases(found: list[Mention], text: str) -> None:
    """Give WORK to each mention of `found` either side of a case's "v." (see the doc)."""
    for m in found:
        if text.startswith(_VERSUS, m.end):
            after = text.find(" ", m.end + 2) + 1
            if after and text[after:after + 1].isupper():
                m.org_type = WORK
        elif text.endswith(_VERSUS, max(0, m.start - 4), m.start) \
                and text[max(0, m.start - 6):m.start - 4].strip()[-1:].isalpha():
            m.org_type = WORK
