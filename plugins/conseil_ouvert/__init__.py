"""Conseil ouvert: the Pelican plugin that turns content records into the site.

Data flows one way, one folder a step: ``format`` (what a content file may say)
then ``reading`` (files to the checked graph of records) then ``site`` (HTML
pages) and ``exports`` (feeds, open data), with ``build`` (staging, publishing,
caches, the search index) below them all and ``volunteer`` (command line,
scaffolds, importer) beside. This module only wires the steps to Pelican's
signals.
"""

from __future__ import annotations

import gc
from typing import Any

from pelican import signals


def get_generators(pelican: Any) -> list[type]:
    """Signal ``get_generators``, sent at the start of every build: write into a
    staging folder, pause the cycle collector, and add our generators."""
    from .build.output import redirect_output
    from .exports import ExportsGenerator
    from .site.pages import RecordPagesGenerator

    redirect_output(pelican)
    pause_cycle_collector(pelican)
    return [RecordPagesGenerator, ExportsGenerator]


def pause_cycle_collector(pelican: Any) -> None:
    """A build makes millions of objects that reference counting frees, and
    almost no reference cycles: the cycle collector would only scan the loaded
    records again and again (about a fifth of a rebuild). It resumes when the
    build ends (``resume_cycle_collector``)."""
    if gc.get_freeze_count():  # a previous build in this process (--autoreload)
        gc.unfreeze()
        gc.collect()  # its cycles, if any, are collected now
    gc.disable()


def resume_cycle_collector() -> None:
    """The build's objects are set aside before collection resumes: otherwise
    the first collection would scan all of them once more, for nothing."""
    gc.freeze()
    gc.enable()


def finalize(pelican: Any) -> None:
    """After every generator: sitemap, publish, then the search index."""
    from .build.output import publish
    from .build.search import build_index
    from .exports.sitemap import write_root_files

    try:
        write_root_files(pelican)
        publish(pelican)
        build_index(pelican)
    finally:
        resume_cycle_collector()


def register() -> None:
    from .build.output import register_signals
    from .reading.editorial import sanitise_page
    from .site.incremental import cache_compiled_templates

    register_signals()
    signals.content_object_init.connect(sanitise_page)
    signals.generator_init.connect(cache_compiled_templates)
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(finalize)
