"""Rebuild only what changed: a record page is rendered again only when one of
its inputs changed; otherwise the published file is linked into the new build.

A page's inputs are the code and templates, the site's settings, the set of
names that summaries link to, and the content files of every record within
two steps of the page's record (what it references, what references it, and
what those reference): all that a template can reach from the record.

The keys of the pages of a build are written into the build itself
(``.conseil-ouvert-pages.json``), so they are published — or discarded —
together with the pages they describe.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from .graph import Graph, record_key
from .output import link_or_copy

KEYS_FILE = ".conseil-ouvert-pages.json"
SETTINGS_THAT_SHOW = ("SITEURL", "SITE_ORIGIN", "SITENAME", "SITE_TAGLINE", "DATA_LICENCE")


def code_fingerprint(theme: Path, settings: dict[str, Any]) -> str:
    digest = hashlib.sha256()
    for folder in (theme / "templates", Path(__file__).parent):
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
    def __init__(self, graph: Graph, published: Path | None, staging: Path, fingerprint: str):
        self.graph = graph
        self.published = published
        self.staging = staging
        self.base = fingerprint + names_fingerprint(graph)
        self.previous: dict[str, str] = {}
        self.current: dict[str, str] = {}
        self.reused = 0
        keys = published / KEYS_FILE if published else None
        if keys and keys.exists():
            try:
                self.previous = json.loads(keys.read_text(encoding="utf-8"))
            except ValueError:
                self.previous = {}

    def key(self, record: Any) -> str:
        graph = self.graph
        start = record_key(record)
        near = {start} | graph.out_edges.get(start, set()) | graph.in_edges.get(start, set())
        inputs = set(near)
        for key in near:
            inputs |= graph.out_edges.get(key, set())
        digest = hashlib.sha256(self.base.encode())
        for key in sorted(inputs):
            digest.update(f"{key}:{graph.digests.get(key, '')}\n".encode())
        return digest.hexdigest()

    def reuse(self, relative: str, key: str) -> bool:
        """Link the published file into the build if it was made from the same inputs."""
        if self.published is None or self.previous.get(relative) != key:
            return False
        source = self.published / relative
        if not source.is_file():
            return False
        link_or_copy(source, self.staging / relative)
        self.current[relative] = key
        self.reused += 1
        return True

    def wrote(self, relative: str, key: str) -> None:
        self.current[relative] = key

    def save(self) -> None:
        (self.staging / KEYS_FILE).write_text(
            json.dumps(self.current, sort_keys=True, separators=(",", ":")), encoding="utf-8"
        )
