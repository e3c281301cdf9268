#!/usr/bin/env bash
# The learner's edit→run loop against the toolchain's own floor (`make bench-loop`).
#
# In a learner edition (kept between runs in $BENCH_DIR, so only what changed
# rebuilds), for each of N rounds: change a line in exercise 1.1's region, then
# time
#   loop      ./workbook run 1       what README tells the learner to type
#   watch     ./workbook watch 1     from saving the file to the chapter's summary
#   floor     swift build --product Chapter01, then the chapter binary once
#   before    swift run workbook run 1 with the bin path asked of SwiftPM each
#             time: what README said to type before ./workbook and the cache
# and print each one's median and its ratio to the floor, measured in this run.
#
# Usage: Benchmarks/edit-loop.sh [ROUNDS]   (default 5; needs bash 5 for EPOCHREALTIME)
set -euo pipefail

rounds=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
base=${BENCH_DIR:-${TMPDIR:-/tmp}/neuralworkbook-bench-loop}
swift=${SWIFT:-swift}
package="$base/package"
file="$package/Sources/NeuralNetwork/Neuron.swift"

echo "Writing a learner edition into $package…"
"$swift" build --package-path "$root" --product workbook --quiet
rm -rf "$base/fresh"
"$root/.build/debug/workbook" student --output "$base/fresh" >/dev/null
# Copy only files whose content changed, so their times (and the build) stay.
mkdir -p "$package"
(cd "$base/fresh" && find . -type f) | while read -r path; do
    if ! cmp -s "$base/fresh/$path" "$package/$path"; then
        mkdir -p "$(dirname "$package/$path")"
        cp -p "$base/fresh/$path" "$package/$path"
    fi
done
(cd "$package" && find . -path ./.build -prune -o -path ./.workbook -prune -o -path ./Output -prune -o -type f -print) |
    while read -r path; do [ -e "$base/fresh/$path" ] || rm -f "$package/$path"; done
[ -f "$root/Package.resolved" ] && cp -p "$root/Package.resolved" "$package/Package.resolved"
cd "$package"

edits=0
# A new comment after exercise 1.1's stub: a change of content, as a learner's save is.
edit() {
    edits=$((edits + 1))
    sed -i.bak -E "s|^(.*exerciseNotDone\(\"1\.1\"[^/]*)( // edit [0-9]+)?$|\1 // edit $edits|" "$file"
    rm -f "$file.bak"
}
now() { echo "$EPOCHREALTIME"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "Building it (the first time takes a few minutes)…"
./workbook run 1 >/dev/null 2>&1 || true
"$swift" build --product Chapter01 --quiet

loop="" floor="" old=""
for _ in $(seq "$rounds"); do
    edit; start=$(now); ./workbook run 1 >/dev/null 2>&1 || true; loop+=" $(elapsed "$start" "$(now)")"
    edit; start=$(now)
    "$swift" build --product Chapter01 >/dev/null 2>&1
    WORKBOOK_OUTPUT="$package/Output" .build/debug/Chapter01 >/dev/null 2>&1 || true
    floor+=" $(elapsed "$start" "$(now)")"
    rm -f .build/workbook-bin-path
    edit; start=$(now); "$swift" run workbook run 1 >/dev/null 2>&1 || true; old+=" $(elapsed "$start" "$(now)")"
done

# watch: the time from an edit to the line it prints when the run is over.
log="$base/watch.log"
./workbook watch 1 </dev/null >"$log" 2>&1 &
watcher=$!
trap 'kill "$watcher" 2>/dev/null || true' EXIT
waiting() { grep -c "Watching Sources/NeuralNetwork" "$log" || true; }
until [ "$(waiting)" -ge 1 ]; do sleep 0.05; done
watch=""
for _ in $(seq "$rounds"); do
    seen=$(waiting)
    edit; start=$(now)
    # Looked at 20 times a second: more often would take the build's CPU.
    until [ "$(waiting)" -gt "$seen" ]; do sleep 0.05; done
    watch+=" $(elapsed "$start" "$(now)")"
    sleep 0.6
done
kill "$watcher" 2>/dev/null || true

floor_median=$(echo "$floor" | median)
report() {
    local m
    m=$(echo "$2" | median)
    printf "  %-38s %6.2f s   %5.2f×\n" "$1" "$m" "$(awk -v a="$m" -v b="$floor_median" 'BEGIN { print a / b }')"
}
echo
# The machine's load during the run: on shared cores every figure moves with it.
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime | sed 's/.*load averages*: //')
echo "Chapter 1 after a one-line edit, median of $rounds (ratio to the floor); load average $load:"
report "floor: swift build + Chapter01" "$floor"
report "./workbook run 1" "$loop"
report "./workbook watch 1 (save to summary)" "$watch"
report "before: swift run workbook run 1" "$old"
