"""Open data, feeds and machine-readable alternates, written from the graph."""

from __future__ import annotations

from typing import Any

from pelican.generators import Generator


class ExportsGenerator(Generator):
    """Writes every export after the pages (the graph comes from the context)."""

    def generate_output(self, writer: Any) -> None:
        return None
