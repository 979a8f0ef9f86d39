"""How fields compose into a record's format: a list of values, a named field,
a mapping of known keys that builds a typed record (``Obj``). The values
themselves are in ``fields``.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .fields import Integer, Spec
from .problems import Context, shown


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
