"""Generated articles with sources, dates and actors, for the views of a result set."""

from __future__ import annotations

from datetime import date

SOURCES = ["Wire One", "Wire One", "Wire One", "Daily Two", "Daily Two", "Weekly Three"]


def views_article(i: int) -> dict:
    day = date(2020, 1 + (i % 3), 1 + (i % 28))
    words = "oil price" if i % 2 else "grain harvest"
    title = f"Report {i} on {'oil' if i % 5 == 0 else 'markets'}"
    return {"id": f"a{i:03d}", "title": title, "source": SOURCES[i % len(SOURCES)],
            "date": None if i % 10 == 9 else day.isoformat(),
            "text": f"Minister Anna Berg said the {words} moved. Anna Berg met Karl Ode in "
                    f"Oslo. Filler words number {i}. " + ("Berg spoke again of oil. " * (i % 3))}
