"""The search field of issue #16 on the shipped site, in headless Chromium over HTTP:
results from the page's language only, each linked to its section; word forms,
optional accents and facts typed as a visitor types them; nothing found said in
the page's language; the form without JavaScript; axe-core, the console and the
keyboard with results shown."""
from urllib.parse import urlsplit

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import LANGUAGE_PAGES, PUBLIC, open_page
from test_pages import axe_result, describe

# The shipped site's pages, by language: a search runs from the complaints page.
pytestmark = pytest.mark.skipif(len(LANGUAGE_PAGES) < 3 or not (PUBLIC / "nl" / "contact").exists(),
                                reason="the search checks read the shipped site's content")

# What each language's "nothing found" names: its own pages.
LANGUAGE_NAMED = {"nl": "Nederlandstalige pagina's", "fr": "pages en français", "en": "English pages"}

RESULTS = """
return [...document.querySelectorAll('.site-search-results > li')].map(item => ({
  url: item.querySelector(':scope > a').href,
  title: item.querySelector(':scope > a > .site-search-page')?.textContent ?? '',
  section: item.querySelector(':scope > a > .site-search-section')?.textContent ?? '',
  marked: [...item.querySelectorAll(':scope > .site-search-excerpt mark')].map(m => m.textContent),
  subs: [...item.querySelectorAll('.site-search-subs a')].map(a => a.href),
}));
"""


def ask(browser, site, page, query, width=1280):
    """Types `query` in the page's field, presses Enter and waits for the answer."""
    open_page(browser, site, page, width)
    field = browser.find_element(By.ID, "site-search-field")
    field.send_keys(query, Keys.ENTER)
    status = browser.find_element(By.CSS_SELECTOR, ".site-search-status")
    WebDriverWait(browser, 10).until(lambda _: status.text != "")
    return status.text, browser.execute_script(RESULTS)


def urls(results):
    """Every link of the results: each result's section, then the page's other sections found."""
    return [url for result in results for url in [result["url"], *result["subs"]]]


def path_of(url):
    parts = urlsplit(url)
    return parts.path + ("#" + parts.fragment if parts.fragment else "")


def page_text(browser, site, path):
    browser.get(site + path.lstrip("/"))
    return browser.find_element(By.TAG_NAME, "main").text


# A word found on every language's pages: each language answers with its own pages only.
@pytest.mark.parametrize("language,query", [("nl", "Ombudsfin"), ("fr", "Ombudsfin"), ("en", "Ombudsfin")])
def test_results_come_from_the_pages_language_only(browser, site, language, query):
    status, results = ask(browser, site, LANGUAGE_PAGES[language], query)
    assert results, status
    for url in urls(results):
        assert url.startswith(f"{site}{language}/"), url
        assert urlsplit(url).fragment, f"{url} names no section"
    for result in results:
        assert result["title"] and result["marked"], result
    # Every result leads to a section that exists on its page.
    first = results[0]["url"]
    browser.get(first)
    assert browser.execute_script("return document.getElementById(arguments[0]) !== null", urlsplit(first).fragment)


# (language, query, the page it must find, the form the page writes)
WORD_FORMS = [
    ("nl", "klachten", "/nl/klachten/", "klacht"),
    ("nl", "klacht", "/nl/klachten/", "klachten"),
    ("fr", "plaintes", "/fr/plaintes/", "plainte"),
    ("fr", "plainte", "/fr/plaintes/", "plaintes"),
    ("fr", "médiateurs", "/fr/plaintes/", "médiateur"),
    ("en", "complaints", "/en/complaints/", "complaint"),
    ("en", "complaint", "/en/complaints/", "complaints"),
    # Accents are optional in a query.
    ("fr", "mediation", "/fr/plaintes/", "médiation"),
    ("nl", "financiele", "/nl/klachten/", "financiële"),
]


@pytest.mark.parametrize("language,query,page,form", WORD_FORMS)
def test_a_word_finds_its_other_forms(browser, site, language, query, page, form):
    status, results = ask(browser, site, LANGUAGE_PAGES[language], query)
    found = [url for url in urls(results) if path_of(url).startswith(page)]
    assert found, f"{query!r} on {language}: {status}, {[path_of(u) for u in urls(results)]}"
    # The section found writes the other form: the query's word is not what matched.
    words = page_text(browser, site, path_of(found[0])).lower().split()
    assert any(word.strip(".,;:!?()«»“”‘’'\"") == form for word in words), f"{page} does not write {form!r}"


# Facts, typed as a visitor types them, lead to the contact block that holds them.
FACTS = [
    ("nl", "02 370 77 11", "#contact-sfs"),
    ("nl", "023707711", "#contact-sfs"),
    ("nl", "+32 2 370 77 11", "#contact-sfs"),
    ("fr", "02 370 77 11", "#contact-sfs"),
    ("en", "+32 2 370 77 11", "#contact-sfs"),
    ("nl", "services4you@stellantis-finance.com", "#contact-sfs"),
    ("fr", "ombudsman@ombudsfin.be", "#contact-ombudsfin"),
    ("nl", "1130", "#contact-sfs"),
    ("nl", "Bourgetlaan", "#contact-sfs"),
    ("fr", "Avenue du Bourget", "#contact-sfs"),
    ("en", "Boulevard du Roi Albert II", "#contact-ombudsfin"),
]


@pytest.mark.parametrize("language,query,anchor", FACTS)
def test_a_fact_finds_its_contact_block(browser, site, language, query, anchor):
    status, results = ask(browser, site, LANGUAGE_PAGES[language], query)
    found = [url for url in urls(results) if url.endswith(anchor)]
    assert found, f"{query!r} on {language}: {status}, {[path_of(u) for u in urls(results)]}"
    assert all(url.startswith(f"{site}{language}/") for url in urls(results))


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
@pytest.mark.parametrize("query", ["", "zzyzxqwv"])
def test_nothing_found_is_said_in_the_pages_language(browser, site, language, query):
    status, results = ask(browser, site, LANGUAGE_PAGES[language], query)
    assert results == []
    assert LANGUAGE_NAMED[language] in status, status
    if query:
        assert query in status
    assert browser.find_element(By.CSS_SELECTOR, ".site-search-results").is_displayed() is False


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_without_javascript_the_form_leads_to_the_home_page(browser, site, language):
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        open_page(browser, site, LANGUAGE_PAGES[language])
        browser.find_element(By.ID, "site-search-field").send_keys("klacht", Keys.ENTER)
        WebDriverWait(browser, 10).until(lambda b: urlsplit(b.current_url).path == f"/{language}/")
        assert urlsplit(browser.current_url).query == "q=klacht"
        # The home page lists every page of the language.
        listed = {path_of(a.get_attribute("href")) for a in browser.find_elements(By.CSS_SELECTOR, "main .page-list a")}
        pages = {f"/{language}/{path.parent.name}/" for path in (PUBLIC / language).glob("*/index.html")}
        assert listed == pages
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_the_home_page_answers_the_query_it_was_sent(browser, site):
    open_page(browser, site, "en/?q=complaint")
    status = browser.find_element(By.CSS_SELECTOR, ".site-search-status")
    WebDriverWait(browser, 10).until(lambda _: status.text != "")
    assert browser.find_element(By.ID, "site-search-field").get_attribute("value") == "complaint"
    assert any(path_of(url).startswith("/en/complaints/") for url in urls(browser.execute_script(RESULTS)))


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
@pytest.mark.parametrize("width", [320, 1280])
def test_results_pass_axe_with_a_quiet_console_and_no_sideways_scroll(browser, site, language, width):
    status, results = ask(browser, site, LANGUAGE_PAGES[language], "Ombudsfin", width)
    assert results
    result = axe_result(browser)
    assert result["violations"] == [], describe(result["violations"])
    overflow = browser.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"results are {overflow}px wider than a {width}px screen"
    assert [entry for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")] == []
    # Everything came from the site itself, and nothing was kept.
    origin = site.rstrip("/")
    fetched = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert fetched and all(url.startswith(origin + "/") for url in fetched), fetched
    assert browser.execute_script("return document.cookie + localStorage.length + sessionStorage.length") == "00"


def active(browser):
    return browser.switch_to.active_element


def test_keyboard_only(browser, site):
    open_page(browser, site, LANGUAGE_PAGES["fr"])
    keys = ActionChains(browser)
    for _ in range(12):
        keys.send_keys(Keys.TAB).perform()
        if active(browser).get_attribute("id") == "site-search-field":
            break
    assert active(browser).get_attribute("id") == "site-search-field", "Tab never reaches the search field"
    keys.send_keys("plaintes", Keys.ENTER).perform()
    status = browser.find_element(By.CSS_SELECTOR, ".site-search-status")
    WebDriverWait(browser, 10).until(lambda _: status.text != "")
    assert status.get_attribute("role") == "status"
    assert browser.find_element(By.CSS_SELECTOR, "[role=search]").get_attribute("aria-labelledby") == "site-search-label"
    # The button, then the first result: a plain link.
    keys.send_keys(Keys.TAB).perform()
    assert active(browser).get_attribute("type") == "submit"
    keys.send_keys(Keys.TAB).perform()
    link = active(browser)
    assert link.tag_name == "a" and browser.execute_script("return arguments[0].closest('.site-search-results') !== null", link)
    outline = browser.execute_script("return getComputedStyle(arguments[0]).outlineStyle", link)
    assert outline != "none", "the focused result shows no focus"
    # Escape clears the search and goes back to the field.
    keys.send_keys(Keys.ESCAPE).perform()
    assert active(browser).get_attribute("id") == "site-search-field"
    assert active(browser).get_attribute("value") == ""
    assert status.text == "" and not browser.find_element(By.CSS_SELECTOR, ".site-search-results").is_displayed()
    # Enter on a result follows it to its section.
    keys.send_keys("plaintes", Keys.ENTER).perform()
    WebDriverWait(browser, 10).until(lambda _: status.text != "")
    first = browser.execute_script(RESULTS)[0]["url"]
    keys.send_keys(Keys.TAB, Keys.TAB, Keys.ENTER).perform()
    WebDriverWait(browser, 10).until(lambda b: b.current_url == first)
