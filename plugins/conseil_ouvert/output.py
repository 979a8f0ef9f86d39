"""Nothing lost: the build writes into a staging folder next to the output,
and the published folder is replaced only once every step has succeeded.

A failed build (content error, crash, interrupted search indexing) leaves the
previous site exactly as it was.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

STAGING_SUFFIX = ".en-cours"
OLD_SUFFIX = ".precedent"


def write_text(target: Path, text: str) -> None:
    """Write a file, creating its folder only when it is missing (one system call
    in the common case: thousands of pages are written per build)."""
    try:
        target.write_text(text, encoding="utf-8")
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def link_or_copy(source: Path, target: Path) -> None:
    """Hard-link an unchanged published file into the new build (copy if links fail)."""
    try:
        os.link(source, target)
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        link_or_copy(source, target)
    except OSError:
        shutil.copy2(source, target)


def staging_path(output: Path) -> Path:
    return output.with_name(output.name + STAGING_SUFFIX)


def redirect_output(pelican: Any) -> None:
    """Signal ``initialized``: make every generator write into the staging folder."""
    if not pelican.settings.get("CONSEIL_OUVERT_ATOMIC_OUTPUT", True):
        return
    published = Path(pelican.output_path).resolve()
    staging = staging_path(published)
    if staging.exists():
        shutil.rmtree(staging)  # what a failed build left behind
    staging.mkdir(parents=True)
    pelican.settings["CONSEIL_OUVERT_PUBLISHED_PATH"] = str(published)
    pelican.settings["OUTPUT_PATH"] = str(staging)
    pelican.output_path = str(staging)


def publish(pelican: Any) -> None:
    """Signal ``finalized`` (after every other step): swap staging and output."""
    published_setting = pelican.settings.get("CONSEIL_OUVERT_PUBLISHED_PATH")
    if not published_setting:
        return
    published = Path(published_setting)
    staging = Path(pelican.output_path)
    old = published.with_name(published.name + OLD_SUFFIX)
    if old.exists():
        shutil.rmtree(old)
    if published.exists():
        os.replace(published, old)
    os.replace(staging, published)
    if old.exists():
        shutil.rmtree(old)
    pelican.output_path = str(published)
    pelican.settings["OUTPUT_PATH"] = str(published)
    log.info("Site publié dans %s", published)
