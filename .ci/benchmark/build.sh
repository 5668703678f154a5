#!/usr/bin/env bash
# HelpSite beside Hugo and the cmark-gfm command, on the same synthetic sites of
# N pages x 3 languages (.ci/benchmark/synth.py), N = 100, 1,000 and 10,000
# (NS="100 1000" for fewer). Release build with the Swift runtime linked in.
# Each row: the median of RUNS runs (default 3) of wall time, CPU (user +
# system) and peak RSS, and pages (of all languages) per second.
#
#   bash .ci/benchmark/build.sh            NS="100 1000" RUNS=5 bash .ci/benchmark/build.sh
#
# What is timed, per N:
#   helpsite build       from a cold (new) output folder, the check included (also for
#                        the shipped complaints site, as its first row)
#   hugo                 the same pages from a cold output folder
#   cmark-gfm            all pages' Markdown, the same bytes, with the same four
#                        extensions, in one process: the floor for rendering
#   helpsite check       alone, every page read (--no-cache)
#   check again          with the verdicts of the previous check: nothing changed, and
#                        one page changed in one language before each run
#   rebuild, no change   helpsite build into the folder the previous build made
#   rebuild, one page    the same after changing one page in one language
# and, in a second table, the search index (docs/reference/search-index.md): the processor
# time it took inside one more cold build and one more one-page rebuild (`build --timings`),
# and its files per language, on disk and as a gzip-serving server sends them.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-3}
sizes=${NS:-100 1000 10000}
work=$(mktemp -d "${TMPDIR:-/tmp}/helpsite-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# ONLY_HELPSITE=1 skips the Hugo and cmark-gfm rows; HELPSITE=path times that binary
# instead of building this tree (to compare two commits on the same sites).
only=${ONLY_HELPSITE:-}
if [ -z "$only" ]; then
  for tool in hugo cmark-gfm; do
    command -v "$tool" >/dev/null || { echo "$tool is not installed: apt-get install $tool" >&2; exit 1; }
  done
fi
if [ -n "${HELPSITE:-}" ]; then
  helpsite=$HELPSITE
else
  build=(swift build -c release --static-swift-stdlib --scratch-path .build-bench)
  "${build[@]}" --product helpsite >/dev/null
  helpsite=$("${build[@]}" --show-bin-path)/helpsite
fi
measure() { python3 .ci/benchmark/measure.py "$@"; }

search_rows=()
# The index's processor time in one build (helpsite build --timings), in ms; nothing for a
# helpsite from before the index (HELPSITE=<an older commit's binary>), whose rows are left out.
index_time() { "$helpsite" build --timings "$@" 2>/dev/null | sed -n 's/^Search index: \([0-9]*\) ms.*/\1/p'; true; }
echo "| N | what | wall (median) | CPU (median) | peak RSS (median) | pages/s | runs |"
echo "|---|---|---|---|---|---|---|"
# The shipped complaints site: the whole process, the check included, from a cold output folder.
PAGES=3 measure "shipped | helpsite build (cold)" "$runs" "$helpsite" build --force --content content --templates templates --output "$work/shipped-{run}/public"
for n in $sizes; do
  site=$work/site-$n
  python3 .ci/benchmark/synth.py --pages "$n" --out "$site/content" --hugo "$site/hugo" --markdown "$site/markdown"
  cp -r templates "$site/templates"
  find "$site/markdown" -name '*.md' -print0 | sort -z | xargs -0 cat > "$site/all.md"
  export PAGES=$((n * 3))
  measure "$n | helpsite build" "$runs" "$helpsite" build --content "$site/content" --templates "$site/templates" --output "$site/out-{run}/public"
  cold_index=$(index_time --content "$site/content" --templates "$site/templates" --output "$site/out-index/public")
  if [ -n "$cold_index" ]; then
    while IFS=$'\t' read -r _ language files bytes served; do
      search_rows+=("| $n | $language | ${files% files} | ${bytes% bytes} | ${served% bytes gzip-served} | |")
    done < <(python3 .ci/benchmark/search/sizes.py own "$site/out-index/public/search")
    search_rows+=("| $n | all languages: the index's part of a cold build | | | | $cold_index ms |")
  fi
  [ -n "$only" ] || measure "$n | hugo" "$runs" hugo --quiet -s "$site/hugo" -d "$site/hugo-out-{run}"
  [ -n "$only" ] || measure "$n | cmark-gfm (floor)" "$runs" cmark-gfm -e table -e strikethrough -e autolink -e tagfilter "$site/all.md"
  measure "$n | helpsite check" "$runs" "$helpsite" check --no-cache --content "$site/content"
  "$helpsite" check --content "$site/content" >/dev/null || true
  measure "$n | check again, no change (cache)" "$runs" "$helpsite" check --content "$site/content"
  measure "$n | check again, one page changed (cache)" "$runs" sh -c "sed -i 's/^title: \\(.*\\)\$/title: \\1!/' '$site/content/en/page-00001.yaml' && exec '$helpsite' check --content '$site/content'"
  "$helpsite" build --content "$site/content" --templates "$site/templates" --output "$site/warm/public" >/dev/null
  measure "$n | rebuild, no change" "$runs" "$helpsite" build --content "$site/content" --templates "$site/templates" --output "$site/warm/public"
  page=$site/content/fr/page-00000.yaml
  measure "$n | rebuild, one page changed" "$runs" sh -c "sed -i 's/^title: \\(.*\\)\$/title: \\1./' '$page' && exec '$helpsite' build --content '$site/content' --templates '$site/templates' --output '$site/warm/public'"
  if [ -n "$cold_index" ]; then
    sed -i 's/^title: \(.*\)$/title: \1./' "$page"
    search_rows+=("| $n | one page changed: the index's part of the rebuild | | | | $(index_time --content "$site/content" --templates "$site/templates" --output "$site/warm/public") ms |")
  fi
  rm -rf "$site"/out-* "$site"/hugo-out-*
done
unset PAGES
echo
echo "Search index: files per language (its stemmer module counted with it; \"(shared runtime)\" is search.js and the"
echo "licence), bytes on disk and gzip-served; the processor time the index took in one cold build and in one rebuild"
echo "| N | language | files | bytes | gzip bytes | index processor time |"
echo "|---|---|---|---|---|---|"
[ ${#search_rows[@]} -eq 0 ] || printf '%s\n' "${search_rows[@]}"
echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB; $(swift --version 2>/dev/null | head -1)"
[ -n "$only" ] || echo "$(hugo version | cut -d' ' -f1-2); cmark-gfm $(cmark-gfm --version | head -1 | awk '{print $2}')"
