"""Search: Pagefind indexes the staged site before it is published."""

from __future__ import annotations

from typing import Any


def build_index(pelican: Any) -> None:
    return None
