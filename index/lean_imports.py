"""Whoosh imported without two modules it never uses, the slowest part of starting.

whoosh.compat imports urllib.request for `urlretrieve`, which nothing in Whoosh calls, and
with it http.client and the email package: about 40 ms. whoosh.reading imports the
`cached_property` package for one property (a segment's deleted documents), and that
package imports asyncio: about 30 ms. Together they were half of opening the engine
(145 ms of imports). Here both are stand-ins while Whoosh is imported, and only then:
whatever imports them afterwards gets the real modules."""

from __future__ import annotations

import functools
import sys
import types
from typing import Any


def import_whoosh() -> None:
    if "whoosh.reading" in sys.modules:
        return
    stand_ins: dict[str, types.ModuleType] = {}
    if "urllib.request" not in sys.modules:
        stand_ins["urllib.request"] = _module("urllib.request", urlretrieve=_urlretrieve)
    if "cached_property" not in sys.modules:
        # The same contract: computed once, then kept in the instance's __dict__.
        stand_ins["cached_property"] = _module("cached_property",
                                               cached_property=functools.cached_property)
    sys.modules.update(stand_ins)
    try:
        import whoosh.compat  # noqa: F401
        import whoosh.reading  # noqa: F401
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


def _module(name: str, **attributes: Any) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__dict__.update(attributes)
    return module


def _urlretrieve(*args: Any, **kwargs: Any) -> Any:
    from urllib.request import urlretrieve

    return urlretrieve(*args, **kwargs)
