"""Where each record lives on the site: stable French URLs.

A deliberation's URL is built from its official number (``DCM 19-02-28-14``
gives ``/deliberations/metz/dcm-19-02-28-14/``) so it can be cited for years;
without a number, from its file name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
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


# First folders (and files) of the site's own addresses: an editorial page may
# not take one of them, or it would be written over a section or a list.
SITE_FOLDERS = frozenset(
    {
        *SECTIONS.values(),
        "recherche", "chronologie", "comparaison", "donnees", "flux", "theme", "pagefind",
        "index.html", "404.html", "sitemap.xml", "robots.txt", "_headers", "favicon.svg",
    }
)  # fmt: skip
# Names of a list's later pages (deliberations/metz/page/2/).
RESERVED_SLUGS = frozenset({"page"})


def deliberation_slug(record: Deliberation) -> str:
    """The last part of a deliberation's address: its official number, else its
    file name. Empty when the number has no letter or digit."""
    return slugify(record.number) if record.number else record.id


def url_clashes(deliberations: Iterable[Deliberation]) -> list[tuple[Deliberation, str, str]]:
    """Deliberations whose address would be empty, reserved, or another's:
    (deliberation, what is wrong, how to fix it). Other records live at
    ``section/file-name/``, unique by construction."""
    found = []
    taken: dict[tuple[str, str], Deliberation] = {}
    for delib in sorted(deliberations, key=lambda d: d.path):
        slug = deliberation_slug(delib)
        if not slug or slug in RESERVED_SLUGS:
            found.append(
                (
                    delib,
                    f"le numéro « {delib.number} » ne donne pas d'adresse utilisable",
                    "écrivez le numéro officiel tel que la source le donne (lettres et "
                    "chiffres), ou supprimez le champ numero si la source n'en donne pas",
                )
            )
            continue
        other = taken.setdefault((delib.city, slug), delib)
        if other is not delib:
            found.append(
                (
                    delib,
                    f"même adresse /deliberations/{delib.city}/{slug}/ que {other.path}",
                    "deux délibérations ne peuvent partager une adresse : corrigez le numéro "
                    "ou le nom de fichier de l'une des deux",
                )
            )
    return found


def path_of(record: object) -> str:
    """The record's path below the site root, ending in « / »."""
    if isinstance(record, Deliberation):
        return f"deliberations/{record.city}/{deliberation_slug(record)}/"
    return f"{SECTIONS[type(record)]}/{record.id}/"  # type: ignore[attr-defined]


def output_file(record: object) -> str:
    return path_of(record) + "index.html"
