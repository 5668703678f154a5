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
          scripts: [...document.querySelectorAll('script')].filter(s => s.type !== 'application/ld+json').length,
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
