#!/usr/bin/env python3
"""Prototype of a search index of HelpSite's own, built from the content YAML (not
from the HTML), for measuring it beside Pagefind (docs/decisions/0007-search-index.md).

One index per language, under OUTPUT/<lang>/:
  meta.json            shard map (term prefix -> file), section count; fetched first
  t/<prefix>.<hash>.json  postings of every term starting with that prefix:
                       {"term": [docid delta, weight, docid delta, weight, ...]}
  p/<page>.json        one page: URL, page title, and per section its anchor, title and
                       plain text (for the excerpt); fetched only for the results shown
and OUTPUT/search.js (the browser side) plus OUTPUT/stem-<lang>.js (the Snowball stemmer
of the same release as the build's, as an ES module).

Text: Markdown stripped to plain text, split into words, each word indexed as two terms,
stem(fold(word)) and fold(stem(word)) (fold = lower case, accents removed), so that a
query with or without accents meets the page's word either way. Facts are data here:
a phone number is indexed as national digits (00 32 2 370 77 11 -> 023707711), an
e-mail address as itself and as its words, a postal code and a street as words; each
contact block is a section of its own with its anchor (#contact-<id>).

A section is the page top (intro), a step (#<step id>), a contact block
(#contact-<id>) or the insurance part (#insurance). docid = page number * 32 + section.

    own_index.py --content DIR --output DIR/public/search --stemmer-js DIR [--cache FILE]
    own_index.py ... --cache FILE --update content/nl/page-00042.yaml   (one page changed)

--stemmer-js: a folder with base-stemmer.js, dutch-stemmer.js, french-stemmer.js and
english-stemmer.js as Snowball generates them (the Sphinx wheel ships them, Snowball
3.0.1, under sphinx/search/minified-js/). The build side must use the same Snowball
release (snowballstemmer==3.0.1 from PyPI): otherwise a query word stems differently
in the browser than the page's word did at build time.
"""
import argparse
import hashlib
import json
import math
import os
import pickle
import re
import shutil
import sys
import time
import unicodedata

import snowballstemmer
import yaml
from importlib.metadata import version

try:
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as Loader

HERE = os.path.dirname(os.path.abspath(__file__))
SNOWBALL = version("snowballstemmer")
ALGORITHM = {"nl": "dutch", "fr": "french", "en": "english"}
SECTIONS_PER_PAGE = 32
TOP = 100  # postings kept in the shard for a term in many sections; the rest in a file of its own
K1, B, AVG_LEN = 1.2, 0.75, 60.0   # a fixed average: a page's weights never depend on other pages
FIELD = {"title": 3.0, "page": 2.0, "fact": 2.0, "text": 1.0}
WORD = re.compile(r"[^\W_]+", re.UNICODE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def fold(text):
    text = text.lower().replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


class Terms:
    """word -> the terms it is indexed (and searched) under, cached per word."""

    def __init__(self, lang):
        self.stemmer = snowballstemmer.stemmer(ALGORITHM[lang])
        self.cache = {}

    def __call__(self, word):
        hit = self.cache.get(word)
        if hit is None:
            lower = word.lower()
            if lower.isdigit():
                hit = (lower,)
            else:
                a, b = self.stemmer.stemWord(fold(lower)), fold(self.stemmer.stemWord(lower))
                hit = (a,) if a == b else (a, b)
            self.cache[word] = hit
        return hit


def national(phone, country="32"):
    """00 32 2 370 77 11, +32 2 370 77 11, 02 370 77 11 -> 023707711 (Belgian numbers)."""
    digits = re.sub(r"\D", "", phone)
    if phone.strip().startswith("+"):
        digits = "00" + digits
    if digits.startswith("00" + country):
        rest = digits[2 + len(country):]
        digits = rest if rest.startswith("0") else "0" + rest  # +32 (0)2 ... keeps one 0
    return digits


def plain(markdown):
    """Markdown to the text a reader sees (enough for indexing and excerpts)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)          # links
    text = re.sub(r"<([^>@\s]+@[^>\s]+|https?://[^>\s]+)>", r"\1", text)  # autolinks
    text = re.sub(r"[*_`]+", "", text)
    text = re.sub(r"^\s*(?:[-+]|\d+\.)\s+", "", text, flags=re.M)      # list markers
    text = re.sub(r"^\s*\|?[-:| ]+\|?\s*$", "", text, flags=re.M)      # table rules
    text = text.replace("|", " ")
    return re.sub(r"\s+", " ", text).strip()


def contact_text(block, labels, country):
    """A contact block as the page shows it, and its facts as search terms."""
    parts, facts = [block["organisation"]], []
    parts += block.get("departments", [])
    for channel in block.get("channels", []):
        parts.append(channel.get("label", ""))
        if "phone" in channel:
            parts.append(channel["phone"])
            facts.append(national(channel["phone"], country))
        if "email" in channel:
            parts.append(channel["email"])
            facts.append(channel["email"].lower())
        if "url" in channel:
            parts.append(re.sub(r"^https?://", "", channel["url"]).rstrip("/"))
        if "portal" in channel:
            parts.append(" > ".join(channel["portal"]))
        if channel.get("note"):
            parts.append(channel["note"])
    address = block.get("address")
    if address:
        parts.append(labels.get("address", ""))
        if address.get("building"):
            parts.append(address["building"])
        box = f", {labels.get('box', 'box')} {address['box']}" if address.get("box") else ""
        parts.append(f"{address['street']} {address['number']}{box}")
        parts.append(f"{address['postal_code']} {address['city']}")
    return " · ".join(p for p in parts if p), facts


def sections_of(page, labels, country):
    """[(anchor, title, text, facts)], in page order; the page top first."""
    out = [("", page["title"], plain(page.get("intro", "")), [])]
    for number, step in enumerate(page.get("steps", [])):
        text = plain(step.get("body", ""))
        if number == 0:
            checklist = page.get("checklist")
            if checklist:
                text += " " + checklist["title"] + " " + " ".join(checklist["items"])
            text += " " + plain(page.get("commitments", ""))
        out.append((step["id"], step["title"], text.strip(), []))
        for block in step.get("contacts", []):
            ctext, facts = contact_text(block, labels, country)
            out.append((f"contact-{block['id']}", block["organisation"], ctext, facts))
    insurance = page.get("insurance")
    if insurance:
        products = insurance.get("products", {})
        text = plain(insurance.get("body", "")) + " " + products.get("title", "") + " " + " ".join(products.get("items", [])) + " " + products.get("note", "")
        out.append((insurance["id"], insurance["title"], text.strip(), []))
        for block in insurance.get("contacts", []):
            ctext, facts = contact_text(block, labels, country)
            out.append((f"contact-{block['id']}", block["organisation"], ctext, facts))
    return out


def weights(sections, page_title, terms):
    """{term: {section index: weight}} for one page (BM25's tf part, quantized)."""
    out = {}
    for index, (_, title, text, facts) in enumerate(sections):
        tf = {}
        fields = [(title, FIELD["title"]), (text, FIELD["text"])]
        if index == 0:
            fields.append((page_title, FIELD["page"]))
        length = 0
        for field, weight in fields:
            for word in WORD.findall(field):
                length += 1
                for term in terms(word):
                    tf[term] = tf.get(term, 0) + weight
        for fact in facts:
            tf[fact] = tf.get(fact, 0) + FIELD["fact"]
        norm = K1 * (1 - B + B * length / AVG_LEN)
        for term, f in tf.items():
            out.setdefault(term, {})[index] = max(1, round(10 * f * (K1 + 1) / (f + norm)))
    return out


class LanguageIndex:
    def __init__(self, lang, country):
        self.lang, self.country = lang, country
        self.terms = Terms(lang)
        self.pages = {}       # file name -> page number (stable across updates)
        self.page_terms = {}  # page number -> {term: {section: weight}}
        self.postings = {}    # term -> {docid: weight}
        self.layout = {}      # shard prefix -> file name
        self.sections = 0
        self.page_sections = {}  # page number -> its section count
        self.tails = {}          # term -> file with the postings beyond its TOP
        self.updating = False

    def read_page(self, path, labels, timing=None):
        start = time.perf_counter()
        page = yaml.load(open(path, encoding="utf-8"), Loader=Loader)
        if timing is not None:
            timing["yaml"] += time.perf_counter() - start
        name = os.path.basename(path)
        number = self.pages.setdefault(name, max(self.pages.values(), default=-1) + 1)
        sections = sections_of(page, labels, self.country)
        assert len(sections) <= SECTIONS_PER_PAGE, path
        record = {"u": f"/{self.lang}/{page['slug']}/", "t": page["title"],
                  "s": [[anchor, title, text] for anchor, title, text, _ in sections]}
        return number, record, weights(sections, page["title"], self.terms)

    def set_page(self, number, page_weights):
        """Replaces one page's postings; returns the terms whose postings changed."""
        old = self.page_terms.get(number, {})
        changed = set(old) | set(page_weights)
        base = number * SECTIONS_PER_PAGE
        for term in old:
            postings = self.postings[term]
            for section in old[term]:
                postings.pop(base + section, None)
            if not postings:
                del self.postings[term]
        for term, by_section in page_weights.items():
            postings = self.postings.setdefault(term, {})
            for section, weight in by_section.items():
                postings[base + section] = weight
        self.page_terms[number] = page_weights
        return {t for t in changed if old.get(t) != page_weights.get(t)}


def encode(postings):
    out, last = [], 0
    for docid in sorted(postings):
        out += [docid - last, postings[docid]]
        last = docid
    return out


def write_file(folder, prefix, data):
    name = f"{prefix}.{hashlib.sha1(data).hexdigest()[:8]}.json"
    path = os.path.join(folder, "t", name)
    if not os.path.exists(path):
        with open(path, "wb") as f:
            f.write(data)
    return name


def shard_json(index, terms, folder):
    """A term's postings in its shard: all of them, or for a term in more than TOP
    sections its TOP heaviest (enough for a one-word query's first results) and the
    name of a file with the rest (fetched for a query of several words)."""
    out = {}
    for t in sorted(terms):
        postings = index.postings[t]
        if len(postings) <= TOP:
            out[t] = encode(postings)
            index.tails.pop(t, None)
            continue
        ranked = sorted(postings.items(), key=lambda p: (-p[1], p[0]))
        top, rest = dict(ranked[:TOP]), dict(ranked[TOP:])
        tail = write_file(folder, "r", json.dumps(encode(rest), separators=(",", ":")).encode())
        old = index.tails.get(t)
        if old and old != tail and index.updating:
            os.remove(os.path.join(folder, "t", old))
        index.tails[t] = tail
        out[t] = {"n": len(postings), "top": encode(top), "rest": tail}
    return json.dumps(out, separators=(",", ":"), ensure_ascii=False).encode()


def plan_shards(terms, index, limit):
    """Prefixes such that each shard's JSON stays under `limit` bytes (or cannot be split)."""
    layout, todo = {}, [("", sorted(terms))]
    while todo:
        prefix, group = todo.pop()
        size = sum(len(t) + 6 + 5 * min(TOP, len(index.postings[t])) for t in group)  # estimate
        if size <= limit or (prefix and all(len(t) <= len(prefix) for t in group)):
            layout[prefix] = group
            continue
        buckets = {}
        for t in group:
            key = t[:len(prefix) + 1]
            buckets.setdefault(key, []).append(t)
        for key, members in buckets.items():
            if key == prefix:  # terms equal to the prefix itself stay with it
                layout.setdefault(prefix, []).extend(members)
            else:
                todo.append((key, members))
    return layout


def shard_of(term, prefixes):
    for length in range(len(term), -1, -1):
        if term[:length] in prefixes:
            return term[:length]
    return None


def write_shard(folder, prefix, terms, index):
    return write_file(folder, prefix or "_", shard_json(index, terms, folder))


def write_page(folder, number, record):
    with open(os.path.join(folder, "p", f"{number}.json"), "w", encoding="utf-8") as f:
        json.dump(record, f, separators=(",", ":"), ensure_ascii=False)


def write_meta(folder, index):
    meta = {"v": 1, "lang": index.lang, "stemmer": ALGORITHM[index.lang], "snowball": SNOWBALL,
            "sections": index.sections, "per_page": SECTIONS_PER_PAGE, "country": index.country, "shards": index.layout}
    tmp = os.path.join(folder, "meta.json.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(meta, f, separators=(",", ":"), ensure_ascii=False)
    os.replace(tmp, os.path.join(folder, "meta.json"))


def build_language(lang, content, output, limit, country, timing):
    index = LanguageIndex(lang, country)
    labels = yaml.load(open(os.path.join(content, lang, "language.yaml"), encoding="utf-8"), Loader=Loader).get("labels", {})
    folder = os.path.join(output, lang)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, "t"))
    os.makedirs(os.path.join(folder, "p"))
    for name in sorted(os.listdir(os.path.join(content, lang))):
        if not name.endswith(".yaml") or name == "language.yaml" or name.startswith("."):
            continue
        number, record, page_weights = index.read_page(os.path.join(content, lang, name), labels, timing)
        index.sections += len(record["s"])
        index.page_sections[number] = len(record["s"])
        index.set_page(number, page_weights)
        write_page(folder, number, record)
    plan = plan_shards(index.postings.keys(), index, limit)
    index.layout = {prefix: write_shard(folder, prefix, terms, index) for prefix, terms in plan.items()}
    write_meta(folder, index)
    return index


def update_page(index, lang, content, output, path, limit):
    """One page changed: rewrite its page file, the shards of the terms that changed, meta.json."""
    labels = yaml.load(open(os.path.join(content, lang, "language.yaml"), encoding="utf-8"), Loader=Loader).get("labels", {})
    folder = os.path.join(output, lang)
    index.updating = True
    number, record, page_weights = index.read_page(path, labels)
    changed = index.set_page(number, page_weights)
    index.sections += len(record["s"]) - index.page_sections.get(number, 0)
    index.page_sections[number] = len(record["s"])
    write_page(folder, number, record)
    prefixes = set(index.layout)
    touched = {}
    for term in changed:
        prefix = shard_of(term, prefixes)
        if prefix is None:  # a new first letter: a shard of its own
            prefix = term[:1]
            prefixes.add(prefix)
        touched.setdefault(prefix, set())
    members_of = {prefix: [] for prefix in touched}
    for term in index.postings:
        prefix = shard_of(term, prefixes)
        if prefix in members_of:
            members_of[prefix].append(term)
    for prefix, members in members_of.items():
        old = index.layout.get(prefix)
        if members:
            index.layout[prefix] = write_shard(folder, prefix, members, index)
        else:
            index.layout.pop(prefix, None)
        if old and old != index.layout.get(prefix):
            os.remove(os.path.join(folder, "t", old))
    write_meta(folder, index)
    return len(touched)


def stemmer_modules(stemmer_js, output):
    base = open(os.path.join(stemmer_js, "base-stemmer.js"), encoding="utf-8").read()
    for lang, algorithm in ALGORITHM.items():
        code = open(os.path.join(stemmer_js, f"{algorithm}-stemmer.js"), encoding="utf-8").read()
        name = re.search(r"var (\w+Stemmer)\s*=", code).group(1)
        with open(os.path.join(output, f"stem-{lang}.js"), "w", encoding="utf-8") as f:
            f.write(f"// Snowball {algorithm} stemmer (BSD licence), generated by Snowball; see snowballstem.org\nvar BaseStemmer;\n{base}\n{code}\nexport {{ {name} as Stemmer }};\n")
    shutil.copy(os.path.join(HERE, "search.js"), os.path.join(output, "search.js"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--content", required=True)
    parser.add_argument("--output", required=True, help="the search folder inside the staging site, e.g. STAGING/search")
    parser.add_argument("--stemmer-js", required=True)
    parser.add_argument("--dutch", choices=["dutch", "dutch_porter"], default="dutch",
                        help="dutch: Snowball 3's Dutch stemmer (joins bemiddeling and bemiddelaar); dutch_porter: the one "
                             "Debian's libstemmer 2.2 calls dutch (identical on Snowball's 45,669-word Dutch test vocabulary)")
    parser.add_argument("--shard-bytes", type=int, default=24_000, help="split a shard whose JSON exceeds this")
    parser.add_argument("--cache", help="keep the index state here, for --update")
    parser.add_argument("--update", nargs="+", help="content files that changed (needs --cache)")
    args = parser.parse_args()
    ALGORITHM["nl"] = args.dutch
    site = yaml.load(open(os.path.join(args.content, "site.yaml"), encoding="utf-8"), Loader=Loader)
    country = {"BE": "32", "NL": "31", "FR": "33", "LU": "352"}.get(site.get("phone_region", "BE"), "32")
    langs = [language["code"] for language in site["languages"]]
    start = time.perf_counter()
    if args.update:
        state = pickle.load(open(args.cache, "rb"))
        for lang, index in state.items():
            index.terms = Terms(lang)
        loaded = time.perf_counter()
        for path in args.update:
            lang = os.path.basename(os.path.dirname(os.path.abspath(path)))
            shards = update_page(state[lang], lang, args.content, args.output, path, args.shard_bytes)
            print(f"{path}: {shards} shards rewritten", file=sys.stderr)
        print(f"update: loading the prototype's whole-index state took {loaded - start:.2f} s, "
              f"the page and its shards {time.perf_counter() - loaded:.2f} s", file=sys.stderr)
    else:
        os.makedirs(args.output, exist_ok=True)
        stemmer_modules(args.stemmer_js, args.output)
        timing = {"yaml": 0.0}
        state = {lang: build_language(lang, args.content, args.output, args.shard_bytes, country, timing) for lang in langs}
        print(f"reading YAML took {timing['yaml']:.2f} s of it (HelpSite has the pages parsed already)", file=sys.stderr)
        for lang, index in state.items():
            print(f"{lang}: {len(index.pages)} pages, {index.sections} sections, {len(index.postings)} terms, {len(index.layout)} shards", file=sys.stderr)
    if args.cache:
        saving = time.perf_counter()
        for index in state.values():
            index.terms = None
        with open(args.cache + ".tmp", "wb") as f:
            pickle.dump(state, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(args.cache + ".tmp", args.cache)
        print(f"saving the state took {time.perf_counter() - saving:.2f} s", file=sys.stderr)
    print(f"indexed in {time.perf_counter() - start:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
