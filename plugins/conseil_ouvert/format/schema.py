"""The content format: which French keys each kind of file takes.

This is the contract with contributors. The checks, the published JSON Schema
(``conseil-ouvert schema``) and the scaffolded files (``conseil-ouvert new``)
all derive from the declarations below.
"""

from __future__ import annotations

from typing import Any

from .kinds.cities import CITY_FORMAT
from .kinds.deliberations import DELIBERATION_FORMAT
from .kinds.events import EVENT_FORMAT
from .kinds.organisations import ORGANISATION_FORMAT, PERSON_FORMAT
from .kinds.quotes import QUOTE_FORMAT
from .kinds.sources import SOURCE_FORMAT
from .kinds.topics import TOPIC_FORMAT
from .structure import Obj

# What each folder holds (titles of scaffolds and of the format reference).
KIND_TITLES = {
    "deliberations": "Délibération : un fichier par délibération, dans deliberations/<ville>/",
    "citations": "Citation (mots exacts) ou position rapportée",
    "personnes": "Personne",
    "organisations": "Organisation : conseil, groupe, parti, association, entreprise, autorité…",
    "villes": "Ville",
    "evenements": "Événement daté qui n'est pas un vote",
    "sources": "Source : le document d'où viennent les faits",
    "themes": "Thème",
}


FORMATS: dict[str, Obj] = {
    "sources": SOURCE_FORMAT,
    "themes": TOPIC_FORMAT,
    "villes": CITY_FORMAT,
    "organisations": ORGANISATION_FORMAT,
    "personnes": PERSON_FORMAT,
    "deliberations": DELIBERATION_FORMAT,
    "citations": QUOTE_FORMAT,
    "evenements": EVENT_FORMAT,
}


def json_schema() -> dict[str, Any]:
    """The JSON Schema of every kind of metadata header, for editors."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "conseil-ouvert/metadonnees.schema.json",
        "title": "Conseil ouvert : en-têtes des fichiers de contenu",
        "$defs": {kind: fmt.schema() for kind, fmt in FORMATS.items()},
    }
