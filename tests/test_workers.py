"""workers.run: files done in worker processes, each file's outcome once, a lost file costing
only itself (a crash, the time limit, the memory limit)."""

from __future__ import annotations

import faulthandler
import os
import signal
import time
from pathlib import Path

import pytest

from nhth_cli.discover import InputFile
from nhth_cli.records import Settings
from nhth_cli.workers import run

# What a file's name asks the work to do (the work runs in a worker process).


def work(item: InputFile, settings: Settings) -> str:
    name = item.source
    if name.startswith("SIG"):  # a crash in PDFium, the OOM killer: the worker dies of a signal
        faulthandler.disable()  # pytest's handler would print the worker's stack
        os.kill(os.getpid(), signal.Signals[name.split(".")[0]])
    if name.startswith("exit"):
        os._exit(3)
    if name.startswith("slow"):
        time.sleep(30)
    if name.startswith("greedy"):
        try:
            bytearray(1024 * 1024 * 1024)
        except MemoryError:
            return f"{name}: MemoryError"
        return f"{name}: allocated"
    return f"{name}: done in {os.getpid()}"


def failed(item: InputFile, reason: str) -> str:
    return f"{item.source}: lost: {reason}"


def outcomes(names: list[str], jobs: int, **settings: float) -> dict[int, str]:
    """Each file's index and outcome; each index given to `done` once."""
    files = [InputFile(Path(name), name) for name in names]
    found: dict[int, str] = {}

    def done(index: int, outcome: str) -> None:
        assert index not in found, f"{names[index]} done twice"
        found[index] = outcome

    run(files, Settings(**settings), jobs, work, failed, done)  # type: ignore[arg-type]
    assert sorted(found) == list(range(len(names)))
    return found


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_every_file_is_done_once_in_a_worker_process(jobs: int) -> None:
    names = [f"file-{i}.txt" for i in range(40)]
    found = outcomes(names, jobs)
    for index, name in enumerate(names):
        assert found[index].startswith(f"{name}: done in ")
    pids = {int(outcome.rsplit(" ", 1)[1]) for outcome in found.values()}
    assert os.getpid() not in pids
    assert 1 <= len(pids) <= jobs


def test_no_files_no_workers() -> None:
    assert outcomes([], 2) == {}


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_worker_that_dies_costs_only_its_file(jobs: int) -> None:
    names = ["a.txt", "b.txt", "SIGSEGV.pdf", "c.txt", "exit.pdf", "SIGKILL.pdf", "d.txt"]
    found = outcomes(names, jobs)
    assert found[2] == "SIGSEGV.pdf: lost: reading it crashed the worker process (SIGSEGV)"
    assert found[4] == "exit.pdf: lost: reading it crashed the worker process"
    assert found[5] == (
        "SIGKILL.pdf: lost: reading it got the worker process killed (SIGKILL; out of memory?)"
    )
    for index in (0, 1, 3, 6):
        assert found[index].startswith(f"{names[index]}: done in ")


def test_an_abort_under_a_memory_limit_names_the_limit() -> None:
    found = outcomes(["SIGABRT.pdf", "a.txt"], 1, memory_limit=64 * 1024 * 1024)
    assert found[0] == (
        "SIGABRT.pdf: lost: reading it aborted the worker process (SIGABRT): most likely it "
        "needs more than the memory limit of 64 MB (--memory-limit)"
    )
    assert found[1].startswith("a.txt: done in ")
    unlimited = outcomes(["SIGABRT.pdf"], 1, memory_limit=0)
    assert unlimited[0] == "SIGABRT.pdf: lost: reading it crashed the worker process (SIGABRT)"


def test_a_file_over_the_time_limit_is_its_error_and_the_rest_go_on() -> None:
    names = ["a.txt", "slow.pdf", "b.txt", "c.txt"]
    began = time.monotonic()
    found = outcomes(names, 1, file_timeout=2.0)
    assert time.monotonic() - began < 20  # not the 30 s the file would take
    assert found[1] == "slow.pdf: lost: took longer than the time limit of 2 s (--file-timeout)"
    for index in (0, 2, 3):
        assert found[index].startswith(f"{names[index]}: done in ")


def test_a_worker_over_its_memory_limit_fails_the_allocation() -> None:
    found = outcomes(["greedy.pdf", "a.txt"], 1, memory_limit=64 * 1024 * 1024)
    assert found[0] == "greedy.pdf: MemoryError"
    assert found[1].startswith("a.txt: done in ")


def test_started_is_called_once_the_workers_run() -> None:
    calls: list[int] = []
    files = [InputFile(Path("a.txt"), "a.txt")]
    run(files, Settings(), 2, work, failed, lambda i, o: None, started=lambda: calls.append(1))
    assert calls == [1]
