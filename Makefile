# The two commands of README: `make run` (every chapter, then the report in
# Output/) and `make test` (unit and end-to-end tests, then every chapter).
# Both install libgd, pkg-config, the DejaVu fonts, bubblewrap (the grader's
# sandbox) shellcheck, zip and unzip (the Gradescope autograder and its test) first when they are missing.

SWIFT ?= swift
FONT := /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

.PHONY: run test build deps test-deps bench bench-loop bench-plot clean-output

# ./workbook starts the built tool directly, rebuilding it only when its own
# sources changed: no SwiftPM check before every start, as `swift run` makes.
run: deps
	@SWIFT=$(SWIFT) ./workbook report

test: build test-deps
	$(SWIFT) test
	$(SWIFT) run workbook all

# Only the tool: it builds the chapters itself, and reports a learner's compile
# error in a few lines instead of stopping here.
build: deps
	$(SWIFT) build --product workbook

# `swift build` links the Swift runtime in with --static-swift-stdlib; `swift run`
# has no such option, so the benchmarks run the built binary from its folder.
bench: deps
	$(SWIFT) build -c release --static-swift-stdlib --product workbook
	"$$($(SWIFT) build -c release --show-bin-path)/workbook" bench
	"$$($(SWIFT) build -c release --show-bin-path)/workbook" bench-report

# The learner's edit→run loop (./workbook run 1, watch) against swift build plus
# the chapter itself, in a learner edition kept in $TMPDIR between runs.
bench-loop: deps
	SWIFT=$(SWIFT) Benchmarks/edit-loop.sh 5

# workbook plot against pandas + matplotlib on a 200,000-row Lightning log (the
# ratio is printed when python3 has pandas and matplotlib; PYTHON=... picks another).
bench-plot: deps
	SWIFT=$(SWIFT) Benchmarks/plot-bench.sh 5

# Homebrew on macOS; elsewhere apt-get, only when something is missing, with
# sudo only when not root.
deps:
	@if [ "$$(uname)" = Darwin ]; then \
		pkg-config --exists gdlib 2>/dev/null || brew install gd pkg-config; \
	elif ! pkg-config --exists gdlib 2>/dev/null || [ ! -f $(FONT) ] || [ ! -x /usr/bin/bwrap ] || [ ! -x /usr/bin/zip ] || [ ! -x /usr/bin/unzip ]; then \
		echo "Installing libgd-dev, pkg-config, fonts-dejavu-core, bubblewrap, zip and unzip with apt-get…"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libgd-dev pkg-config fonts-dejavu-core bubblewrap zip unzip; \
	fi

# What the tests use besides the workbook: tmux, a terminal for `workbook watch`,
# and shellcheck for the autograder's scripts.
test-deps:
	@if [ "$$(uname)" != Darwin ] && { ! command -v tmux >/dev/null 2>&1 || ! command -v shellcheck >/dev/null 2>&1; }; then \
		echo "Installing tmux and shellcheck with apt-get…"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux shellcheck; \
	fi
