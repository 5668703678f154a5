#!/usr/bin/env python3
"""Edits a built site (a copy) the way HelpSite's templates could write it for Pagefind,
with the data HelpSite has: data-pagefind-body on <main> (only content pages are indexed,
not the language chooser or the 404 pages), the contact block's id moved onto its <h3>
(Pagefind 1.5.2 makes sub-results only at headings with an id: a <div> with id and
data-pagefind-title gave none), and on each tel: link the number in the forms a visitor
types, in an attribute Pagefind indexes (data-pagefind-index-attrs).

    pagefind_tune.py PUBLIC_DIR
"""
import os, re, sys
root = sys.argv[1]
TEL = re.compile(r'<a class="channel-value" href="tel:\+(\d+)"')
def variants(e164):
    cc = "32" if e164.startswith("32") else e164[:2]
    national = "0" + e164[len(cc):]
    spaced = national[:2] + " " + national[2:5] + " " + national[5:7] + " " + national[7:] if len(national) == 9 else national
    return f"{national} {spaced} 00{e164} {e164}"
for dirpath, _, files in os.walk(root):
    for name in files:
        if name != "index.html" or dirpath == root:
            continue
        path = os.path.join(dirpath, name)
        html = open(path, encoding="utf-8").read()
        html = html.replace('<main id="main">', '<main id="main" data-pagefind-body>', 1)
        html = re.sub(r'<div class="contact" id="contact-([^"]+)">\n  <h3 class="organisation">([^<]*)</h3>',
                      lambda m: f'<div class="contact">\n  <h3 class="organisation" id="contact-{m.group(1)}">{m.group(2)}</h3>', html)
        html = TEL.sub(lambda m: f'<a class="channel-value" data-pagefind-index-attrs="data-phone" data-phone="{variants(m.group(1))}" href="tel:+{m.group(1)}"', html)
        open(path, "w", encoding="utf-8").write(html)
