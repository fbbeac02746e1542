"""The doors text goes through to the terminal stay the only ones (RELIABILITY.md, classes
1 and 2). Read from the source, so a new print() or an f-string handed to a widget fails
here before a hostile corpus finds it:

- the CLI writes only through tui/cli/output.py (out, err, console, data_stream), which
  end in tui/safe_text.terminal_safe: no print(), no sys.stdout/sys.stderr.write, no Rich
  Console of its own pointed at the terminal;
- the dashboard gives widgets data only as Text/Content made by render.plain or
  render.highlighted (or built from constants): no f-string, concatenation or .format()
  straight into Label, Static, Option, Hit, update(), a border title or a tooltip (Textual
  would parse it as markup), and nobody asks for markup=True.
Notifications are the exception by design: NewsdeskApp.notify makes every one plain."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers.paths import ROOT

TUI = ROOT / "tui"
OUTPUT_DOORS = {TUI / "cli" / "output.py", TUI / "safe_text.py"}
WIDGETS = {"Label", "Static", "Option", "Hit", "DiscoveryHit", "Button"}
WIDGET_METHODS = {"update", "add_option"}
TITLES = {"border_title", "border_subtitle", "title", "sub_title", "tooltip"}


def _modules() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(), str(path))) for path in sorted(TUI.rglob("*.py"))]


def _name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else \
        func.attr if isinstance(func, ast.Attribute) else ""


def _built_from_data(node: ast.expr) -> bool:
    """An expression that makes a markup string out of something: an f-string with a
    value in it, a concatenation, a % or .format()."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) for v in node.values)
    if isinstance(node, ast.IfExp):
        return _built_from_data(node.body) or _built_from_data(node.orelse)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return True
    return isinstance(node, ast.Call) and _name(node) == "format"


def _where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(ROOT)}:{node.lineno}"  # type: ignore[attr-defined]


def test_the_cli_writes_only_through_its_output_module() -> None:
    found = []
    for path, tree in _modules():
        if path in OUTPUT_DOORS:
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node)
            func = node.func
            if name == "print" and isinstance(func, ast.Name):
                found.append(f"{_where(path, node)}: print()")
            elif name == "write" and isinstance(func, ast.Attribute) and \
                    isinstance(func.value, ast.Attribute) and \
                    func.value.attr in ("stdout", "stderr", "__stdout__", "__stderr__"):
                found.append(f"{_where(path, node)}: sys.{func.value.attr}.write")
            elif name == "Console" and not any(k.arg == "file" for k in node.keywords):
                found.append(f"{_where(path, node)}: a Console on the terminal")
    assert found == []


def test_widgets_never_get_markup_built_from_data() -> None:
    found = []
    for path, tree in _modules():
        if path.parent.name == "cli" or path in OUTPUT_DOORS:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = _name(node)
                if any(k.arg == "markup" and not (isinstance(k.value, ast.Constant) and
                                                  k.value.value is False)
                       for k in node.keywords):
                    found.append(f"{_where(path, node)}: markup asked for")
                is_widget = name in WIDGETS or (name in WIDGET_METHODS and
                                                isinstance(node.func, ast.Attribute))
                if is_widget and node.args and _built_from_data(node.args[0]):
                    found.append(f"{_where(path, node)}: {name}() of a built string")
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Attribute) and target.attr in TITLES and \
                            _built_from_data(node.value):
                        found.append(f"{_where(path, node)}: {target.attr} = a built string")
    assert found == []


def test_the_rule_sees_what_it_forbids() -> None:
    """The scan above must catch the shapes it looks for (a test that cannot fail proves
    nothing)."""
    bad = ast.parse('Label(f"Saved {name}")\nself.border_title = "With " + name\n'
                    'pane.update("{}".format(name))\nprint(name)\nStatic(x, markup=True)\n')
    calls = [n for n in ast.walk(bad) if isinstance(n, ast.Call)]
    assert _built_from_data(calls[0].args[0])
    assigns = [n for n in ast.walk(bad) if isinstance(n, ast.Assign)]
    assert _built_from_data(assigns[0].value)
    update = next(c for c in calls if _name(c) == "update")
    assert _built_from_data(update.args[0])
    assert not _built_from_data(ast.parse('f"constant"').body[0].value)  # type: ignore[attr-defined]
