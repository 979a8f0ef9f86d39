"""Search: Pagefind (from PyPI) indexes the staged site before it is published.

Pages mark what to index with ``data-pagefind-body``, their kind, city and
topics with ``data-pagefind-filter`` and ``data-pagefind-meta``; the search
page's script (theme/static/js/search.js) queries the index in the browser.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from typing import Any

log = logging.getLogger(__name__)


class SearchIndexError(SystemExit):
    """Indexing failed: the build stops before publishing, without a traceback."""


def build_index(pelican: Any) -> None:
    if not pelican.settings.get("CONSEIL_OUVERT_SEARCH", True):
        return
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(pelican.output_path), "--silent"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0:
        raise SearchIndexError(
            "L'index de recherche (Pagefind) n'a pas pu être construit ; le site publié n'a "
            f"pas été modifié.\n{result.stdout}{result.stderr}"
        )
