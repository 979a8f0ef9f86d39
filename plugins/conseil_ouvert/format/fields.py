"""A small field language: one declaration gives the checks, the French error
messages, the JSON Schema published for editors and the scaffolded files.

Every check appends a :class:`~.problems.Problem` instead of raising, so a
contributor sees every mistake of every file at once.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any
from urllib.parse import urlsplit

from .model import PartialDate
from .problems import FORBIDDEN_CHARS, FORBIDDEN_FIX, Context, forbidden_char, shown

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
UNKNOWN_WORDS = {"inconnu", "inconnue", "non publié", "non publie", "?"}
# Largest values a source can plausibly give: beyond, a typo or a hostile file.
MAX_INTEGER = 10**10
MAX_EUROS = 10**12
# A URL is emitted inside quoted attributes and feeds: no quote, angle bracket,
# space, backslash or control character, no user name before the host.
URL_FORBIDDEN = re.compile(r"[\s\"'<>\\`{}|^\x00-\x1f\x7f]")
HOST_RE = re.compile(r"^[\w.-]+(?::\d{1,5})?$")
MAX_URL = 2000


class Spec:
    """A value's type: how to check it and how to describe it."""

    def parse(self, value: Any, ctx: Context, path: str) -> Any:
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def placeholder(self) -> Any:
        """A value shown commented out in scaffolded files."""
        return ""


class Text(Spec):
    def __init__(self, max_length: int = 2000) -> None:
        self.max_length = max_length

    def parse(self, value: Any, ctx: Context, path: str) -> str | None:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            ctx.add(
                path, "texte attendu", "écrivez un texte entre guillemets après les deux-points"
            )
            return None
        if len(value) > self.max_length:
            ctx.add(
                path,
                f"texte trop long ({len(value)} caractères)",
                f"raccourcissez-le à {self.max_length} caractères au plus",
            )
            return None
        bad = forbidden_char(value)
        if bad:
            ctx.add(path, bad, FORBIDDEN_FIX)
            return None
        return value.strip()

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "minLength": 1, "maxLength": self.max_length}


class Slug(Spec):
    def parse(self, value: Any, ctx: Context, path: str) -> str | None:
        if not isinstance(value, str) or not SLUG_RE.match(value):
            ctx.add(
                path,
                f"identifiant invalide : {shown(value)}",
                "utilisez des minuscules sans accent, des chiffres et des tirets (ex. : metz)",
            )
            return None
        return value

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": SLUG_RE.pattern}


class Ref(Slug):
    """The identifier (file name without .md) of another record."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def parse(self, value: Any, ctx: Context, path: str) -> str | None:
        slug = super().parse(value, ctx, path)
        if slug:
            ctx.refs.append((self.kind, slug, path))
        return slug

    def schema(self) -> dict[str, Any]:
        return {
            **super().schema(),
            "description": f"identifiant d'un fichier de content/{self.kind}/",
        }


class Integer(Spec):
    def __init__(self, minimum: int = 0, unknown: bool = False) -> None:
        self.minimum = minimum
        self.unknown = unknown

    def parse(self, value: Any, ctx: Context, path: str) -> int | None:
        if self.unknown and (
            value is None or (isinstance(value, str) and value.strip().lower() in UNKNOWN_WORDS)
        ):
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            hint = " ou « inconnu »" if self.unknown else ""
            ctx.add(
                path, f"nombre entier attendu, trouvé {shown(value)}", f"écrivez un nombre{hint}"
            )
            return None
        if value > MAX_INTEGER:
            ctx.add(
                path,
                f"nombre invraisemblable : {shown(value)}",
                f"vérifiez le chiffre dans la source (au plus {MAX_INTEGER})",
            )
            return None
        if value < self.minimum:
            ctx.add(
                path,
                f"nombre négatif ou trop petit : {value}",
                f"écrivez un nombre supérieur ou égal à {self.minimum}",
            )
            return None
        return value

    def schema(self) -> dict[str, Any]:
        number = {"type": "integer", "minimum": self.minimum}
        if self.unknown:
            return {"anyOf": [number, {"enum": ["inconnu", None]}]}
        return number

    def placeholder(self) -> Any:
        return "inconnu" if self.unknown else 0


class Euros(Spec):
    def parse(self, value: Any, ctx: Context, path: str) -> float | None:
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
        ):
            ctx.add(
                path,
                f"montant en euros attendu, trouvé {shown(value)}",
                "écrivez un nombre sans espace ni symbole, ex. 200000",
            )
            return None
        if value > MAX_EUROS:
            ctx.add(
                path,
                f"montant invraisemblable : {shown(value)}",
                "vérifiez le montant dans la source et écrivez-le en euros, ex. 7000000",
            )
            return None
        if value < 0:
            ctx.add(path, f"montant négatif : {value}", "un montant voté est positif ou nul")
            return None
        return value

    def schema(self) -> dict[str, Any]:
        return {"type": "number", "minimum": 0}

    def placeholder(self) -> Any:
        return 0


class Date(Spec):
    """A partial date, as precise as the source: AAAA, AAAA-MM or AAAA-MM-JJ."""

    FIX = "écrivez AAAA-MM-JJ, ou AAAA-MM ou AAAA si la source n'est pas plus précise"

    def __init__(self, past: bool = True) -> None:
        self.past = past

    def parse(self, value: Any, ctx: Context, path: str) -> PartialDate | None:
        match = DATE_RE.match(str(value)) if isinstance(value, (str, int)) else None
        if not match or isinstance(value, bool):
            ctx.add(path, f"date illisible : {shown(value)}", self.FIX)
            return None
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
            dt.date(year, month or 1, day or 1)
        except ValueError:
            ctx.add(path, f"date impossible : {value} n'existe pas", self.FIX)
            return None
        date = PartialDate(year, month, day)
        if self.past and date.first_day() > ctx.today:
            ctx.add(
                path,
                f"date dans le futur : {value}",
                "un fait publié a déjà eu lieu : vérifiez l'année",
            )
            return None
        return date

    def schema(self) -> dict[str, Any]:
        return {"type": ["string", "integer"], "pattern": DATE_RE.pattern}


class Url(Spec):
    """An absolute http(s) address, safe to print in an attribute or a feed."""

    def parse(self, value: Any, ctx: Context, path: str) -> str | None:
        fix = (
            "seules les adresses http:// ou https:// complètes sont acceptées, sans espace, "
            "guillemet ni chevron (encodez-les : %20, %22, %3C) ; "
            "si l'adresse n'est pas connue, supprimez le champ"
        )
        if not isinstance(value, str) or len(value) > MAX_URL:
            ctx.add(path, f"adresse web refusée : {shown(value)}", fix)
            return None
        bad = URL_FORBIDDEN.search(value) or FORBIDDEN_CHARS.search(value)
        if bad:
            ctx.add(
                path,
                f"adresse web refusée : caractère {bad.group()!r} (position {bad.start() + 1})",
                fix,
            )
            return None
        try:
            parts = urlsplit(value)
            parts.port  # noqa: B018 - raises on a malformed port
        except ValueError:
            parts = None
        if (
            not parts
            or parts.scheme not in {"http", "https"}
            or not HOST_RE.match(parts.netloc)
            or "." not in parts.hostname
        ):
            ctx.add(path, f"adresse web refusée : {shown(value)}", fix)
            return None
        return value

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "uri", "pattern": "^https?://"}


class Choice(Spec):
    """One value of a list; ``aliases`` are other spellings read as a value."""

    def __init__(self, choices: dict[str, str], aliases: dict[str, str] | None = None) -> None:
        self.choices = choices
        self.aliases = aliases or {}

    def parse(self, value: Any, ctx: Context, path: str) -> str | None:
        value = self.aliases.get(value, value) if isinstance(value, str) else value
        if not isinstance(value, str) or value not in self.choices:
            ctx.add(
                path,
                f"valeur inconnue : {shown(value)}",
                "choisissez parmi : " + ", ".join(self.choices),
            )
            return None
        return value

    def schema(self) -> dict[str, Any]:
        return {"enum": [*self.choices, *self.aliases]}

    def placeholder(self) -> Any:
        return next(iter(self.choices))


class Flag(Spec):
    def parse(self, value: Any, ctx: Context, path: str) -> bool | None:
        if not isinstance(value, bool):
            ctx.add(path, f"oui ou non attendu, trouvé {shown(value)}", "écrivez true ou false")
            return None
        return value

    def schema(self) -> dict[str, Any]:
        return {"type": "boolean"}

    def placeholder(self) -> Any:
        return False
