"""A run's problems as lines for a person: each as it is, except many files of one other
encoding (a folder of Windows-1252 files): each said in short with its line, then once the
setting that reads them. Sixty-five lines of the same iconv advice buried the one-line fix
(stranger8 F17)."""

from __future__ import annotations

from pathlib import Path

from newsdesk.index.ingest.encodings import codec_of_reason
from newsdesk.index.models import Problem
from newsdesk.tui.summary_text import counted

# From this many files of one likely encoding, their advice is said once: below it, each
# file's own line (with its iconv command) is as short.
GROUP_FROM = 3
_NAMES = {"cp1252": "Windows-1252 or Latin-1?", "latin1": "Latin-1?"}


def problem_lines(problems: list[Problem], config_file: Path) -> list[str]:
    """The lines that say `problems`, in their order, then one line for each encoding
    many files are likely in."""
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
    lines = [_short(p) if codec_of_reason(p.reason) and codec_of_file.get(p.path) in grouped
             else str(p) for p in problems]
    for codec, paths in grouped.items():
        lines.append(
            f"{counted(len(paths), 'file')} above not valid UTF-8 ({_NAMES[codec]}): to read "
            f"them as they are, set `encoding: {codec}` under `corpus:` in {config_file} (or "
            "on their entry of corpus.sources) and index again; or convert each to UTF-8 "
            f"(`iconv -f {codec} -t utf-8`; `newsdesk index --problems` lists them).")
    return lines


def _short(problem: Problem) -> str:
    """A grouped file's problem without the advice its encoding's line gives once: where,
    the byte and its column."""
    reason = problem.reason
    cut = reason.find("): ")
    return str(Problem(problem.path, reason[:cut + 1] if cut >= 0 else reason,
                       problem.line, problem.skipped, problem.count))
