# annual-return: build, test and run the annual enforcement statistics return.
# `make help` lists the targets.

SWIFT        ?= swift
PREFIX       ?= /usr/local
DESTDIR      ?=
CONFIG       ?= data/annual-return.yaml
# Debian packages the build and the tests need (C libraries and their headers).
APT_PACKAGES := libcsv-dev libssl-dev libxlsxwriter-dev libxxhash-dev pkg-config
# Tools the benchmark needs besides the build packages.
BENCH_PACKAGES := hyperfine time gcc

RELEASE_BIN   = .build/release/annual-return

.DEFAULT_GOAL := all
.PHONY: all build deps test report check-outputs screenshot bench clean install help

all: build ## Build the release binary (same as `make build`)

deps: ## Install missing Debian packages (needs root; otherwise names them)
	@scripts/ensure-apt-packages $(APT_PACKAGES)

# The Swift runtime and Foundation linked in: a run starts in 5 ms instead of 11 (no dynamic
# symbol lookup across a dozen Swift libraries) and calls into the runtime go direct; the
# installed binary needs only the Debian C libraries.
build: deps ## Build the release binary into .build/release/annual-return
	$(SWIFT) build -c release --product annual-return --static-swift-stdlib

test: deps ## Run every unit, golden-file and end-to-end test
	$(SWIFT) build --build-tests
	scripts/run-tests $(SWIFT)

report: build ## Run the main job on the sample data in data/ and say where the outputs are
	@scripts/run-report $(RELEASE_BIN) $(CONFIG)

YEAR         ?= 2022

check-outputs: report ## Read the outputs back with real tools: the workbook with openpyxl, the page in headless Chromium
	@scripts/ensure-apt-packages python3-openpyxl
	/usr/bin/python3 scripts/check-xlsx.py output/$(YEAR)
	scripts/screenshot-html output/$(YEAR) output/$(YEAR)-return-html.png
	@echo "check-outputs: the page as Chromium draws it is output/$(YEAR)-return-html.png"

screenshot: report ## Refresh docs/return-html.png, the README's picture of return.html
	scripts/readme-picture output/$(YEAR) docs/return-html.png

bench: build ## Measure ingest throughput and memory against the plain libcsv parse loop
	@scripts/ensure-apt-packages $(APT_PACKAGES) $(BENCH_PACKAGES)
	@Benchmarks/run $(RELEASE_BIN)

# libFuzzer over ingest and staging. A crash input becomes a regression fixture in
# Fuzz/regressions/, which FuzzRegressionTests (`make test`) checks; scripts/fuzz says how.
FUZZ_SECONDS ?= 60
FUZZ_BUILD    = $(SWIFT) build -c debug --product IngestFuzzer --sanitize=fuzzer --scratch-path .build-fuzzer
.PHONY: fuzz fuzz-smoke

fuzz: deps ## Fuzz ingest and staging for FUZZ_SECONDS (60); crash inputs go to Fuzz/out/crashes/
	$(FUZZ_BUILD)
	@scripts/fuzz $(FUZZ_SECONDS) "$$($(FUZZ_BUILD) --show-bin-path)/IngestFuzzer"

fuzz-smoke: ## Fuzz ingest and staging for 30 s (for CI)
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=30

# Every test under AddressSanitizer, in a build of its own: it catches reads and writes out of
# bounds and after free, where ingest hands libcsv's and iconv's buffers to Swift. Leak checks
# are off because the test runner itself leaks.
SANITIZE_FLAGS = --sanitize=address --scratch-path .build-asan
# The tests that read files in parallel pieces, under ThreadSanitizer: data races between the
# thread that cuts a file and the threads that parse and stage its pieces, between the threads
# that share the enterprise reference table, that check a file's encoding in parts, and that
# read one problem list while rendering different outputs.
THREAD_SANITIZE_FLAGS = --sanitize=thread --scratch-path .build-tsan
.PHONY: test-sanitize test-sanitize-threads

test-sanitize: deps ## Run every test under AddressSanitizer (a separate build in .build-asan)
	$(SWIFT) build --build-tests $(SANITIZE_FLAGS)
	ASAN_OPTIONS=detect_leaks=0 scripts/run-tests $(SWIFT) $(SANITIZE_FLAGS)

test-sanitize-threads: deps ## Run the parallel-reading tests under ThreadSanitizer (a separate build in .build-tsan)
	$(SWIFT) build --build-tests $(THREAD_SANITIZE_FLAGS)
	TSAN_OPTIONS=halt_on_error=1 scripts/run-tests $(SWIFT) $(THREAD_SANITIZE_FLAGS) --filter 'PieceReading|ParallelStaging|StreamingDedupe|EnterpriseRefTable|SpilledList|checkingInParts'

install: build ## Install the binary into $(DESTDIR)$(PREFIX)/bin
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 0755 $(RELEASE_BIN) "$(DESTDIR)$(PREFIX)/bin/annual-return"

clean: ## Remove build products and generated outputs
	rm -rf .build .build-asan .build-tsan .build-fuzzer Benchmarks/out Fuzz/out
	find output -mindepth 1 ! -name .gitkeep -exec rm -rf {} +

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'
