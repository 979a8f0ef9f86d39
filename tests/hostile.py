"""Hostile content for the security tests: every text field of every record
kind filled with markup that would run or redirect if a template printed it
raw. Records are made from the content format itself (``schema.FORMATS``), so
a field added to the format is attacked without anyone editing this file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from conseil_ouvert.format.fields import (
    Choice,
    Date,
    Euros,
    Flag,
    Integer,
    Ref,
    Spec,
    Text,
    Url,
)
from conseil_ouvert.format.schema import FORMATS
from conseil_ouvert.format.structure import ListOf, Obj
from conseil_ouvert.volunteer.synthetic import generate

# Would redirect, run or style if printed raw; « injected » is no HTML element,
# so finding one in a parsed page means markup got through.
PAYLOAD = '<injected a="1">x</injected>"\'&<meta http-equiv="refresh" content="0">'
SHORT_PAYLOAD = '<injected>x</injected>"'
BODY = (
    PAYLOAD
    + '\n\n<script>alert(1)</script><img src=x onerror="alert(1)">'
    + "\n\n[lien](javascript:alert(1)) [autre](data:text/html,x)"
    + '\n\n<a href="https://example.org/" onclick="alert(1)" style="color:red">ok</a>\n'
)
# Values of the fields that are not free text, chosen so that the records
# agree with the synthetic corpus they join (one council, one group, one city).
REFS = {
    "sources": "synthetique",
    "themes": "videosurveillance",
    "villes": "ville-synthetique-0",
    "personnes": "personne-0-0",
    "evenements": "evenement-synth-0",
    "citations": "citation-synth-0",
    "deliberations": "dcm-synth-0",
}
ORGANISATION_REFS = {
    "organe": "conseil-ville-synthetique-0",
    "parent": "conseil-ville-synthetique-0",
}
SPECIAL = {"siret": "12345678901237", "code_actes": "9.1", "nom_tri": "Hostile, Personne"}


def full_value(key: str, spec: Spec, text_paths: set[str], path: str) -> Any:
    """A value for ``spec`` where every text is hostile."""
    if key in SPECIAL:
        return SPECIAL[key]
    if isinstance(spec, Text):
        text_paths.add(path)
        return PAYLOAD if spec.max_length >= len(PAYLOAD) else SHORT_PAYLOAD
    if isinstance(spec, Ref):
        if spec.kind == "organisations":
            return ORGANISATION_REFS.get(key, "groupe-0-0")
        return REFS[spec.kind]
    if isinstance(spec, Url):
        return "https://example.org/document"
    if isinstance(spec, Date):
        return "2020-03-04"
    if isinstance(spec, Integer):
        return max(spec.minimum, 1) if spec.minimum < 1900 else 2020
    if isinstance(spec, Euros):
        return 1000
    if isinstance(spec, Flag):
        return False
    if isinstance(spec, Choice):
        return next(iter(spec.choices))
    if isinstance(spec, ListOf):
        return [full_value(key, spec.item, text_paths, f"{path}[]")]
    if isinstance(spec, Obj):
        return {
            k: full_value(k, f.spec, text_paths, f"{path}.{k}" if path else k)
            for k, f in spec.fields.items()
        }
    raise AssertionError(f"no hostile value for {type(spec).__name__}")


def hostile_header(kind: str, text_paths: set[str]) -> dict[str, Any]:
    header = full_value("", FORMATS[kind], text_paths, "")
    if kind == "citations":  # one speaker: a person, not also an organisation
        header.pop("organisation", None)
    if kind == "organisations":
        header["type"] = "groupe"
    if kind == "deliberations":
        header.pop("votes_nominatifs", None)  # the group's members vote in tests of their own
        header["votes"].update(pour=3, contre=1, abstention=1, ne_prend_pas_part=1)
    return header


def write_record(folder: Path, header: dict[str, Any], body: str = BODY) -> None:
    text = yaml.safe_dump(header, allow_unicode=True, sort_keys=False)
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text(f"---\n{text}---\n{body}", encoding="utf-8")


def hostile_corpus(root: Path) -> tuple[Path, set[str]]:
    """A small synthetic site plus one hostile record of each kind; also the
    text field paths that were filled (to prove the attack covers them all)."""
    content = generate(root / "content", deliberations=4, nominal_votes=True)
    text_paths: set[str] = set()
    for kind in FORMATS:
        header = hostile_header(kind, text_paths)
        folder = content / kind
        if kind == "deliberations":
            folder = folder / "ville-synthetique-0"
        write_record(folder / f"hostile-{kind}.md", header)
    # A title a spreadsheet would run as a formula.
    formula = hostile_header("deliberations", set())
    formula |= {"titre": '=HYPERLINK("https://example.org/x","y")', "numero": "DCM FORMULE-1"}
    formula["date"] = "2020-03-05"
    formula.pop("date_origine", None)  # a date as published, so that SCDL carries the row
    write_record(content / "deliberations/ville-synthetique-0/formule.md", formula, "-2+3")
    return content, text_paths


def declared_text_paths() -> set[str]:
    """Every text field of the format, as ``full_value`` names it."""
    paths: set[str] = set()
    for kind in FORMATS:
        full_value("", FORMATS[kind], paths, "")
    return paths - set(SPECIAL)
