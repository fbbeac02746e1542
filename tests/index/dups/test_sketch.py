"""Signatures, band keys and the containment estimate (index/dups/sketch.py), and hits
folded into stories (index/dups/fold.py)."""

from __future__ import annotations

import subprocess
import sys

import numpy as np

from newsdesk.index.dups import sketch
from newsdesk.index.dups.fold import stories_cut, story_positions, with_copies
from tests.helpers.paths import SEEDS

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def test_word_pairs_are_distinct_case_folded_and_stay_within_a_text() -> None:
    pairs, offsets, distinct = sketch.word_pairs(["Oil rose. oil rose again", "x", "rose again"])
    assert offsets.tolist() == [0, 4, 4, 5]
    assert distinct.tolist() == [3, 0, 1]  # "oil rose" twice counts once
    first, third = set(pairs[0:4].tolist()), set(pairs[4:5].tolist())
    assert third <= first  # "rose again" is the same pair in both texts


def test_signatures_are_the_same_in_another_process() -> None:
    """They are stored: a string hash seeded per process would make them differ."""
    code = ("from newsdesk.index.dups import sketch; p, o, _ = sketch.word_pairs([open("
            f"{str(sorted(SEEDS.glob('*.txt'))[0])!r}, encoding='utf-8').read()]); "
            "print(sketch.signatures(p, o)[0, :8].tolist())")
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, env={"PYTHONHASHSEED": "123"}).stdout.strip()
    pairs, offsets, _ = sketch.word_pairs(TEXTS[:1])
    assert other == str(sketch.signatures(pairs, offsets)[0, :8].tolist())


def test_containment_tells_copies_from_reports_of_the_same_event() -> None:
    half = TEXTS[2][: len(TEXTS[2]) // 2]
    pairs, offsets, sizes = sketch.word_pairs([*TEXTS, TEXTS[0], half])
    sigs = sketch.signatures(pairs, offsets)
    n = len(TEXTS)
    assert sketch.containment(sigs[0], sizes[0], sigs[n], sizes[n]) == 1.0
    assert sketch.containment(sigs[2], sizes[2], sigs[n + 1], sizes[n + 1]) >= 0.8
    for a in range(n):
        for b in range(a + 1, n):
            # (seeds 001 and 003 differ 15 times in length: J of 4/128 must not pass)
            assert sketch.containment(sigs[a], sizes[a], sigs[b], sizes[b]) == 0.0
    keys = sketch.band_keys(sigs)
    assert keys.shape == (n + 2, sketch.BANDS) and keys.dtype == np.int64
    assert (keys[0] == keys[n]).all() and not (keys[0] == keys[1]).any()


def test_stories_keep_the_best_ranked_hit_of_each_group_and_name_its_copies() -> None:
    ranked = ["b", "x", "a", "c", "d", "y"]
    group_of = {"b": "a", "a": "a", "d": "a", "c": "c", "y": "y2"}
    assert story_positions(ranked, 4, group_of) == [(0, [2, 4]), (1, []), (3, [])]
    assert story_positions(ranked, 1, group_of) == [(0, [2, 4])]  # d ranked after c: kept
    assert story_positions(ranked, 0, group_of) == []


def test_stories_cut_keeps_whole_stories_and_their_copies_ranked_among_them() -> None:
    ranked = ["a1", "b", "a2", "c1", "c2", "d", "a3", "e"]
    group_of = {"a1": "a1", "a2": "a1", "a3": "a1", "c1": "c1", "c2": "c1"}
    assert stories_cut(ranked, group_of, 1) == (1, 1)  # b begins the second story
    assert stories_cut(ranked, group_of, 2) == (3, 2)  # a2 is a's copy, before c
    assert stories_cut(ranked, group_of, 3) == (5, 3)
    assert stories_cut(ranked, group_of, 4) == (7, 4)  # a3 comes along, before e
    assert stories_cut(ranked, group_of, 5) == (8, 5)
    assert stories_cut(ranked, group_of, 9) == (8, 5)  # all there is
    assert stories_cut([], {}, 3) == (0, 0)


def test_a_kept_story_brings_every_copy_the_ranking_reached() -> None:
    ranked = ["a1", "b", "a2", "c1", "c2", "d", "a3", "e", "b2"]
    group_of = {"a1": "a1", "a2": "a1", "a3": "a1", "c1": "c1", "c2": "c1",
                "b": "b", "b2": "b"}
    keep, _ = stories_cut(ranked, group_of, 2)
    assert [ranked[n] for n in with_copies(ranked, keep, group_of)] == \
        ["a1", "b", "a2", "a3", "b2"]  # a3 and b2 come after c and d, and still count
    assert with_copies(ranked, 0, group_of) == []
    assert with_copies(["x", "y"], 1, {}) == [0]  # no groups: the hits kept, no more
