#!/usr/bin/env python3
"""Compares helpsite binaries one after the other on a shared machine: each run times
every binary once, in the order given, so that a load that comes and goes falls on all
of them alike. Prints, per binary, the median and minimum of the processor time (user +
system, from the kernel's account of the process) of a cold build and/or a first check,
the median wall time, and the median over the turns of its wall time over the first
binary's in the same turn (below 1: faster than the first).

    in_turn.py RUNS build|check|both|again LABEL=BINARY@SITE@TEMPLATES ...

SITE is a folder holding `content/` (as .ci/benchmark/synth.py writes it); each binary
runs on the site and templates of its own commit. A cold build writes into a new folder
beside the content, with no record of an earlier check or build; a first check is
`check --no-cache`. The output folders are removed at the end, not between runs (a file
system that has just deleted thousands of files is slower to create new ones). A run that
fails is reported with the end of its error output and counted as it came.

A BINARY of `hugo` times Hugo's cold build of the site's Hugo twin (`SITE/hugo`, as
synth.py --hugo writes it; TEMPLATES is ignored), beside helpsite's in the same turns:

    in_turn.py 7 build new=<helpsite>@<site>@templates hugo=hugo@<site>@-

Before each timed command the file system is synced (not timed): helpsite's flush before
its swap flushes the whole file system, and would otherwise wait for the files the command
before it left unwritten.

`again` times the work after a first build and check, each binary on a copy of its site
of its own (a binary's builds are keyed by the binary): a title changed in one French
page, then a rebuild, a rebuild with nothing changed, a check, and a check with nothing
changed, each with the record the previous one left; then a line added to the same page
that no other page shows (a comment), and a rebuild.
"""
import os
import shutil
import statistics
import sys
import tempfile
import time


def run(command, log):
    # Nothing left to write by the command before: helpsite flushes the file system before its
    # swap (syncfs), and would otherwise also wait for what the one before left unwritten
    # (Hugo does not flush; its files are written after it ends, into the next run's time).
    os.sync()
    start = time.perf_counter()
    pid = os.posix_spawnp(command[0], command, os.environ, file_actions=[
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)])
    _, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        with open(log) as errors:
            print(f"failed: {' '.join(command[:2])}: {errors.read()[-400:]}", file=sys.stderr)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def again(runs, specs, log):
    samples, sites = {}, []
    for spec in specs:
        label, rest = spec.split("=", 1)
        binary, site, templates = rest.split("@")
        copy = tempfile.mkdtemp(prefix=f"in-turn-{label}-")
        shutil.copytree(os.path.join(site, "content"), os.path.join(copy, "content"))
        build = [binary, "build", "--content", os.path.join(copy, "content"), "--templates", templates,
                 "--output", os.path.join(copy, "out", "public")]
        check = [binary, "check", "--content", os.path.join(copy, "content")]
        run(build, log)
        run(check, log)
        sites.append((label, copy, build, check))
    for _ in range(runs):
        for label, copy, build, check in sites:
            page = os.path.join(copy, "content", "fr", "page-00000.yaml")
            with open(page) as file:
                text = file.read()
            with open(page, "w") as file:
                file.write(text.replace("\ntitle: ", "\ntitle: .", 1) if not text.startswith("title: ") else "title: ." + text[7:])
            for what, command in (("rebuild, one page changed", build), ("rebuild, no change", build),
                                  ("check again, one page changed", check), ("check again, no change", check)):
                samples.setdefault((label, what), []).append(run(command, log))
            # A change that no other page shows (a comment line): the page alone is read and rendered.
            with open(page, "a") as file:
                file.write("# revu\n")
            samples.setdefault((label, "rebuild, one page's text changed"), []).append(run(build, log))
    for _, copy, _, _ in sites:
        shutil.rmtree(copy, ignore_errors=True)
    return samples


def main():
    runs, what, specs = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    log = tempfile.mktemp(prefix="in-turn-", suffix=".log")
    samples, outputs = {}, []
    if what == "again":
        samples, runs = again(runs, specs, log), 0
    for number in range(runs):
        for spec in specs:
            label, rest = spec.split("=", 1)
            binary, site, templates = rest.split("@")
            content = os.path.join(site, "content")
            shutil.rmtree(os.path.join(site, ".helpsite-cache"), ignore_errors=True)
            if what in ("build", "both"):
                output = os.path.join(site, f"in-turn-{label}-{number}")
                outputs.append(output)
                if binary == "hugo":
                    command = ["hugo", "--quiet", "-s", os.path.join(site, "hugo"), "-d", output]
                else:
                    command = [binary, "build", "--content", content, "--templates", templates,
                               "--output", os.path.join(output, "public")]
                samples.setdefault((label, "build"), []).append(run(command, log))
                shutil.rmtree(os.path.join(site, ".helpsite-cache"), ignore_errors=True)
            if what in ("check", "both") and binary != "hugo":
                samples.setdefault((label, "check"), []).append(run([binary, "check", "--no-cache", "--content", content], log))
    for output in outputs:
        shutil.rmtree(output, ignore_errors=True)
    if os.path.exists(log):
        os.remove(log)
    print("| binary | what | CPU median | CPU min | wall median | wall / first's, paired | peak RSS median "
          "| runs (CPU, ms) | runs (wall, ms) |")
    print("|---|---|---|---|---|---|---|---|---|")
    first = {}
    for (label, kind), rows in samples.items():
        first.setdefault(kind, rows)
        cpu = [row[1] * 1000 for row in rows]
        wall = statistics.median(row[0] for row in rows) * 1000
        rss = statistics.median(row[2] for row in rows)
        # Each run's wall time over the first binary's in the same turn: a load that comes and
        # goes during the series falls on both, and cancels out of the ratio.
        paired = statistics.median(row[0] / base[0] for row, base in zip(rows, first[kind]))
        print(f"| {label} | {kind} | {statistics.median(cpu):,.0f} ms | {min(cpu):,.0f} ms | {wall:,.0f} ms | {paired:.3f} "
              f"| {rss:.1f} MB | {', '.join(f'{c:,.0f}' for c in cpu)} | {', '.join(f'{row[0] * 1000:,.0f}' for row in rows)} |")

if __name__ == "__main__":
    main()
