"""pytest's rewritten test modules written once, before the test processes start.

pytest rewrites each test module's asserts (and every conftest.py) when it imports it, and
keeps the result beside the module's own bytecode (`__pycache__/NAME.cpython-311-pytest-
8.x.pyc`) unless PYTHONDONTWRITEBYTECODE is set, which CI and many shells set: then every
pytest-xdist worker rewrote all ~400 modules at its collection, the same work three times
in each run (collection 31 CPU s with nothing kept, 13 with the rewritten modules there;
BENCHMARKS "tt36"). `make test` runs this first, as it compiles the sources: the modules
rewritten on both cores, written where pytest reads them (pytest reads them whatever the
variable says, and checks each against its source's size and time as Python does).

pytest's own functions do the rewriting (private ones: if they move in a later pytest,
nothing is written and the workers rewrite as before)."""

from __future__ import annotations

import fnmatch
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import SimpleNamespace

TESTS = Path(__file__).resolve().parents[1]
# pytest's default python_files (pyproject sets none), and every conftest.py.
PATTERNS = ("test_*.py", "*_test.py", "conftest.py")


def rewritten_modules(root: Path = TESTS) -> list[Path]:
    """The modules pytest rewrites as it collects `root`."""
    return sorted(path for path in root.rglob("*.py")
                  if any(fnmatch.fnmatch(path.name, p) for p in PATTERNS))


def cached_path(module: Path) -> Path:
    from _pytest.assertion.rewrite import PYC_TAIL, get_cache_dir

    return get_cache_dir(module) / (module.name[:-3] + PYC_TAIL)


def write(module: Path) -> bool:
    """Rewrite `module` as pytest does and write it where pytest reads it; False when
    what is there is current already."""
    from _pytest.assertion.rewrite import _read_pyc, _rewrite_test, _write_pyc

    pyc = cached_path(module)
    if _read_pyc(module, pyc) is not None:
        return False
    # (config None: pytest's default, no assertion pass hook; pyproject sets none. The
    # test of this module holds the code against what the running pytest makes.)
    try:
        stat, code = _rewrite_test(module, None)  # type: ignore[arg-type]
    except (SyntaxError, ValueError, OSError):  # pytest's collection says what is wrong
        return False
    try:
        pyc.parent.mkdir(exist_ok=True)
    except OSError:  # a checkout one may not write in: pytest rewrites as it imports
        return False
    return _write_pyc(SimpleNamespace(trace=lambda _: None), code, stat, pyc)  # type: ignore[arg-type]


def main(root: Path = TESTS) -> int:
    try:
        import _pytest.assertion.rewrite as rewrite

        for name in ("PYC_TAIL", "get_cache_dir", "_read_pyc", "_rewrite_test", "_write_pyc"):
            getattr(rewrite, name)
    except (ImportError, AttributeError) as exc:
        print(f"rewrite_cache: not written ({exc}); the test processes rewrite as before",
              file=sys.stderr)
        return 0
    modules = rewritten_modules(root)
    with ProcessPoolExecutor(os.cpu_count() or 1) as pool:
        written = sum(pool.map(write, modules, chunksize=16))
    print(f"rewrite_cache: {written} of {len(modules)} test modules rewritten", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else TESTS))
