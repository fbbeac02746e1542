"""The dashboard's reader on an index built already: the app (Textual's run_test, 120 x 40
or --size WxH) searches QUERY, opens the first result in the reader (the time from Enter to
its first screen), steps to the next match 20 times (n), to the end (G), pages down 20
times, steps back 20 matches (N) and closes it; the process's peak resident memory (VmHWM),
its Pss, and the times.

Dev-time: `NEWSDESK_CONFIG=CFG .venv/bin/python -m tests.bench.reader_memory [--size 80x24]
QUERY` (an article of 20 MB: BENCHMARKS.md, membound and readermem)."""

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


async def _run(query: str, size: tuple[int, int]) -> None:
    app = NewsdeskApp(load_settings())
    began = time.perf_counter()
    async with app.run_test(size=size) as pilot:
        await wait_ready(pilot)
        print(f"ready {time.perf_counter() - began:.1f} s, {_status('VmRSS')} MB", flush=True)
        await search(pilot, query)
        reader = app.query_one(ArticleView)
        await pilot.pause()
        print(f"searched {time.perf_counter() - began:.1f} s, {_status('VmRSS')} MB, "
              f"peak {_status('VmHWM')} MB", flush=True)
        pressed, cpu = time.perf_counter(), time.process_time()
        reader.document = None
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: reader.document is not None and reader.size.height > 0
                       and app.focused is reader, timeout=600)
        await pilot.pause()
        print(f"reader open {time.perf_counter() - pressed:.1f} s after Enter "
              f"({time.process_time() - cpu:.1f} s CPU), {reader.match_count} matches "
              f"({reader.border_subtitle}), {_status('VmRSS')} MB, peak {_status('VmHWM')} MB",
              flush=True)
        for _ in range(20):
            await pilot.press("n")
        await pilot.press("G")
        await pilot.pause()
        for _ in range(20):
            await pilot.press("pagedown")
        for _ in range(20):
            await pilot.press("N")
        await pilot.pause()
        print(f"stepped {time.perf_counter() - began:.1f} s ({reader.border_subtitle}), "
              f"peak {_status('VmHWM')} MB, Pss {_pss()} MB", flush=True)
        await pilot.press("escape")
        await pilot.pause()
        print(f"closed, peak {_status('VmHWM')} MB, CPU {time.process_time():.1f} s",
              flush=True)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    size = (120, 40)
    if len(args) == 3 and args[0] == "--size":
        width, _, height = args[1].partition("x")
        size, args = (int(width), int(height)), args[2:]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    asyncio.run(_run(args[0], size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
