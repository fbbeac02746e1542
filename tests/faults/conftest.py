"""The fault suite reports how hard it tried: every test records (what, tried, failed), and
the run ends with one table of them. NEWSDESK_FAULT_FIGURES=FILE also writes them as JSON."""

from __future__ import annotations

import json
import os

import pytest

from tests.helpers.figures import FIGURES, Record


@pytest.fixture
def figures(request: pytest.FixtureRequest) -> Record:
    def record(what: str, tried: int, failed: int, detail: str = "") -> None:
        FIGURES.append({"test": request.node.name, "what": what, "tried": tried,
                        "failed": failed, "detail": detail})

    return record


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not FIGURES:
        return
    terminalreporter.section("fault suite: cases tried and failed")
    width = max(len(str(f["what"])) for f in FIGURES)
    for f in FIGURES:
        line = f"{f['what']:<{width}}  tried {f['tried']:>6}  failed {f['failed']:>3}"
        terminalreporter.write_line(line + (f"  ({f['detail']})" if f["detail"] else ""))
    target = os.environ.get("NEWSDESK_FAULT_FIGURES")
    if target:
        with open(target, "w", encoding="utf-8") as out:
            json.dump(FIGURES, out, indent=1)
