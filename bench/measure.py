"""Run one command and report what it cost: a fresh wrapper process per measurement.

    python bench/measure.py [--cwd DIR] -- COMMAND [ARG...]

Prints one JSON object: wall seconds, user and system CPU seconds of the command and every
process it waited for, peak RSS of the largest such process (`getrusage(RUSAGE_CHILDREN)` in
this wrapper, which has no other children, so the figure belongs to this run alone), the peak of
the summed RSS of the whole process tree (sampled every 20 ms from /proc: worker processes
included), the exit status and the tails of stdout and stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time

PAGE = os.sysconf("SC_PAGE_SIZE")


def _tree(pid: int) -> list[int]:
    """pid and its descendants, from /proc/<pid>/task/*/children."""
    out, stack = [], [pid]
    while stack:
        p = stack.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except OSError:
            continue
    return out


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


class TreeSampler(threading.Thread):
    """The peak of the summed resident memory of a process and its descendants."""

    def __init__(self, pid: int, interval: float = 0.02) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            self.peak = max(self.peak, sum(_rss(p) for p in _tree(self.pid)))
            self.done.wait(self.interval)


def measure(command: list[str], cwd: str | None = None) -> dict[str, object]:
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sampler = TreeSampler(child.pid)
    sampler.start()
    out, err = child.communicate()
    wall = time.perf_counter() - start
    sampler.done.set()
    sampler.join()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "wall_s": wall,
        "user_s": usage.ru_utime,
        "sys_s": usage.ru_stime,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "peak_rss_mb": usage.ru_maxrss / 1024,  # kilobytes on Linux
        "tree_rss_mb": sampler.peak / 2**20,
        "returncode": child.returncode,
        "stdout_tail": out.decode(errors="replace")[-4000:],
        "stderr_tail": err.decode(errors="replace")[-2000:],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cwd")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command given")
    json.dump(measure(command, args.cwd), sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
