#!/usr/bin/env python3
"""Runs a command several times and prints one Markdown table row with the
medians of wall time, CPU time (user + system, from the kernel's accounting
of the child, microsecond resolution) and peak resident memory.

    measure.py LABEL RUNS COMMAND...

`{run}` in the command is replaced by the run's number, so that each run can
write to a folder of its own (a cold output folder every time).
"""
import os
import statistics
import subprocess
import sys
import time


def run_once(command):
    # posix_spawn, not fork: a forked child of this Python process pays for copying its
    # page tables and touching its memory (1.6 ms of CPU and 10 MB of peak RSS, measured
    # with /bin/true), and the kernel charges that to the command being measured.
    start = time.perf_counter()
    pid = os.posix_spawnp(command[0], command, os.environ,
                          file_actions=[(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)])
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"{' '.join(command)} failed with {status}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main():
    label, runs, command = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    samples = [run_once([part.replace("{run}", str(run)) for part in command]) for run in range(runs)]
    wall = statistics.median(s[0] for s in samples) * 1000
    cpu = statistics.median(s[1] for s in samples) * 1000
    rss = statistics.median(s[2] for s in samples) / 1024
    pages = os.environ.get("PAGES")
    rate = f" | {int(pages) / (wall / 1000):,.0f}" if pages else ""
    print(f"| {label} | {wall:.1f} ms | {cpu:.1f} ms | {rss:.1f} MB{rate} | {runs} |")


if __name__ == "__main__":
    main()
