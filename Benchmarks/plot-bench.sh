#!/bin/sh
# workbook plot against pandas + matplotlib on a 200,000-row Lightning log, the same
# figure (every loss column, 800x600 PNG), whole processes, in the same run:
# five pairs, each tool's median, their ratio; then where workbook's time goes.
#
#   Benchmarks/plot-bench.sh [PAIRS]        (make bench-plot; PYTHON=... picks the interpreter with pandas)
set -eu
pairs=${1:-5}
python=${PYTHON:-python3}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
swift=${SWIFT:-swift}
$swift build -c release --static-swift-stdlib --product workbook >/dev/null
workbook="$($swift build -c release --show-bin-path)/workbook"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$python" Benchmarks/make_plot_log.py "$work/metrics.csv"
metrics="train_loss_step,train_loss_epoch,val_loss"
if ! "$python" -c "import pandas, matplotlib" 2>/dev/null; then
    echo "pandas and matplotlib are not installed for $python: timing workbook plot alone"
    pandas=""
else
    pandas=yes
fi
seconds() { # runs "$@" with its output discarded, prints the seconds it took
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    awk "BEGIN { print $end - $start }"
}
ours=""; theirs=""
i=0
while [ "$i" -lt "$pairs" ]; do
    ours="$ours $(seconds "$workbook" plot "$work/metrics.csv" --metric "$metrics" --output "$work/workbook.png")"
    if [ -n "$pandas" ]; then
        theirs="$theirs $(seconds "$python" Benchmarks/plot_pandas.py "$work/metrics.csv" "$work/pandas.png")"
    fi
    i=$((i + 1))
done
median() { echo "$@" | tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
ours=$(median $ours)
printf 'workbook plot            %.3f s (median of %s)\n' "$ours" "$pairs"
if [ -n "$pandas" ]; then
    theirs=$(median $theirs)
    printf 'pandas + matplotlib      %.3f s (median of %s)\n' "$theirs" "$pairs"
    printf 'ratio                    %.2fx (pandas + matplotlib time / workbook plot time)\n' "$(awk "BEGIN { print $theirs / $ours }")"
fi
echo "where workbook plot's time goes, one run:"
"$workbook" plot "$work/metrics.csv" --metric "$metrics" --output "$work/workbook.png" --timings 2>&1 | grep '^time:' | sed 's/^time: /  /'
