"""A title and "of" before a name: a role, not a name ("CEO of Azizi Developments", "Chairman
of Acme Group", "Ruler of Dubai", "Deputy Chief Executive Officer of Acme Bank"). The run of
capitalised words goes on over "of" after a title's head, and the whole run was read as one
name: a press release's "Mr X, CEO of Y, said" 669 times made "CEO of Y" its fourth actor,
typed person. The body or place after "of" is named there (an actor's mention); the title
is no one's name and is dropped.

Two kinds of words after "of" are the title's own, not a name:
- a portfolio or a field ("Minister of Finance", "Chief of Staff", "Professor of Law",
  "Secretary of Health"): the title's run goes on over them (`PORTFOLIO_WORDS`), and a
  holder's name after them is cut off as after any title ("Chief of Staff John Kelly");
- a territory of a monarch's, a peer's or a prelate's title ("Prince of Wales", "Duke of
  York", "Archbishop of Canterbury", "Emir of Qatar"): such a title names its holder, who
  is called by it, and the run is read whole as before (`TERRITORIAL_TITLES`).

Generic English, not any corpus's: only "of", the title words and these two small sets."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newsdesk.index.actors.records import Tok


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Fields an office or a chair is "of": the title's words, not a body's name.
PORTFOLIO_WORDS = _words("""
affairs finance finances defence defense staff state states health justice education interior
communications communication operations research marketing sales policy policies planning
strategy security trade commerce industry industries agriculture energy environment transport
transportation labour labor culture tourism sport sports housing treasury police public
relations information technology investment investments development human resources works
welfare youth women mines fisheries forestry economy economics law history medicine politics
science sciences engineering mathematics physics chemistry biology philosophy psychology
design architecture sustainability procurement compliance risk legal product products
operating financial commercial technical digital executive
cabinet
""")
# ("cabinet": a portfolio before a Cabinet Secretary, Kenya's minister: "Interior Cabinet
# Secretary Kipchumba Murkomen" made a body "Interior Cabinet" of 11 articles; stranger16.)

# Titles that name their holder with the territory after "of": regnal, noble, clerical.
TERRITORIAL_TITLES = _words("""
king queen prince princess emir sultan emperor empress shah tsar czar pope khan
duke duchess earl countess marquess marchioness baron baroness viscount viscountess lord lady
archbishop bishop cardinal patriarch father
""")


def role_name(toks: Sequence[Tok], end: int, lowered: Callable[[Tok], str],
              named: Callable[[Sequence[Tok]], bool]) -> int:
    """Where the name after a title's "of" starts in a run whose words toks[:end] are a
    title's ("CEO", "Chief Executive Officer", "Deputy Chairman"), or 0 where the run is no
    role's: no "of" at `end`, nothing after it, a territorial title, or words after it that
    `named` does not call a body's or a place's name."""
    if end == 0 or end + 1 >= len(toks):
        return 0
    link = toks[end]
    if not (link.connector and link.text == "of") or toks[end + 1].connector:
        return 0
    if any(lowered(t) in TERRITORIAL_TITLES for t in toks[:end]):
        return 0
    return end + 1 if named(toks[end + 1:]) else 0
