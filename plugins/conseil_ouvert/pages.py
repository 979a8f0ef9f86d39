"""The graph to HTML pages: one Pelican generator renders every record page,
every list page and the home page from the theme's templates.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from . import schema
from .charts import bar_chart_svg, camera_bars
from .exports.metadata import json_ld
from .graph import ContentError, Graph, build_graph
from .incremental import RenderCache, code_fingerprint
from .linking import link_bodies
from .model import City, PartialDate, date_sort_key
from .output import write_text
from .urls import output_file, path_of

log = logging.getLogger(__name__)

LABELS = {
    "outcomes": schema.OUTCOMES,
    "positions": schema.POSITIONS,
    "provenances": schema.PROVENANCES,
    "quote_types": schema.QUOTE_TYPES,
    "organisation_types": schema.ORGANISATION_TYPES,
    "event_types": schema.EVENT_TYPES,
    "follow_up_types": schema.FOLLOW_UP_TYPES,
    "camera_statuses": schema.CAMERA_STATUSES,
    "source_media": schema.SOURCE_MEDIA,
    "amount_kinds": schema.AMOUNT_KINDS,
}


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


def event_entry(event: Any) -> TimelineEntry:
    return TimelineEntry(
        event.date, event.date_note, event.title, schema.EVENT_TYPES[event.type], event,
        event.city, tuple(event.sources),
    )  # fmt: skip


def timeline_entries(graph: Graph, city: str | None = None) -> list[TimelineEntry]:
    """Events and follow-ups (legality review, court case, CNIL, CADA, promise…),
    newest first, undated last; for one city or for all."""
    entries = [event_entry(e) for e in graph.events.values() if city in (None, e.city)]
    for parent in (*graph.deliberations.values(), *graph.events.values()):
        if city not in (None, parent.city):
            continue
        for follow in parent.follow_ups:
            entries.append(
                TimelineEntry(
                    follow.date,
                    follow.date_note,
                    follow.title,
                    f"Suite : {schema.FOLLOW_UP_TYPES[follow.kind].lower()}",
                    parent,
                    parent.city,
                    (follow.source,),
                    follow_up=True,
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
        "topics": [graph.topics[t] for t in topics],
        "per_inhabitant": (
            money_total / city.population.value if city.population and money_total else None
        ),
    }


TECHNOLOGY_TOPICS = (
    "videosurveillance-algorithmique",
    "reconnaissance-faciale",
    "drones",
    "capteurs",
)


def comparison_rows(graph: Graph) -> list[dict[str, Any]]:
    rows = []
    for city in graph.cities.values():
        summary = city_summary(graph, city)
        rows.append(
            {
                "city": city,
                "latest": summary["latest_count"],
                "promises": [c for c in city.cameras if c.status != "compte"],
                "money": summary["money_total"],
                "topics": {t.id for t in summary["topics"]},
                "deliberations": len(summary["deliberations"]),
            }
        )
    return rows


def _by_name(row: dict[str, Any]) -> tuple:
    return (row["city"].name,)


def _by_cameras(row: dict[str, Any]) -> tuple:
    return (-(row["latest"].count if row["latest"] else -1), row["city"].name)


def _by_money(row: dict[str, Any]) -> tuple:
    return (-row["money"], row["city"].name)


def _by_deliberations(row: dict[str, Any]) -> tuple:
    return (-row["deliberations"], row["city"].name)


COMPARISON_ORDERS = (
    ("ville", "Par ville", _by_name),
    ("cameras", "Par nombre de caméras", _by_cameras),
    ("montants", "Par montants connus", _by_money),
    ("deliberations", "Par nombre de délibérations", _by_deliberations),
)


def template_globals(graph: Graph, settings: dict[str, Any]) -> dict[str, Any]:
    """What every record template may call: the graph, labels and URL helpers."""
    siteurl = settings.get("SITEURL", "")
    origin = settings.get("SITE_ORIGIN", "") or siteurl

    def url(record: Any) -> str:
        return f"{siteurl}/{path_of(record)}"

    def absolute(path: str) -> str:
        return origin + path[len(siteurl) :] if path.startswith(siteurl) else origin + path

    return {
        "graph": graph,
        "labels": LABELS,
        "url": url,
        "absolute": absolute,
        "city_summary": lambda city: city_summary(graph, city),
        "by_date": by_date,
        "timeline": lambda city=None: timeline_entries(graph, city),
        "as_entries": lambda events: [event_entry(e) for e in events],
        "json_ld": lambda record: json_ld(record, graph, lambda r: absolute(url(r))),
    }


class RecordPagesGenerator(Generator):
    """Loads the content graph, then writes a page per record and the lists."""

    def generate_context(self) -> None:
        content = Path(self.path)
        incremental = self.settings.get("CONSEIL_OUVERT_INCREMENTAL", True)
        cache_folder = Path(self.settings["CACHE_PATH"]) / "conseil-ouvert" if incremental else None
        try:
            self.graph = build_graph(content, content_today(self.settings), cache_folder)
        except ContentError as error:
            raise ContentError(error.problems, building=True) from None
        self.context["graph"] = self.graph
        for warning in self.graph.warnings:
            log.warning(warning)
        helpers = template_globals(self.graph, self.settings)
        link_bodies(self.graph, helpers["url"])
        self.env.globals.update(helpers)
        published = self.settings.get("CONSEIL_OUVERT_PUBLISHED_PATH")
        self.cache = RenderCache(
            self.graph,
            Path(published) if published and incremental else None,
            Path(self.output_path),
            code_fingerprint(Path(self.theme), self.settings),
        )
        self.context["render_cache"] = self.cache

    def write(self, relative: str, template: str, record: Any = None, **context: Any) -> None:
        """Render a page; a record page whose inputs did not change is reused."""
        key = self.cache.key(record) if record is not None else None
        if key and self.cache.reuse(relative, key):
            return
        if key:
            self.cache.wrote(relative, key)
        page_path = "/" + relative.removesuffix("index.html")
        html = self.env.get_template(template).render(
            **self.context, page_path=page_path, **context
        )
        write_text(Path(self.output_path) / relative, html)

    def generate_output(self, writer: Any) -> None:
        graph = self.graph
        # Record pages: reused from the published site when their inputs are unchanged.
        for delib in graph.deliberations.values():
            self.write(output_file(delib), "deliberation.html", delib, delib=delib)
        for quote in graph.quotes.values():
            self.write(output_file(quote), "quote.html", quote, quote=quote)
        for person in graph.persons.values():
            self.write(output_file(person), "person.html", person, person=person)
        for org in graph.organisations.values():
            self.write(output_file(org), "organisation.html", org, org=org)
        for topic in graph.topics.values():
            self.write(output_file(topic), "topic.html", topic, topic=topic)
        for event in graph.events.values():
            self.write(output_file(event), "event.html", event, event=event)
        for city in graph.cities.values():
            chart = bar_chart_svg(
                camera_bars(city.cameras), f"Nombre de caméras à {city.name}", f"cameras-{city.id}"
            )
            self.write(output_file(city), "city.html", city, city=city, chart=chart)

        # Lists and overviews: they depend on everything, so they are always rendered.
        self.write("index.html", "home.html")
        self.write("deliberations/index.html", "deliberations.html")
        for city in graph.cities.values():
            if graph.deliberations_by[city.id]:
                self.write(
                    f"deliberations/{city.id}/index.html", "city_deliberations.html", city=city
                )
            if graph.quotes_by[city.id]:
                self.write(f"citations/ville/{city.id}/index.html", "city_quotes.html", city=city)
        recent = sorted(
            graph.quotes.values(), key=lambda q: (date_sort_key(q.date), q.id), reverse=True
        )[:20]
        self.write("citations/index.html", "quotes.html", recent_quotes=recent)
        self.write("personnes/index.html", "persons.html")
        self.write("organisations/index.html", "organisations.html")
        self.write("villes/index.html", "cities.html")
        self.write("themes/index.html", "topics.html")
        self.write("chronologie/index.html", "timeline.html")
        rows = comparison_rows(graph)
        for key, label, sort in COMPARISON_ORDERS:
            target = (
                "comparaison/index.html" if key == "ville" else f"comparaison/par-{key}/index.html"
            )
            self.write(
                target,
                "comparison.html",
                rows=sorted(rows, key=sort),
                sort_key=key,
                sort_label=f"tri {label.lower()}",
                sort_orders=[(k, lbl) for k, lbl, _ in COMPARISON_ORDERS],
                technology_topics=[graph.topics[t] for t in TECHNOLOGY_TOPICS if t in graph.topics],
            )
        self.write("sources/index.html", "sources.html")
        self.write("recherche/index.html", "search.html")
        self.write("404.html", "404.html")
