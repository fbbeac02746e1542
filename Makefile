# Two commands for a fresh machine with python3 and make: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint index actor-data bench bench-scale bench-cluster bench-views bench-ui bench-ui-real eval-actors clean

# A setuptools that builds wheels itself: tests/test_packaging.py builds one offline; the
# editable install is built with it (--no-build-isolation: no second setuptools installed
# into a build environment of its own). pip is upgraded: Python 3.11's pip 23.2 took more
# CPU for the install than the upgrade and a newer pip together (BENCHMARKS "testtime").
# The sources are compiled, as installing a package does: an editable install leaves it to
# the first import, and with PYTHONDONTWRITEBYTECODE set every `newsdesk` and every helper
# process of a build compiled them again (0.15 s of a 20-article build's 0.8, 0.5 of a
# 2,000-article one's 4.1).
$(STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip 'setuptools>=70.1'
	$(BIN)/pip install --quiet --no-build-isolation -e '.[test]'
	$(BIN)/python -m compileall -q -j 0 index tui
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m compileall -q index tui
	$(BIN)/newsdesk

index: $(STAMP)
	$(BIN)/newsdesk index

lint: $(STAMP)
	$(BIN)/ruff check index tui tests

# The import contracts and packaging checks are tests too; -rs names any skip and why.
# Three processes on two cores, a test file each at a time (module fixtures are built
# once): most tests wait on a subprocess, a pseudo-terminal or a dashboard's timer part of
# the time, and a third worker fills those waits (quiet runs: 611 s with two, 544 with
# three, the same CPU; four, with the files' seconds renewed, 606 s and 14% more CPU:
# BENCHMARKS "lead29"). TEST_WORKERS= runs one.
# The sources are compiled first: with PYTHONDONTWRITEBYTECODE set (as CI and many shells
# have it) every `newsdesk` a test starts compiled them again, about 0.1 s a start and far
# more on a busy machine, over several hundred starts. --durations names the slowest tests
# in CI's log, to keep the run under its ten minutes. The longest files are handed out
# first (tests/helpers/file_order.py; --no-loadscope-reorder keeps that order), so
# that no long file is left for one worker to run alone at the end.
TEST_WORKERS ?= -n 3 --dist loadfile --no-loadscope-reorder
# The test modules' asserts are rewritten once here for the three workers, which each
# rewrote them all at collection when PYTHONDONTWRITEBYTECODE kept pytest from keeping them
# (tests/helpers/rewrite_cache.py).
test: $(STAMP) lint
	$(BIN)/python -m compileall -q -j 0 index tui tests
	$(BIN)/python -m tests.helpers.rewrite_cache
	$(BIN)/pytest -q -rfEs --durations=15 $(TEST_WORKERS)

# The country part of the shipped actor dictionary, from pycountry and countryinfo plus the
# hand-curated tests/data_gen/country_extras.yaml: run after changing either, and commit
# index/actors/data/countries.yaml (a test checks it is what this writes); then the regions
# of ISO 3166-2 from pycountry into index/actors/data/regions.yaml (tests/data_gen/subdivisions.py).
actor-data: $(STAMP)
	$(BIN)/python -m tests.data_gen.countries
	$(BIN)/python -m tests.data_gen.subdivisions
	$(BIN)/python -m tests.data_gen.capital_regions
	$(BIN)/python -m tests.data_gen.city_names
	$(BIN)/python -m tests.data_gen.us_states
	$(BIN)/python -m tests.data_gen.languages

bench: $(STAMP)
	$(BIN)/pytest -q -m bench -s

# Speed at scale against stock Whoosh, SQLite FTS5, tantivy and grep (BENCHMARKS.md), on
# ARTICLES generated ones, or on any JSON Lines file: `make bench-scale CORPUS=FILE.jsonl`.
ARTICLES ?= 100000
CORPUS ?=
bench-scale: $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m tests.bench.scale $(if $(CORPUS),--corpus $(CORPUS) \
		--workdir bench-work/$(basename $(notdir $(CORPUS))),--articles $(ARTICLES) \
		--workdir bench-work/$(ARTICLES))

# The build on a Dask cluster: 1 and 2 local workers against a local build (BENCHMARKS.md).
bench-cluster: $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,cluster]'
	$(BIN)/python -m tests.bench.cluster_scale --articles $(or $(CLUSTER_ARTICLES),8000) \
		--workdir bench-work/cluster

# How fast facets, timeline and concordance follow the results (BENCHMARKS.md).
bench-views: $(STAMP)
	mkdir -p bench-work
	$(BIN)/python -m tests.bench.generate_corpus $(ARTICLES) bench-work/views-$(ARTICLES).jsonl
	$(BIN)/python -m tests.bench.views_latency --corpus bench-work/views-$(ARTICLES).jsonl \
		--workdir bench-work/views-$(ARTICLES)

# Keystroke to painted results in the dashboard on a generated corpus (BENCHMARKS.md); the
# index is kept in bench-work, so only the first run builds it.
bench-ui: $(STAMP)
	mkdir -p bench-work
	test -f bench-work/ui-$(ARTICLES).jsonl || \
		$(BIN)/python -m tests.bench.generate_corpus $(ARTICLES) bench-work/ui-$(ARTICLES).jsonl
	$(BIN)/python -m tests.bench.ui_latency --corpus bench-work/ui-$(ARTICLES).jsonl \
		--workdir bench-work/ui-$(ARTICLES) --launches 3

# The issue's measurement (23): the real corpora of long articles (BBC + Reuters), then
# 30,000 articles generated from BBC paragraphs, one core kept busy; indexes kept.
bench-ui-real: $(STAMP)
	mkdir -p bench-work/ui-real
	$(BIN)/python -m tests.bench.ui_latency --workdir bench-work/ui-real --launches 5 \
		--generated 30000 --busy

# The actor list scored against hand-judged gold lists of the seeds, BBC and Reuters
# (tests/eval/actors/README.md); the indexes are kept in bench-work and rebuilt only when
# the corpus or the engine changes. JSON=1 prints the figures as JSON.
eval-actors: $(STAMP)
	@$(BIN)/python -m tests.eval.actors --workdir bench-work/eval-actors $(if $(JSON),--json)

clean:
	rm -rf $(VENV) *.egg-info bench-work
