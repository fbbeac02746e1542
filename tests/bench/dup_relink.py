"""What linking and grouping every signature of a store costs (index/dups/link.py): the
store's edges, groups and filed band keys are dropped, every signature marked unlinked,
and one groups.update run, timed, with the process's peak resident memory above what it
held before (Linux: VmHWM, reset through /proc/self/clear_refs).

Dev-time, on a COPY of a store (it is rewritten): `.venv/bin/python -m tests.bench.dup_relink
STORE.sqlite`."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newsdesk.index.dups import groups
from newsdesk.index.storage.article_store import Store


def _status(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) // 1024
    return 0


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("store", type=Path)
    args = parser.parse_args(argv)
    store = Store(args.store)
    try:
        groups.ensure(store.db)
        with store.db:
            for table in ("dup_edges", "dup_groups", "dup_bands", "dup_unlinked"):
                store.db.execute(f"DELETE FROM {table}")
            store.db.execute("INSERT INTO dup_unlinked SELECT n FROM dup_sigs")
            store.db.execute("INSERT OR REPLACE INTO meta VALUES (?, '1')", (groups.BEHIND_KEY,))
        signed = store.db.execute("SELECT count(*) FROM dup_sigs").fetchone()[0]
        before = _status("VmRSS")
        Path("/proc/self/clear_refs").write_text("5")
        cpu, wall = time.process_time(), time.perf_counter()
        report = groups.update(store.db, store.lock)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        grouped = groups.group_count(store.db)
        print(f"{signed} signatures linked: {report.edges} edges, {grouped} groups; "
              f"{wall:.1f} s ({cpu:.1f} s CPU); peak RSS {_status('VmHWM')} MB, "
              f"{_status('VmHWM') - before} MB above the {before} MB before")
    finally:
        store.close()


if __name__ == "__main__":
    main()
