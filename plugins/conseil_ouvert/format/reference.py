"""The format reference of « Contribuer », read from the field declarations.

Every kind, every field (nested ones too), its type, allowed values with their
meaning, whether it is required, and an example: one place (``schema.py``) to
change a field, and the page and the scaffolds follow. Plain data: the
template does the HTML (autoescaped).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .codes import Code
from .fields import (
    Choice,
    Date,
    Euros,
    Flag,
    Integer,
    Ref,
    Slug,
    Spec,
    Text,
    Url,
)
from .schema import FORMATS, KIND_TITLES
from .structure import Field, ListOf, Obj

# Identifiers used in examples: the shape of a reference, not a fact.
REF_EXAMPLES = {
    "sources": "rl-lagrange-2022-07",
    "themes": "videosurveillance",
    "villes": "metz",
    "organisations": "conseil-municipal-metz",
    "personnes": "denis-marchetti",
    "deliberations": "dcm-19-02-28-14",
    "citations": "marchetti-debat-public",
    "evenements": "metz-promesse-1000-cameras-2020",
}


@dataclass
class FieldDoc:
    """One row of the reference."""

    path: str  # e.g. votes.contre, positions_groupes[].groupe
    kind: str  # the folder the field belongs to
    type: str
    required: bool
    help: str
    example: str
    values: list[tuple[str, str]] = field(default_factory=list)  # value, meaning
    aliases: list[str] = field(default_factory=list)
    depth: int = 0

    @property
    def anchor(self) -> str:
        """The id of the field's row on the page."""
        return reference_anchor(self.kind, self.path)


@dataclass
class KindDoc:
    kind: str
    title: str
    fields: list[FieldDoc]


def type_and_example(spec: Spec) -> tuple[str, str]:
    """A value's type in French, and a value of that shape as a file writes it."""
    if isinstance(spec, ListOf):
        if isinstance(spec.item, Obj):
            return "liste de blocs (une ligne « - » par élément)", "voir ci-dessous"
        kind, value = type_and_example(spec.item)
        return f"liste de {kind}s", f"[{value}]"
    if isinstance(spec, Obj):
        return "bloc de champs (lignes indentées en dessous)", "voir ci-dessous"
    if isinstance(spec, Ref):
        return (
            f"identifiant (un fichier de content/{spec.kind}/)",
            REF_EXAMPLES.get(spec.kind, "identifiant"),
        )
    if isinstance(spec, Slug):
        return "identifiant", '"…"'
    if isinstance(spec, Integer):
        unknown = ", ou « inconnu »" if spec.unknown else ""
        return f"nombre entier ≥ {spec.minimum}{unknown}", "2020" if spec.minimum >= 1800 else "12"
    if isinstance(spec, Euros):
        return "montant en euros (nombre sans espace ni symbole)", "200000"
    if isinstance(spec, Date):
        return "date AAAA-MM-JJ, AAAA-MM ou AAAA", "2019-02-28"
    if isinstance(spec, Url):
        return "adresse web complète (https://…)", "https://exemple.fr/document"
    if isinstance(spec, Choice):
        return "une valeur de la liste", next(iter(spec.choices))
    if isinstance(spec, Flag):
        return "true ou false", "true"
    if isinstance(spec, Code):  # a SIRET example would look like a fact: none
        value = f'"{spec.example}"' if spec.example else '"…"'
        return f"{spec.what}, texte entre guillemets (motif {spec.pattern.pattern})", value
    if isinstance(spec, Text):
        return f"texte (au plus {spec.max_length} caractères)", '"…"'
    return "valeur", '"…"'


def values_of(spec: Spec) -> list[tuple[str, str]]:
    inner = spec.item if isinstance(spec, ListOf) else spec
    return list(inner.choices.items()) if isinstance(inner, Choice) else []


def values_comment(spec: Spec) -> str:
    """Allowed values for a scaffold's comment: « valeurs : a (A), b (B) »."""
    values = values_of(spec)
    if not values:
        return ""
    return " — valeurs : " + ", ".join(f"{value} ({label})" for value, label in values)


def _rows(obj: Obj, kind: str, prefix: str, depth: int) -> list[FieldDoc]:
    rows = []
    for key, spec_field in obj.fields.items():
        rows.append(_row(spec_field, kind, prefix + key, depth))
        spec = spec_field.spec
        inner = spec.item if isinstance(spec, ListOf) else spec
        if isinstance(inner, Obj):
            below = f"{prefix}{key}[]." if isinstance(spec, ListOf) else f"{prefix}{key}."
            rows.extend(_rows(inner, kind, below, depth + 1))
    return rows


def _row(spec_field: Field, kind: str, path: str, depth: int) -> FieldDoc:
    spec = spec_field.spec
    inner = spec.item if isinstance(spec, ListOf) else spec
    aliases = list(spec_field.aliases)
    if isinstance(inner, Choice):
        aliases += [f"{alias} (valeur)" for alias in inner.aliases]
    kind_of_value, value = type_and_example(spec)
    return FieldDoc(
        path=path,
        kind=kind,
        type=kind_of_value,
        required=spec_field.required,
        help=spec_field.help,
        example=value,
        values=values_of(spec),
        aliases=aliases,
        depth=depth,
    )


def format_reference() -> list[KindDoc]:
    """Every kind of file and every field it takes, in declaration order."""
    return [
        KindDoc(kind, KIND_TITLES[kind], _rows(fmt, kind, "", 0)) for kind, fmt in FORMATS.items()
    ]


def declared_paths() -> list[tuple[str, str]]:
    """(kind, path) of every declared field: what the page must document."""
    return [(doc.kind, row.path) for doc in format_reference() for row in doc.fields]


def reference_anchor(kind: str, path: str) -> str:
    """The id of a field's row on the page."""
    return "champ-" + kind + "-" + path.replace("[]", "").replace(".", "-").replace("_", "-")
