"""Rebuild only what changed: a record page is rendered again only when one of
its inputs changed; otherwise the published file is kept as it is.

A page's inputs are the code and templates, the site's settings, the set of
names that summaries link to, and the content files of every record within
two steps of the page's record (what it references, what references it, and
what those reference): all that a template can reach from the record.

The keys of the pages of a build are written into the build's manifest
(see ``output``), so they are published — or discarded — together with the
pages they describe.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import FileSystemBytecodeCache

from ..build.output import SiteWriter
from ..build.store import ShardedStore
from ..reading.graph import Graph, record_key

SETTINGS_THAT_SHOW = ("SITEURL", "SITE_ORIGIN", "SITENAME", "SITE_TAGLINE", "DATA_LICENCE")


def code_fingerprint(theme: Path, settings: dict[str, Any]) -> str:
    digest = hashlib.sha256()
    for folder in (theme / "templates", Path(__file__).parents[1]):  # the whole plugin
        for path in sorted(folder.rglob("*")):
            if path.suffix in {".html", ".py", ".json"}:
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
    digest.update(repr([settings.get(k) for k in SETTINGS_THAT_SHOW]).encode())
    return digest.hexdigest()


def names_fingerprint(graph: Graph) -> str:
    """Summaries link the names of people and organisations: a new name can change
    any summary."""
    names = sorted(
        [(p.id, p.name) for p in graph.persons.values()]
        + [(o.id, o.name, o.short_name or "") for o in graph.organisations.values()]
    )
    return hashlib.sha256(repr(names).encode()).hexdigest()


class RenderCache:
    """Inputs keys of record pages, memoised: list pages and feeds combine the
    keys of the records they show."""

    def __init__(self, graph: Graph, writer: SiteWriter, fingerprint: str) -> None:
        self.graph = graph
        self.writer = writer
        self.base = fingerprint + names_fingerprint(graph)
        self.keys: dict[int, str] = {}  # by id(record): records live as long as the build

    def key(self, record: Any) -> str:
        """What a page of ``record`` depends on (two records that reference each
        other may have the same key: it names inputs, not the record)."""
        known = self.keys.get(id(record))
        if known is not None:
            return known
        start = record_key(record)
        graph = self.graph
        near = {start} | graph.out_edges.get(start, set()) | graph.in_edges.get(start, set())
        inputs = set(near)
        for key in near:
            inputs |= graph.out_edges.get(key, set())
        digests = graph.digests
        text = "".join([f"{key}:{digests.get(key, '')}\n" for key in sorted(inputs)])
        key = self.keys[id(record)] = hashlib.sha256((self.base + text).encode()).hexdigest()
        return key

    def combined_key(self, label: str, records: Iterable[Any]) -> str:
        """One key for a file made from several records (a feed, a list)."""
        known = self.keys
        keys = [known.get(id(r)) or self.key(r) for r in records]  # most are known (feeds)
        return hashlib.sha256(f"{self.base}{label}{''.join(keys)}".encode()).hexdigest()

    def reuse(self, relative: str, key: str) -> bool:
        """Keep the published file if it was made from the same inputs."""
        return self.writer.keep(relative, key)

    def wrote(self, relative: str, key: str) -> None:
        self.writer.keys[relative] = key


def cache_folder(settings: dict[str, Any]) -> Path | None:
    """Where parsed records and compiled templates are kept between builds."""
    if not settings.get("CONSEIL_OUVERT_INCREMENTAL", True):
        return None
    return Path(settings["CACHE_PATH"]) / "conseil-ouvert"


def cache_compiled_templates(generator: Any) -> None:
    """Signal ``generator_init``: compiled templates are reused between builds
    (Jinja checks each template's source before using its cached code)."""
    folder = cache_folder(generator.settings)
    env = getattr(generator, "env", None)
    if env is None:
        return
    env.autoescape = True  # a record's text is never markup, whatever the settings say
    if folder is None:
        return
    # Compiled code depends on the escaping mode and on Jinja's version, which
    # Jinja's own cache key ignores: they name the folder.
    flavour = hashlib.sha256(f"{jinja2.__version__} {env.autoescape}".encode()).hexdigest()[:12]
    (folder / f"templates-{flavour}").mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder / f"templates-{flavour}"))


Fragment = Callable[[str, Any, Callable[[Any], str]], str]  # (kind, record, make) -> text


def no_cache(kind: str, record: Any, make: Callable[[Any], str]) -> str:
    """A ``Fragment`` that always makes the text."""
    return make(record)


class FragmentCache:
    """Text made from one record (its JSON, its Popolo parts), kept between
    builds under the record's inputs key: files that change with every edit
    (the complete JSON, Popolo for all cities) are assembled from the
    fragments of unchanged records instead of serialising them again."""

    def __init__(
        self, folder: Path | None, name: str, base: str, inputs: Callable[[Any], str]
    ) -> None:
        """``base`` names what every fragment depends on (code, settings, names);
        ``inputs`` what one record's fragment depends on."""
        self.inputs = inputs
        self.store = ShardedStore(folder, name, base, _record_of)
        self.entries: dict[str, str] = self.store.entries
        self.used: dict[str, str] = {}

    def text(self, kind: str, record: Any, make: Callable[[Any], str]) -> str:
        # Two records close to each other can share inputs: the name tells them apart.
        key = f"{kind}:{record_key(record)}:{self.inputs(record)}"
        text = self.entries.get(key)
        if text is None:
            text = make(record)
        self.used[key] = text
        return text

    def save(self) -> None:
        self.store.save(self.used)


def _record_of(key: str) -> str:
    return key.split(":", 2)[1]
