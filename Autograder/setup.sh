#!/usr/bin/env bash
# Gradescope runs this once, as root, while it builds the assignment's image
# (Ubuntu 22.04 by default). It installs what grading needs, then builds the
# grader and grades the instructor's own copy once, so that each submission
# later recompiles only the learner's module and the chapters.
#
# Folders come from AUTOGRADER_ROOT (default /autograder), so the same script
# runs in a test folder: the instructor's copy is $AUTOGRADER_ROOT/source.
# Settings (the pinned Swift release and its SHA-256) are in autograder.conf.
set -euo pipefail

AUTOGRADER_ROOT="${AUTOGRADER_ROOT:-/autograder}"
SOURCE="$AUTOGRADER_ROOT/source"
# shellcheck source=/dev/null
. "$SOURCE/autograder.conf"

SWIFT_PREFIX="${SWIFT_PREFIX:-/opt/swift}"
SWIFT_TARBALL_NAME="swift-$SWIFT_VERSION-RELEASE-ubuntu22.04"
SWIFT_URL="${SWIFT_URL:-https://download.swift.org/swift-$SWIFT_VERSION-release/ubuntu2204/swift-$SWIFT_VERSION-RELEASE/$SWIFT_TARBALL_NAME.tar.gz}"
# The uid the grader runs learners' chapters as: run_autograder grades with one
# job, and a lone grader in a fresh container takes the first block of uids,
# whose first uid is GraderUserBlock.firstUser (AutograderTests holds them equal).
LEARNER_UID=2000000

# fetch_verified URL SHA256 DESTINATION: downloads URL and keeps it at
# DESTINATION only when its SHA-256 is the pinned one. Refuses to run without
# a pin; on a mismatch removes the download and fails.
fetch_verified() {
    local url="$1" expected="$2" destination="$3" actual
    if [[ ! "$expected" =~ ^[0-9a-f]{64}$ ]]; then
        echo "setup.sh: no SHA-256 pinned for $url (SWIFT_SHA256 in autograder.conf): refusing to install an unverified toolchain" >&2
        return 1
    fi
    rm -f "$destination.part"
    if ! curl --fail --silent --show-error --location --retry 3 --output "$destination.part" "$url"; then
        rm -f "$destination.part"
        echo "setup.sh: could not download $url" >&2
        return 1
    fi
    actual="$(sha256sum "$destination.part" | cut -d ' ' -f 1)"
    if [ "$actual" != "$expected" ]; then
        rm -f "$destination.part"
        echo "setup.sh: $url has SHA-256 $actual, expected $expected: refusing it" >&2
        return 1
    fi
    mv "$destination.part" "$destination"
}

install_packages() {
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    # The first line is what Swift's own Ubuntu 22.04 images install for the
    # toolchain; the second is the workbook's: charts, fonts, the sandbox.
    apt-get install -y --no-install-recommends \
        binutils git gnupg2 libc6-dev libcurl4-openssl-dev libedit2 libgcc-11-dev libpython3-dev \
        libsqlite3-0 libstdc++-11-dev libxml2-dev libz3-dev tzdata unzip zlib1g-dev curl ca-certificates \
        libgd-dev pkg-config fonts-dejavu-core bubblewrap
}

# Installs the pinned toolchain under SWIFT_PREFIX, readable by everyone (the
# learners' chapters load its runtime libraries). SWIFT_TOOLCHAIN, a folder
# holding an installed toolchain's `swift`, skips the download.
install_swift() {
    if [ -n "${SWIFT_TOOLCHAIN:-}" ]; then
        echo "Using the Swift toolchain in $SWIFT_TOOLCHAIN"
        return 0
    fi
    local tarball="/tmp/$SWIFT_TARBALL_NAME.tar.gz"
    fetch_verified "$SWIFT_URL" "$SWIFT_SHA256" "$tarball"
    mkdir -p "$SWIFT_PREFIX"
    tar -xzf "$tarball" -C "$SWIFT_PREFIX" --strip-components=1
    rm -f "$tarball"
    chmod -R a+rX "$SWIFT_PREFIX"
}

swift_bin() {
    echo "${SWIFT_TOOLCHAIN:-$SWIFT_PREFIX/usr/bin}"
}

# The grader runs chapters as uid LEARNER_UID; a name makes it legible in ps.
create_learner_user() {
    if ! getent passwd "$LEARNER_UID" > /dev/null; then
        useradd --system --uid "$LEARNER_UID" --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin workbook-learner
    fi
}

# Builds the `workbook` tool and grades the instructor's own copy once: that
# builds the chapters in the work folder run_autograder reuses.
build_grader() {
    PATH="$(swift_bin):$PATH"
    export PATH
    cd "$SOURCE"
    swift build --product workbook
    "$SOURCE/.build/debug/workbook" grade "$SOURCE" --output "$AUTOGRADER_ROOT/warm-up" \
        --work-folder "$AUTOGRADER_ROOT/work" --timeout "$CHAPTER_TIMEOUT" --build-jobs "$BUILD_JOBS"
    rm -rf "$AUTOGRADER_ROOT/warm-up"
    # The instructor's copy holds the hidden checks and the solutions: root only.
    chmod -R go-rwx "$SOURCE"
}

main() {
    install_packages
    install_swift
    create_learner_user
    build_grader
}

# Sourced (by the tests, to try fetch_verified), it only defines the functions.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    main "$@"
fi
