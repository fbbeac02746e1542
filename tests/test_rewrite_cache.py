"""The test modules rewritten ahead for the test processes (tests/helpers/rewrite_cache.py,
run by `make test`): what pytest itself would make and read, of every module it rewrites."""

from __future__ import annotations

import marshal
import os
from pathlib import Path

import pytest
from _pytest.assertion import rewrite

from tests.helpers import rewrite_cache

HERE = Path(__file__).resolve()


def test_the_code_written_is_what_this_pytest_makes(request: pytest.FixtureRequest) -> None:
    for module in (HERE, HERE.parent / "conftest.py", HERE.parent / "tui" / "conftest.py"):
        _, ours = rewrite._rewrite_test(module, None)  # type: ignore[arg-type]
        _, pytests = rewrite._rewrite_test(module, request.config)
        assert marshal.dumps(ours) == marshal.dumps(pytests), module


def test_a_module_is_written_where_pytest_reads_it_and_again_when_it_changes(
        tmp_path: Path) -> None:
    module = tmp_path / "test_sample.py"
    module.write_text("def test_it():\n    x = 1\n    assert x == 2\n")
    assert rewrite_cache.write(module)
    pyc = rewrite_cache.cached_path(module)
    code = rewrite._read_pyc(module, pyc)
    assert code is not None and "@pytest_ar" in code.co_names  # asserts rewritten
    space: dict[str, object] = {}
    exec(code, space)
    with pytest.raises(AssertionError, match=r"assert 1 == 2"):
        space["test_it"]()  # type: ignore[operator]
    assert not rewrite_cache.write(module)  # current: left as it is
    module.write_text("def test_it():\n    assert True\n")
    os.utime(module, ns=(1, 1))  # (another time and size than the written one's)
    assert rewrite._read_pyc(module, pyc) is None
    assert rewrite_cache.write(module)
    assert rewrite._read_pyc(module, pyc) is not None


def test_every_collected_module_and_conftest_is_in_the_list(
        request: pytest.FixtureRequest) -> None:
    listed = set(rewrite_cache.rewritten_modules())
    collected = {Path(str(item.path)).resolve() for item in request.session.items}
    assert collected and collected <= listed, sorted(collected - listed)[:5]
    conftests = set(rewrite_cache.TESTS.rglob("conftest.py"))
    assert conftests and conftests <= listed


def test_without_pytests_functions_nothing_is_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "test_sample.py").write_text("def test_it():\n    assert True\n")
    monkeypatch.delattr(rewrite, "_write_pyc")
    assert rewrite_cache.main(tmp_path) == 0
    assert "not written" in capsys.readouterr().err
    assert not list(tmp_path.rglob("*.pyc"))



def test_a_folder_one_cannot_write_in_is_left_as_it_is(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """(A read-only checkout, as root never sees it: its __pycache__ cannot be made.)"""
    module = tmp_path / "test_sample.py"
    module.write_text("def test_it():\n    assert True\n")
    real_mkdir = Path.mkdir

    def refused(self: Path, *args: object, **kwargs: object) -> None:
        if self.name == "__pycache__":
            raise PermissionError(13, "Permission denied", str(self))
        real_mkdir(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "mkdir", refused)
    assert rewrite_cache.write(module) is False
    assert not rewrite_cache.cached_path(module).exists()


def test_a_module_that_does_not_parse_is_left_to_pytests_collection(tmp_path: Path) -> None:
    module = tmp_path / "test_broken.py"
    module.write_text("def test_it(:\n")
    assert rewrite_cache.main(tmp_path) == 0
    assert not rewrite_cache.cached_path(module).exists()
