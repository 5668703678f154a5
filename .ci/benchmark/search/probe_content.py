#!/usr/bin/env python3
"""Writes a small content folder for testing what a search finds: 4 pages x 3 languages
(probe-a ... probe-d), each the shipped complaints page with its prose replaced by one
neutral sentence, its facts varied as synth.py varies them (probe-a gets the phone
number 00 32 2 370 77 11, services1177@..., postal code 2177) and one probe sentence in
its mediation step.

    probe_content.py OUT_CONTENT_DIR
"""
import os, shutil, sys, yaml
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from synth import vary_facts, CONTENT, LANGS
out = sys.argv[1]
FILLER = {"nl": "Lees deze pagina.", "fr": "Lisez cette page.", "en": "Read this page."}
PROBES = [  # (page number for vary_facts, {lang: probe sentence})
    (1177, {"nl": "Wij behandelen uw klachten snel.", "fr": "Nous traitons vos plaintes rapidement.", "en": "We handle your complaints quickly."}),
    (1, {"nl": "De bemiddelaar beslist.", "fr": "Les médiateurs décident.", "en": "The mediators decide."}),
    (2, {"nl": "Wij zijn geïnformeerd over de bemiddeling.", "fr": "La médiation est gratuite.", "en": "Mediation is free."}),
    (3, {"nl": "Een vraag over een uitkering.", "fr": "Une question sur une prestation.", "en": "A question about a benefit."}),
]
shutil.rmtree(out, ignore_errors=True)
for lang in LANGS:
    os.makedirs(os.path.join(out, lang))
    shutil.copy(os.path.join(CONTENT, lang, "language.yaml"), os.path.join(out, lang))
    for n, (page, probe) in enumerate(PROBES):
        text = vary_facts(open(os.path.join(CONTENT, lang, "complaints.yaml"), encoding="utf-8").read(), page)
        data = yaml.safe_load(text)
        data["slug"] = f"{data['slug']}-{'abcd'[n]}"
        data["title"] = f"{data['title']} {'ABCD'[n]}"
        data["description"] = FILLER[lang]
        data["intro"] = FILLER[lang] + "\n"
        for step in data["steps"]:
            step["body"] = (probe[lang] if step["id"] == "mediation" else FILLER[lang]) + "\n"
        data["commitments"] = FILLER[lang] + "\n"
        data["insurance"]["body"] = FILLER[lang] + "\n"
        with open(os.path.join(out, lang, f"probe-{'abcd'[n]}.yaml"), "w", encoding="utf-8") as f:
            yaml.safe_dump(data, f, allow_unicode=True, sort_keys=False, width=1000)
shutil.copy(os.path.join(CONTENT, "site.yaml"), out)
