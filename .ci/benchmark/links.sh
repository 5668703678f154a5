#!/usr/bin/env bash
# Measures `helpsite links` beside lychee, on this machine, and prints a table:
#   1. offline, on a 10,002-page site (3 languages × 3,334 pages, made from the
#      shipped content and built by helpsite): wall time and peak memory of
#      each, best of 3 runs;
#   2. online, 500 distinct URLs on a local server that takes 100 ms per answer,
#      spread over 16 loopback addresses (127.0.0.1-16): the time is bounded by
#      the concurrency limit (16 in flight), not by 500 sequential waits.
# Not part of `swift test` (it builds in release mode and takes minutes).
#
#   bash .ci/benchmark/links.sh        # HELPSITE=… to use a helpsite already built
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
if [ -z "${HELPSITE:-}" ]; then
  # As .ci/benchmark/check.sh builds it: release, the Swift runtime linked in.
  build=(swift build -c release --static-swift-stdlib --scratch-path .build-bench)
  "${build[@]}" --product helpsite >/dev/null
  HELPSITE=$("${build[@]}" --show-bin-path)/helpsite
fi
command -v lychee >/dev/null || { echo "lychee is not installed; run bash .ci/install" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/helpsite-bench.XXXXXX")
server_pid=""
cleanup() { [ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# Runs a command 3 times; prints the best wall time (s) and the largest peak RSS (MiB).
measure() {
  python3 - "$@" <<'PY'
import resource, subprocess, sys, time
best, peak = None, 0
for _ in range(3):
    start = time.perf_counter()
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    best = elapsed if best is None else min(best, elapsed)
    peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(f"{best:.3f} {peak / 1024:.0f}")
PY
}

echo "Generating and building a 10,002-page site..." >&2
mkdir -p "$work/big"
cp -r "$repo/templates" "$work/big/"
python3 - "$repo/content" "$work/big/content" <<'PY'
import os, re, shutil, sys
source, target = sys.argv[1:]
shutil.copytree(source, target)
for language in ("nl", "fr", "en"):
    folder = os.path.join(target, language)
    page = open(os.path.join(folder, "complaints.yaml"), encoding="utf-8").read()
    for number in range(1, 3334):
        copy = re.sub(r"^slug: (\S+)", lambda m: f"slug: {m.group(1)}-{number}", page, count=1, flags=re.M)
        open(os.path.join(folder, f"page-{number}.yaml"), "w", encoding="utf-8").write(copy)
PY
build_seconds=$( { /usr/bin/env time -f "%e" "$HELPSITE" build --content "$work/big/content" --templates "$work/big/templates" \
  --output "$work/big/public" >/dev/null; } 2>&1 | tail -1 ) || build_seconds="?"
pages=$(find "$work/big/public" -name '*.html' | wc -l)

cd "$work/big"
read -r ours_s ours_mb < <(measure "$HELPSITE" links --content content)
read -r lychee_s lychee_mb < <(measure lychee --offline --include-fragments --index-files index.html --root-dir "$PWD/public" 'public/**/*.html')
{ "$HELPSITE" links --content content || true; } | tail -1 >&2

echo "Online: 500 URLs on a local server..." >&2
mkdir -p "$work/online/public"
cat > "$work/server.py" <<'PY'
import http.server, socketserver, sys, threading, time
port, lock, state = int(sys.argv[1]), threading.Lock(), {"now": 0, "peak": 0, "total": 0}
class Handler(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self):
        with lock:
            state["now"] += 1; state["total"] += 1; state["peak"] = max(state["peak"], state["now"])
        time.sleep(0.1)
        with lock: state["now"] -= 1
        if self.path == "/stats":
            self.send_response(200); self.end_headers(); return
        self.send_response(200); self.send_header("Content-Length", "0"); self.end_headers()
    do_GET = do_HEAD
    def log_message(self, *args): pass
class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
for n in range(1, 17):
    threading.Thread(target=Server(("127.0.0.%d" % n, port), Handler).serve_forever, daemon=True).start()
open(sys.argv[2], "w").write("ready")
while True:
    time.sleep(1)
    open(sys.argv[3], "w").write("%d %d\n" % (state["peak"], state["total"]))
PY
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 "$work/server.py" "$port" "$work/ready" "$work/stats" & server_pid=$!
for _ in $(seq 50); do [ -e "$work/ready" ] && break; sleep 0.1; done
python3 - "$port" > "$work/online/public/index.html" <<'PY'
import sys
port = int(sys.argv[1])
print('<!DOCTYPE html><html lang="en"><body>')
for i in range(500):
    print(f'<a href="http://127.0.0.{i % 16 + 1}:{port}/page/{i}">{i}</a>')
print("</body></html>")
PY
cd "$work/online"
start=$(python3 -c 'import time; print(time.perf_counter())')
{ "$HELPSITE" links --online --content none --cache-ttl 0 --concurrency 16 || true; } | tail -1 >&2
online_s=$(python3 -c "import time; print(f'{time.perf_counter() - $start:.2f}')")
sleep 1.2
read -r peak total < "$work/stats"

cat <<TABLE

| offline, $pages pages (3 languages) | wall time (best of 3) | peak memory |
|---|---|---|
| helpsite links | ${ours_s} s | ${ours_mb} MiB |
| lychee --offline --include-fragments | ${lychee_s} s | ${lychee_mb} MiB |

helpsite build of the same site: ${build_seconds} s. Speed-up: $(python3 -c "print(f'{$lychee_s / $ours_s:.1f}')")×.

| online, 500 distinct URLs, 100 ms per answer, 16 hosts | |
|---|---|
| helpsite links --online --concurrency 16 | ${online_s} s |
| bound set by the concurrency limit (500 × 0.1 s / 16) | 3.1 s |
| one at a time (500 × 0.1 s) | 50 s |
| requests in flight at once, at most (server's count) | ${peak} |
| requests made | ${total} |
TABLE
