"""Two bodies' names, one ending the other, that the corpus sets in different countries:
Kenya's "United Democratic Alliance" and South Africa's "Democratic Alliance" (an article of
a Kenyan site on South Africa's DA was a hit of UDA). A shorter name joins the one longer
name holding it only where nothing says they differ: here, the shorter is never written in
an article with the longer, and its articles name a country that none of the longer's
name. (Asked of those pairs alone: most clipped forms share an article with their name.)"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping


def apart_by_country(short: str, longer: str, countries: Mapping[str, Iterable[str]],
                     together: Callable[[str, str], bool]) -> bool:
    """Whether `short` and `longer` are two countries' bodies (`countries`: each country's
    keys the corpus uses; `together`: whether one article uses both keys)."""
    if together(short, longer):
        return False
    for keys in countries.values():
        if any(together(short, k) for k in keys) and not any(together(longer, k) for k in keys):
            return True
    return False
