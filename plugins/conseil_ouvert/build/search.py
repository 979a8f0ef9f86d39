"""Search: Pagefind (from PyPI) indexes the published site.

Pages mark what to index with ``data-pagefind-body``, their kind, city and
topics with ``data-pagefind-filter`` and ``data-pagefind-meta``; the search
page's script (theme/static/js/search.js) queries the index in the browser.

Pagefind needs every page, so it runs once the new pages are published (and
only if a page changed); it writes its bundle next to the old one, which is
replaced only if indexing succeeded.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

BUNDLE = "pagefind"
UP_TO_DATE = ".a-jour"  # in the bundle: it indexes the pages now published


class SearchIndexError(SystemExit):
    """Indexing failed: the build stops without a traceback."""


def build_index(pelican: Any) -> None:
    if not pelican.settings.get("CONSEIL_OUVERT_SEARCH", True):
        return
    site = Path(pelican.output_path)
    marker = site / BUNDLE / UP_TO_DATE
    if not pelican.settings.get("CONSEIL_OUVERT_PAGES_CHANGED", True) and marker.is_file():
        log.info("Aucune page n'a changé : l'index de recherche est gardé")
        return
    marker.unlink(missing_ok=True)  # until indexing succeeds, the index is not up to date
    fresh = site / f"{BUNDLE}.en-cours"
    old = site / f"{BUNDLE}.precedent"
    for leftover in (fresh, old):
        if leftover.exists():
            shutil.rmtree(leftover)
    command = [sys.executable, "-m", "pagefind", "--site", str(site)]
    result = subprocess.run(
        [*command, "--output-path", str(fresh), "--silent"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        raise SearchIndexError(
            "L'index de recherche (Pagefind) n'a pas pu être construit : les pages sont "
            "publiées, la recherche garde l'index précédent.\n"
            f"{result.stdout}{result.stderr}"
        )
    (fresh / UP_TO_DATE).write_text("", encoding="utf-8")
    bundle = site / BUNDLE
    if bundle.exists():
        os.replace(bundle, old)
    os.replace(fresh, bundle)
    shutil.rmtree(old, ignore_errors=True)
