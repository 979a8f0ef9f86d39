"""Where each record lives on the site: stable French URLs.

A deliberation's URL is built from its official number (``DCM 19-02-28-14``
gives ``/deliberations/metz/dcm-19-02-28-14/``) so it can be cited for years;
without a number, from its file name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .model import City, Deliberation, Event, Organisation, Person, Quote, Source, Topic

SECTIONS = {
    Deliberation: "deliberations",
    Quote: "citations",
    Person: "personnes",
    Organisation: "organisations",
    City: "villes",
    Event: "evenements",
    Topic: "themes",
    Source: "sources",
}


@lru_cache(maxsize=65536)
def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def path_of(record: object) -> str:
    """The record's path below the site root, ending in « / »."""
    if isinstance(record, Deliberation):
        return (
            f"deliberations/{record.city}/{slugify(record.number) if record.number else record.id}/"
        )
    return f"{SECTIONS[type(record)]}/{record.id}/"  # type: ignore[attr-defined]


def output_file(record: object) -> str:
    return path_of(record) + "index.html"
