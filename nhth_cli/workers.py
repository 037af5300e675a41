"""Worker processes with bounds: each file gets a time limit and each worker a memory limit.

PDFium is not thread-safe, and a PDF can crash it, or make it allocate without end (a
decompression bomb): files are converted in worker processes, a chunk of files at a time. The
main process knows which file each worker is on and since when, so that

- a file over its time limit (`Settings.file_timeout`) gets its worker killed, and is that
  file's error; the rest of the worker's chunk goes to another worker;
- a worker over its memory limit (`Settings.memory_limit`, address space beyond what the
  worker held when it started) fails its allocation: a MemoryError becomes the file's error,
  an abort in PDFium ends the worker and the file it was on is the one lost;
- a worker that dies (a crash, the kernel's OOM killer) costs only the file it was on;
- workers die with the main process (PR_SET_PDEATHSIG), even when it is killed.

Results come back as they are done, in any order, with the index of their file.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from .discover import InputFile
    from .records import Settings

T = TypeVar("T")
Work = Callable[["InputFile", "Settings"], T]
Failed = Callable[["InputFile", str], T]

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when its parent ends (Linux); end now if `parent`
    (the process that forked this one; 0 when another start method put one between) has."""
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if parent and os.getppid() != parent:
        os._exit(1)


def _address_space() -> int:
    """This process's virtual memory size in bytes (0 when unknown)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def limit_memory(limit: int) -> None:
    """Allow this process `limit` bytes of address space beyond what it holds now, and no core
    file: PDFium aborts when an allocation fails, and a worker's core would be that large."""
    import resource

    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, resource.getrlimit(resource.RLIMIT_CORE)[1]))
    if limit <= 0:
        return
    with contextlib.suppress(ValueError, OSError):
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        soft = _address_space() + limit
        if hard != resource.RLIM_INFINITY:
            soft = min(soft, hard)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _worker(conn: Connection, parent: int, settings: Settings, work: Work[Any]) -> None:
    """A worker's life: take chunks of (index, file), send back (index, outcome) per file."""
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    limit_memory(settings.memory_limit)
    try:
        while True:
            chunk = conn.recv()
            if chunk is None:
                return
            for index, item in chunk:
                conn.send((index, work(item, settings)))
    except (EOFError, OSError, KeyboardInterrupt):
        return  # the main process went away


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    pending: deque[tuple[int, InputFile]] = field(default_factory=deque)
    since: float = 0.0  # when the file at pending[0] started (the last sign of progress)


def _died(exitcode: int | None, settings: Settings) -> str:
    """Why the file a worker was on is lost, from how the worker ended."""
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        if -exitcode == signal.SIGABRT and settings.memory_limit > 0:
            mb = settings.memory_limit // (1024 * 1024)
            return (
                f"reading it aborted the worker process ({name}): most likely it needs more "
                f"than the memory limit of {mb:,} MB (--memory-limit)"
            )
        if -exitcode == signal.SIGKILL:
            return "reading it got the worker process killed (SIGKILL; out of memory?)"
        return f"reading it crashed the worker process ({name})"
    return "reading it crashed the worker process"


def run(
    files: Sequence[InputFile],
    settings: Settings,
    jobs: int,
    work: Work[T],
    failed: Failed[T],
    done: Callable[[int, T], None],
    started: Callable[[], None] | None = None,
) -> None:
    """Convert `files` with `work` in `jobs` worker processes; call `done(index, outcome)` as
    each file is done (in any order), and `failed(file, reason)` gives the outcome of a file
    whose worker died or ran over the time limit. `started` is called once the workers run."""
    import multiprocessing

    ctx = multiprocessing.get_context()
    queue: deque[tuple[int, InputFile]] = deque(enumerate(files))
    chunk = max(1, min(32, len(files) // (jobs * 16)))
    workers: list[_Worker] = []
    # With "fork" the main process is the workers' parent; a forkserver is otherwise (it ends
    # with the main process, and its workers with it).
    parent = os.getpid() if ctx.get_start_method() == "fork" else 0

    def start() -> _Worker:
        ours, theirs = ctx.Pipe()
        process = ctx.Process(
            target=_worker, args=(theirs, parent, settings, work), daemon=True, name="nhth-worker"
        )
        process.start()
        theirs.close()
        worker = _Worker(process, ours)
        workers.append(worker)
        return worker

    def feed(worker: _Worker) -> None:
        """Give the worker its next chunk, or tell it to end."""
        tasks = [queue.popleft() for _ in range(min(chunk, len(queue)))]
        if not worker.pending:
            worker.since = time.monotonic()  # else the file it is on started earlier
        try:
            if tasks:
                worker.pending.extend(tasks)
                worker.conn.send(tasks)
            else:
                worker.conn.send(None)
        except OSError:
            pass  # it died: its sentinel says so next

    def lose(worker: _Worker, reason: str) -> None:
        """The worker is gone: its file is lost, the rest of its chunk goes back in front."""
        with contextlib.suppress(OSError):
            worker.conn.close()
        workers.remove(worker)
        if worker.pending:
            index, item = worker.pending.popleft()
            queue.extendleft(reversed(worker.pending))
            worker.pending.clear()
            done(index, failed(item, reason))
        if queue and sum(1 for w in workers if w.pending) < jobs:
            feed(start())

    def receive(worker: _Worker) -> bool:
        """Take the worker's results that are ready; False when it has gone."""
        try:
            while worker.conn.poll():
                index, outcome = worker.conn.recv()
                if worker.pending and worker.pending[0][0] == index:
                    worker.pending.popleft()
                worker.since = time.monotonic()
                done(index, outcome)
        except (EOFError, OSError):
            return False
        # A second chunk waits in the pipe while the worker reads the first: it never idles
        # for a round trip.
        if not worker.pending or (queue and len(worker.pending) <= chunk):
            feed(worker)
        return True

    try:
        for _ in range(min(jobs, len(files))):
            worker = start()
            feed(worker)
            if queue:
                feed(worker)
        if started is not None:
            started()
        while any(w.pending for w in workers):
            busy = [w for w in workers if w.pending]
            timeout = None
            if settings.file_timeout > 0:
                now = time.monotonic()
                timeout = max(0.0, min(w.since + settings.file_timeout - now for w in busy))
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout))
            for worker in busy:
                alive = receive(worker) if worker.conn in ready else True
                if not alive or worker.process.sentinel in ready:
                    if alive and receive(worker) and not worker.pending:
                        continue  # it ended after its last result
                    worker.process.join()
                    lose(worker, _died(worker.process.exitcode, settings))
                elif (
                    worker.pending
                    and settings.file_timeout > 0
                    and time.monotonic() - worker.since >= settings.file_timeout
                ):
                    worker.process.kill()
                    worker.process.join()
                    seconds = f"{settings.file_timeout:g}"
                    lose(worker, f"took longer than the time limit of {seconds} s (--file-timeout)")
    finally:
        for worker in workers:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        deadline = time.monotonic() + 2
        for worker in workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            with contextlib.suppress(OSError):
                worker.conn.close()
