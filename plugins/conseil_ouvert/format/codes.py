"""Codes read as text and checked against their pattern: SIRET (14 digits and a
Luhn key) and the ACTES subject code (6.10 is not 6.1).

YAML reads ``6.10`` as the number 6.1 and ``01234`` as 1234, so a code is read
back from the line the contributor wrote.
"""

from __future__ import annotations

import re
from typing import Any

from .fields import Spec
from .problems import Context, shown


def written_text(value: Any, ctx: Context, path: str) -> str:
    """A scalar as the contributor wrote it: YAML reads ``6.10`` as the number
    6.1 and ``01234`` as 1234, so a code is read back from its line."""
    if isinstance(value, str):
        return value.strip()
    written = None if isinstance(value, bool) else ctx.lines.written(path)
    return written.strip() if written else str(value)


class Code(Spec):
    """A code read as text and matched against a pattern (SIRET, ACTES code)."""

    def __init__(self, pattern: str, example: str, what: str) -> None:
        self.pattern = re.compile(pattern)
        self.example = example
        self.what = what

    def parse(self, value: Any, ctx: Context, path: str) -> str | None:
        text = written_text(value, ctx, path).replace(" ", "")
        if not self.pattern.match(text) or not self.valid(text):
            ctx.add(path, f"{self.what} invalide : {shown(text)}", self.fix())
            return None
        return text

    def valid(self, text: str) -> bool:
        return True

    def fix(self) -> str:
        return f"écrivez-le comme la source, entre guillemets, ex. « {self.example} »"

    def schema(self) -> dict[str, Any]:
        # A number is read back as written (code_actes: 6.10): both are accepted.
        return {"type": ["string", "number"], "pattern": self.pattern.pattern}


class Siret(Code):
    """14 digits whose Luhn sum is a multiple of 10 (La Poste's: digit sum of 5)."""

    def __init__(self) -> None:
        super().__init__(r"^\d{14}$", "", "SIRET")

    def valid(self, text: str) -> bool:
        if text.startswith("356000000"):  # La Poste's establishments
            return sum(int(c) for c in text) % 5 == 0
        total = 0
        for i, char in enumerate(reversed(text)):
            digit = int(char) * (2 if i % 2 else 1)
            total += digit - 9 if digit > 9 else digit
        return total % 10 == 0

    def fix(self) -> str:
        return (
            "un SIRET a 14 chiffres (le SIREN et 5 chiffres) dont la clé est juste : "
            "recopiez-le depuis l'annuaire des entreprises, entre guillemets"
        )
