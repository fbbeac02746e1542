"""The cluster build's parts that need no cluster: what a missing extra says, and how a
batch is cut into parts (tests/index/test_cluster.py builds on a real one)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsdesk.index.config import load_settings
from newsdesk.index.ingest.cluster import MIN_PART, split
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.models import NewsdeskError
from tests.helpers.paths import SEEDS


def test_a_missing_extra_is_said_with_what_to_install(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if absent
    settings = load_settings()
    settings.corpus.sources = [SEEDS]
    settings.index.dir = tmp_path / "index"
    settings.index.cluster = "tcp://127.0.0.1:8786"
    with pytest.raises(NewsdeskError, match=r"pip install 'newsdesk\[cluster\]'"):
        Indexer(settings).run()


def test_the_default_build_never_imports_dask(tmp_path: Path) -> None:
    import subprocess

    code = ("import sys\nfrom pathlib import Path\n"
            "from newsdesk.index.config import load_settings\n"
            "from newsdesk.index.ingest.indexer import Indexer\n"
            "s = load_settings(); s.corpus.sources = [Path(sys.argv[1])]\n"
            "s.index.dir = Path(sys.argv[2])\nIndexer(s).run()\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('dask', 'distributed')))")
    out = subprocess.run([sys.executable, "-c", code, str(SEEDS), str(tmp_path / "ix")],
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize(("items", "parts", "sizes"), [
    (0, 4, []),
    (50, 4, [50]),  # too few to cut
    (MIN_PART * 2, 2, [MIN_PART, MIN_PART]),
    (MIN_PART * 2 + 1, 2, [MIN_PART + 1, MIN_PART]),
    (1000, 3, [334, 334, 332]),
    (250, 8, [125, 125]),  # no part under MIN_PART
])
def test_a_batch_is_cut_into_parts_in_order(items: int, parts: int, sizes: list[int]) -> None:
    cut = split(list(range(items)), parts)
    assert [len(c) for c in cut] == sizes
    assert [x for c in cut for x in c] == list(range(items))


def test_the_command_and_the_config_ask_for_a_cluster(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """`index.cluster` in the config, and `newsdesk index --cluster ADDRESS`, which here,
    with the extra hidden, ends in the line that says what to install."""
    import subprocess

    assert load_settings().index.cluster is None  # the shipped config builds here
    config = tmp_path / "newsdesk.yaml"
    config.write_text(f"corpus:\n  sources:\n    - {SEEDS}\nindex:\n  dir: {tmp_path / 'ix'}\n"
                      "  cluster: tcp://10.1.2.3:8786\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(config))
    assert load_settings().index.cluster == "tcp://10.1.2.3:8786"
    code = ("import sys\nsys.modules['distributed'] = None\n"
            "from newsdesk.tui.cli.main import main\nsys.exit(main(sys.argv[1:]))")
    run = subprocess.run([sys.executable, "-c", code, "index", "-q", "--cluster",
                          "tcp://127.0.0.1:8786"], capture_output=True, text=True)
    assert run.returncode != 0
    assert "pip install 'newsdesk[cluster]'" in run.stderr, run.stderr


def test_a_scheduler_out_of_reach_is_said_before_it_is_waited_for(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """`newsdesk index --cluster` said nothing of the cluster: a scheduler out of reach was
    30 s of silence, then its message. The address is said first, then why it failed."""
    pytest.importorskip("distributed", reason="the cluster extra is not installed")
    import socket

    from newsdesk.index.ingest import cluster
    from newsdesk.tui.cli.progress import run_indexer_with_progress

    with socket.socket() as free:  # a port nothing listens on
        free.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{free.getsockname()[1]}"
    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 1)
    settings = load_settings()
    settings.corpus.sources = [SEEDS]
    settings.index.dir = tmp_path / "index"
    settings.index.cluster = address
    with pytest.raises(NewsdeskError, match=f"Cannot reach the cluster's scheduler at {address}"):
        run_indexer_with_progress(settings, quiet=True)
    said = capsys.readouterr().err
    assert f"Connecting to the Dask scheduler at {address} (waiting up to 1 s)" in said
