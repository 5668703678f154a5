"""Shared set-up for the page checks: the built site served over HTTP on
loopback, and one headless Chromium driven by Selenium for the whole run."""
import functools
import http.server
import importlib.util
import os
import pathlib
import tempfile
import threading

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
PUBLIC = pathlib.Path(os.environ.get("HELPSITE_PUBLIC", REPOSITORY / "public"))

# Every page of the site (every layout, each language's home page, the language
# choice), each language's 404 page, and an address that does not exist (served the
# root 404 page). HELPSITE_PUBLIC names another built site to check, such as the
# fixture with a page of every layout (.ci/test builds it).
PAGES = sorted(
    "index.html" if path.parent == PUBLIC else f"{path.parent.relative_to(PUBLIC)}/"
    for path in PUBLIC.rglob("index.html")
) + sorted(str(path.relative_to(PUBLIC)) for path in PUBLIC.glob("*/404.html")) + ["nergens/"]
# A page of the procedure layout in each language: the complaints page.
LANGUAGE_PAGES = {
    language: path for language, path in {"nl": "nl/klachten/", "fr": "fr/plaintes/", "en": "en/complaints/"}.items()
    if (PUBLIC / path / "index.html").exists()
}


def package_file(package, name):
    """A file shipped inside a PyPI package, found without importing it."""
    spec = importlib.util.find_spec(package)
    if spec is None:
        raise RuntimeError(f"{package} is not installed: run bash .ci/install")
    return pathlib.Path(list(spec.submodule_search_locations)[0]) / name


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves public/ as a web server would: a missing address gets the 404 page."""

    def send_error(self, code, message=None, explain=None):
        if code == 404 and (PUBLIC / "404.html").exists():
            body = (PUBLIC / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            super().send_error(code, message, explain)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site():
    """The base address of public/ served on 127.0.0.1 at a port chosen now."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(PUBLIC)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--no-first-run", "--disable-extensions", "--window-size=1280,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def screenshots():
    """Where screenshots go: HELPSITE_SCREENSHOTS, or a fresh temporary folder. Printed, not committed."""
    folder = pathlib.Path(os.environ.get("HELPSITE_SCREENSHOTS") or tempfile.mkdtemp(prefix="helpsite-screenshots-"))
    folder.mkdir(parents=True, exist_ok=True)
    yield folder
    print(f"\nScreenshots of every language at 375 and 1280 px: {folder}")


def set_viewport(driver, width, height=900):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def open_page(driver, site, page, width=1280):
    set_viewport(driver, width)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    driver.get(site + page)
    driver.get_log("browser")  # start each page's log empty of the previous page's
    driver.get(site + page)
