"""The graph to HTML pages: one Pelican generator renders every record page,
every list page and the home page from the theme's templates.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from ..build.output import site_writer
from ..build.parallel import parallel_map
from ..format.formatting import sort_fr
from ..format.model import date_sort_key
from ..format.urls import output_file, path_of
from ..reading.editorial import page_clashes
from ..reading.graph import ContentError, Graph, build_graph
from .charts import bar_chart_svg, camera_bars
from .incremental import FragmentCache, RenderCache, cache_folder, code_fingerprint
from .linking import link_bodies
from .pagination import RECORD_LISTS, paginate, record_list_folder
from .templating import (
    CITY_TIMELINE_PREVIEW,
    LABELS,
    by_date,
    city_summary,
    content_today,
    render_page,
    template_globals,
    timeline_entries,
)

log = logging.getLogger(__name__)

TECHNOLOGY_TOPICS = (
    "videosurveillance-algorithmique",
    "reconnaissance-faciale",
    "drones",
    "capteurs",
)


def comparison_rows(graph: Graph) -> list[dict[str, Any]]:
    """One row per city, in French alphabetical order (the orders below are
    stable sorts: ties stay alphabetical)."""
    rows = []
    for city in sort_fr(graph.cities.values()):
        summary = city_summary(graph, city)
        rows.append(
            {
                "city": city,
                "latest": summary["latest_count"],
                "promises": [c for c in city.cameras if c.status != "compte"],
                "money": summary["money_total"],
                "other_costs": summary["other_costs"],
                # a technology is flagged only from an explicit, sourced field
                "devices": by_date(city.devices),
                "deliberations": len(summary["deliberations"]),
            }
        )
    return rows


def _by_name(row: dict[str, Any]) -> int:
    return 0


def _by_cameras(row: dict[str, Any]) -> int:
    return -(row["latest"].count if row["latest"] else -1)


def _by_money(row: dict[str, Any]) -> float:
    return -row["money"]


def _by_deliberations(row: dict[str, Any]) -> int:
    return -row["deliberations"]


COMPARISON_ORDERS = (
    ("ville", "Par ville", _by_name),
    ("cameras", "Par nombre de caméras", _by_cameras),
    ("montants", "Par montants connus", _by_money),
    ("deliberations", "Par nombre de délibérations", _by_deliberations),
)


HOME_CITIES = 20  # the home page and the timeline stay small however many cities there are


def home_cities(graph: Graph, cities: list[Any]) -> list[Any]:
    """The cities with the most records, in alphabetical order (all of them
    when there are few)."""

    def size(city: Any) -> int:
        return sum(
            len(index[city.id])
            for index in (graph.deliberations_by, graph.events_by, graph.quotes_by)
        )

    most = {id(c) for c in sorted(cities, key=lambda c: -size(c))[:HOME_CITIES]}  # ties: name
    return [city for city in cities if id(city) in most]


class RecordPagesGenerator(Generator):
    """Loads the content graph, then writes a page per record and the lists."""

    def generate_context(self) -> None:
        content = Path(self.path)
        try:
            self.graph = build_graph(
                content, content_today(self.settings), cache_folder(self.settings)
            )
        except ContentError as error:
            raise ContentError(error.problems, building=True) from None
        clashes = page_clashes(self.context, str(content))
        if clashes:
            raise ContentError(clashes, building=True)
        for warning in self.graph.warnings:  # worth a look, but the site is built
            log.warning("Avertissement : %s", warning)
        self.context["graph"] = self.graph
        self.writer = site_writer(self.settings)
        self.cache = RenderCache(
            self.graph, self.writer, code_fingerprint(Path(self.theme), self.settings)
        )
        helpers = template_globals(self.graph, self.settings)
        # A linked summary depends on its own file and on the names (in the base).
        links = FragmentCache(
            cache_folder(self.settings), "links", self.cache.base, self.graph.digest_of
        )
        link_bodies(self.graph, helpers["name_linker"], links.text)
        links.save()
        self.env.globals.update(helpers)
        self.context["render_cache"] = self.cache

    def write(
        self,
        relative: str,
        template: str,
        record: Any = None,
        shows: list[Any] | None = None,
        **context: Any,
    ) -> None:
        """Render a page; a page whose inputs did not change is kept. The inputs of
        a record page are its record's neighbourhood; a list page names the
        records it ``shows``; other pages are always rendered."""
        if record is not None:
            key = self.cache.key(record)
        elif shows is not None:
            key = self.cache.combined_key(relative, shows)
        else:
            key = None
        if key and self.cache.reuse(relative, key):
            return
        if key:
            self.cache.wrote(relative, key)
        self.pending.append((relative, template, context))

    def write_list(
        self,
        items: list[Any],
        name: str,
        folder: str,
        template: str,
        shows: list[Any] | None = None,
        **context: Any,
    ) -> None:
        """A list page, split into pages of the size set for ``name``; like a page,
        it is kept when the records it ``shows`` did not change."""
        for relative, listing in paginate(items, name, folder, self.settings):
            self.write(relative, template, shows=shows, listing=listing, **context)

    def write_record_lists(self) -> None:
        """The long lists of one record (a city's deliberations, a councillor's
        votes…) on pages of their own below it: a record page shows the first
        rows (``apercu``) and links there, so it does not grow with the record's
        activity. A city's lists always exist, at their own address: the indexes
        link them."""
        graph = self.graph
        owners = (
            *graph.cities.values(),
            *graph.persons.values(),
            *graph.organisations.values(),
            *graph.topics.values(),
        )
        for owner in owners:
            for kind in RECORD_LISTS.values():
                rows = kind.rows(graph, owner)
                folder = record_list_folder(kind, owner, rows, self.settings)
                if folder is None:
                    continue
                records = [row[0] if isinstance(row, tuple) else row for row in rows]  # votes
                self.write_list(
                    rows, kind.name, folder, kind.template, shows=[owner, *records], owner=owner
                )

    def render(self, page: tuple[str, str, dict[str, Any]]) -> None:
        relative, template, context = page
        html = render_page(self.env, self.context, relative, template, **context)
        self.writer.write_text(relative, html)

    def generate_output(self, writer: Any) -> None:
        """List every page, keep the unchanged ones, render the others (in two
        processes when there are many)."""
        self.pending: list[tuple[str, str, dict[str, Any]]] = []
        self.plan_pages()
        parallel_map(self.render, self.pending)
        self.writer.files.update(relative for relative, _, _ in self.pending)

    def plan_pages(self) -> None:
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
        for source in graph.sources.values():
            self.write(output_file(source), "source.html", source, source=source)
        for city in graph.cities.values():
            chart = bar_chart_svg(
                camera_bars(city.cameras), f"Nombre de caméras à {city.name}", f"cameras-{city.id}"
            )
            # The city's story, computed once for its page and its chronology page.
            entries = timeline_entries(graph, city.id)
            self.write(
                output_file(city), "city.html", city, city=city, chart=chart, entries=entries
            )
            if len(entries) > CITY_TIMELINE_PREVIEW:  # the page shows only the newest facts
                shown = list({id(e.record): e.record for e in entries}.values())
                self.write(
                    f"{path_of(city)}chronologie/index.html",
                    "city_timeline.html",
                    shows=[city, *shown],
                    city=city,
                    entries=entries,
                )

        # Overviews depend on everything, so they are always rendered; per-city lists
        # only when one of the records they show changed.
        cities = sort_fr(graph.cities.values())
        self.write("index.html", "home.html", home_cities=home_cities(graph, cities))
        voting = [c for c in cities if graph.deliberations_by[c.id]]
        self.write_list(voting, "deliberations", "deliberations/", "deliberations.html")
        self.write_record_lists()
        recent = sorted(
            graph.quotes.values(), key=lambda q: (date_sort_key(q.date), q.id), reverse=True
        )[:20]
        self.write("citations/index.html", "quotes.html", recent_quotes=recent)
        persons = sort_fr(graph.persons.values(), lambda p: p.sorted_as)
        self.write_list(persons, "personnes", "personnes/", "persons.html")
        kinds = list(LABELS["organisation_types"])
        organisations = sorted(  # by type, then by name (the sort is stable)
            sort_fr(graph.organisations.values()), key=lambda o: kinds.index(o.classification)
        )
        self.write_list(organisations, "organisations", "organisations/", "organisations.html")
        self.write_list(cities, "villes", "villes/", "cities.html")
        self.write("themes/index.html", "topics.html")
        with_events = [c for c in cities if graph.events_by[c.id]]
        self.write_list(
            timeline_entries(graph),
            "chronologie",
            "chronologie/",
            "timeline.html",
            timeline_cities=home_cities(graph, with_events),
        )
        rows = comparison_rows(graph)
        technologies = [graph.topics[t] for t in TECHNOLOGY_TOPICS if t in graph.topics]
        for key, label, sort in COMPARISON_ORDERS:
            self.write_list(
                sorted(rows, key=sort),
                "comparaison",
                "comparaison/" if key == "ville" else f"comparaison/par-{key}/",
                "comparison.html",
                sort_key=key,
                sort_label=f"tri {label.lower()}",
                sort_orders=[(k, lbl) for k, lbl, _ in COMPARISON_ORDERS],
                technology_topics=technologies,
            )
        sources = sort_fr(graph.sources.values(), "publication")
        self.write_list(sources, "sources", "sources/", "sources.html")
        self.write("recherche/index.html", "search.html")
        self.write("404.html", "404.html")
