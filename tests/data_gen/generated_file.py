"""The command line of a data file generated at development time (countries.yaml,
regions.yaml): write it, or with --check say whether the committed one is a fresh run's."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path


def main(description: str, render: Callable[[], str], output: Path,
         argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if the committed file differs from a fresh run")
    parser.add_argument("--output", type=Path, default=output)
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        same = args.output.read_text(encoding="utf-8") == text
        print(f"{args.output}: {'up to date' if same else 'differs from a fresh run'}")
        return 0 if same else 1
    args.output.write_text(text, encoding="utf-8")
    print(f"{args.output}: {text.count(chr(10) + '  - {')} entries")
    return 0
