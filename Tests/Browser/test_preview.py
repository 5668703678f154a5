"""`helpsite serve` in a real browser: the open page reloads by itself when a
translator saves a file, shows the problems while the content is broken, and
comes back when it is fixed. Nobody presses reload."""
import pathlib
import re
import shutil
import signal
import subprocess
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPOSITORY
from test_hostile import helpsite


@pytest.fixture()
def preview(tmp_path):
    """A copy of the shipped content and templates, served by `helpsite serve --port 0`."""
    shutil.copytree(REPOSITORY / "content", tmp_path / "content")
    shutil.copytree(REPOSITORY / "templates", tmp_path / "templates")
    server = subprocess.Popen([helpsite(), "serve", "--port", "0"], cwd=tmp_path, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"})
    address = None
    for line in server.stdout:
        found = re.match(r"Serving the preview at (http://127\.0\.0\.1:\d+/)", line)
        if found:
            address = found.group(1)
            break
    assert address, server.stderr.read()
    yield address, tmp_path
    server.send_signal(signal.SIGINT)
    assert server.wait(timeout=30) == 0
    assert "Stopped." in server.stdout.read()


def heading(browser):
    return browser.find_element(By.TAG_NAME, "h1").text


def reloaded(browser):
    """Whether the page was loaded again since `mark` (a reload forgets the mark)."""
    return browser.execute_script("return window.helpsiteMark === undefined")


def mark(browser):
    browser.execute_script("window.helpsiteMark = 1")


def test_the_open_page_follows_edits_errors_and_fixes(browser, preview):
    address, project = preview
    page = project / "content" / "nl" / "complaints.yaml"
    original = page.read_text(encoding="utf-8")
    title = re.search(r"^title: (.*)$", original, re.MULTILINE).group(1)
    browser.get(address + "nl/klachten/")
    assert heading(browser) == title
    wait = WebDriverWait(browser, 60, poll_frequency=0.2)

    # No waiting for the page to connect: a page that connects after the build still
    # reloads, since the server's generation is no longer the one it was served from.
    mark(browser)
    page.write_text(original.replace(f"title: {title}", "title: Klachten, herzien", 1), encoding="utf-8")
    wait.until(lambda b: reloaded(b) and heading(b) == "Klachten, herzien")

    mark(browser)
    page.write_text(original.replace("title: ", "titel: ", 1), encoding="utf-8")
    wait.until(lambda b: reloaded(b) and b.title.startswith("Build failed"))
    text = browser.find_element(By.TAG_NAME, "body").text
    assert "content/nl/complaints.yaml:" in text
    assert "unknown key 'titel' in the page; did you mean 'title'?" in text

    mark(browser)
    page.write_text(original, encoding="utf-8")
    wait.until(lambda b: reloaded(b) and heading(b) == title)
