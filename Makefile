# ShockFlow: two commands set everything up on a fresh Debian machine.
#   make run   — installs missing system packages, builds (release), runs the main job on the default economy
#                (the chip-export-controls scenario on china-2017, and the static analysis of china-2017)
#   make test  — installs missing system packages, checks Package.swift against the imports, runs the whole test suite
#   make bench — benchmarks (bench/run.sh runs them; each script says what it measures); figures go to bench/RESULTS.md by hand

SYSTEM_PACKAGES := libopenblas-dev liblapacke-dev libssl-dev pkg-config
# Only the tests need these: a headless browser (the report test), Slurm and munge (the one-node
# cluster test of sharded sweeps), fonts for the report's Latin and Chinese text, and Python
# (scripts/check-imports.py and the report test's colour count).
TEST_PACKAGES := chromium slurm-wlm munge fonts-dejavu-core fonts-wqy-microhei python3
SWIFT ?= swift
RELEASE_BIN := .build/release/shockflow

.PHONY: all deps test-deps build run test bench clean

all: build

# Installs the packages of $(1) that are missing (with sudo when not root).
define install_missing
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
endef

deps:
	$(call install_missing,$(SYSTEM_PACKAGES))

test-deps: deps
	$(call install_missing,$(TEST_PACKAGES))

build: deps
	$(SWIFT) build -c release --product shockflow

run: build
	$(RELEASE_BIN) run scenarios/chip-export-controls.yaml --out results/chip-export-controls
	$(RELEASE_BIN) report results/chip-export-controls
	$(RELEASE_BIN) economy analyze --out results/default-economy
	@echo "Results written to results/chip-export-controls/ (report.html: open it in a browser) and results/default-economy/"

test: test-deps
	python3 scripts/check-imports.py
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: build
	bash bench/run.sh

clean:
	rm -rf .build results/*/
