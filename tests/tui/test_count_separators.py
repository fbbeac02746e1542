"""Every count a person reads has thousands separators ("match 1 of 25,092", "the index
holds 8,000 articles"): an f-string placeholder in tui/ that holds a count (a len(), or a
name ending in total/count/…) carries a `,` in its format or goes through render.counted."""

from __future__ import annotations

import ast
from pathlib import Path

import newsdesk.tui

# Names that hold text made from a count already formatted (`count = f"{n:,}"...`).
ALREADY_TEXT = {("panes/chart.py", "shown"), ("panes/chart.py", "undated"),
                ("panes/facets.py", "count"), ("panes/facets.py", "undated"),
                ("panes/kwic.py", "count"), ("panes/timeline.py", "undated")}
COUNT_NAMES = ("total", "count", "articles", "hits", "matches", "skipped", "undated",
               "shown", "more")


def _is_count(node: ast.expr) -> bool:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return node.func.id == "len"
    if isinstance(node, ast.BinOp):  # `self.current + 1`
        return _is_count(node.left) or _is_count(node.right)
    name = node.attr if isinstance(node, ast.Attribute) else \
        node.id if isinstance(node, ast.Name) else ""
    return name.lower().endswith(COUNT_NAMES) or name == "current"


def _spec(value: ast.FormattedValue) -> str:
    if value.format_spec is None:
        return ""
    return "".join(str(p.value) for p in value.format_spec.values  # type: ignore[attr-defined]
                   if isinstance(p, ast.Constant))


def bare_counts(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FormattedValue) and _is_count(node.value) \
                    and node.conversion == -1 and "," not in _spec(node) \
                    and not any(c in _spec(node) for c in "%fe") \
                    and (str(path.relative_to(root)), ast.unparse(node.value)) \
                    not in ALREADY_TEXT:
                found.append(f"{path.relative_to(root)}:{node.lineno}: "
                             f"{ast.unparse(node.value)}")
    return found


def test_counts_shown_have_thousands_separators() -> None:
    assert bare_counts(Path(newsdesk.tui.__file__).parent) == []


def test_the_check_finds_a_bare_count(tmp_path: Path) -> None:
    (tmp_path / "pane.py").write_text(
        'n = f"match {current + 1} of {len(found)} · {total:,} · {counted(total, \'a\')}"\n')
    assert bare_counts(tmp_path) == ["pane.py:1: current + 1", "pane.py:1: len(found)"]
