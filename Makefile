# The two commands: `make report` (rebuild every notebook, figure and table) and `make test`.
# Both set up .venv first (Python 3.11, pinned requirements, helpers installed editable).

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
TEST_JOBS ?= auto  # pytest-xdist workers: one per core
STAMP  := $(VENV)/.installed
export PYTHONHASHSEED := 0
export JUPYTER_PLATFORM_DIRS := 1
export PYDEVD_DISABLE_FILE_VALIDATION := 1
# the kernel named python3 is always the .venv one, whatever kernels the user has registered
export JUPYTER_PATH := $(CURDIR)/$(VENV)/share/jupyter

.PHONY: help setup report validate notebooks site scenario add test test-slow lab lock bench check-determinism clean-cache

help:
	@echo "make report   set up .venv, validate the data, re-execute every notebook in order"
	@echo "make test     set up .venv, run the unit tests and nbval (strict) over the notebooks (under a minute)"
	@echo "make test-slow  the slow tier: 50 and 200 articles, the end-to-end run (CI runs both)"
	@echo "make scenario PARAMS=scenarios/no-licence.yaml [NB=03]   rerun under other assumptions into build/scenarios/"
	@echo "make add FILES='page.html inbox/ export.csv' [ARGS='--columns text=body --outlet Axios']   add articles to data/ (all or nothing)"
	@echo "make lab      open JupyterLab on the project's environment"
	@echo "make bench    run the benchmarks in benchmarks/ (figures in benchmarks/README.md)"
	@echo "make check-determinism   run the report twice from clean and compare every output byte for byte"
	@echo "make lock     re-resolve requirements.in into requirements.txt and environment.yml"

# Bytecode is cached (in git-ignored __pycache__ folders) even where the environment says not to:
# otherwise every test worker, kernel and command compiles the helpers, the tests and pytest's
# rewritten assertions again (collecting the tests: 7.2 s -> 4.6 s a process).
unexport PYTHONDONTWRITEBYTECODE

# Installer: uv (default; a pinned uv from PyPI in a bootstrap folder of its own) or pip
# (make setup INSTALLER=pip). Both install the hashed pins of requirements.txt and nothing else, and
# both leave compiled bytecode (pip does by default; uv is asked to): where PYTHONDONTWRITEBYTECODE
# is set, a venv without it compiles pandas, matplotlib and the rest again in every process and
# every kernel (make test took 93 s instead of 67 s on 2 cores).
INSTALLER  ?= uv
BOOTSTRAP  := .venv-bootstrap
UV         := $(BOOTSTRAP)/bin/uv

# uv and its hashes are in requirements-uv.txt. With the interpreter's own pip it goes straight into
# the bootstrap folder (no venv to build: ~6 s saved); without one, into a venv of its own.
$(UV): requirements-uv.txt
	rm -rf $(BOOTSTRAP)
	if $(PYTHON) -m pip --version > /dev/null 2>&1; then \
	  $(PYTHON) -m pip install --quiet --disable-pip-version-check --target $(BOOTSTRAP) --require-hashes -r requirements-uv.txt; \
	else \
	  $(PYTHON) -m venv $(BOOTSTRAP) && \
	  $(BOOTSTRAP)/bin/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-uv.txt; \
	fi
	test -x $(UV)

$(STAMP): requirements.txt pyproject.toml $(if $(filter uv,$(INSTALLER)),$(UV))
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), f"Python 3.11 is required, found {sys.version.split()[0]}: set PYTHON=/path/to/python3.11"'
ifeq ($(INSTALLER),uv)
	$(UV) venv --quiet --allow-existing --python $(PYTHON) $(VENV)
	$(UV) pip install --quiet --python $(PY) --compile-bytecode --require-hashes -r requirements.txt
	$(UV) pip install --quiet --python $(PY) --no-deps -e .
else ifeq ($(INSTALLER),pip)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
else
	$(error INSTALLER must be uv or pip, not '$(INSTALLER)')
endif
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (ipykernel)" > /dev/null
	touch $(STAMP)

setup: $(STAMP)

validate: setup
	$(PY) -m helpers validate

notebooks: setup
	$(PY) -m helpers run

site: setup
	$(PY) -m helpers site

report: validate notebooks site

scenario: setup
	@test -n "$(PARAMS)" || { echo "usage: make scenario PARAMS=scenarios/no-licence.yaml [NB=03]"; exit 2; }
	$(PY) -m helpers scenario $(PARAMS) $(NB)

add: setup
	@test -n "$(FILES)" || { echo "usage: make add FILES='page.html inbox/ export.csv' [ARGS='--columns text=body']"; exit 2; }
	$(PY) -m helpers add $(FILES) $(ARGS)

test: setup
	$(PY) tools/sync_environment.py --check
	$(PY) -m ruff check helpers tests notebooks benchmarks tools
	$(PY) -m pytest -q -n $(TEST_JOBS) --dist loadscope -m "not slow" --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg

# The slow tier: corpora of 50 and 200 articles, every notebook end to end on 19 articles, the
# side-by-side runner. CI runs it after `make test`.
test-slow: setup
	$(PY) -m pytest -q -n $(TEST_JOBS) --dist loadscope -m slow

check-determinism: setup
	$(PY) tools/check_determinism.py
	git diff --stat --exit-code -- data/processed figures notebooks || { echo "outputs differ from the committed ones"; exit 1; }

clean-cache:
	rm -rf data/interim figures/.render-cache

bench: setup
	$(PY) benchmarks/bench_mentions.py 1000
	$(PY) benchmarks/bench_timeline.py 1000
	$(PY) benchmarks/bench_tone.py 1000
	$(PY) benchmarks/bench_export_controls.py
	$(PY) benchmarks/bench_add.py 200
	$(PY) benchmarks/bench_coverage.py 2 200
	$(PY) benchmarks/bench_scale.py 1 10 100 1000 10000

lab: setup
	$(VENV)/bin/jupyter lab --ServerApp.root_dir=. --LabApp.default_url=/lab/tree/notebooks --ServerApp.allow_root=True

lock: $(UV)
	# re-resolve requirements.in for Python 3.11 on Linux x86-64, every pin with its hashes
	{ echo "# Every package pinned with its hashes, generated by 'make lock' from requirements.in; do not edit by hand."; \
	  echo "# environment.yml carries the same pins (tests/test_environment.py checks)."; \
	  $(UV) pip compile requirements.in --generate-hashes --no-annotate --no-header --quiet \
	    --python-version 3.11.7 --python-platform x86_64-manylinux_2_28; } > requirements.txt.tmp
	mv requirements.txt.tmp requirements.txt
	{ echo "# uv for make setup's bootstrap, pinned with its hashes (generated by 'make lock'; do not edit by hand)."; \
	  echo "uv==$$($(UV) --version | cut -d' ' -f2)" | $(UV) pip compile - --generate-hashes --no-header --quiet --python-version 3.11.7; \
	} > requirements-uv.txt.tmp
	mv requirements-uv.txt.tmp requirements-uv.txt
	$(PYTHON) tools/sync_environment.py
