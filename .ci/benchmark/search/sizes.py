#!/usr/bin/env python3
"""Bytes on disk of a search index, per language: a Pagefind bundle (its fragments,
index chunks, filters, language meta and language wasm) or own_index.py's output (the
language's folder and its stemmer module). Prints one line per language and one for
the files every language shares (the runtime a visitor also loads), with the bytes on
disk and the bytes a gzip-serving server would send for all of them.

    sizes.py pagefind BUNDLE_DIR      sizes.py own SEARCH_DIR
"""
import gzip
import os
import re
import sys


def files(root):
    """(relative path, bytes on disk, bytes a gzip-serving server sends)"""
    for dirpath, _, names in os.walk(root):
        for name in names:
            path = os.path.join(dirpath, name)
            data = open(path, "rb").read()
            yield os.path.relpath(path, root), len(data), len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, 6))


def language_of(kind, rel):
    if kind == "pagefind":
        m = re.match(r"(?:fragment/|index/|filter/)([a-z]{2})_", rel) or re.match(r"pagefind\.([a-z]{2})_\w+\.pf_meta$", rel) \
            or re.match(r"wasm\.([a-z]{2})\.pagefind$", rel)
        return m.group(1) if m else None
    m = re.match(r"([a-z]{2})/", rel) or re.match(r"stem-([a-z]{2})\.js$", rel)
    return m.group(1) if m else None


def main():
    kind, root = sys.argv[1], sys.argv[2]
    totals = {}
    for rel, size, served in files(root):
        lang = language_of(kind, rel)
        if lang is None:
            if kind == "pagefind" and ("-ui" in rel or "highlight" in rel or rel.startswith("wasm.unknown")):
                lang = "(UI, not needed with the JS API)"
            else:
                lang = "(shared runtime)"
        count, total, gz = totals.get(lang, (0, 0, 0))
        totals[lang] = (count + 1, total + size, gz + served)
    for lang in sorted(totals):
        count, total, gz = totals[lang]
        print(f"{kind}\t{lang}\t{count} files\t{total} bytes\t{gz} bytes gzip-served")


if __name__ == "__main__":
    main()
