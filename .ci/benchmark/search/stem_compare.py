#!/usr/bin/env python3
"""Do the build side and the browser side stem alike? Stems Snowball's test vocabularies
(Debian's snowball-data) with Debian's libstemmer (the stemwords command of
libstemmer-tools) and with the Snowball-generated JavaScript stemmers (run by node), and
counts the words whose stems differ. A query word the browser stems differently from the
page's word at build time is not found.

    stem_compare.py STEMMER_JS      (apt-get install libstemmer-tools snowball-data nodejs)
"""
import os
import subprocess
import sys
import tempfile

DATA = "/usr/share/snowball/data"
PAIRS = [("dutch", "dutch"), ("dutch_porter", "dutch"), ("french", "french"), ("english", "english")]
RUNNER = """
import fs from 'fs';
const [module, voc, out] = process.argv.slice(2);
const { Stemmer } = await import(module);
const s = new Stemmer();
const words = fs.readFileSync(voc, 'utf8').split('\\n').filter(Boolean);
fs.writeFileSync(out, words.map((w) => s.stemWord(w)).join('\\n') + '\\n');
"""


def main():
    js = sys.argv[1]
    base = open(os.path.join(js, "base-stemmer.js"), encoding="utf-8").read()
    with tempfile.TemporaryDirectory() as tmp:
        runner = os.path.join(tmp, "run.mjs")
        open(runner, "w").write(RUNNER)
        for js_name, debian_name in PAIRS:
            code = open(os.path.join(js, f"{js_name}-stemmer.js"), encoding="utf-8").read()
            cls = code.split("=", 1)[0].replace("var", "").strip()
            module = os.path.join(tmp, f"{js_name}.mjs")
            open(module, "w", encoding="utf-8").write(f"var BaseStemmer;\n{base}\n{code}\nexport {{ {cls} as Stemmer }};\n")
            voc = os.path.join(DATA, debian_name, "voc.txt")
            out = os.path.join(tmp, f"{js_name}.out")
            subprocess.run(["node", runner, module, voc, out], check=True)
            words = [w for w in open(voc, encoding="utf-8").read().split("\n") if w]
            browser = open(out, encoding="utf-8").read().split("\n")
            build = subprocess.run(["stemwords", "-l", debian_name], input="\n".join(words) + "\n",
                                   capture_output=True, text=True, check=True).stdout.split("\n")
            differ = [(w, build[i], browser[i]) for i, w in enumerate(words) if build[i] != browser[i]]
            print(f"JS {js_name} vs libstemmer {debian_name}: {len(differ)} of {len(words)} words differ"
                  f" ({100 * len(differ) / len(words):.2f} %), e.g. {differ[:3]}")


if __name__ == "__main__":
    main()
