# The two commands of README: `make run` (every chapter, then the report in
# Output/) and `make test` (unit and end-to-end tests, then every chapter).
# Both install libgd, pkg-config, the DejaVu fonts, bubblewrap (the grader's
# sandbox) shellcheck, zip and unzip (the Gradescope autograder and its test) first when they are missing.

SWIFT ?= swift
FONT := /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

.PHONY: run test build deps bench clean-output

run: build
	$(SWIFT) run workbook report

test: build
	$(SWIFT) test
	$(SWIFT) run workbook all

# Only the tool: it builds the chapters itself, and reports a learner's compile
# error in a few lines instead of stopping here.
build: deps
	$(SWIFT) build --product workbook

bench: deps
	$(SWIFT) run -c release workbook bench
	$(SWIFT) run -c release workbook bench-report

# apt-get only when something is missing; sudo only when not root.
deps:
	@if ! pkg-config --exists gdlib 2>/dev/null || [ ! -f $(FONT) ] || [ ! -x /usr/bin/bwrap ] || [ ! -x /usr/bin/shellcheck ] || [ ! -x /usr/bin/zip ] || [ ! -x /usr/bin/unzip ]; then \
		echo "Installing libgd-dev, pkg-config, fonts-dejavu-core, bubblewrap, shellcheck, zip and unzip with apt-get…"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libgd-dev pkg-config fonts-dejavu-core bubblewrap shellcheck zip unzip; \
	fi
