"""Two cores, two processes: a long list of independent jobs (parsing files,
rendering pages, writing feeds) is split between this process and a forked
copy of it, which sends its results back through a pipe.

Forking shares the loaded graph and templates at no cost, so nothing but the
results crosses the pipe. Where ``fork`` is missing (Windows), where there is
one core, or for short lists, the jobs run here, one after the other.
"""

from __future__ import annotations

import os
import pickle
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_JOBS = 400  # below this, forking costs more than it saves


class ChildFailed(RuntimeError):
    """The forked process failed: its traceback is in the message."""


def workers() -> int:
    if not hasattr(os, "fork") or os.environ.get("CONSEIL_OUVERT_PROCESSES") == "1":
        return 1
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return 2 if (available or 1) >= 2 else 1


def split_run(jobs: Sequence[T], work: Callable[[Sequence[T]], R]) -> list[R]:
    """Run ``work`` over the jobs, in two halves when it pays.

    Returns ``[work(jobs)]``, or ``[work(jobs[0::2]), work(jobs[1::2])]`` when
    split: dealing jobs alternately balances kinds of unequal cost. What
    ``work`` changes in memory stays in its process; only its result returns.
    """
    if len(jobs) < MIN_JOBS or workers() < 2:
        return [work(jobs)]
    mine, theirs = jobs[0::2], jobs[1::2]
    reader, writer = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: work, send the result, leave without cleanup
        os.close(reader)
        try:
            payload = pickle.dumps((True, work(theirs)), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:
            payload = pickle.dumps((False, traceback.format_exc()))
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(payload)
        os._exit(0)
    os.close(writer)
    try:
        own = work(mine)
    finally:
        with os.fdopen(reader, "rb") as pipe:
            payload = pipe.read()
        os.waitpid(pid, 0)
    ok, result = pickle.loads(payload) if payload else (False, "no result")
    if not ok:
        raise ChildFailed(f"the second build process failed:\n{result}")
    return [own, result]


def parallel_map(function: Callable[[T], R], jobs: Sequence[T]) -> list[R]:
    """``[function(job) for job in jobs]``, computed in two processes when it pays."""
    halves = split_run(jobs, lambda part: [function(job) for job in part])
    if len(halves) == 1:
        return halves[0]
    results: list[Any] = [None] * len(jobs)
    results[0::2] = halves[0]
    results[1::2] = halves[1]
    return results
