"""Every import of every module under index/ and tui/, read from the source (never
imported): module-level, inside functions and under TYPE_CHECKING alike, relative ones
resolved, each named by the module's import name (index/x/y.py is newsdesk.index.x.y)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.helpers.paths import ROOT

# Repository folder -> the import name setuptools' package-dir gives it.
PACKAGE_DIRS = {"index": "newsdesk.index", "tui": "newsdesk.tui"}
DYNAMIC_IMPORTERS = {"import_module", "__import__"}


@dataclass(frozen=True, slots=True)
class Import:
    source: str  # the importing module
    path: Path
    line: int
    target: str  # the module named, relative imports resolved
    names: tuple[str, ...] = ()  # what `from target import ...` takes

    def __str__(self) -> str:
        what = f"from {self.target} import {', '.join(self.names)}" if self.names \
            else f"import {self.target}"
        return f"{self.path.relative_to(ROOT)}:{self.line} ({self.source}): {what}"


def module_name(path: Path, root: Path = ROOT) -> str:
    folder, *rest = path.relative_to(root).with_suffix("").parts
    parts = [PACKAGE_DIRS.get(folder, folder), *rest]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_files(root: Path = ROOT, folders: tuple[str, ...] = tuple(PACKAGE_DIRS)
                 ) -> Iterator[Path]:
    for folder in folders:
        yield from sorted(p for p in (root / folder).rglob("*.py") if "__pycache__" not in p.parts)


def _resolve(module: str, is_package: bool, level: int, target: str | None) -> str:
    """`from ..x import y` inside `module`, as an absolute module name."""
    if level == 0:
        return target or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[:len(base) - (level - 1)] if level > 1 else base
    return ".".join([*base, target] if target else base)


def imports_of(path: Path, root: Path = ROOT) -> Iterator[Import]:
    module = module_name(path, root)
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(module, path, node.lineno, alias.name)
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, is_package, node.level, node.module)
            yield Import(module, path, node.lineno, target, tuple(a.name for a in node.names))
        elif isinstance(node, ast.Call) and _dynamic_target(node):
            yield Import(module, path, node.lineno, _dynamic_target(node))
        elif isinstance(node, ast.Call) and _computed_import(node):
            # A name computed at run time may be any module the source spells out whole.
            for spelled in ast.walk(tree):
                if isinstance(spelled, ast.Constant) and isinstance(spelled.value, str) \
                        and spelled.value.startswith(tuple(f"{p}." for p in PACKAGE_DIRS.values())):
                    yield Import(module, path, spelled.lineno, spelled.value)


def _dynamic_target(call: ast.Call) -> str:
    """importlib.import_module("x") or __import__("x") with a literal name."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if name in DYNAMIC_IMPORTERS and call.args and isinstance(call.args[0], ast.Constant) \
            and isinstance(call.args[0].value, str) and not call.args[0].value.startswith("."):
        return call.args[0].value
    return ""


def _computed_import(call: ast.Call) -> bool:
    """importlib.import_module(name) with a name that is not a literal."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return name in DYNAMIC_IMPORTERS and bool(call.args) and not _dynamic_target(call)


def all_imports(root: Path = ROOT) -> list[Import]:
    return [found for path in source_files(root) for found in imports_of(path, root)]


def modules(root: Path = ROOT) -> set[str]:
    return {module_name(path, root) for path in source_files(root)}


def targets(found: Import, known: set[str]) -> list[str]:
    """The project modules an import loads: `from pkg import sub` names the submodule
    `pkg.sub` when there is one, else the package itself."""
    picked = [f"{found.target}.{name}" for name in found.names
              if f"{found.target}.{name}" in known]
    if len(picked) < len(found.names) or not found.names:
        owner = found.target
        while owner and owner not in known:
            owner = owner.rpartition(".")[0]
        if owner:
            picked.append(owner)
    return picked


def graph(found: list[Import], known: set[str]) -> dict[str, dict[str, Import]]:
    """module -> {module it imports: the first import that does}."""
    edges: dict[str, dict[str, Import]] = {name: {} for name in known}
    for each in found:
        for target in targets(each, known):
            if target != each.source:
                edges[each.source].setdefault(target, each)
    return edges


def cycles(edges: dict[str, dict[str, Import]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next((c for c in children if c in edges), None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def cycle_path(component: list[str], edges: dict[str, dict[str, Import]], start: str
               ) -> list[Import]:
    """The shortest cycle through `start` within its component, as the imports that make
    it."""
    members = set(component)
    previous: dict[str, Import] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for child, via in sorted(edges[node].items()):
                if child in members and child not in previous:
                    previous[child] = via
                    following.append(child)
        if start in previous:
            break
        frontier = following
    walk = [previous[start]]
    while walk[-1].source != start:
        walk.append(previous[walk[-1].source])
    return walk[::-1]
