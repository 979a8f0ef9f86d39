"""A problem found in a content file, worded for a volunteer, and the checks
every text shares (forbidden characters, values shown without expanding them).

Every check appends a :class:`Problem` instead of raising, so a contributor
sees every mistake of every file at once.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Protocol

# Characters no published text may hold: controls (they make feeds invalid XML),
# lone surrogates and non-characters, and the invisible ones that change how a
# text reads without showing (bidi overrides and isolates, zero-width spaces
# and joiners): a name could then display as another.
FORBIDDEN_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    "\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
    "|[\ufffe\uffff\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff"
    "\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)


def shown(value: Any) -> str:
    """A value as a message shows it: short, on one line, never expanded
    (a hostile file may hold a huge or deeply nested value)."""
    if isinstance(value, dict):
        return "un bloc de champs"
    if isinstance(value, list):
        return "une liste"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def forbidden_char(text: str) -> str | None:
    """A French description of the first forbidden character of ``text``."""
    match = FORBIDDEN_CHARS.search(text)
    if match is None:
        return None
    char = match.group()
    return f"caractère invisible ou de contrôle U+{ord(char):04X} (position {match.start() + 1})"


FORBIDDEN_FIX = (
    "supprimez ce caractère (souvent collé avec le texte copié) : il peut tromper le "
    "lecteur ou rendre les fichiers publiés illisibles"
)


@dataclass(frozen=True, slots=True)
class Problem:
    """One mistake in one content file, worded for a volunteer."""

    file: str
    line: int | None
    field: str
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message} — {self.fix}"


class Lines(Protocol):
    """Where each field path of a header is (``header.NodeLines``)."""

    def find(self, path: str) -> int | None: ...

    def written(self, path: str) -> str | None: ...


@dataclass
class Context:
    """What a check needs: where it is, and where to put what it finds."""

    file: str
    lines: Lines
    problems: list[Problem]
    today: dt.date
    refs: list[tuple[str, str, str]] = field(default_factory=list)  # kind, id, path

    def add(self, path: str, message: str, fix: str) -> None:
        self.problems.append(Problem(self.file, self.lines.find(path), path, message, fix))
