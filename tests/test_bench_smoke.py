"""The latency benchmark, small: it runs in every `make test`, so it cannot rot. No timing
assertions here; the full run is `make bench` (marker: bench)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bench import ui_latency
from tests.conftest import CORPORA, SEEDS


def test_latency_benchmark_smoke(tmp_path: Path) -> None:
    env = ui_latency.prepare([SEEDS], tmp_path / "seeds")
    painted, ready = ui_latency.first_frames(env, launches=1)
    assert 0 < painted[0] <= ready[0]
    times = ui_latency.keystrokes(env, ["pompeo", "soleimani", "drone strike"])
    assert len(times) >= 2
    logged = Path(env["NEWSDESK_LATENCY_LOG"]).read_text().splitlines()
    assert any(line.endswith("\tsoleimani") for line in logged)
    assert "median" in ui_latency.summary("x", times)


@pytest.mark.bench
def test_latency_benchmark_full() -> None:
    if not CORPORA.is_dir():
        pytest.skip("../shared/corpora is not beside the checkout")
    assert ui_latency.main([]) == 0
