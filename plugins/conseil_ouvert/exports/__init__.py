"""Open data, feeds and machine-readable alternates, written from the graph.

Each format has its own module (``scdl``, ``popolo``, ``records_json``,
``feeds``); this generator writes them after the pages, then renders the
« Données » page, which lists every file with its size.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import subprocess
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from ..build.output import site_writer
from ..build.parallel import parallel_map
from ..format.formatting import sort_fr
from ..format.model import PartialDate
from ..format.schema import json_schema as metadata_schema
from ..format.urls import path_of
from ..reading.graph import Graph
from ..site.incremental import FragmentCache, cache_folder
from ..site.pagination import paginate
from ..site.templating import render_page, template_globals
from . import feeds, popolo, records_json, scdl

log = logging.getLogger(__name__)

LICENCE_NOTE = (
    "La Licence Ouverte 2.0 d'Etalab est la licence de référence des données publiques "
    "françaises : toute réutilisation, y compris commerciale, est libre, à la seule condition "
    "de citer la source (« Conseil ouvert ») et la date de mise à jour. Elle est compatible "
    "avec la licence Creative Commons CC-BY 4.0 et la licence ODC-BY."
)


def content_updated(content: Path, graph: Graph) -> str:
    """When the content last changed: its last commit, else its latest dated fact."""
    try:
        day = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", "."],
            cwd=content,
            capture_output=True,
            text=True,
            timeout=20,
            check=True,
        ).stdout.strip()
        if day:
            return day
    except (OSError, subprocess.SubprocessError):
        pass
    dates = [r.date for r in (*graph.deliberations.values(), *graph.events.values()) if r.date]
    return max(dates).first_day().isoformat() if dates else "2000-01-01"


def dump_json(data: Any) -> str:
    """Compact JSON (the C encoder only runs without indentation)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


class ExportsGenerator(Generator):
    """Writes data files, feeds and JSON alternates, then the « Données » page."""

    def write_text(
        self,
        relative: str,
        text: str | Callable[[], str],
        files: list[dict[str, Any]] | None = None,
        **about: Any,
    ) -> None:
        """Queue a file (its text, or how to make it) and list it on the « Données »
        page if ``files`` is given; queued files are written together."""
        entry: dict[str, Any] = {"path": relative, "size": None, **about}
        if files is not None:
            files.append(entry)
        self.pending.append((relative, text, entry))

    def make_file(self, job: tuple[str, str | Callable[[], str], dict[str, Any]]) -> int:
        relative, text, _ = job
        return self.writer.write_text(relative, text if isinstance(text, str) else text())

    def write_pending(self) -> None:
        """Write the queued files, in two processes when there are many."""
        sizes = parallel_map(self.make_file, self.pending)
        for (relative, _, entry), size in zip(self.pending, sizes, strict=True):
            entry["size"] = size
            self.writer.files.add(relative)
        self.pending = []

    def keyed(
        self,
        relative: str,
        records: Iterable[Any],
        make: Callable[[], str],
        files: list[dict[str, Any]] | None = None,
        **about: Any,
    ) -> None:
        """Write a file made from ``records`` only if one of their inputs changed."""
        cache = self.context["render_cache"]
        key = cache.combined_key(relative, records)
        if cache.reuse(relative, key):
            if files is not None:
                size = (cache.writer.published / relative).stat().st_size
                files.append({"path": relative, "size": size, **about})
            return
        cache.wrote(relative, key)
        self.write_text(relative, make, files, **about)

    def render(self, relative: str, template: str, **context: Any) -> None:
        html = render_page(self.env, self.context, relative, template, **context)
        self.writer.write_text(relative, html)

    def generate_output(self, writer: Any) -> None:
        self.writer = site_writer(self.settings)
        self.pending: list[tuple[str, str | Callable[[], str], dict[str, Any]]] = []
        graph: Graph = self.context["graph"]
        siteurl = self.settings.get("SITEURL", "")
        origin = self.settings.get("SITE_ORIGIN", "") or siteurl
        updated = content_updated(Path(self.path), graph)
        files: list[dict[str, Any]] = []

        # Our own complete JSON (from each record's cached fragment) and its schema.
        cache = self.context["render_cache"]
        fragments = FragmentCache(cache_folder(self.settings), "fragments", cache.base, cache.key)
        self.write_text(
            "donnees/conseil-ouvert.json",
            records_json.graph_json_text(graph, siteurl, fragments.text),
            files,
            group="complet",
            label="Toutes les fiches",
            format="JSON",
            schema="donnees/conseil-ouvert.schema.json",
        )
        self.write_text(
            "donnees/conseil-ouvert.schema.json",
            dump_json(records_json.json_schema()),
            files,
            group="schema",
            label="Schéma des fiches",
            format="JSON Schema",
        )
        self.write_text(
            "donnees/metadonnees.schema.json",
            dump_json(metadata_schema()),
            files,
            group="schema",
            label="Schéma des en-têtes des fichiers de contenu",
            format="JSON Schema",
        )

        # Popolo, for all and per city (written again only if a record shown changed).
        self.write_text(
            "donnees/popolo/tout.json",
            popolo.popolo_text(graph, fragment=fragments.text),
            files,
            group="popolo",
            label="Toutes les villes",
            format="JSON (Popolo)",
        )
        for city in sorted(graph.cities.values(), key=lambda c: c.name):
            part = popolo.scope(graph, city.id)
            self.keyed(
                f"donnees/popolo/{city.id}.json",
                part.records(graph),
                partial(popolo.popolo_text, graph, city.id, part),
                files,
                group="ville",
                city=city.id,
                label=city.name,
                format="JSON (Popolo)",
            )

        # SCDL CSV, per body and for all.
        csv_files, left_out = scdl.scdl_files(graph, fragments.text)
        schema_text = (
            Path(__file__).parents[1] / "schemas" / "scdl-deliberations-2.1.5.json"
        ).read_text(encoding="utf-8")
        self.write_text(
            "donnees/scdl/scdl-deliberations-2.1.5.json",
            schema_text,
            files,
            group="schema",
            label="Schéma SCDL Délibérations 2.1.5 (Table Schema)",
            format="JSON (Table Schema)",
        )
        for body, text in csv_files.items():
            council = graph.organisations.get(body)
            self.write_text(
                f"donnees/scdl/{body}.csv",
                text,
                files,
                group="scdl" if council is None else "ville",
                city=council.city if council else None,
                label="Tous les conseils" if council is None else council.name,
                format="CSV (SCDL Délibérations 2.1.5)",
                schema="donnees/scdl/scdl-deliberations-2.1.5.json",
                rows=text.count("\r\n") - 1,
            )
        for item in left_out:
            log.warning(
                "SCDL : %s laissée hors du fichier (%s)",
                item.deliberation.path,
                "; ".join(item.reasons),
            )

        # JSON alternates of record pages (reused when the page's inputs are unchanged).
        def alternate(record: Any) -> str:
            data = records_json.record_json(record, siteurl)
            data["citations"] = [q.id for q in graph.quotes_by[record.id]]
            return dump_json(data)

        fragments.save()

        for record in (
            *graph.deliberations.values(),
            *graph.persons.values(),
            *graph.organisations.values(),
        ):
            self.keyed(path_of(record) + "index.json", [record], partial(alternate, record))

        # Atom feeds: each is written again only if one of its entries changed.
        def feed(
            relative: str, records: list[Any], make: Callable[[], str], label: str, **about: Any
        ) -> None:
            listed = files if about.get("group") != "flux-organisation" else None
            about.setdefault("group", "flux")
            self.keyed(relative, records, make, listed, label=label, format="Atom", **about)

        entries = feeds.Entries(graph, origin)
        every = graph.sorted_deliberations()
        feed(
            "flux/deliberations.xml",
            every,
            lambda: feeds.deliberation_feed(
                entries, every, "Conseil ouvert — délibérations", "flux/deliberations.xml"
            ),
            "Toutes les délibérations",
        )
        quotes = sorted(
            graph.quotes.values(),
            key=lambda q: q.date.sort_key() if q.date else (0, 0, 0),
            reverse=True,
        )
        feed(
            "flux/citations.xml",
            quotes,
            lambda: feeds.quote_feed(entries, quotes, "flux/citations.xml"),
            "Citations et positions",
        )
        for kind, records in (
            ("villes", graph.cities),
            ("themes", graph.topics),
            ("organisations", graph.organisations),
        ):
            for record in sorted(records.values(), key=lambda r: r.id):
                delibs = graph.deliberations_by[record.id] or [
                    d for d, _ in graph.group_record[record.id]
                ]
                name = record.name
                relative = f"flux/{kind}/{record.id}.xml"
                feed(
                    relative,
                    delibs,
                    partial(
                        feeds.deliberation_feed,
                        entries,
                        delibs,
                        f"Conseil ouvert — délibérations : {name}",
                        relative,
                        path_of(record),
                    ),
                    f"Délibérations : {name}",
                    group={
                        "villes": "ville",
                        "themes": "flux",
                        "organisations": "flux-organisation",
                    }[kind],
                    city=record.id if kind == "villes" else None,
                )

        self.write_pending()
        self.env.globals.update(template_globals(graph, self.settings))
        self.context["LICENCE_NOTE"] = LICENCE_NOTE
        self.context["data_files"] = files
        self.context["scdl_left_out"] = left_out
        day = dt.date.fromisoformat(updated)
        self.context["data_updated"] = PartialDate(day.year, day.month, day.day)
        self.render("donnees/index.html", "data.html")
        by_city: dict[str, list[dict[str, Any]]] = {}
        for entry in files:
            if entry.get("city"):
                by_city.setdefault(entry["city"], []).append(entry)
        cities = [(city, by_city.get(city.id, [])) for city in sort_fr(graph.cities.values())]
        for relative, listing in paginate(
            cities, "donnees-villes", "donnees/villes/", self.settings
        ):
            self.render(relative, "data_cities.html", listing=listing)
