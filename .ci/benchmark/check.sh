#!/usr/bin/env bash
# Times `helpsite check` (release build): the shipped site, and synthetic sites of
# 100 and 1,000 pages x 3 languages (.ci/benchmark/synth.py). Several runs each;
# prints the medians of wall time, CPU time (user + system) and peak memory
# (.ci/benchmark/measure.py), as a Markdown table.
#
#   bash .ci/benchmark/check.sh [runs]     (default 5 runs)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A release build with the Swift runtime linked in, as the web team would ship it:
# a dynamically linked Swift binary spends about 5 ms of CPU just loading its libraries.
build=(swift build -c release --static-swift-stdlib --scratch-path .build-bench)
"${build[@]}" --product helpsite >/dev/null
helpsite=$("${build[@]}" --show-bin-path)/helpsite
for pages in 100 1000; do
  python3 .ci/benchmark/synth.py --pages "$pages" --out "$work/site-$pages"
done

measure() { # label content [options]
  python3 .ci/benchmark/measure.py "$1" "$runs" "$helpsite" check --content "$2" "${@:3}"
}

echo "| content | wall (median) | CPU user+sys (median) | peak RSS (median) | runs |"
echo "|---|---|---|---|---|"
# Every page read (--no-cache), then again with the verdicts of the run before.
measure "shipped complaints site (1 page x 3)" content --no-cache
measure "synthetic, 100 pages x 3" "$work/site-100" --no-cache
measure "synthetic, 1,000 pages x 3" "$work/site-1000" --no-cache
measure "shipped site, unchanged since the last check" content
measure "synthetic, 1,000 pages x 3, unchanged since the last check" "$work/site-1000"
echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB; $(swift --version 2>/dev/null | head -1)"
