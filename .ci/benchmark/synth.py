#!/usr/bin/env python3
"""Writes a synthetic HelpSite content folder: N pages x 3 languages (nl, fr, en),
deterministic from a seed, in a mix of the four layouts, each page taken from
a shipped page of that layout: a procedure (complaints.yaml), a FAQ (faq.yaml),
a contact page (contact.yaml) and an article (the FAQ laid out as titled
sections), one after the other. The shipped contacts.yaml is shared by every
page that names it, and the navigation puts the pages in groups of 20.

Every page keeps its shipped page's structure (sections, blocks, contacts,
hours, prose with links) and gets facts of its own (phone numbers, e-mail
addresses, postal codes, hours) that agree across the three languages, plus
Markdown of realistic length at the start of each section: paragraphs, lists,
links, emphasis and now and then a table, with links to other pages of the
same language.

With --hugo DIR it also writes the same pages as a Hugo site (multilingual,
translations linked by translationKey): each page's Markdown is the same
bytes HelpSite renders (introduction, prose and notes), and its contact
blocks are written out as Markdown. With --markdown DIR it writes those same
Markdown bytes, one file per page and language, for the cmark-gfm command:
the floor for rendering.

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
# Each page's layout, in turn, and the shipped page it is made from.
LAYOUTS = [("procedure", "complaints"), ("faq", "faq"), ("contact", "contact"), ("article", "faq")]
SLUGS = {
    "complaints": {"nl": "klachten", "fr": "plaintes", "en": "complaints"},
    "faq": {"nl": "veelgestelde-vragen", "fr": "questions-frequentes", "en": "faq"},
    "contact": {"nl": "contact", "fr": "contact", "en": "contact-us"},
}
GROUP = 20


def slug(lang, page):
    layout, source = LAYOUTS[page % len(LAYOUTS)]
    return f"{SLUGS[source][lang]}-{layout}-{page:05d}"


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


def body(key, lang, pages):
    """Prose with the same structure (the same links, the same table) in every language.
    The words are drawn per language; what must agree across languages has its own generator."""
    shape = random.Random(f"shape-{key}")
    words = random.Random(f"words-{key}-{lang}")
    parts = [paragraph(words, lang, shape.randint(2, 4))]
    items = [paragraph(words, lang, 1) for _ in range(shape.randint(2, 4))]
    parts.append("\n".join(f"- {item}" for item in items))
    other = shape.randrange(pages)
    parts.append(paragraph(words, lang, 1) + f" [{WORDS[lang][1]}](../{slug(lang, other)}/)")
    if shape.random() < 0.25:
        parts.append("| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |")
    parts.append(paragraph(words, lang, shape.randint(1, 3)))
    return "\n\n".join(parts)


def indent(text, spaces):
    pad = " " * spaces
    return "\n".join(pad + line if line else "" for line in text.split("\n"))


def vary_facts(text, page):
    """Gives a page facts of its own, the same change in every language."""
    text = text.replace("547 58 71", f"547 {page % 100:02d} {page // 100 % 100:02d}")
    text = text.replace("ombudsman@ombudsfin.be", f"ombudsman{page}@ombudsfin.be")
    text = text.replace("info@ombudsman-insurance.be", f"info{page}@ombudsman-insurance.be")
    text = text.replace('postal_code: "1000"', f'postal_code: "{1000 + page % 9000:04d}"')
    return text


def write_page(lang, page, pages, seed, out):
    layout, source = LAYOUTS[page % len(LAYOUTS)]
    text = vary_facts(open(os.path.join(CONTENT, lang, source + ".yaml"), encoding="utf-8").read(), page)
    text = re.sub(r"^layout: .*$", f"layout: {layout}", text, count=1, flags=re.M)
    text = re.sub(r"^slug: .*$", f"slug: {slug(lang, page)}", text, count=1, flags=re.M)
    text = re.sub(r"^title: (.*)$", lambda m: f"title: {m.group(1)} {page}", text, count=1, flags=re.M)
    # Links between the shipped pages lead to the pages of this page's run of four.
    first = page - page % len(LAYOUTS)
    for name, target in (("complaints", first), ("faq", first + 1), ("contact", first + 2)):
        text = text.replace(f"](../{SLUGS[name][lang]}/", f"](../{slug(lang, min(target, pages - 1))}/")
    # Each section starts with prose of its own, seeded per page and section so that every
    # language has the same shape.
    def extend(match):
        key = f"{seed}-{page}-{match.group(1)}"
        return match.group(0) + "      - prose: |\n" + indent(body(key, lang, pages), 10) + "\n"
    text = re.sub(r"  - id: ([a-z-]+)\n    title: .*\n(?:    (?:numbered|role): .*\n)*    blocks:\n", extend, text)
    path = os.path.join(out, lang, f"page-{page:05d}.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def write_navigation(out, pages):
    """site.yaml's navigation in groups of GROUP pages, titled in each language.yaml."""
    groups = [list(range(start, min(start + GROUP, pages))) for start in range(0, pages, GROUP)]
    site = open(os.path.join(CONTENT, "site.yaml"), encoding="utf-8").read()
    site = site[:site.index("\nnavigation:")] + "\nnavigation:\n" + "".join(
        f"  - group: group-{index:04d}\n    pages: [{', '.join(f'page-{page:05d}' for page in group)}]\n"
        for index, group in enumerate(groups))
    with open(os.path.join(out, "site.yaml"), "w", encoding="utf-8") as f:
        f.write(site)
    for lang in LANGS:
        strings = open(os.path.join(CONTENT, lang, "language.yaml"), encoding="utf-8").read()
        # The shipped navigation block (up to the next top-level key) gives way to the groups'.
        strings = re.sub(r"\nnavigation:\n(?:  .*\n|\n)*", lambda _: "\nnavigation:\n" + "".join(
            f"  group-{index:04d}: {WORDS[lang][1].capitalize()} {index}\n" for index in range(len(groups))) + "\n", strings, count=1)
        with open(os.path.join(out, lang, "language.yaml"), "w", encoding="utf-8") as f:
            f.write(strings)


def contact_markdown(block):
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
    return "\n".join(lines)


def markdown_of(page_yaml, shared):
    """The Markdown a page renders, in page order, with its contact blocks as Markdown lists."""
    page = yaml.safe_load(page_yaml)
    parts = [page["intro"]] if page.get("intro") else []
    for section in page["sections"]:
        parts.append(f"## {section['title']}")
        for block in section["blocks"]:
            if "prose" in block or "note" in block:
                parts.append(block.get("prose") or block.get("note"))
            elif "list" in block:
                parts.append(f"### {block['list']['title']}\n\n" + "\n".join(f"- {item}" for item in block["list"]["items"]))
            elif "contact" in block:
                contact = block["contact"]
                parts.append(contact_markdown(shared[contact] if isinstance(contact, str) else contact))
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
        shared = {block["id"]: block for block in yaml.safe_load(open(os.path.join(args.out, lang, "contacts.yaml"), encoding="utf-8"))["contacts"]}
        for name in sorted(os.listdir(os.path.join(args.out, lang))):
            if name in ("language.yaml", "contacts.yaml"):
                continue
            page, markdown = markdown_of(open(os.path.join(args.out, lang, name), encoding="utf-8").read(), shared)
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
        shutil.copy(os.path.join(CONTENT, lang, "contacts.yaml"), os.path.join(args.out, lang))
        for page in range(args.pages):
            write_page(lang, page, args.pages, args.seed, args.out)
    write_navigation(args.out, args.pages)
    if args.hugo:
        if args.markdown:
            shutil.rmtree(args.markdown, ignore_errors=True)
        write_hugo(args)


if __name__ == "__main__":
    main()
