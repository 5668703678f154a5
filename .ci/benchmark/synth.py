#!/usr/bin/env python3
"""Writes a synthetic HelpSite content folder: N pages x 3 languages (nl, fr, en),
each shaped like the shipped complaints page, deterministic from a seed.

Every page takes the shipped page's structure (steps, contact blocks, hours,
prose with links) and gives it facts of its own (phone numbers, e-mail
addresses, postal codes, hours) that agree across the three languages, plus
Markdown bodies of realistic length: paragraphs, lists, links, emphasis and
now and then a table, with links to other pages of the same language.

    synth.py --pages 1000 --out /tmp/site-1000 [--seed 7]
"""
import argparse
import os
import random
import re
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
CONTENT = os.path.join(HERE, "..", "..", "content")
LANGS = ["nl", "fr", "en"]
SLUG = {"nl": "klachten", "fr": "plaintes", "en": "complaints"}
WORDS = {
    "nl": "uw klacht wordt zorgvuldig behandeld door de bevoegde dienst binnen de gestelde termijn en wij houden u op de hoogte van elke stap".split(),
    "fr": "votre plainte est traitée avec soin par le service compétent dans le délai prévu et nous vous tenons informé de chaque étape".split(),
    "en": "your complaint is handled with care by the department responsible within the set time and we keep you informed of every step".split(),
}


def paragraph(rng, lang, sentences):
    out = []
    for _ in range(sentences):
        words = [rng.choice(WORDS[lang]) for _ in range(rng.randint(8, 18))]
        if rng.random() < 0.3:
            i = rng.randrange(len(words))
            words[i] = f"**{words[i]}**"
        if rng.random() < 0.2:
            i = rng.randrange(len(words))
            words[i] = f"*{words[i]}*"
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)


def body(rng, lang, page, pages):
    """Prose with the same structure (and the same links) in every language."""
    parts = [paragraph(rng, lang, rng.randint(2, 4))]
    items = [paragraph(rng, lang, 1) for _ in range(rng.randint(2, 4))]
    parts.append("\n".join(f"- {item}" for item in items))
    other = rng.randrange(pages)
    parts.append(paragraph(rng, lang, 1) + f" [{WORDS[lang][1]}](../{SLUG[lang]}-{other:05d}/)")
    if rng.random() < 0.25:
        parts.append("| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |")
    parts.append(paragraph(rng, lang, rng.randint(1, 3)))
    return "\n\n".join(parts)


def indent(text, spaces):
    pad = " " * spaces
    return "\n".join(pad + line if line else "" for line in text.split("\n"))


def vary_facts(text, page):
    """Gives a page facts of its own, the same change in every language."""
    text = text.replace("370 77 11", f"370 {page % 100:02d} {page // 100 % 100:02d}")
    text = text.replace("services4you@", f"services{page}@").replace("lease4you@", f"lease{page}@")
    text = text.replace('postal_code: "1130"', f'postal_code: "{1000 + page % 9000:04d}"')
    text = text.replace('closes: "11:00"', f'closes: "{10 + page % 3}:{30 if page % 2 else 0:02d}"')
    return text


def write_page(lang, page, pages, seed, out):
    source = open(os.path.join(CONTENT, lang, "complaints.yaml"), encoding="utf-8").read()
    text = vary_facts(source, page)
    text = re.sub(r"^slug: .*$", f"slug: {SLUG[lang]}-{page:05d}", text, count=1, flags=re.M)
    text = re.sub(r"^title: (.*)$", lambda m: f"title: {m.group(1)} {page}", text, count=1, flags=re.M)
    # Each step body gets extra prose, seeded per page and step so that every language has the same shape.
    def extend(match):
        step = match.group(1)
        rng = random.Random(f"{seed}-{page}-{step}")
        return match.group(0) + indent(body(rng, lang, page, pages), 6) + "\n\n"
    text = re.sub(r"  - id: ([a-z-]+)\n    title: .*\n    body: \|\n", extend, text)
    path = os.path.join(out, lang, f"page-{page:05d}.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, required=True)
    parser.add_argument("--out", required=True, help="the content folder to write (replaced)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    for lang in LANGS:
        os.makedirs(os.path.join(args.out, lang))
        shutil.copy(os.path.join(CONTENT, lang, "language.yaml"), os.path.join(args.out, lang))
        for page in range(args.pages):
            write_page(lang, page, args.pages, args.seed, args.out)
    shutil.copy(os.path.join(CONTENT, "site.yaml"), args.out)


if __name__ == "__main__":
    main()
