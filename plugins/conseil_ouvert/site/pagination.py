"""Long lists split into pages, so that no page grows with the number of
cities: a reader on a phone gets a page of a few dozen kilobytes, with
numbered links, « précédente » and « suivante » (as in GOV.UK's pagination
component, without JavaScript). The first page keeps the list's own URL;
the next ones live below it, in ``page/2/``, ``page/3/``…
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..format.urls import path_of

if TYPE_CHECKING:
    from ..reading.graph import Graph

PAGE_SIZES = {  # rows per page, by list; settings may override (CONSEIL_OUVERT_PAGE_SIZES)
    "personnes": 200,
    "organisations": 200,
    "comparaison": 40,
    "villes": 100,
    # A source row or a timeline line weighs about 0.8 KB (measured on the content of
    # December 2026): forty of them and the page's frame (~8 KB) stay near 40 KB,
    # well under the 60 KB budget of a page, even if rows grow heavier.
    "sources": 40,
    "chronologie": 40,  # the site's timeline, newest first
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


@dataclass(frozen=True)
class RecordList:
    """A long list that belongs to one record, and where its pages go."""

    name: str  # its page size (PAGE_SIZES), and its name for templates
    preview: str  # how many rows the record page shows (PAGE_SIZES)
    below: str  # its folder below the record's
    city_folder: str  # a city's list lives at its own address ("" if cities have none)
    template: str
    rows: Callable[[Graph, Any], list[Any]]


def _deliberations(graph: Graph, owner: Any) -> list[Any]:
    return graph.deliberations_by.get(owner.id, [])


def _quotes(graph: Graph, owner: Any) -> list[Any]:
    return graph.quotes_by.get(owner.id, [])


def _votes(graph: Graph, owner: Any) -> list[Any]:
    """A councillor's votes or a group's positions: (deliberation, vote) pairs."""
    return (graph.votes_of if owner.KIND == "person" else graph.group_record).get(owner.id, [])


RECORD_LISTS = {
    kind.name: kind
    for kind in (
        RecordList(
            "deliberations-liste",
            "apercu",
            "deliberations/",
            "deliberations/{id}/",
            "record_deliberations.html",
            _deliberations,
        ),
        RecordList(
            "citations",
            "apercu-citations",
            "citations/",
            "citations/ville/{id}/",
            "record_quotes.html",
            _quotes,
        ),
        RecordList("votes", "apercu", "votes/", "", "record_votes.html", _votes),
    )
}


def record_list_folder(
    kind: RecordList, owner: Any, rows: Sequence[Any], settings: dict[str, Any]
) -> str | None:
    """Where the pages of ``owner``'s list go, or None if it has none: a city's
    lists always have pages (the indexes link them), another record's only when
    its own page cannot show every row."""
    if owner.KIND == "city":
        return kind.city_folder.format(id=owner.id) if kind.city_folder and rows else None
    if len(rows) > page_size(kind.preview, settings):
        return path_of(owner) + kind.below
    return None


@dataclass(frozen=True)
class Preview:
    """What a record page shows of one of its long lists."""

    shown: Sequence[Any]  # the newest rows
    total: int
    href: str | None  # the whole list, when the record page does not show it all


def preview(graph: Graph, owner: Any, name: str, settings: dict[str, Any]) -> Preview:
    kind = RECORD_LISTS[name]
    rows = kind.rows(graph, owner)
    shown = rows[: page_size(kind.preview, settings)]
    folder = record_list_folder(kind, owner, rows, settings)
    href = f"{settings.get('SITEURL', '')}/{folder}" if folder and len(shown) < len(rows) else None
    return Preview(shown, len(rows), href)
