"""A type is taken as a user writes it: any case, and "organization" (US spelling) as
"organisation" (an outside tester's `actors type X organization` was refused)."""

from __future__ import annotations

import pytest

from newsdesk.index.option_values import ACTOR_TYPES
from newsdesk.tui.cli.parser import build_parser

WRITTEN = [(kind, kind) for kind in ACTOR_TYPES] + [(kind.upper(), kind) for kind in ACTOR_TYPES] \
    + [("organization", "organisation"), ("Organization", "organisation")]


@pytest.mark.parametrize(("written", "kind"), WRITTEN)
def test_type_words_as_written(written: str, kind: str) -> None:
    parser = build_parser()
    assert parser.parse_args(["actors", "--type", written]).type == kind
    assert parser.parse_args(["actors", "type", "Colts", written]).kind == kind


def test_an_unknown_type_is_still_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(["actors", "--type", "orgs"])
    assert stop.value.code == 2 and "invalid choice: 'orgs'" in capsys.readouterr().err
