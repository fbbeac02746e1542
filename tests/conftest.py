"""Shared fixtures: every test gets its own XDG folders and, where it needs one, a config
naming its own corpus, so nothing touches the user's real files."""

from __future__ import annotations

import gc
import importlib
import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.index.config import Settings, load_settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from tests.helpers import cpu_seconds, file_order, tmp_dirs
from tests.helpers.built_once import BuiltOnce
from tests.helpers.figures import FIGURES, FIGURES_PROPERTY
from tests.helpers.paths import CORPORA, SEEDS, write_config

_FILE_SECONDS = os.environ.get("NEWSDESK_FILE_SECONDS")
_RECORDER = file_order.Recorder(Path(_FILE_SECONDS)) if _FILE_SECONDS else None
_TEST_CPU = os.environ.get("NEWSDESK_TEST_CPU")  # each test's CPU seconds (cpu_seconds.py)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Longest files first, for pytest-xdist's loadfile (tests/helpers/file_order.py)."""
    file_order.longest_first(items, file_order.recorded())


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    meter = cpu_seconds.Meter(Path(_TEST_CPU)) if _TEST_CPU else None
    yield
    if meter is not None:
        meter.done(item.nodeid)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """The fault suite's figures (tests/faults/conftest.py), gathered where the summary is
    printed: each test's ride on its report, from a pytest-xdist worker too."""
    if report.when == "call":
        FIGURES.extend(value for name, value in report.user_properties
                       if name == FIGURES_PROPERTY)
    if _RECORDER is not None:
        _RECORDER.add(report)


def pytest_sessionfinish(session: pytest.Session) -> None:
    if _RECORDER is not None and not hasattr(session.config, "workerinput"):
        _RECORDER.write()  # (the controller's: a worker's reports reach it too)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not FIGURES:
        return
    terminalreporter.section("fault suite: cases tried and failed")
    width = max(len(str(f["what"])) for f in FIGURES)
    for f in FIGURES:
        line = f"{f['what']:<{width}}  tried {f['tried']:>6}  failed {f['failed']:>3}"
        terminalreporter.write_line(line + (f"  ({f['detail']})" if f["detail"] else ""))
    target = os.environ.get("NEWSDESK_FAULT_FIGURES")
    if target:
        with open(target, "w", encoding="utf-8") as out:
            json.dump(FIGURES, out, indent=1)


def pytest_report_header() -> str:
    """Say which samples the ranking and recall tests run on, so that a run without the
    shared corpora is not mistaken for one with them."""
    if CORPORA.is_dir():
        return (f"shared corpora: {CORPORA} (ranking and recall run on them and on "
                "generated stories)")
    return (f"shared corpora: absent at {CORPORA}; ranking and recall run on generated "
            "stories only")


@pytest.fixture
def tmp_path(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pytest's own, less the listing of the base folder at every test (tests/helpers/
    tmp_dirs.py): the same folder, unique to the test, kept as pytest keeps its own."""
    return tmp_dirs.test_folder(request, tmp_path_factory)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache"),
                     ("XDG_DATA_HOME", "data")):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("NEWSDESK_CONFIG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    # Commands see the width of where their output goes, not the one the test run was
    # started in (a shell's, or pytest-xdist's COLUMNS=80 in its workers).
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)
    return home


@pytest.fixture(autouse=True, scope="session")
def _shorter_idle_waits() -> None:
    """Pilot waits for the app to be idle after every key it presses, twice, and in each
    pause(): Textual sleeps 20 ms at a time until the process used under 1 ms of CPU in
    one (textual/_wait.py), so 40 ms a key at the least, in the tests of the dashboard
    tens of thousands of sleeps. Here 10 ms, under 0.5 ms: the same share of the CPU
    (5%) means idle, in windows still as long as the debounce of the tests' searches
    (ui.debounce_ms = 10). Every test that needs a state waits for it (helpers/pilot.py
    wait_for); this only waits less past it."""
    wait = sys.modules.get("textual._wait") or importlib.import_module("textual._wait")
    wait.SLEEP_GRANULARITY = 0.01  # type: ignore[attr-defined]
    wait.SLEEP_IDLE = wait.SLEEP_GRANULARITY / 20  # type: ignore[attr-defined]


# Frames a second of the dashboards Pilot drives here (the dashboard's own: 120, tui/__init__);
# NEWSDESK_TEST_FPS=60 runs them as before (Textual read its 60 before newsdesk.tui set 120).
TEST_FPS = float(os.environ.get("NEWSDESK_TEST_FPS", "2"))


@pytest.fixture(autouse=True, scope="session")
def _fewer_frames_between_pauses() -> None:
    """A Pilot test's dashboard drew a frame whenever something changed, up to 60 a second
    while it worked, though nothing looks at a frame between two of the test's pauses:
    every `pilot.pause()` (each round of helpers/pilot.py wait_for) draws one itself
    (textual/pilot.py), so what a test checks after a pause is drawn either way. The
    frames in between were a sixth of the Pilot tests' CPU (BENCHMARKS ci31). The
    pseudo-terminal dashboards (tests/e2e, faults) are processes of their own and draw
    as a user's does."""
    screen = sys.modules.get("textual.screen") or importlib.import_module("textual.screen")
    assert hasattr(screen, "UPDATE_PERIOD"), "Textual's frame period was renamed"
    screen.UPDATE_PERIOD = 1 / TEST_FPS  # type: ignore[misc]


# NEWSDESK_TEST_CSS_CACHE=0 parses each Pilot app's CSS anew, as before (for A/B).
SHARED_CSS = os.environ.get("NEWSDESK_TEST_CSS_CACHE", "1") != "0"


@pytest.fixture(autouse=True, scope="session")
def _css_parsed_once_a_process() -> None:
    """Every Pilot test starts a dashboard, and each start parsed the same CSS again (the
    app's file and every widget's DEFAULT_CSS, about a tenth of a warm start's CPU: BENCHMARKS
    ci32). Textual keeps parsed rules per stylesheet, that is per app; here they are kept
    for the process, keyed as Textual keys them and by the CSS variables (the theme) they
    were parsed with. The rules are shared as Textual shares them between the parses of one
    app: read, not changed. A user's process starts one app: nothing to share there."""
    if not SHARED_CSS:
        return
    stylesheet = sys.modules.get("textual.css.stylesheet") \
        or importlib.import_module("textual.css.stylesheet")
    cls = stylesheet.Stylesheet
    parse_rules = cls._parse_rules
    parsed: dict[tuple, list] = {}  # type: ignore[type-arg]

    def _parse_rules(self, css: str, read_from, is_default_rules: bool = False,  # type: ignore[no-untyped-def]
                     tie_breaker: int = 0, scope: str = ""):
        key = (css, read_from, is_default_rules, tie_breaker, scope,
               tuple(sorted(self._variables.items())))
        rules = parsed.get(key)
        if rules is None:
            rules = parsed[key] = parse_rules(self, css, read_from, is_default_rules,
                                              tie_breaker, scope)
        return rules

    cls._parse_rules = _parse_rules


@pytest.fixture(autouse=True)
def _indexer_heap_of_its_own(request: pytest.FixtureRequest,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A `newsdesk index` process starts small; past FORK_HEAP_MB resident a first build
    clusters in it instead of a process of its own (indexer.py). A test worker that has run
    other tests' big articles is past it, so which way a test's build went hung on the
    order of the tests (three tests of the clustering process failed in a fresh clone).
    The rule itself is tested in test_fork_heap.py, with the heap it gives."""
    if request.module.__name__.endswith("test_fork_heap"):
        return
    indexer = importlib.import_module("newsdesk.index.ingest.indexer")
    monkeypatch.setattr(indexer, "FORK_HEAP_MB", 10**9)


_FROZEN_AT_COLLECTION = 0  # objects frozen once the tests were collected (this process)


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    """What collection made (every test module, item and fixture of the run: some 240,000
    objects in each pytest-xdist worker) lives till the end: frozen (`gc.freeze`), no full
    collection walks it again. A test process walked it in every full collection, 0.25 s
    each and several in a Pilot test (a fifth of its CPU); the dashboard's users' processes
    hold none of it. Frozen objects are still freed when no longer referenced."""
    global _FROZEN_AT_COLLECTION
    gc.collect()
    gc.freeze()
    _FROZEN_AT_COLLECTION = gc.get_freeze_count()


@pytest.fixture(autouse=True, scope="module")
def _collected_stay_frozen() -> Iterator[None]:
    """An in-process build (storage/gc_batches.py) or a dashboard that collected at a pause
    (tui/collector.py) unfreezes everything when it ends: frozen again after the file's
    tests, its garbage collected first (nothing frozen that a collection would free)."""
    yield
    if gc.get_freeze_count() < _FROZEN_AT_COLLECTION:
        gc.collect()
        gc.freeze()


@pytest.fixture(autouse=True)
def _no_pause_collections(request: pytest.FixtureRequest,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The dashboard collects garbage at a pause in the searching (tui/collector.py): in a
    test process each such collection walked everything the process holds, the tests'
    own objects too (0.25 s, in about every Pilot test). Here the pauses' timers are set
    past any test's end. The collector is tested on its own (test_collector.py) and in the
    running dashboard (test_app.py's test_full_garbage_collections_wait_for_a_pause sets
    its own pause); the dashboard run by the pseudo-terminal tests (tests/e2e, faults) is a
    process of its own and collects as a user's does."""
    if request.module.__name__.endswith("test_collector"):
        return
    main_screen = importlib.import_module("newsdesk.tui.screens.main")
    monkeypatch.setattr(main_screen, "PAUSE_SECONDS", 10**6)
    monkeypatch.setattr(main_screen, "IDLE_SECONDS", 10**6)


@pytest.fixture(autouse=True)
def _forget_dead_widgets() -> Iterator[None]:
    """Textual caches `StylesCache.get_inner_outer` with an lru_cache on the method: its
    1,024 entries keep the StylesCaches of closed apps' widgets alive, and with them every
    line they rendered. One app a process never notices; one test process running a
    hundred apps held 400,000 objects by the end, and each full garbage collection (the
    dashboard runs one in every pause: tui/collector.py) walked them all, 0.3 s each.
    Emptied after each test, the process stays near 100,000."""
    yield
    cached = sys.modules.get("textual._styles_cache")
    if cached is not None:
        cached.StylesCache.get_inner_outer.cache_clear()


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    return folder


@pytest.fixture
def corpus_settings(corpus_dir: Path, tmp_path: Path,
                    monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Settings whose corpus is an empty folder of the test's own."""
    cfg = write_config(tmp_path / "newsdesk.yaml", [corpus_dir])
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    return load_settings()


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, Path]:
    """The seeds indexed once for the session (read-only use)."""
    root = tmp_path_factory.mktemp("seedindex")
    corpus = root / "seeds"
    shutil.copytree(SEEDS, corpus)
    settings = load_settings()
    settings.corpus.sources = [corpus]
    settings.index.dir = root / "index"
    Indexer(settings).run()
    return settings, corpus


@pytest.fixture
def seed_engine(seed_index: tuple[Settings, Path]) -> Engine:
    settings, _ = seed_index
    engine = Engine(settings)
    yield engine
    engine.close()


@pytest.fixture
def app_settings(tmp_path: Path) -> Settings:
    """A private copy of the seeds with its own index folder, for driving the dashboard."""
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    settings = load_settings()
    settings.corpus.sources = [corpus]
    settings.index.dir = tmp_path / "index"
    settings.ui.debounce_ms = 10
    return settings


@pytest.fixture(scope="session")
def _indexed_seeds(tmp_path_factory: pytest.TempPathFactory) -> BuiltOnce:
    return BuiltOnce(tmp_path_factory.getbasetemp(), "seeds",
                     lambda folder: shutil.copytree(SEEDS, folder, dirs_exist_ok=True))


@pytest.fixture
def indexed_app_settings(_indexed_seeds: BuiltOnce) -> Settings:
    """As app_settings, the index already built: for tests of what the dashboard does with
    an index, not of building one (the seeds indexed in each test's app took about 0.6 s,
    1-2 s on a busy machine). The copy is laid anew for each test: a test may write to it."""
    return _indexed_seeds.settings()
