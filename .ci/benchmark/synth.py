#!/usr/bin/env python3
"""Writes a synthetic HelpSite content folder: N pages x 3 languages (nl, fr, en),
each shaped like the shipped complaints page, deterministic from a seed.

Every page takes the shipped page's structure (steps, contact blocks, hours,
prose with links) and gives it facts of its own (phone numbers, e-mail
addresses, postal codes, hours) that agree across the three languages, plus
Markdown bodies of realistic length: paragraphs, lists, links, emphasis and
now and then a table, with links to other pages of the same language.

With --hugo DIR it also writes the same pages as a Hugo site (multilingual,
translations linked by translationKey): each page's Markdown is the same
bytes HelpSite renders (introduction, step bodies, response times), and its
contact blocks are written out as Markdown. With --markdown DIR it writes
those same Markdown bytes, one file per page and language, for the
cmark-gfm command: the floor for rendering.

    synth.py --pages 1000 --out /tmp/site-1000 [--seed 7] [--hugo /tmp/hugo-1000] [--markdown /tmp/md-1000]
"""
import argparse
import os
import random
import re
import shutil

import yaml

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


def body(rng, lang, page, pages, table):
    """Prose with the same structure (and the same links) in every language.

    `rng` draws words, so it runs differently in each language (their word lists differ
    in length); what must be the same in every language, such as whether the step has a
    table (whose figures the check compares), is decided by the caller."""
    parts = [paragraph(rng, lang, rng.randint(2, 4))]
    items = [paragraph(rng, lang, 1) for _ in range(rng.randint(2, 4))]
    parts.append("\n".join(f"- {item}" for item in items))
    other = rng.randrange(pages)
    parts.append(paragraph(rng, lang, 1) + f" [{WORDS[lang][1]}](../{SLUG[lang]}-{other:05d}/)")
    if table:
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
        table = random.Random(f"{seed}-table-{page}-{step}").random() < 0.25
        return match.group(0) + indent(body(rng, lang, page, pages, table), 6) + "\n\n"
    text = re.sub(r"  - id: ([a-z-]+)\n    title: .*\n    body: \|\n", extend, text)
    path = os.path.join(out, lang, f"page-{page:05d}.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def markdown_of(page_yaml):
    """The Markdown a page renders, in page order, with its contact blocks as Markdown lists."""
    page = yaml.safe_load(page_yaml)
    parts = [page["intro"]]
    for number, step in enumerate(page["steps"] + [page["insurance"]], start=1):
        parts.append(f"## {step['title']}")
        if step.get("body"):
            parts.append(step["body"])
        for block in step.get("contacts", []):
            lines = [f"### {block['organisation']}"]
            address = block.get("address")
            if address:
                box = f", {address['box']}" if address.get("box") else ""
                lines.append(f"- {address['street']} {address['number']}{box}, {address['postal_code']} {address['city']}")
            for channel in block.get("channels", []):
                label = channel.get("label", "")
                if "phone" in channel:
                    lines.append(f"- {label}: {channel['phone']}")
                elif "email" in channel:
                    lines.append(f"- {label}: <{channel['email']}>")
                elif "url" in channel:
                    lines.append(f"- {label}: <{channel['url']}>")
                for hours in channel.get("hours", []):
                    lines.append(f"  - {', '.join(hours['days'])} {hours['opens']}–{hours['closes']}")
            parts.append("\n".join(lines))
        if number == 1 and page.get("commitments"):
            parts.append(page["commitments"])
    return page, "\n\n".join(parts) + "\n"


def write_hugo(args):
    """A Hugo site of the same pages: content/<lang>/page-NNNNN.md, linked by translationKey."""
    shutil.rmtree(args.hugo, ignore_errors=True)
    weights = {lang: index + 1 for index, lang in enumerate(LANGS)}
    config = ['baseURL = "https://help.example.com/"', 'defaultContentLanguage = "nl"', 'defaultContentLanguageInSubdir = true', 'disableKinds = ["taxonomy", "term", "RSS"]',
              '[markup.goldmark.renderer]', 'unsafe = false', '[languages]']
    for lang in LANGS:
        config += [f"[languages.{lang}]", f'contentDir = "content/{lang}"', f"weight = {weights[lang]}"]
    os.makedirs(os.path.join(args.hugo, "layouts", "_default"))
    with open(os.path.join(args.hugo, "config.toml"), "w", encoding="utf-8") as f:
        f.write("\n".join(config) + "\n")
    # A layout as plain as HelpSite's: the page, its translations, its content.
    layout = ('<!DOCTYPE html><html lang="{{ .Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title>'
              '{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .Permalink }}">{{ end }}'
              '</head><body><nav>{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Lang }}">{{ .Language.LanguageName }}</a>{{ end }}</nav>'
              '<main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>\n')
    for name in ("single.html", "list.html"):
        with open(os.path.join(args.hugo, "layouts", "_default", name), "w", encoding="utf-8") as f:
            f.write(layout)
    for lang in LANGS:
        os.makedirs(os.path.join(args.hugo, "content", lang))
        for name in sorted(os.listdir(os.path.join(args.out, lang))):
            if name == "language.yaml":
                continue
            page, markdown = markdown_of(open(os.path.join(args.out, lang, name), encoding="utf-8").read())
            stem = name[:-len(".yaml")]
            front = f'---\ntitle: "{page["title"]}"\nslug: "{page["slug"]}"\ntranslationKey: "{stem}"\n---\n\n'
            with open(os.path.join(args.hugo, "content", lang, stem + ".md"), "w", encoding="utf-8") as f:
                f.write(front + markdown)
            if args.markdown:
                os.makedirs(os.path.join(args.markdown, lang), exist_ok=True)
                with open(os.path.join(args.markdown, lang, stem + ".md"), "w", encoding="utf-8") as f:
                    f.write(markdown)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, required=True)
    parser.add_argument("--out", required=True, help="the content folder to write (replaced)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--hugo", help="also write the same pages as a Hugo site here (replaced)")
    parser.add_argument("--markdown", help="with --hugo: also write each page's Markdown here, for the cmark-gfm command")
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    for lang in LANGS:
        os.makedirs(os.path.join(args.out, lang))
        shutil.copy(os.path.join(CONTENT, lang, "language.yaml"), os.path.join(args.out, lang))
        for page in range(args.pages):
            write_page(lang, page, args.pages, args.seed, args.out)
    shutil.copy(os.path.join(CONTENT, "site.yaml"), args.out)
    if args.hugo:
        if args.markdown:
            shutil.rmtree(args.markdown, ignore_errors=True)
        write_hugo(args)


if __name__ == "__main__":
    main()
