"""A name made of two firms' names is no full name whose last word alone is its surname.

Reuters: "The chief executive of Sony Ericsson, a venture of Sony Corp and Ericsson": the
lone "Ericsson" was read as the one full name of the article ending with it, as "Blair" is
Tony Blair's, and Ericsson (an actor of its own, ten articles) became an alias of its joint
venture (stranger13 A13). The same reading gave a lone "Nissan" to "Renault-Nissan".

Where the article names the words before the full name's last as a firm of their own ("Sony
Corp", with a legal form; or "Sony" alone cued as a body, no given name), the full name is two
firms' (a joint venture's, an alliance's), and its last word alone is the other firm. Asked
only of a lone word's one full name (extract.py, kin_surnames.py): no cost to most articles.
"""

from __future__ import annotations

from collections.abc import Container

from newsdesk.index.actors.records import Mention


def firm_named(name: str, found: list[Mention], forms: Container[str],
               given: Container[str]) -> bool:
    """Whether `found` (an article's mentions) names the words of `name` before its last as
    a firm: the words with a legal form after them (`forms`: "corp", "inc"), or alone, cued
    as a body, where they are no given name (`given`: "Tony" alone beside "Tony Blair" is
    his; "Kilroy" alone beside "Kilroy-Silk" is no firm)."""
    head = name[:name.rfind(" ")]
    cut = len(head)
    return any(k.startswith(head) and (
        (len(k) == cut and m.org_type == "organisation" and head not in given)
        or (k[cut:cut + 1] == " " and k[cut + 1:] in forms))
        for m in found if (k := m.key) != name)
