#!/usr/bin/env python3
"""What a visitor's browser downloads for a first query: serves a built site on
127.0.0.1 (no compression, no caching), opens a page in headless Chromium (a new
profile, cache cleared before each query), runs one search with Pagefind's JS API
(pagefind.search + data() of the first N results) or with own_index.py's search.js,
and records every request the server answered during the search. Bytes are reported
as served (files as they are on disk; Pagefind's .pf_* and wasm files are gzip already)
and as a gzip-serving server would send them (each file not already gzip, gzip -6).

    browser_probe.py --site ROOT --engine pagefind|own --page /nl/klachten/ --query klacht [--query ...] [--json OUT]
"""
import argparse, functools, gzip, http.server, json, os, shutil, threading, time
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
os.environ['SE_AVOID_STATS'] = 'true'

LOG = []
class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a): pass
    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()
    def send_head(self):
        f = super().send_head()
        try:
            size = os.fstat(f.fileno()).st_size if f else 0
        except Exception:
            size = 0
        LOG.append((self.path, size))
        return f
http.server.SimpleHTTPRequestHandler.extensions_map[".wasm"] = "application/wasm"

def gzipped(root, path):
    """Bytes a gzip-serving server would send for this file."""
    data = open(os.path.join(root, path.split("?")[0].lstrip("/")), "rb").read()
    return len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, 6))


def serve(root):
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=root))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv

def driver():
    o = Options()
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--incognito"]:
        o.add_argument(a)
    o.binary_location = shutil.which("chromium") or shutil.which("chromium-browser")
    return webdriver.Chrome(options=o, service=Service(executable_path=shutil.which('chromedriver')))

PAGEFIND_JS = """
const [q, n, done] = [arguments[0], arguments[1], arguments[arguments.length-1]];
(async () => {
  try {
    if (!window.__pf) { window.__pf = await import('/pagefind/pagefind.js'); await window.__pf.options({basePath: '/pagefind/'}); }
    const t0 = performance.now();
    const r = await window.__pf.search(q);
    const data = await Promise.all(r.results.slice(0, n).map(x => x.data()));
    done({count: r.results.length, ms: performance.now() - t0, results: data.map(d => ({url: d.url, title: d.meta.title, excerpt: d.excerpt,
         subs: (d.sub_results||[]).slice(0,3).map(s => ({url: s.url, title: s.title, excerpt: s.excerpt}))}))});
  } catch (e) { done({error: String(e)}); }
})();
"""

OWN_JS = """
const [q, n, done] = [arguments[0], arguments[1], arguments[arguments.length-1]];
(async () => {
  try {
    if (!window.__hs) { window.__hs = await import('/search/search.js'); }
    const t0 = performance.now();
    const r = await window.__hs.search(q, document.documentElement.lang, n);
    done({count: r.count, ms: performance.now() - t0, results: r.results});
  } catch (e) { done({error: String(e) + (e.stack||'')}); }
})();
"""

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--site", required=True)
    p.add_argument("--engine", choices=["pagefind", "own"], required=True)
    p.add_argument("--page", action="append", required=True, help="path of the page to search from, e.g. /nl/klachten/")
    p.add_argument("--query", action="append", required=True)
    p.add_argument("--results", type=int, default=5)
    p.add_argument("--json", help="write results here")
    a = p.parse_args()
    srv = serve(a.site)
    base = f"http://127.0.0.1:{srv.server_address[1]}"
    out = []
    d = driver()
    d.set_script_timeout(120)
    try:
        for page in a.page:
            for i, q in enumerate(a.query):
                d.get("about:blank")
                d.delete_all_cookies()
                d.execute_cdp_cmd("Network.clearBrowserCache", {})
                d.get(base + page)
                LOG.clear()
                js = PAGEFIND_JS if a.engine == "pagefind" else OWN_JS
                res = d.execute_async_script(js, q, a.results)
                time.sleep(0.2)
                reqs = [(path, size, gzipped(a.site, path)) for path, size in LOG if not path.startswith("/favicon")]
                raw, gz = sum(r[1] for r in reqs), sum(r[2] for r in reqs)
                out.append({"page": page, "query": q, "requests": reqs, "bytes": raw, "gzip_bytes": gz, **res})
                print(f"{a.engine} {page} {q!r}: {res.get('count')} results, {len(reqs)} requests, {raw:,} bytes ({gz:,} with gzip), {res.get('ms', 0):.0f} ms {res.get('error','')}")
    finally:
        d.quit(); srv.shutdown()
    if a.json:
        json.dump(out, open(a.json, "w"), ensure_ascii=False, indent=1)

if __name__ == "__main__":
    main()
