"""Nothing lost, little rewritten: the build writes into a staging folder next
to the output, and the published folder changes only once every step has
succeeded.

A failed build (content error, crash) leaves the previous site exactly as it
was. A first build (or one over a folder this plugin did not write) swaps the
whole staging folder in. A rebuild stages only the files whose bytes changed;
publishing then moves them over the published copies (one atomic rename per
file) and removes the files the new site no longer has. The manifest
(``.conseil-ouvert-pages.json``) lists every file of the site and the inputs
key of each record page, so the next build knows what it may keep.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path
from typing import Any

from pelican import signals

log = logging.getLogger(__name__)

STAGING_SUFFIX = ".en-cours"
OLD_SUFFIX = ".precedent"
MANIFEST = ".conseil-ouvert-pages.json"


def write_bytes(target: Path, data: bytes) -> None:
    """Write a file, creating its folder only when it is missing (one system call
    in the common case: thousands of pages are written per build)."""
    try:
        target.write_bytes(data)
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def files_below(folder: Path) -> list[str]:
    """Every file below ``folder``, as relative POSIX paths."""
    found = []
    for dirpath, _, filenames in os.walk(folder):
        base = Path(dirpath).relative_to(folder).as_posix()
        prefix = "" if base == "." else base + "/"
        found.extend(prefix + name for name in filenames)
    return found


class SiteWriter:
    """Writes the new site as its difference from the published one.

    ``files`` is every file of the new site (written or kept); ``keys`` the
    inputs key of each record page, for the next build.
    """

    def __init__(self, staging: Path, published: Path | None) -> None:
        self.staging = staging
        self.published = published
        self.files: set[str] = set()
        self.keys: dict[str, str] = {}
        self.previous_keys: dict[str, str] = {}
        self.previous_files: set[str] = set()
        if published is not None:
            try:
                manifest = json.loads((published / MANIFEST).read_text(encoding="utf-8"))
                self.previous_keys = dict(manifest["keys"])
                self.previous_files = set(manifest["files"])
            except (OSError, ValueError, KeyError, TypeError):
                self.published = None  # not ours, or damaged: publish the whole new site

    @property
    def overlay(self) -> bool:
        return self.published is not None

    def write_text(self, relative: str, text: str) -> int:
        """Stage a file unless the published copy has the same bytes; return its size."""
        data = text.encode("utf-8")
        self.files.add(relative)
        if self.published is not None and relative in self.previous_files:
            try:
                if (self.published / relative).read_bytes() == data:
                    return len(data)
            except OSError:
                pass
        write_bytes(self.staging / relative, data)
        return len(data)

    def keep(self, relative: str, key: str) -> bool:
        """Keep the published file if it was made from the same inputs."""
        if self.published is None or self.previous_keys.get(relative) != key:
            return False
        self.files.add(relative)
        self.keys[relative] = key
        return True


_WRITERS: dict[str, SiteWriter] = {}


def site_writer(settings: dict[str, Any]) -> SiteWriter:
    """The writer of the build that uses these settings (one per output folder)."""
    staging = str(Path(settings["OUTPUT_PATH"]))
    if staging not in _WRITERS:
        published = settings.get("CONSEIL_OUVERT_PUBLISHED_PATH")
        incremental = settings.get("CONSEIL_OUVERT_INCREMENTAL", True)
        _WRITERS[staging] = SiteWriter(
            Path(staging), Path(published) if published and incremental else None
        )
    return _WRITERS[staging]


def staging_path(output: Path) -> Path:
    return output.with_name(output.name + STAGING_SUFFIX)


def redirect_output(pelican: Any) -> None:
    """At the start of every build (``pelican --autoreload`` runs several with
    one Pelican object): make every generator write into the staging folder."""
    if not pelican.settings.get("CONSEIL_OUVERT_ATOMIC_OUTPUT", True):
        return
    published = getattr(pelican, "conseil_ouvert_published", None)
    if published is None:  # the first build of this Pelican object
        published = pelican.conseil_ouvert_published = Path(pelican.output_path).resolve()
    staging = staging_path(published)
    if staging.exists():
        shutil.rmtree(staging)  # what a failed build left behind
    staging.mkdir(parents=True)
    _WRITERS.pop(str(staging), None)
    pelican.settings.pop("CONSEIL_OUVERT_PAGES_CHANGED", None)
    pelican.settings["CONSEIL_OUVERT_PUBLISHED_PATH"] = str(published)
    pelican.settings["OUTPUT_PATH"] = str(staging)
    pelican.output_path = str(staging)


def record_pelican_file(path: str, context: Any = None) -> None:
    """Signal ``content_written``: Pelican's own pages belong to the site too."""
    for staging, writer in _WRITERS.items():
        if path.startswith(staging + os.sep):
            writer.files.add(Path(path).relative_to(staging).as_posix())


def publish(pelican: Any) -> None:
    """Signal ``finalized`` (after every other step): make the new site the published one."""
    published_setting = pelican.settings.get("CONSEIL_OUVERT_PUBLISHED_PATH")
    staging = Path(pelican.output_path)
    writer = _WRITERS.pop(str(staging), None)
    if not published_setting or writer is None or staging == Path(published_setting):
        return
    published = Path(published_setting)
    staged = files_below(staging)
    files = writer.files | set(staged)
    manifest = json.dumps(
        {"keys": writer.keys, "files": sorted(files)}, sort_keys=True, separators=(",", ":")
    )
    (staging / MANIFEST).write_text(manifest, encoding="utf-8")
    changed: list[str] = []
    if writer.overlay and published.is_dir():
        for relative in staged:
            if not _same_bytes(staging / relative, published / relative):  # Pelican's own files
                _move(staging / relative, published / relative)
                changed.append(relative)
        removed = sorted(writer.previous_files - files, reverse=True)
        for relative in removed:
            _remove(published, relative)
        changed += removed
        os.replace(staging / MANIFEST, published / MANIFEST)
        shutil.rmtree(staging)
    else:
        changed = sorted(files)
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
    # The search index is made from the pages: it needs rebuilding only if one changed.
    pelican.settings["CONSEIL_OUVERT_PAGES_CHANGED"] = any(
        relative.endswith(".html") for relative in changed
    )
    log.info(
        "Site publié dans %s (%d fichiers changés, %d inchangés)",
        published,
        len(changed),
        len(files) - len(changed),
    )


def _same_bytes(new: Path, old: Path) -> bool:
    try:
        return old.stat().st_size == new.stat().st_size and old.read_bytes() == new.read_bytes()
    except OSError:
        return False


def _move(source: Path, target: Path) -> None:
    try:
        os.replace(source, target)
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)


def _remove(root: Path, relative: str) -> None:
    """Remove a file the new site no longer has, and its folders left empty."""
    path = root / relative
    path.unlink(missing_ok=True)
    for parent in path.parents:
        if parent == root:
            break
        try:
            parent.rmdir()
        except OSError:
            break


def register_signals() -> None:
    signals.content_written.connect(record_pelican_file)
