"""View helpers shared by every template: labels, URL functions, French
summaries of a city and timelines. Pages and the « Données » page both use them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from ..format import vocabulary
from ..format.model import City, PartialDate, date_sort_key
from ..format.urls import path_of
from ..reading.graph import Graph
from .linking import NameLinker
from .pagination import preview
from .structured_data import json_ld

LABELS = {
    "outcomes": vocabulary.OUTCOMES,
    "positions": vocabulary.POSITIONS,
    "provenances": vocabulary.PROVENANCES,
    "quote_types": vocabulary.QUOTE_TYPES,
    "organisation_types": vocabulary.ORGANISATION_TYPES,
    "event_types": vocabulary.EVENT_TYPES,
    "follow_up_types": vocabulary.FOLLOW_UP_TYPES,
    "camera_statuses": vocabulary.CAMERA_STATUSES,
    "source_media": vocabulary.SOURCE_MEDIA,
    "amount_kinds": vocabulary.AMOUNT_KINDS,
    "date_bases": vocabulary.DATE_BASES_SHORT,
    "date_bases_long": vocabulary.DATE_BASES,
    "place_types": vocabulary.PLACE_TYPES,
    "record_kinds": {
        "deliberation": "délibération",
        "quote": "citation ou position",
        "person": "personne",
        "organisation": "organisation",
        "city": "ville",
        "event": "événement",
        "topic": "thème",
        "source": "source",
    },
}


# A city page shows its newest facts; the whole story has a page of its own.
CITY_TIMELINE_PREVIEW = 15


@dataclass(frozen=True)
class TimelineEntry:
    """One dated line of a timeline: an event, or what followed a vote or event."""

    date: PartialDate | None
    date_note: str | None
    title: str
    label: str
    record: Any  # the page the line links to
    city: str | None
    sources: tuple[str, ...]
    follow_up: bool = False
    date_basis: str | None = None  # vocabulary.DATE_BASES: a date not given as such


def event_entry(event: Any) -> TimelineEntry:
    return TimelineEntry(
        event.date, event.date_note, event.title, vocabulary.EVENT_TYPES[event.type], event,
        event.city, tuple(event.sources), date_basis=event.date_basis,
    )  # fmt: skip


def timeline_entries(graph: Graph, city: str | None = None) -> list[TimelineEntry]:
    """Events and follow-ups (legality review, court case, CNIL, CADA, promise…),
    newest first, undated last; for one city or for all."""
    if city is None:
        events, parents = list(graph.events.values()), list(graph.deliberations.values())
    else:  # the city's own records, from the graph's indexes (one scan per build, not per city)
        events = [e for e in graph.events_by[city] if e.city == city]
        parents = [d for d in graph.deliberations_by[city] if d.city == city]
    entries = [event_entry(e) for e in events]
    for parent in (*parents, *events):
        for follow in parent.follow_ups:
            entries.append(
                TimelineEntry(
                    follow.date,
                    follow.date_note,
                    follow.title,
                    f"Suite : {vocabulary.FOLLOW_UP_TYPES[follow.kind].lower()}",
                    parent,
                    parent.city,
                    (follow.source,),
                    follow_up=True,
                    date_basis=follow.date_basis,
                )
            )
    return sorted(entries, key=lambda e: (date_sort_key(e.date), e.title), reverse=True)


def by_date(items: list[Any]) -> list[Any]:
    """Oldest first; undated items last."""
    return sorted(items, key=lambda i: date_sort_key(i.date) if i.date else (9999, 0, 0))


def content_today(settings: dict[str, Any]) -> dt.date:
    """The date against which « in the future » is judged (a setting for tests)."""
    today = settings.get("CONSEIL_OUVERT_TODAY")
    return dt.date.fromisoformat(today) if today else dt.date.today()


def money_by_year(records: list[Any]) -> tuple[list[tuple[str, float]], float]:
    """Sums of known amounts per budget year (or the record's year)."""
    years: dict[str, float] = defaultdict(float)
    for record in records:
        for amount in record.amounts:
            if amount.kind in {"unitaire", "par-an"}:
                continue  # a unit cost or a yearly running cost is not money voted
            year = amount.budget_year or (record.date.year if record.date else None)
            years[str(year) if year else "année inconnue"] += amount.euros
    rows = sorted(years.items())
    return rows, sum(years.values())


def other_costs(records: list[Any]) -> list[tuple[Any, Any]]:
    """Running (per year) and unit costs with the record that gives them: not
    money voted, but amounts all the same, never shown as absent."""
    return [(a, r) for r in records for a in r.amounts if a.kind in {"unitaire", "par-an"}]


def site_counts(graph: Graph) -> dict[str, Any]:
    """What the home page counts, each count saying what it counts: events and
    the dated ones, documents read and the source records cut from them, places
    by kind."""
    excerpts = [s for s in graph.sources.values() if s.part_of]
    places: dict[str, int] = defaultdict(int)
    for city in graph.cities.values():
        places[city.place_type] += 1
    return {
        "events": len(graph.events),
        "dated_events": sum(1 for e in graph.events.values() if e.date),
        "sources": len(graph.sources),
        "documents": len(graph.sources) - len(excerpts),
        "excerpts": len(excerpts),
        "excerpted_documents": len({s.part_of for s in excerpts}),
        "places": [(k, places[k]) for k in (*vocabulary.PLACE_TYPES, None) if places[k]],
    }


def city_summary(graph: Graph, city: City) -> dict[str, Any]:
    """The figures a city page and the comparison page both show."""
    deliberations = graph.deliberations_by[city.id]
    events = graph.events_by[city.id]
    counted = [c for c in city.cameras if c.status == "compte"]
    latest = max(counted, key=lambda c: date_sort_key(c.date), default=None)
    money_rows, money_total = money_by_year([*deliberations, *events])
    topics = sorted(
        {t for r in (*deliberations, *events, *graph.quotes_by[city.id]) for t in r.topics}
    )
    return {
        "deliberations": deliberations,
        "events": events,
        "latest_count": latest,
        "money_rows": money_rows,
        "money_total": money_total,
        "other_costs": other_costs([*deliberations, *events]),
        "topics": [graph.topics[t] for t in topics],
        "per_inhabitant": (
            money_total / city.population.value if city.population and money_total else None
        ),
    }


def template_globals(graph: Graph, settings: dict[str, Any]) -> dict[str, Any]:
    """What every record template may call: the graph, labels and URL helpers."""
    siteurl = settings.get("SITEURL", "")
    origin = settings.get("SITE_ORIGIN", "") or siteurl

    def url(record: Any) -> str:
        return f"{siteurl}/{path_of(record)}"

    def absolute(path: str) -> str:
        return origin + path[len(siteurl) :] if path.startswith(siteurl) else origin + path

    linker = NameLinker(graph, url)
    return {
        "graph": graph,
        "name_linker": linker,
        # A note or a date's note with the people and organisations it names linked.
        "names": linker.text,
        "labels": LABELS,
        "url": url,
        "absolute": absolute,
        "city_summary": lambda city: city_summary(graph, city),
        "site_counts": lambda: site_counts(graph),
        "by_date": by_date,
        "timeline": lambda city=None: timeline_entries(graph, city),
        "as_entries": lambda events: [event_entry(e) for e in events],
        "json_ld": lambda record: json_ld(record, graph, lambda r: absolute(url(r))),
        # The newest rows of a record's long list, and the link to the whole list.
        "record_list": lambda record, name: preview(graph, record, name, settings),
        "CITY_TIMELINE_PREVIEW": CITY_TIMELINE_PREVIEW,
    }


def render_page(
    env: Any, context: dict[str, Any], relative: str, template: str, **extra: Any
) -> str:
    """Render the page written to ``relative`` (its own path feeds the canonical link)."""
    page_path = "/" + relative.removesuffix("index.html")
    return env.get_template(template).render(**context, page_path=page_path, **extra)
