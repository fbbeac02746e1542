"""Two bodies' names, one ending the other, that the corpus sets in different countries:
Kenya's "United Democratic Alliance" and South Africa's "Democratic Alliance" (an article of
a Kenyan site on South Africa's DA was a hit of UDA). A shorter name joins the one longer
name holding it only where nothing says they differ: here, the shorter is never written in
an article with the longer, and its articles name a country that none of the longer's
name, and the longer's one none of the shorter's (each its own country: a longer name of
two articles names few, and its clipped form's other articles many, "International
Federation" of the IFPI in BBC News). (Asked of those pairs alone: most clipped forms share
an article with their name.)"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

# The shorter name's articles at most this share of the longer's: a rare name of its own
# ("Democratic Alliance", 1 article to UDA's 26). A clipped form as frequent as its name
# names other countries by chance ("Sachs and Co" of "Goldman, Sachs and Co" in Reuters
# 1987, 72 articles to 55: split off when this was not asked).
_RARER = 0.25


def apart_by_country(short: str, longer: str, countries: Mapping[str, Iterable[str]],
                     together: Callable[[str, str], bool], short_articles: int,
                     longer_articles: int) -> bool:
    """Whether `short` and `longer` are two countries' bodies (`countries`: each country's
    keys the corpus uses; `together`: whether one article uses both keys)."""
    if short_articles > _RARER * longer_articles or together(short, longer):
        return False
    own_short = own_longer = False
    for keys in countries.values():
        with_short = any(together(short, k) for k in keys)
        with_longer = any(together(longer, k) for k in keys)
        own_short = own_short or (with_short and not with_longer)
        own_longer = own_longer or (with_longer and not with_short)
        if own_short and own_longer:
            return True
    return False
