"""Whoosh imported without three modules it never uses, the slowest part of starting.

whoosh.compat imports urllib.request for `urlretrieve`, which nothing in Whoosh calls, and
with it http.client and the email package: about 40 ms. whoosh.reading imports the
`cached_property` package for one property (a segment's deleted documents), and that
package imports asyncio: about 30 ms. Together they were half of opening the engine
(145 ms of imports). whoosh.query.terms imports whoosh.lang.morph_en, which compiles
six regular expressions of hundreds of rules (14 ms, measured with another process
busy), for the Variations query newsdesk never builds. `install()` puts an import hook
in place that gives those Whoosh modules stand-ins while they run, and only then:
whatever imports the real modules afterwards gets them (a stand-in function imports its
real one when called), and nothing is imported before Whoosh itself is (the dashboard
paints its first frame first)."""

from __future__ import annotations

import functools
import sys
import types
from collections.abc import Sequence
from importlib.machinery import ModuleSpec, PathFinder
from typing import Any


def install() -> None:
    if not any(isinstance(finder, _LeanWhoosh) for finder in sys.meta_path):
        sys.meta_path.insert(0, _LeanWhoosh())


class _LeanWhoosh:
    """A finder of sys.meta_path (importlib.abc's classes cost 15 ms to import)."""

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: types.ModuleType | None = None) -> ModuleSpec | None:
        stand_ins = _STAND_INS.get(fullname)
        if stand_ins is None:
            return None
        spec = PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return None
        spec.loader = _WithStandIns(spec.loader, stand_ins)
        return spec


class _WithStandIns:
    def __init__(self, loader: Any, stand_ins: dict[str, dict[str, Any]]) -> None:
        self._loader = loader
        self._stand_ins = stand_ins

    def __getattr__(self, name: str) -> Any:  # get_source, is_package, ...: the loader's
        return getattr(self._loader, name)

    def create_module(self, spec: ModuleSpec) -> types.ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        added = {}
        for name, attributes in self._stand_ins.items():
            if name not in sys.modules:
                added[name] = sys.modules[name] = types.ModuleType(name)
                added[name].__dict__.update(attributes)
        try:
            self._loader.exec_module(module)
        finally:
            for name, stand_in in added.items():
                if sys.modules.get(name) is stand_in:
                    del sys.modules[name]


def _urlretrieve(*args: Any, **kwargs: Any) -> Any:
    from urllib.request import urlretrieve

    return urlretrieve(*args, **kwargs)


def _variations(word: str) -> Any:
    from whoosh.lang.morph_en import variations

    return variations(word)


# The Whoosh module, and the modules it imports that get stand-ins (with their contents).
_STAND_INS: dict[str, dict[str, dict[str, Any]]] = {
    "whoosh.compat": {"urllib.request": {"urlretrieve": _urlretrieve}},
    # The same contract: computed once, then kept in the instance's __dict__.
    "whoosh.reading": {"cached_property": {"cached_property": functools.cached_property}},
    "whoosh.query.terms": {"whoosh.lang.morph_en": {"variations": _variations}},
}
