#!/usr/bin/env python3
"""What each search finds on the probe pages (probe_content.py): runs the requirement
queries in headless Chromium against Pagefind (HTML as built), Pagefind (tuned HTML)
and own_index.py, and prints one Markdown row per query: the result expected first or
among the first five, and what each engine returned (its first result, its marked words).

    requirements.py PROBE_DIR     (PROBE_DIR/root-pf, root-pft, root-own as run.sh makes them)
"""
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SLUG = {"nl": "klachten", "fr": "plaintes", "en": "complaints"}
# (query, expected page letter or None for "no result", anchor or None for any, "first" or "found")
QUERIES = {
    "nl": [("klachten", "a", "mediation", "found"), ("klacht", "a", "mediation", "found"),
           ("bemiddelaar", "c", "mediation", "found"), ("bemiddeling", "b", "mediation", "found"),
           ("geinformeerd", "c", "mediation", "first"), ("financiele", "a", None, "found"),
           ("02 370 77 11", "a", "contact-sfs", "first"), ("023707711", "a", "contact-sfs", "first"),
           ("+32 2 370 77 11", "a", "contact-sfs", "first"), ("0032 2 370 77 11", "a", "contact-sfs", "first"),
           ("services1177@stellantis-finance.com", "a", "contact-sfs", "first"), ("2177", "a", "contact-sfs", "first"),
           ("Bourgetlaan", "a", "contact-sfs", "found"), ("plaintes", None, None, "none"), ("complaints", None, None, "none")],
    "fr": [("plainte", "a", "mediation", "found"), ("plaintes", "a", "mediation", "found"),
           ("mediateur", "b", "mediation", "first"), ("médiateurs", "b", "mediation", "first"), ("mediation", "c", "mediation", "found"),
           ("02 370 77 11", "a", "contact-sfs", "first"), ("023707711", "a", "contact-sfs", "first"),
           ("services1177@stellantis-finance.com", "a", "contact-sfs", "first"), ("2177", "a", "contact-sfs", "first"),
           ("Avenue du Bourget", "a", "contact-sfs", "found"), ("klachten", None, None, "none")],
    "en": [("complaint", "a", "mediation", "found"), ("complaints", "a", "mediation", "found"),
           ("mediator", "b", "mediation", "first"), ("mediation", "c", "mediation", "found"),
           ("+32 2 370 77 11", "a", "contact-sfs", "first"), ("023707711", "a", "contact-sfs", "first"),
           ("services1177@stellantis-finance.com", "a", "contact-sfs", "first"), ("2177", "a", "contact-sfs", "first"),
           ("plainte", None, None, "none")],
}


def hits(engine, result):
    """[(url with anchor)] of one result: Pagefind's page and its sub-results, or own's section."""
    return [result["url"]] + [s["url"] for s in result.get("subs", [])]


def verdict(engine, rows, lang, letter, anchor, mode):
    results = rows.get("results", [])
    if mode == "none":  # no result from another language's text
        return "yes" if not results else "no"
    want = f"/{lang}/{SLUG[lang]}-{letter}/"
    def matches(result):
        urls = hits(engine, result)
        return any(u.split("#")[0] == want and (anchor is None or u.endswith("#" + anchor)) for u in urls)
    if mode == "first":
        return "yes" if results and matches(results[0]) else "no"
    return "yes" if any(matches(r) for r in results[:5]) else "no"


def describe(engine, rows):
    results = rows.get("results", [])
    if not results:
        return "0 results"
    first = results[0]
    url = first["subs"][0]["url"] if first.get("subs") else first["url"]
    url = re.sub(r"^/\w\w/\w+-", "", url)
    marks = re.findall(r"<mark>(.*?)</mark>", first["excerpt"])[:2]
    return f"{rows.get('count')} results, first {url} {marks}"


def main():
    probe = sys.argv[1]
    table = {}
    for engine, root in (("pf", "root-pf"), ("pft", "root-pft"), ("own", "root-own")):
        for lang, queries in QUERIES.items():
            out = os.path.join(probe, f"req-{engine}-{lang}.json")
            command = [sys.executable, os.path.join(HERE, "browser_probe.py"), "--site", os.path.join(probe, root),
                       "--engine", "own" if engine == "own" else "pagefind", "--page", f"/{lang}/{SLUG[lang]}-a/", "--json", out]
            for query, *_ in queries:
                command += ["--query", query]
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for row in json.load(open(out)):
                table[(engine, lang, row["query"])] = row
    print("| lang | query | expected | Pagefind, HTML as built | Pagefind, tuned HTML | own index |")
    print("|---|---|---|---|---|---|")
    for lang, queries in QUERIES.items():
        for query, letter, anchor, mode in queries:
            expected = "no result" if mode == "none" else f"{mode}: {letter}{'#' + anchor if anchor else ''}"
            cells = []
            for engine in ("pf", "pft", "own"):
                rows = table[(engine, lang, query)]
                cells.append(f"{verdict(engine, rows, lang, letter, anchor, mode)} ({describe(engine, rows)})")
            print(f"| {lang} | `{query}` | {expected} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
