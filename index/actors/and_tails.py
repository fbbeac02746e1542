"""A body's name whose topic goes on after "and": "Department of Health and Human Services",
"Ministry of Agriculture and Fisheries", "Department of Energy and Climate Change". The scan
reads "and" as a list's ("Britain and France"), so the tail came out as a name of its own
("Human Services" was #62 of a health-news corpus's actors, the department cut to "Department
of Health"). After "<Head> of <Word>", a body's head ("Department", "Ministry", "Institute"),
one or two capitalised words are the name's own where the article writes them nowhere but
after "and": a body of their own would stand alone somewhere. Not a government's body
("Ministry of Defence and Foreign Office": two) nor one of the same head ("University of
Oxford and Cambridge University"), an acronym, a given name ("University of
California and Dan Gillmor"), or a dictionary's name; nor after a place's body ("Commonwealth
Bank of Australia and Credit Industriel": the name ends with its place)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsdesk.index.actors.names import name_key

if TYPE_CHECKING:
    from newsdesk.index.actors.records import Tok

_AFTER_AND = ("and ", "& ")


def and_tail(part: list[Tok], tail: list[Tok], text: str, org_cues: dict[str, str],
             known: frozenset[str], places: frozenset[str], given: frozenset[str],
             legal: frozenset[str] = frozenset()) -> bool:
    """Whether `tail`, after "and", goes on the body's name `part` ends ("... of Health";
    "... of Diabetes and Digestive" too, before "and Kidney Diseases"). Not where a
    company's legal form (`legal`: "Corp", "Inc") ends either: "Bank of America Corp and
    Citigroup Inc" are two firms (stranger13 A5)."""
    if len(part) < 3 or len(tail) > 2 or part[-1].connector \
            or part[-1].text.lower() in legal or tail[-1].text.lower() in legal:
        return False
    of = next((i for i in range(len(part) - 2, 0, -1)
               if part[i].connector and part[i].text == "of"), 0)
    kind = org_cues.get(part[of - 1].text.lower()) if of else None
    if kind is None or kind == "location" or len(part) - of > 4 \
            or any(t.connector for t in part[of + 1:]):
        return False
    topic = name_key(" ".join(t.text for t in part[of + 1:]))
    if topic in places or topic in known:  # "Bank of Australia and | Credit Industriel"
        return False
    last = tail[-1].text.lower()
    if any(t.connector or t.text.isupper() or t.possessive for t in tail) \
            or last == part[of - 1].text.lower() or org_cues.get(last) == "government" \
            or tail[0].text.lower() in given:  # "University of California and | Dan Gillmor"
        return False
    surface = text[tail[0].start:tail[-1].end]
    if name_key(surface) in known:
        return False
    at = text.find(surface)
    while at >= 0:  # (one name: written only after "and")
        if not text.endswith(_AFTER_AND, 0, at):
            return False
        at = text.find(surface, at + 1)
    return True
