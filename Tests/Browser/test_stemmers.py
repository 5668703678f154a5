"""The build stems the pages with Debian's libstemmer; the browser stems a query with the
Snowball JavaScript the site serves (search/stem-<lang>.js). A word the two stem
differently is never found. Every word the build gave libstemmer for the shipped
content's index (`helpsite search-vocabulary`) is stemmed here, in headless Chromium,
by the served stemmer, and must come out as libstemmer stemmed it; every word with a
letter beyond ASCII must fold in search.js as it folded in the build."""
import json
import subprocess

import pytest

from conftest import PUBLIC, REPOSITORY, open_page
from test_hostile import helpsite

LANGUAGES = ["nl", "fr", "en"]

# Runs in the page: imports a module of the served site and maps every word through it.
MAP_WORDS = """
const [url, words, how, done] = arguments;
import(url).then((module) => {
  const stem = how === "stem" ? ((s) => (w) => s.stemWord(w))(new module.Stemmer()) : module.fold;
  const out = {};
  for (const word of words) out[word] = stem(word);
  done(out);
}).catch((error) => done({ "error:": String(error) }));
"""


@pytest.fixture(scope="module")
def vocabulary():
    """What the build did to each word of the shipped content, from the helpsite just built."""
    run = subprocess.run([helpsite(), "search-vocabulary", "--content", str(REPOSITORY / "content")],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def mapped(browser, site, module, words, how):
    browser.set_script_timeout(60)
    result = browser.execute_async_script(MAP_WORDS, site + module, sorted(words), how)
    assert "error:" not in result, result
    return result


def test_the_vocabulary_is_the_whole_index(vocabulary):
    assert sorted(vocabulary) == sorted(LANGUAGES)
    for language in LANGUAGES:
        assert len(vocabulary[language]["stems"]) > 200, f"{language}: too few words for the whole shipped content"
    assert vocabulary["nl"]["stems"]["klachten"] == "klacht"
    assert vocabulary["fr"]["stems"]["plaintes"] == "plaint"
    assert vocabulary["en"]["stems"]["complaints"] == "complaint"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_served_index_names_the_stemmer_the_build_used(language, vocabulary):
    meta = json.loads((PUBLIC / "search" / language / "meta.json").read_text(encoding="utf-8"))
    assert meta["stemmer"] == vocabulary[language]["algorithm"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_word_stems_in_the_browser_as_libstemmer_stemmed_it(browser, site, vocabulary, language):
    open_page(browser, site, f"{language}/")
    expected = vocabulary[language]["stems"]
    got = mapped(browser, site, f"search/stem-{language}.js", expected, "stem")
    differ = {word: f"libstemmer {stem!r}, browser {got.get(word)!r}" for word, stem in expected.items() if got.get(word) != stem}
    assert not differ, f"{len(differ)} of {len(expected)} {language} words stem differently: {differ}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_word_folds_in_the_browser_as_the_build_folded_it(browser, site, vocabulary, language):
    open_page(browser, site, f"{language}/")
    expected = vocabulary[language]["folds"]
    got = mapped(browser, site, "search/search.js", expected, "fold")
    differ = {word: f"build {folded!r}, browser {got.get(word)!r}" for word, folded in expected.items() if got.get(word) != folded}
    assert not differ, f"{language} words fold differently: {differ}"
