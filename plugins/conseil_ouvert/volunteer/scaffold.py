"""New content files, every field present and explained in French.

Required fields are filled from the contributor's answers; optional ones are
written commented out, with their help text, so the file is valid as created
and shows everything that can be added.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..format.fields import Ref
from ..format.reference import values_comment
from ..format.schema import FORMATS, KIND_TITLES
from ..format.structure import Field, ListOf, Obj

KIND_ALIASES = {
    "deliberation": "deliberations",
    "citation": "citations",
    "personne": "personnes",
    "organisation": "organisations",
    "ville": "villes",
    "evenement": "evenements",
    "source": "sources",
    "theme": "themes",
}
BODIES = {
    "deliberations": "Résumé de la délibération, en vos propres mots, à partir des sources.\n",
    "evenements": "Ce qui s'est passé, en vos propres mots.\n",
}


def required_fields(kind: str) -> list[Field]:
    return [f for f in FORMATS[kind].fields.values() if f.required]


def coerce(field: Field, answer: str) -> Any:
    """A typed answer: lists of identifiers are comma-separated."""
    if isinstance(field.spec, ListOf):
        return [part.strip() for part in answer.split(",") if part.strip()]
    return answer


def dump_value(value: Any) -> str:
    """One YAML value on one line (a scalar is dumped inside a list, then unwrapped,
    to avoid PyYAML's « ... » end-of-document marker)."""
    wrapped = not isinstance(value, (list, dict))
    text = yaml.safe_dump(
        [value] if wrapped else value, allow_unicode=True, default_flow_style=True, width=1000
    ).strip()
    return text[1:-1] if wrapped else text


def _commented(key: str, field: Field, indent: str) -> list[str]:
    """An optional field, commented out with an example of its shape."""
    spec = field.spec
    item = spec.item if isinstance(spec, ListOf) else None
    if isinstance(item, Obj) or isinstance(spec, Obj):
        obj = item if isinstance(item, Obj) else spec
        lines = [f"{indent}# {key}:  # {field.help}"]
        prefix = f"{indent}#   - " if item else f"{indent}#   "
        for i, (sub_key, sub) in enumerate(obj.fields.items()):
            lead = prefix if i == 0 or not item else f"{indent}#     "
            need = "obligatoire" if sub.required else "facultatif"
            lines.append(
                f"{lead}{sub_key}: {dump_value(sub.spec.placeholder())}  # {need} : {sub.help}"
                + values_comment(sub.spec)
            )
        return lines
    example = "[]" if isinstance(spec, ListOf) else dump_value(spec.placeholder())
    hint = " (identifiant de fichier)" if isinstance(spec, Ref) else ""
    return [f"{indent}# {key}: {example}  # {field.help}{hint}{values_comment(spec)}"]


def render(kind: str, answers: dict[str, Any]) -> str:
    lines = [
        "---",
        f"# {KIND_TITLES[kind]}",
        "# Les lignes commençant par « # » sont facultatives :",
    ]
    lines.append("# retirez le « # » et complétez-les quand une source les donne.")
    for key, field in FORMATS[kind].fields.items():
        if key in answers:
            comment = field.help + values_comment(field.spec)
            lines.append(f"{key}: {dump_value(answers[key])}  # {comment}")
        else:
            lines.extend(_commented(key, field, ""))
    lines.append("---")
    return "\n".join(lines) + "\n" + BODIES.get(kind, "")


def target_path(content: Path, kind: str, record_id: str, answers: dict[str, Any]) -> Path:
    if kind == "deliberations" and answers.get("ville"):
        return content / kind / str(answers["ville"]) / f"{record_id}.md"
    return content / kind / f"{record_id}.md"
