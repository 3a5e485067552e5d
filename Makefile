# zoneplan: two commands on a fresh machine.
#   make demo   a fresh venv, install, run the main job on the shipped sample
#   make test   a fresh venv with the test extras, the whole suite
# System packages the tests drive (chromium, multipath-tools, snmp, poppler-utils, graphviz) are
# installed by `make deps` (as root, Debian), which .ci/run calls first.

PYTHON ?= python3
VENV   ?= build/venv
BIN    := $(VENV)/bin
SAMPLE ?= samples/euronas-cluster.yaml
APT_PACKAGES := chromium poppler-utils multipath-tools snmp graphviz fonts-dejavu-core \
                libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 openssh-client

.PHONY: demo test venv deps lint typecheck typecheck-baseline fuzz bench clean constraints

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# constraints.txt pins every package the tests run with (pyproject.toml keeps ranges for
# users); `make constraints` refreshes it from the venv after an upgrade. The editable install
# is redone only when pyproject.toml or constraints.txt change (a pip run that finds nothing to
# do still asks the package indexes: tens of seconds on a busy network).
CONSTRAINTS ?= constraints.txt

$(VENV)/.installed: pyproject.toml $(CONSTRAINTS) | $(BIN)/python
	$(BIN)/pip install -q -c $(CONSTRAINTS) -e '.[test]'
	touch $@

venv: $(VENV)/.installed

constraints: $(BIN)/python
	$(BIN)/pip install -q --upgrade -e '.[test]'
	( echo "# pip freeze of the test venv: what make venv / make test install (make constraints)"; \
	  $(BIN)/pip freeze --exclude-editable ) > $(CONSTRAINTS)
	touch $(VENV)/.installed

demo: venv
	$(BIN)/zoneplan validate $(SAMPLE)
	$(BIN)/zoneplan plan $(SAMPLE) --greenfield --out build/plan --force
	$(BIN)/zoneplan cabling $(SAMPLE) -o build/cabling.html --force
	$(BIN)/zoneplan hosts config $(SAMPLE) --out build/hosts --force
	@echo
	@echo "Written:"
	@find build/plan build/hosts build/cabling.html -type f | sort
	@echo
	@echo "Fabric A script (Brocade FOS):"
	@head -n 40 build/plan/A/A.script.txt

# pytest workers (pytest-xdist): the suite takes ~75 s of CPU (docs/benchmarks.md, "make test")
TEST_WORKERS ?= 2

# mypy runs beside the suite (it fills the moments the workers wait on emulators and
# browsers); its verdict is printed after pytest's, and either failing fails the target
test: venv
	$(BIN)/ruff check zoneplan tests bench tools
	$(BIN)/ruff format --check zoneplan tests bench tools
	@$(BIN)/python tools/mypy_baseline.py > $(VENV)/typecheck.log 2>&1 & tc=$$!; \
	$(BIN)/pytest -n $(TEST_WORKERS); rc=$$?; \
	wait $$tc; trc=$$?; cat $(VENV)/typecheck.log; \
	test $$rc -eq 0 -a $$trc -eq 0

# mypy against mypy-baseline.txt: new errors fail, fixed ones must be recorded (the baseline
# only shrinks)
typecheck: venv
	$(BIN)/python tools/mypy_baseline.py

typecheck-baseline: venv
	$(BIN)/python tools/mypy_baseline.py --update

deps:
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(APT_PACKAGES); \
	else echo "make deps: run as root on Debian to install: $(APT_PACKAGES)"; fi

lint: venv
	$(BIN)/ruff check zoneplan tests bench tools
	$(BIN)/ruff format --check zoneplan tests bench tools

fuzz: venv
	@start=$$(date +%s); \
	ZONEPLAN_HYPOTHESIS_PROFILE=fuzz ZONEPLAN_FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-2000} $(BIN)/pytest tests/fuzz -q -p no:cacheprovider \
	  --hypothesis-seed=$${FUZZ_SEED:-0} -o addopts="" | tail -n 3; \
	echo "fuzz: $$(( $$($(BIN)/pytest tests/fuzz --co -q -o addopts="" | grep -c '::') * $${FUZZ_EXAMPLES:-2000} )) cases in $$(( $$(date +%s) - start )) s"

# every benchmark, one after the other (tens of minutes on 2 vCPU; figures in docs/benchmarks.md):
# first the commands a user runs, whole process and library (issue 18), then each component's
# own. `make bench BENCHES=bench/bench_commands.py` runs one; BENCH_ARGS is passed to each.
BENCHES ?= bench/bench_commands.py bench/bench_validate.py bench/bench_plan.py \
           bench/bench_audit.py bench/bench_parsers.py bench/bench_live.py \
           bench/bench_cabling.py bench/bench_hardening.py

bench: venv
	@set -e; for b in $(BENCHES); do echo "== $$b"; $(BIN)/python $$b $(BENCH_ARGS); done

clean:
	rm -rf build dist .pytest_cache .hypothesis
