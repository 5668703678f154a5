"""Content that tries to run script in a reader's browser, built by helpsite and
loaded in headless Chromium: nothing runs, no dialog opens, the markup shows as text."""
import functools
import http.server
import os
import pathlib
import shutil
import subprocess
import threading

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPOSITORY, Handler, open_page

HOSTILE = pathlib.Path(__file__).parent / "hostile" / "content"


def helpsite():
    """The helpsite that `swift test` has just built (or HELPSITE)."""
    if os.environ.get("HELPSITE"):
        return os.environ["HELPSITE"]
    folder = subprocess.run(["swift", "build", "--show-bin-path"], cwd=REPOSITORY, capture_output=True, text=True, check=True)
    return os.path.join(folder.stdout.strip(), "helpsite")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    public = folder / "public"
    # A copy: a build adds the addresses it publishes to the content's published.txt.
    content = folder / "content"
    shutil.copytree(HOSTILE, content)
    built = subprocess.run([helpsite(), "build", "--content", str(content), "--templates", str(REPOSITORY / "templates"),
                            "--output", str(public)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(public)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.parametrize("page", ["nl/klachten/", "fr/plaintes/"])
def test_hostile_content_runs_nothing_and_shows_as_text(browser, hostile_site, page):
    open_page(browser, hostile_site, page)
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # an alert() that ran would have left a dialog open
    found = browser.execute_script("""
        return {
          // The JSON-LD and the site's own search module are the only scripts.
          scripts: [...document.querySelectorAll('script')].filter(s => s.type !== 'application/ld+json'
                     && !(s.type === 'module' && new URL(s.src).href === new URL('/search/ui.js', location).href)).length,
          injected: document.querySelectorAll('main img, main iframe, main svg, main b').length,
          handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name))
                      .filter(name => name.startsWith('on')),
          text: document.body.innerText,
        }""")
    assert found["scripts"] == 0
    assert found["injected"] == 0
    assert found["handlers"] == []
    assert '<script>alert("org")</script>' in found["text"]
    assert "<iframe src=\"https://evil.example/\"></iframe>" in found["text"]


def test_hostile_content_found_by_the_search_shows_as_text(browser, hostile_site):
    """Results, excerpts and the labels around them are text: the search's script makes no markup of them."""
    open_page(browser, hostile_site, "nl/klachten/")
    field = browser.find_element(By.ID, "site-search-field")
    status = browser.find_element(By.CSS_SELECTOR, ".site-search-status")
    for query, shown in [("Voorbeeldbank", '"><script>alert("org")</script>Voorbeeldbank NV'),
                         ("<img src=x onerror=alert(1)>zzqx", "<img src=x onerror=alert(1)>zzqx")]:
        field.clear()
        field.send_keys(query, Keys.ENTER)
        WebDriverWait(browser, 10).until(lambda _: status.text != "")
        with pytest.raises(NoAlertPresentException):
            browser.switch_to.alert.text
        found = browser.execute_script("""
            const box = document.querySelector('.site-search');
            return {
              elements: box.querySelectorAll('script, img, iframe, svg, b').length,
              handlers: [...box.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name))
                          .filter(name => name.startsWith('on')),
              text: box.innerText,
            }""")
        assert found["elements"] == 0 and found["handlers"] == []
        assert shown in found["text"], found["text"]
    # The label's own markup is text too.
    assert "<img src=x onerror=\"alert('label')\">" in status.text
