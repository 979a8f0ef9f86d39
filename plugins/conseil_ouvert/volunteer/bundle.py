"""One file for one decision: a YAML « dossier » holding every record a new
deliberation needs (source, city, council, groups, councillors and their
memberships, the deliberation, quotes, events, topics), written out as the
usual content files by ``conseil-ouvert ajouter``, then checked.

The dossier is keyed by content folder (or its singular: ``personne``), then by
identifier; each record takes the fields of its kind, plus ``corps:`` for the
Markdown text under the header::

    sources:
      pv-2023-05-11: {publication: Ville de Fictiveville, date: 2023-05-20}
    deliberations:
      dcm-23-05-11-07:
        numero: DCM 23-05-11-07
        ...
        corps: Résumé en nos mots.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..format.fields import SLUG_RE
from ..format.schema import FORMATS
from ..reading.loading import HeaderLoader
from .scaffold import KIND_ALIASES, target_path

BODY_KEY = "corps"
DECIMAL_RE = re.compile(r"^-?\d+\.\d+$")


class DossierLoader(HeaderLoader):
    """The content files' YAML, with decimals kept as written (code_actes: 6.10)."""


DossierLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:float"]
    for key, resolvers in HeaderLoader.yaml_implicit_resolvers.items()
}


class FileDumper(yaml.SafeDumper):
    """Decimals written back exactly as the dossier had them."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if DECIMAL_RE.match(value):
        return dumper.represent_scalar("tag:yaml.org,2002:float", value)
    return dumper.represent_str(value)


FileDumper.add_representer(str, _text)


@dataclass
class Dossier:
    files: list[tuple[Path, str]] = field(default_factory=list)  # target, text
    problems: list[str] = field(default_factory=list)  # in French


def record_text(header: dict[str, Any], body: str) -> str:
    text = yaml.dump(header, Dumper=FileDumper, allow_unicode=True, sort_keys=False, width=100)
    return f"---\n{text}---\n{body.strip()}\n" if body.strip() else f"---\n{text}---\n"


def read_dossier(path: Path, content: Path, replace: bool = False) -> Dossier:
    """The files a dossier gives, or what is wrong with it (nothing written)."""
    dossier = Dossier()
    name = path.name
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=DossierLoader)
    except (OSError, UnicodeDecodeError) as error:
        dossier.problems.append(f"{name}: fichier illisible ({error})")
        return dossier
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{name}:{mark.line + 1}" if mark else name
        problem = getattr(error, "problem", None) or "YAML illisible"
        dossier.problems.append(
            f"{where}: {problem} — vérifiez l'indentation, les deux-points et les guillemets"
        )
        return dossier
    if not isinstance(data, dict):
        dossier.problems.append(f"{name}: un dossier commence par des dossiers, ex. « personnes: »")
        return dossier
    for folder_name, records in data.items():
        kind = KIND_ALIASES.get(str(folder_name), str(folder_name))
        if kind not in FORMATS:
            dossier.problems.append(
                f"{name}: « {folder_name} » n'est pas un type de fiche — types : "
                + ", ".join(FORMATS)
            )
            continue
        if not isinstance(records, dict):
            dossier.problems.append(
                f"{name}: {folder_name}: écrivez chaque fiche sous son identifiant, "
                "ex. « alice-fictive: » puis ses champs en retrait"
            )
            continue
        for record_id, header in records.items():
            where = f"{name}: {folder_name}.{record_id}"
            if not isinstance(record_id, str) or not SLUG_RE.match(record_id):
                dossier.problems.append(
                    f"{where}: identifiant invalide — minuscules sans accent, chiffres et tirets"
                )
                continue
            if not isinstance(header, dict):
                dossier.problems.append(f"{where}: champs attendus sous l'identifiant")
                continue
            fields = {k: v for k, v in header.items() if k != BODY_KEY}
            body = str(header.get(BODY_KEY) or "")
            target = target_path(content, kind, record_id, fields)
            if target.exists() and not replace:
                dossier.problems.append(
                    f"{where}: {target} existe déjà — changez l'identifiant, retirez la fiche "
                    "du dossier, ou relancez avec --remplacer"
                )
                continue
            dossier.files.append((target, record_text(fields, body)))
    return dossier


def write_dossier(dossier: Dossier) -> None:
    for target, text in dossier.files:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
