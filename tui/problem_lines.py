"""A run's problems as lines for a person: each as it is, except many files of one other
encoding (a folder of Windows-1252 files), said once with the setting that reads them.
Sixty-five lines of the same iconv advice buried the one-line fix (stranger8 F17)."""

from __future__ import annotations

from pathlib import Path

from newsdesk.index.ingest.encodings import codec_of_reason
from newsdesk.index.models import Problem
from newsdesk.tui.summary_text import counted

# From this many files of one likely encoding, they are said in one line: below it, each
# file's own line (with its iconv command) is as short.
GROUP_FROM = 3
_SHOWN = 3  # file names the grouped line names before "and N more"
_NAMES = {"cp1252": "Windows-1252 or Latin-1?", "latin1": "Latin-1?"}


def problem_lines(problems: list[Problem], config_file: Path) -> list[str]:
    """The lines that say `problems`, in their order; grouped lines after the others."""
    files: dict[str, dict[str, None]] = {}  # codec -> its files, in order met
    codec_of_file: dict[str, str] = {}
    for problem in problems:
        codec = codec_of_reason(problem.reason)
        if codec:
            files.setdefault(codec, {})[problem.path] = None
            codec_of_file.setdefault(problem.path, codec)
    grouped = {codec: list(paths) for codec, paths in files.items() if len(paths) >= GROUP_FROM}
    if not grouped:
        return [str(p) for p in problems]
    lines = [str(p) for p in problems
             if codec_of_reason(p.reason) is None or codec_of_file.get(p.path) not in grouped]
    for codec, paths in grouped.items():
        lost = sum(p.count for p in problems
                   if p.path in paths and p.skipped and codec_of_reason(p.reason) is not None)
        named = ", ".join(paths[:_SHOWN])
        others = f" and {len(paths) - _SHOWN:,} more" if len(paths) > _SHOWN else ""
        lines.append(
            f"{counted(len(paths), 'file')} not valid UTF-8 ({_NAMES[codec]}): {named}{others} "
            f"({lost:,} skipped). To read them as they are, set `encoding: "
            f"{codec}` under `corpus:` in {config_file} (or on their entry of corpus.sources) "
            f"and index again; or convert each to UTF-8 (`iconv -f {codec} -t utf-8`). "
            "`newsdesk index --problems` lists every file with its line.")
    return lines
