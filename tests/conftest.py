"""Shared fixtures: real site builds into temporary folders, and HTML parsing."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from corpus import write_corpus
from pelican import Pelican
from pelican.settings import read_settings

from conseil_ouvert.reading.graph import Graph, build_graph
from conseil_ouvert.volunteer.synthetic import generate

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
TODAY = "2026-11-24"  # fixed, so that « future date » checks do not drift


def site_settings(content: Path, output: Path, **overrides: object) -> dict:
    """The project's settings for building ``content`` into ``output``."""
    return read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "THEME": str(ROOT / "theme"),
            "PLUGIN_PATHS": [str(ROOT / "plugins")],
            "CONSEIL_OUVERT_SEARCH": False,
            "CONSEIL_OUVERT_TODAY": TODAY,
            "CACHE_PATH": str(output.parent / f"{output.name}-cache"),
            **overrides,
        },
    )


def build_site(content: Path, output: Path, **overrides: object) -> Path:
    """Build ``content`` into ``output`` with the project's settings."""
    Pelican(site_settings(content, output, **overrides)).run()
    return output


def run_cli(content: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The volunteer's command (``conseil-ouvert --contenu CONTENT …``), as a
    separate process with no terminal, so that its exit code and words are real."""
    return subprocess.run(
        [sys.executable, "-m", "conseil_ouvert.volunteer.cli", "--contenu", str(content), *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def file_digests(folder: Path, skip: frozenset[str] = frozenset()) -> dict[str, str]:
    """Every file below ``folder`` (but names in ``skip``) with the hash of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in skip
    }


def text_of(node: object) -> str:
    """Visible text with every kind of space folded to one plain space."""
    raw = node.get_text(" ") if hasattr(node, "get_text") else str(node)
    return re.sub(r"[\s\u00a0\u202f]+", " ", raw).strip()


class Site:
    """A built site: pages parsed on demand."""

    def __init__(self, output: Path) -> None:
        self.output = output

    def path(self, url: str) -> Path:
        relative = url.split("#")[0].lstrip("/")
        target = self.output / relative
        return target / "index.html" if relative == "" or relative.endswith("/") else target

    def page(self, url: str) -> BeautifulSoup:
        return BeautifulSoup(self.path(url).read_text(encoding="utf-8"), "html.parser")

    def html_files(self) -> list[Path]:
        return sorted(self.output.rglob("*.html"))


@pytest.fixture(scope="session")
def records() -> Graph:
    """The real content as the site reads it: tests over ``content/`` derive what
    they expect from it (never a count typed in the test: content grows)."""
    import datetime as dt

    return build_graph(CONTENT, dt.date.fromisoformat(TODAY))


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The real content, built once with search, as a reader would get it. Tests
    over it assert only what holds for any valid content (invariants)."""
    output = tmp_path_factory.mktemp("site") / "output"
    build_site(CONTENT, output, CONSEIL_OUVERT_SEARCH=True)
    return Site(output)


@pytest.fixture(scope="session")
def corpus_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fictional test corpus (tests/corpus.py), written once; not to be edited."""
    return write_corpus(tmp_path_factory.mktemp("corpus") / "content")


@pytest.fixture(scope="session")
def corpus_records(corpus_content: Path) -> Graph:
    """The fictional corpus as the site reads it."""
    import datetime as dt

    return build_graph(corpus_content, dt.date.fromisoformat(TODAY))


@pytest.fixture(scope="session")
def corpus_site(corpus_content: Path) -> Site:
    """The fictional corpus built once with search: tests that need particular
    records (a mayor's roles, a group's votes, a city's cameras…) read it."""
    output = corpus_content.parent / "output"
    return Site(build_site(corpus_content, output, CONSEIL_OUVERT_SEARCH=True))


PAGE_SIZES_SMALL = {
    "personnes": 2,
    "organisations": 7,
    "comparaison": 5,
    "donnees-villes": 4,
    "villes": 5,
    "deliberations": 1,
    "sources": 8,
    "chronologie": 6,
}


@pytest.fixture(scope="session")
def paged(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The real content with tiny list pages, so that every list is paginated."""
    output = tmp_path_factory.mktemp("paged") / "output"
    return Site(build_site(CONTENT, output, CONSEIL_OUVERT_PAGE_SIZES=PAGE_SIZES_SMALL))


# A record's own long lists: a synthetic corpus whose councillors, groups,
# councils and cities have long records, built with tiny record lists.
BUSY_SIZES = {
    "apercu": 3,
    "apercu-citations": 2,
    "votes": 2,
    "deliberations-liste": 4,
    "citations": 3,
}


@pytest.fixture(scope="session")
def busy(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Site]:
    """The synthetic content (kept, to read what the pages should show) and its site."""
    root = tmp_path_factory.mktemp("busy")
    content = generate(root / "content", deliberations=30, nominal_votes=True)
    shutil.copytree(CONTENT / "pages", content / "pages")  # à propos, contribuer… (footer links)
    return content, Site(build_site(content, root / "output", CONSEIL_OUVERT_PAGE_SIZES=BUSY_SIZES))


@pytest.fixture
def corpus(tmp_path: Path) -> Callable[..., Path]:
    """A copy of the fictional corpus (tests/corpus.py) that a test may break,
    with ``files`` added or replaced."""

    def make(**files: str) -> Path:
        target = write_corpus(tmp_path / "content")
        for relative, text in files.items():
            path = target / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return target

    return make
