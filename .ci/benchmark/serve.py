#!/usr/bin/env python3
"""How quickly `helpsite serve` shows a saved change, and what watching costs when
nothing changes. Copies a content folder, starts `helpsite serve --port 0` on it,
then, RUNS times, rewrites one Dutch page's title and asks for the page every
20 ms until the new title is served: the time from the write to that answer.
Then it reads the server's CPU time over IDLE seconds with nothing changing.

    serve.py --helpsite .build/release/helpsite --content content [--runs 5] [--idle 10]
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATES = os.path.join(HERE, "..", "..", "templates")


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--helpsite", required=True)
    parser.add_argument("--content", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--idle", type=float, default=10)
    options = parser.parse_args()

    work = tempfile.mkdtemp(prefix="helpsite-serve-bench-")
    shutil.copytree(options.content, os.path.join(work, "content"))
    shutil.copytree(TEMPLATES, os.path.join(work, "templates"))
    nl = os.path.join(work, "content", "nl")
    page = os.path.join(nl, sorted(name for name in os.listdir(nl) if name != "language.yaml")[0])
    text = open(page, encoding="utf-8").read()
    slug = re.search(r"^slug: (.*)$", text, re.MULTILINE).group(1).strip()

    started = time.monotonic()
    server = subprocess.Popen([os.path.abspath(options.helpsite), "serve", "--port", "0"], cwd=work, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        for line in server.stdout:
            found = re.match(r"Serving the preview at (\S+)", line)
            if found:
                address = found.group(1)
                break
        print(f"first build and listening: {time.monotonic() - started:.2f} s")
        url = f"{address}nl/{slug}/"
        latencies = []
        for run in range(options.runs):
            marker = f"Gewijzigd {run}"
            changed = re.sub(r"^title: .*$", f"title: {marker}", text, count=1, flags=re.MULTILINE)
            written = time.monotonic()
            with open(page, "w", encoding="utf-8") as file:
                file.write(changed)
            while marker not in urllib.request.urlopen(url).read().decode("utf-8"):
                time.sleep(0.02)
            latencies.append(time.monotonic() - written)
            time.sleep(1)
        print("save to served (s): " + ", ".join(f"{value:.2f}" for value in latencies)
              + f"; median {statistics.median(latencies):.2f}")
        before = cpu_seconds(server.pid)
        time.sleep(options.idle)
        idle = cpu_seconds(server.pid) - before
        print(f"CPU while idle: {idle:.2f} s over {options.idle:.0f} s ({100 * idle / options.idle:.1f} % of a core)")
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
