"""Markdown front matter (Hugo/Jekyll exports): YAML `---` or TOML `+++` at the top gives
the title, date, source and url, and is not body text; bad front matter is a problem line
naming the file and line, and the body is read without it. Every such article was titled
"---" with no date."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from tests.index.ingest.test_corpus import read_all

YAML_POST = """---
title: "Storm hits coast"
date: 2021-06-01T08:30:00+02:00
source: Daily Planet
url: https://planet.example/storm
tags: [weather, coast]
---

# Storm hits coast

A storm hit the coast on Tuesday.
"""
TOML_POST = """+++
title = "TOML front matter"
date = 2021-07-02
+++

Body with owlword.
"""


def test_yaml_and_toml_front_matter_give_the_fields_and_leave_the_body(tmp_path: Path
                                                                       ) -> None:
    (tmp_path / "post1.md").write_text(YAML_POST)
    (tmp_path / "post2.md").write_text(TOML_POST.replace("\n", "\r\n"))
    articles, problems = read_all(tmp_path)
    assert problems == []
    one, two = sorted(articles, key=lambda a: a.id)
    assert (one.title, one.date, one.source, one.url) == (
        "Storm hits coast", datetime(2021, 6, 1, 8, 30), "Daily Planet",
        "https://planet.example/storm")
    assert one.text == "A storm hit the coast on Tuesday."  # the repeated heading dropped
    assert (two.title, two.date, two.text) == ("TOML front matter", datetime(2021, 7, 2),
                                               "Body with owlword.")


@pytest.mark.parametrize(("head", "reason", "line"), [
    ("title: [unclosed\ndate: 2021-01-01\n", "bad YAML front matter", 3),
    ("- a list\n- not a mapping\n", "not a mapping", 2),
    ("title: Fine\ndate: 99999-01-01\n", "front matter date '99999-01-01' is not a date", 3),
    ("title: Fine\ndate: !!python/object:os.system x\n", "bad YAML front matter", 3),
])
def test_bad_front_matter_is_a_problem_and_the_body_is_read_without_it(
        tmp_path: Path, head: str, reason: str, line: int) -> None:
    (tmp_path / "bad.md").write_text(f"---\n{head}---\n# A heading\n\nThe body.\n")
    articles, problems = read_all(tmp_path)
    assert [(Path(p.path).name, p.line, p.skipped) for p in problems] == [("bad.md", line, False)]
    assert reason in problems[0].reason
    (article,) = articles
    assert article.text.endswith("The body.") and "---" not in article.text
    # The title the front matter gives, else the heading (not kept in the body then).
    assert (article.title, article.text.startswith("# A heading")) in (
        ("A heading", False), ("Fine", True))


def test_toml_errors_and_what_is_no_front_matter(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_text('+++\ntitle = "open\n+++\nBody.\n')
    # A rule with no closing fence near the top, and front matter in a .txt: text as before.
    (tmp_path / "rule.md").write_text("---\nJust a rule above the text.\n")
    (tmp_path / "plain.txt").write_text("---\ntitle: x\n---\nBody.\n")
    articles, problems = read_all(tmp_path)
    assert [(Path(p.path).name, p.line) for p in problems] == [("bad.md", 1)]
    assert "bad TOML front matter" in problems[0].reason
    by_id = {a.id: a for a in articles}
    assert (by_id["bad"].title, by_id["bad"].text) == ("Body.", "")
    assert by_id["rule"].title == "---" and by_id["plain"].title == "---"
