"""The dashboard's reader on an index built already: the app (Textual's run_test, 120 x 40)
searches QUERY, opens the first result in the reader, steps to the next match 20 times and
to the end; the process's peak resident memory (VmHWM), its Pss after, and the times.

Dev-time: `NEWSDESK_CONFIG=CFG .venv/bin/python -m tests.bench.reader_memory QUERY` (an
article of 20 MB: BENCHMARKS.md, membound)."""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from newsdesk.index.config import load_settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes.reader import ArticleView
from tests.helpers.pilot import search, wait_for, wait_ready


def _status(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) // 1024
    return 0


def _pss() -> int:
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) // 1024
    return 0


async def _run(query: str) -> None:
    app = NewsdeskApp(load_settings())
    began = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        print(f"ready {time.perf_counter() - began:.1f} s, {_status('VmRSS')} MB", flush=True)
        await search(pilot, query)
        await pilot.press("down", "enter")
        reader = app.query_one(ArticleView)
        await wait_for(pilot, lambda: reader.document is not None and reader.size.height > 0,
                       timeout=600)
        await pilot.pause()
        print(f"reader open {time.perf_counter() - began:.1f} s, {reader.match_count} "
              f"matches, {_status('VmRSS')} MB, peak {_status('VmHWM')} MB", flush=True)
        for _ in range(20):
            reader.action_next_match()
            await pilot.pause()
        await pilot.press("G")
        await pilot.pause()
        print(f"stepped {time.perf_counter() - began:.1f} s, peak {_status('VmHWM')} MB, "
              f"Pss {_pss()} MB", flush=True)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    asyncio.run(_run(args[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
