"""The fault suite reports how hard it tried: every test records (what, tried, failed), and
the run ends with one table of them (tests/conftest.py prints it).
NEWSDESK_FAULT_FIGURES=FILE also writes them as JSON."""

from __future__ import annotations

import pytest

from tests.helpers.figures import FIGURES_PROPERTY, Record


@pytest.fixture
def figures(request: pytest.FixtureRequest) -> Record:
    def record(what: str, tried: int, failed: int, detail: str = "") -> None:
        request.node.user_properties.append((FIGURES_PROPERTY, {
            "test": request.node.name, "what": what, "tried": tried, "failed": failed,
            "detail": detail}))

    return record
