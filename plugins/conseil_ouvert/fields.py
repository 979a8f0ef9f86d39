"""A small field language: one declaration gives the checks, the French error
messages, the JSON Schema published for editors and the scaffolded files.

Every check appends a :class:`Problem` instead of raising, so a contributor
sees every mistake of every file at once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import urlsplit

from .model import PartialDate

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
UNKNOWN_WORDS = {"inconnu", "inconnue", "non publié", "non publie", "?"}
# Largest values a source can plausibly give: beyond, a typo or a hostile file.
MAX_INTEGER = 10**10
MAX_EUROS = 10**12
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
# A URL is emitted inside quoted attributes and feeds: no quote, angle bracket,
# space, backslash or control character, no user name before the host.
URL_FORBIDDEN = re.compile(r"[\s\"'<>\\`{}|^\x00-\x1f\x7f]")
HOST_RE = re.compile(r"^[\w.-]+(?::\d{1,5})?$")
MAX_URL = 2000


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


class ListOf(Spec):
    def __init__(self, item: Spec) -> None:
        self.item = item

    def parse(self, value: Any, ctx: Context, path: str) -> list[Any] | None:
        if value is None:
            return []
        if not isinstance(value, list):
            ctx.add(
                path, "liste attendue", "écrivez chaque élément sur une ligne commençant par « - »"
            )
            return None
        parsed = (self.item.parse(v, ctx, f"{path}[{i}]") for i, v in enumerate(value))
        return [v for v in parsed if v is not None]

    def schema(self) -> dict[str, Any]:
        return {"type": "array", "items": self.item.schema()}

    def placeholder(self) -> Any:
        return []


@dataclass(frozen=True)
class Field:
    key: str  # the French key written in content files
    attr: str  # the model attribute it fills
    spec: Spec
    required: bool = False
    help: str = ""
    aliases: tuple[str, ...] = ()  # other spellings of the key, read as the key


class Obj(Spec):
    """A mapping of known keys; builds ``cls`` from the checked values."""

    def __init__(self, fields: Iterable[Field], cls: Callable[..., Any] | None = None) -> None:
        self.fields = {f.key: f for f in fields}
        self.lookup = {name: f for f in self.fields.values() for name in (f.key, *f.aliases)}
        self.cls = cls
        # Attributes without a default in the model get None (or []) when absent.
        declared = dataclasses.fields(cls) if cls and dataclasses.is_dataclass(cls) else ()
        self.blank = {
            f.name: [] if isinstance(self._spec_of(f.name), ListOf) else None
            for f in declared
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        }

    def _spec_of(self, attr: str) -> Spec | None:
        return next((f.spec for f in self.fields.values() if f.attr == attr), None)

    def parse(self, value: Any, ctx: Context, path: str) -> Any:
        if not isinstance(value, dict):
            ctx.add(
                path or "en-tête", "bloc de champs attendu", "écrivez des lignes « champ: valeur »"
            )
            return None
        prefix = f"{path}." if path else ""
        attrs: dict[str, Any] = {}
        complete = True
        for key, raw in value.items():
            spec_field = self.lookup.get(key) if isinstance(key, str) else None
            if spec_field is None:
                close = difflib.get_close_matches(str(key), self.fields, n=1)
                fix = (
                    f"vouliez-vous écrire « {close[0]} » ?"
                    if close
                    else ("champs possibles : " + ", ".join(self.fields))
                )
                ctx.add(f"{prefix}{shown(key).strip(chr(39))}", "champ inconnu", fix)
                continue
            if spec_field.attr in attrs:
                ctx.add(
                    f"{prefix}{key}",
                    f"« {key} » est une autre écriture de « {spec_field.key} », déjà donné",
                    "gardez une seule des deux lignes",
                )
                continue
            if raw is None and not isinstance(spec_field.spec, (Integer, ListOf)):
                continue  # an empty value means "not given"
            parsed = spec_field.spec.parse(raw, ctx, f"{prefix}{key}")
            if parsed is None:
                complete = complete and not spec_field.required
                continue
            attrs[spec_field.attr] = parsed
        for key, spec_field in self.fields.items():
            given = (value.get(name) for name in (key, *spec_field.aliases))
            if spec_field.required and all(v is None for v in given):
                ctx.add(
                    f"{prefix}{key}",
                    "champ obligatoire manquant",
                    f"ajoutez « {key}: … » ({spec_field.help})",
                )
                complete = False
        if not complete:
            return None
        return self.cls(**{**self.blank, **attrs}) if self.cls else attrs

    def schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "additionalProperties": False,
            "required": [k for k, f in self.fields.items() if f.required],
            "properties": {
                k: {**f.spec.schema(), "description": f.help} for k, f in self.lookup.items()
            },
        }

    def placeholder(self) -> Any:
        return {k: f.spec.placeholder() for k, f in self.fields.items() if f.required}
