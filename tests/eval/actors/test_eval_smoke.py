"""The actor evaluation end to end on the seeds, as `make eval-actors` runs it on every
judged corpus: an index built in a scratch folder, newsdesk's list read and scored, then
the index reused while neither the corpus nor the engine changed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.eval.actors.gold import gold_files, load_gold
from tests.eval.actors.keys import gold_key
from tests.helpers.paths import ROOT


def _run(workdir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "tests.eval.actors", "--corpus", "seeds",
               "--workdir", str(workdir), *extra]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300,
                          check=True)


def test_the_evaluation_scores_the_seeds_and_reuses_their_index(tmp_path: Path) -> None:
    first = json.loads(_run(tmp_path, "--json").stdout)
    (result,) = first
    assert result["corpus"] == "seeds" and result["index"] == "built"
    default = result["lists"]["default"]
    entries = default["entries"]
    assert 50 <= len(entries) <= 100
    gold = load_gold(gold_files()["seeds"])
    known = {*gold.actor_by_key, *gold.not_actor_by_key, *gold.ambiguous_by_key}
    # What the report calls unjudged is what the gold does not list, and nothing else.
    unjudged = {e["name"] for e in entries if e["verdict"] == "unjudged"}
    assert unjudged == {u["name"] for u in default["unjudged"]}
    for e in entries:
        assert (e["verdict"] == "unjudged") == (gold_key(e["name"]) not in known
                                               and e["gold"] is None), e
    for k in (30, 50):
        parts = default["precision"][f"p@{k}"]
        right = sum(e["verdict"] == "right" for e in entries[:k])
        assert parts["all"]["right"] == right and parts["all"]["judged"] == min(k, len(entries))
        assert parts["tune"]["judged"] + parts["holdout"]["judged"] == k
        assert parts["tune"]["right"] + parts["holdout"]["right"] == right
    # The same corpus and engine: the index is reused, the figures are the same.
    table = _run(tmp_path).stdout
    assert "index reused" in table
    p30, p50 = (default["precision"][f"p@{k}"]["all"]["value"] for k in (30, 50))
    assert f"seeds    default   {p30:.2f}" in table and f"   {p50:.2f}" in table
