"""Long lists split into pages, so that no page grows with the number of
cities: a reader on a phone gets a page of a few dozen kilobytes, with
numbered links, « précédente » and « suivante » (as in GOV.UK's pagination
component, without JavaScript). The first page keeps the list's own URL;
the next ones live below it, in ``page/2/``, ``page/3/``…
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

PAGE_SIZES = {  # rows per page, by list; settings may override (CONSEIL_OUVERT_PAGE_SIZES)
    "personnes": 200,
    "organisations": 200,
    "comparaison": 40,
    "villes": 100,
    "sources": 100,
    "deliberations": 100,  # cities on the deliberations index
    "donnees-villes": 50,
    # A record's own long lists, on pages below the record (personnes/<id>/votes/…).
    "deliberations-liste": 50,  # a city's, a council's or a topic's deliberations
    "citations": 20,  # a city's, a person's, an organisation's or a topic's quotes
    "votes": 50,  # a councillor's votes, a group's positions
    # Not pages: how many rows a record page shows before linking to its full list.
    "apercu": 20,
    "apercu-citations": 10,
}


@dataclass(frozen=True)
class ListPage:
    number: int  # from 1
    count: int
    items: Sequence[Any]
    hrefs: tuple[str, ...]  # the URL of each page, in order
    first: int  # position of the first item in the whole list, from 1
    total: int

    @property
    def last(self) -> int:
        return self.first + len(self.items) - 1

    @property
    def previous_href(self) -> str | None:
        return self.hrefs[self.number - 2] if self.number > 1 else None

    @property
    def next_href(self) -> str | None:
        return self.hrefs[self.number] if self.number < self.count else None


def page_size(name: str, settings: dict[str, Any]) -> int:
    return int({**PAGE_SIZES, **settings.get("CONSEIL_OUVERT_PAGE_SIZES", {})}[name])


def paginate(
    items: Sequence[Any], name: str, base: str, settings: dict[str, Any]
) -> list[tuple[str, ListPage]]:
    """Each page of the list ``name`` (a key of ``PAGE_SIZES``) with the file it
    is written to. ``base`` is the list's folder below the site root
    (``personnes/``)."""
    size = page_size(name, settings)
    siteurl = settings.get("SITEURL", "")
    count = max(1, -(-len(items) // size))
    folders = [base if n == 1 else f"{base}page/{n}/" for n in range(1, count + 1)]
    hrefs = tuple(f"{siteurl}/{folder}" for folder in folders)
    return [
        (
            folders[n] + "index.html",
            ListPage(
                n + 1, count, items[n * size : (n + 1) * size], hrefs, n * size + 1, len(items)
            ),
        )
        for n in range(count)
    ]
