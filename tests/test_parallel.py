"""Two processes build exactly the site one process builds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import build_site, file_digests
from conseil_ouvert.build import parallel
from conseil_ouvert.volunteer.synthetic import generate


def test_parallel_map_keeps_the_order_and_uses_two_processes() -> None:
    if parallel.workers() < 2:
        pytest.skip("one core or no fork here")
    jobs = list(range(parallel.MIN_JOBS + 1))
    results = parallel.parallel_map(lambda job: (job * 2, os.getpid()), jobs)
    assert [value for value, _ in results] == [job * 2 for job in jobs]
    assert len({pid for _, pid in results}) == 2


def test_a_failure_in_the_second_process_stops_the_build() -> None:
    if parallel.workers() < 2:
        pytest.skip("one core or no fork here")
    parent = os.getpid()

    def fail_in_child(job: int) -> int:
        if os.getpid() != parent:
            raise ValueError("boom")
        return job

    with pytest.raises(parallel.ChildFailed, match="boom"):
        parallel.parallel_map(fail_in_child, list(range(parallel.MIN_JOBS)))


def test_two_processes_build_the_same_site_as_one(tmp_path: Path, monkeypatch) -> None:
    if parallel.workers() < 2:
        pytest.skip("one core or no fork here")
    content = generate(tmp_path / "synthetique" / "content", 300, nominal_votes=True)
    two = build_site(content, tmp_path / "two")
    monkeypatch.setenv("CONSEIL_OUVERT_PROCESSES", "1")
    one = build_site(content, tmp_path / "one")
    assert len(list(two.rglob("index.html"))) > parallel.MIN_JOBS
    assert file_digests(two) == file_digests(one)
