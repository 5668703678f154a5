#!/usr/bin/env bash
# The measurements of docs/decisions/0007-search-index.md: Pagefind (as HelpSite's HTML is
# today, and "tuned" with what HelpSite's templates could add) beside own_index.py, on the
# synthetic sites of .ci/benchmark/synth.py (N pages x 3 languages) built by helpsite.
#
#   HELPSITE=path/to/helpsite STEMMER_JS=dir NS="100 1000 10000" RUNS=3 bash .ci/benchmark/search/run.sh
#
# Needs: pip install pagefind-bin==1.5.2 snowballstemmer==3.0.1 pyyaml selenium;
# apt-get install chromium chromium-driver (for the bytes of a first query; skipped
# without them). STEMMER_JS: the Snowball 3.0.1 JavaScript stemmers as the Sphinx wheel
# ships them:  pip download --no-deps sphinx==9.0.4 && unzip sphinx-9.0.4-*.whl
# 'sphinx/search/minified-js/*'  -> STEMMER_JS=sphinx/search/minified-js
# WORK (default: a new temporary folder) keeps the sites; it is not removed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
: "${HELPSITE:?set HELPSITE to a built helpsite binary}" "${STEMMER_JS:?set STEMMER_JS (see above)}"
runs=${RUNS:-3}
sizes=${NS:-100 1000 10000}
work=${WORK:-$(mktemp -d -t helpsite-search.XXXXXX)}
mkdir -p "$work"
pagefind=$(python3 -c "import pagefind_bin; print(pagefind_bin.get_executable())")
measure() { python3 "$root/.ci/benchmark/measure.py" "$@"; }
browser=no
python3 -c "import selenium" 2>/dev/null && command -v chromedriver >/dev/null && browser=yes
echo "work folder: $work; $("$pagefind" --version); snowballstemmer $(python3 -c 'from importlib.metadata import version; print(version("snowballstemmer"))')"

# A served root: the site's language folders (symlinks) and one search bundle.
serve_root() {  # DIR PUBLIC NAME BUNDLE
  rm -rf "$1"; mkdir -p "$1"
  for entry in "$2"/*; do ln -s "$entry" "$1/$(basename "$entry")"; done
  rm -f "$1/$3"; ln -s "$4" "$1/$3"
}

probe() {  # ROOT ENGINE PAGE-PREFIX: a common word and a fact of one page, per language
  [ "$browser" = yes ] || return 0
  python3 "$here/browser_probe.py" --site "$1" --engine "$2" \
    --page "/nl/klachten-$3/" --query klacht --query "services42@stellantis-finance.com" --json "$1.nl.json"
  python3 "$here/browser_probe.py" --site "$1" --engine "$2" \
    --page "/fr/plaintes-$3/" --query plainte --query "services42@stellantis-finance.com" --json "$1.fr.json"
  python3 "$here/browser_probe.py" --site "$1" --engine "$2" \
    --page "/en/complaints-$3/" --query complaint --query "services42@stellantis-finance.com" --json "$1.en.json"
}

echo "| N | what | wall (median) | CPU (median) | peak RSS (median) | runs |"
echo "|---|---|---|---|---|---|"
for n in $sizes; do
  site=$work/site-$n
  [ -d "$site/content" ] || python3 "$root/.ci/benchmark/synth.py" --pages "$n" --out "$site/content"
  measure "$n | helpsite build (cold, for scale)" 1 "$HELPSITE" build --force --content "$site/content" --templates "$root/templates" --output "$site/public"
  rm -rf "$site/tuned"; cp -r "$site/public" "$site/tuned"; python3 "$here/pagefind_tune.py" "$site/tuned"
  measure "$n | pagefind, HTML as built" "$runs" "$pagefind" --site "$site/public" --output-path "$site/pf-{run}" --quiet
  measure "$n | pagefind, tuned HTML" "$runs" "$pagefind" --site "$site/tuned" --output-path "$site/pft-{run}" --quiet
  measure "$n | own_index.py (YAML read included)" "$runs" python3 "$here/own_index.py" --content "$site/content" --output "$site/own-{run}/search" --stemmer-js "$STEMMER_JS"
  # One page changed in one language: own_index.py --update (Pagefind has no such mode).
  python3 "$here/own_index.py" --content "$site/content" --output "$site/own-inc/search" --stemmer-js "$STEMMER_JS" --cache "$site/own-inc.cache" 2>/dev/null
  cp "$site/content/nl/page-00042.yaml" "$site/page-00042.orig"
  sed -i 's/^title: \(.*\)$/title: \1 bijgewerkt/; s/uw klacht wordt/uw nieuwe klacht wordt/' "$site/content/nl/page-00042.yaml"
  measure "$n | own_index.py --update, one page" 1 python3 "$here/own_index.py" --content "$site/content" --output "$site/own-inc/search" --stemmer-js "$STEMMER_JS" --cache "$site/own-inc.cache" --update "$site/content/nl/page-00042.yaml"
  mv "$site/page-00042.orig" "$site/content/nl/page-00042.yaml"
  python3 "$here/sizes.py" pagefind "$site/pf-0" > "$site/sizes.txt"
  python3 "$here/sizes.py" pagefind "$site/pft-0" | sed 's/^pagefind/pagefind-tuned/' >> "$site/sizes.txt"
  python3 "$here/sizes.py" own "$site/own-0/search" >> "$site/sizes.txt"
  serve_root "$site/root-pf" "$site/public" pagefind "$site/pf-0"
  serve_root "$site/root-pft" "$site/tuned" pagefind "$site/pft-0"
  serve_root "$site/root-own" "$site/public" search "$site/own-0/search"
  page=$(printf '%05d' 0)
  probe "$site/root-pf" pagefind "$page" > "$site/probe.txt" 2>&1
  probe "$site/root-pft" pagefind "$page" >> "$site/probe.txt" 2>&1
  probe "$site/root-own" own "$page" >> "$site/probe.txt" 2>&1
done
echo
for n in $sizes; do echo "## N=$n: bytes on disk"; cat "$work/site-$n/sizes.txt"; echo "## N=$n: first query"; grep -v "^$" "$work/site-$n/probe.txt" || true; done

# What each finds: the probe pages (probe_content.py), the requirement queries.
probe_site=$work/probe
python3 "$here/probe_content.py" "$probe_site/content"
"$HELPSITE" build --force --content "$probe_site/content" --templates "$root/templates" --output "$probe_site/public" >/dev/null
rm -rf "$probe_site/tuned"; cp -r "$probe_site/public" "$probe_site/tuned"; python3 "$here/pagefind_tune.py" "$probe_site/tuned"
"$pagefind" --site "$probe_site/public" --output-path "$probe_site/pf" --quiet
"$pagefind" --site "$probe_site/tuned" --output-path "$probe_site/pft" --quiet
python3 "$here/own_index.py" --content "$probe_site/content" --output "$probe_site/own/search" --stemmer-js "$STEMMER_JS" 2>/dev/null
serve_root "$probe_site/root-pf" "$probe_site/public" pagefind "$probe_site/pf"
serve_root "$probe_site/root-pft" "$probe_site/tuned" pagefind "$probe_site/pft"
serve_root "$probe_site/root-own" "$probe_site/public" search "$probe_site/own/search"
[ "$browser" = yes ] && python3 "$here/requirements.py" "$probe_site"
