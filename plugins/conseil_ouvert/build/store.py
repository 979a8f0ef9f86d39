"""A dictionary kept between builds in pickle shards: saving rewrites only
the shards whose keys changed, so editing one file costs a small write
whatever the size of the site. Each shard carries the version of what made
its entries (code, settings); a shard of another version is ignored."""

from __future__ import annotations

import os
import pickle
import zlib
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

SHARDS = 64


class ShardedStore:
    def __init__(
        self, folder: Path | None, name: str, version: str, owner: Callable[[Any], str]
    ) -> None:
        """``owner`` names the file or record a key belongs to: it picks the shard."""
        self.folder = folder
        self.name = name
        self.version = version
        self.owner = owner
        self.entries: dict[Hashable, Any] = {}
        self.loaded: list[set[Hashable]] = [set() for _ in range(SHARDS)]
        if folder is None or not folder.is_dir():
            return
        for shard in range(SHARDS):
            try:
                version, entries = pickle.loads(self._file(shard).read_bytes())
            except Exception:  # missing, corrupt or old: only a slower build
                continue
            if version == self.version:
                self.entries.update(entries)
                self.loaded[shard] = set(entries)

    def _file(self, shard: int) -> Path:
        assert self.folder is not None
        return self.folder / f"{self.name}-{shard:02d}.pickle"

    def save(self, used: dict[Hashable, Any]) -> None:
        """Keep exactly ``used``, rewriting only the shards that differ."""
        if self.folder is None:
            return
        shards: list[dict[Hashable, Any]] = [{} for _ in range(SHARDS)]
        for key, entry in used.items():
            shards[zlib.crc32(self.owner(key).encode()) % SHARDS][key] = entry
        self.folder.mkdir(parents=True, exist_ok=True)
        for shard, entries in enumerate(shards):
            if set(entries) == self.loaded[shard] and self._file(shard).exists():
                continue
            temporary = self._file(shard).with_suffix(".tmp")
            temporary.write_bytes(pickle.dumps((self.version, entries), protocol=5))
            os.replace(temporary, self._file(shard))
            self.loaded[shard] = set(entries)
