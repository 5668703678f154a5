"""search.js, the search's browser module, on the shipped site served over HTTP, called
directly in headless Chromium: what it answers for the queries of issue #16, in the shape
the search field relies on (docs/reference/search-index.md#in-the-browser-searchjs)."""
import pytest

from conftest import open_page

SEARCH = """
const [query, lang, done] = arguments;
import(new URL("/search/search.js", location.href).href)
  .then((module) => module.search(query, lang))
  .then(done, (error) => done({ error: String(error) }));
"""


@pytest.fixture(scope="module")
def search(browser, site):
    open_page(browser, site, "nl/")
    browser.set_script_timeout(30)

    def run(query, lang):
        answer = browser.execute_async_script(SEARCH, query, lang)
        assert "error" not in answer, answer
        return answer
    return run


def paths(answer, site):
    return [result["url"].removeprefix(site) for result in answer["results"]]


@pytest.mark.parametrize("lang, query, page", [
    ("nl", "klachten", "nl/klachten/"),
    ("nl", "klacht", "nl/klachten/"),
    ("nl", "financiele", "nl/klachten/"),            # financiële, accents optional
    ("fr", "plaintes", "fr/plaintes/"),
    ("fr", "plainte", "fr/plaintes/"),
    ("fr", "mediateurs", "fr/plaintes/"),
    ("fr", "mediation", "fr/plaintes/"),
    ("en", "complaints", "en/complaints/"),
    ("en", "complaint", "en/complaints/"),
])
def test_word_forms_and_accents_find_the_page(search, site, lang, query, page):
    answer = search(query, lang)
    assert answer["count"] >= 1
    assert any(path.startswith(page) for path in paths(answer, site)), paths(answer, site)


@pytest.mark.parametrize("query", ["02 370 77 11", "023707711", "+32 2 370 77 11", "0032 2 370 77 11",
                                   "services4you@stellantis-finance.com", "1130", "Bourgetlaan"])
def test_facts_find_the_contact_block(search, site, query):
    answer = search(query, "nl")
    assert "nl/klachten/#contact-sfs" in paths(answer, site) or "nl/contact/#contact-sfs" in paths(answer, site), paths(answer, site)
    top = answer["results"][0]
    assert any(marked for _, marked in top["excerpt"]), "the fact is marked in the excerpt"


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_results_are_in_the_language_asked_only(search, site, lang):
    answer = search("Stellantis", lang)
    assert answer["count"] >= 1
    assert all(path.startswith(lang + "/") for path in paths(answer, site))


@pytest.mark.parametrize("query", ["", "   ", "?!", "xyzzyqwv", "plaintes"])
def test_nothing_found_is_count_zero(search, query):
    assert search(query, "nl") == {"count": 0, "results": []}


def test_a_result_is_text_with_its_anchor_never_html(search, site):
    answer = search("ombudsfin", "nl")
    result = answer["results"][0]
    assert set(result) == {"url", "title", "section", "excerpt", "subs"}
    assert result["url"].startswith(site) and "#" in result["url"]
    assert all(isinstance(text, str) and isinstance(marked, bool) for text, marked in result["excerpt"])
    assert not any("<mark>" in text for text, _ in result["excerpt"])
    for sub in result["subs"]:
        assert set(sub) == {"url", "section", "excerpt"} and sub["url"] != result["url"]
