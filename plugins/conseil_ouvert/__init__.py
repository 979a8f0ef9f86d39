"""Conseil ouvert: the Pelican plugin that turns content records into the site.

Data flows one way: ``loading`` (files to typed records, checked by ``schema``)
then ``graph`` (references and rules) then ``pages`` and ``exports`` (HTML,
feeds, open data) then ``search`` (Pagefind) then ``output`` (atomic publish).
"""

from __future__ import annotations

from typing import Any

from pelican import signals


def get_generators(pelican: Any) -> list[type]:
    from .exports import ExportsGenerator
    from .pages import RecordPagesGenerator

    return [RecordPagesGenerator, ExportsGenerator]


def finalize(pelican: Any) -> None:
    """After every generator: sitemap, search index, then publish atomically."""
    from .exports.sitemap import write_root_files
    from .output import publish
    from .search import build_index

    write_root_files(pelican)
    build_index(pelican)
    publish(pelican)


def register() -> None:
    from .output import redirect_output

    signals.initialized.connect(redirect_output)
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(finalize)
