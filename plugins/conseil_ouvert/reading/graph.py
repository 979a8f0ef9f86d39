"""Checked records to a graph: every reference resolved, every rule checked,
and the indexes the pages and exports walk (built once, in one pass each).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..format.model import (
    KINDS,
    City,
    Deliberation,
    Event,
    Organisation,
    Person,
    Quote,
    Source,
    Topic,
    date_sort_key,
)
from ..format.problems import Problem
from ..format.schema import FORMATS
from ..format.urls import url_clashes
from .checks import check_graph
from .loading import field_line, load_content
from .rules import check_rules


class ContentError(SystemExit):
    """Content mistakes: a clean report and exit status 1, never a traceback."""

    def __init__(self, problems: list[Problem], building: bool = False) -> None:
        self.problems = problems
        lines = [str(p) for p in problems]
        plural = "s" if len(problems) > 1 else ""
        kept = " ; le site publié n'a pas été modifié" if building else ""
        report = f"\n{len(problems)} problème{plural} dans le contenu{kept} :\n" + "\n".join(lines)
        super().__init__(report)  # SystemExit prints a text code and exits with 1


@dataclass
class Graph:
    """All published records, and who points at whom."""

    sources: dict[str, Source]
    topics: dict[str, Topic]
    cities: dict[str, City]
    organisations: dict[str, Organisation]
    persons: dict[str, Person]
    deliberations: dict[str, Deliberation]
    quotes: dict[str, Quote]
    events: dict[str, Event]
    drafts: dict[str, Deliberation] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)  # reported, not blocking
    # For incremental builds: each record's file hash, and who references whom,
    # keyed "folder/id" (e.g. "deliberations/dcm-19-02-28-14").
    digests: dict[str, str] = field(default_factory=dict)
    out_edges: dict[str, set[str]] = field(default_factory=dict)
    in_edges: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._sorted_deliberations: list[Deliberation] | None = None
        self.quotes_by: dict[str, list[Quote]] = defaultdict(list)
        self.deliberations_by: dict[str, list[Deliberation]] = defaultdict(list)
        self.events_by: dict[str, list[Event]] = defaultdict(list)
        self.members_of: dict[str, list[tuple[Person, object]]] = defaultdict(list)
        self.cited_by: dict[str, list[object]] = defaultdict(list)
        self.group_record: dict[str, list[tuple[Deliberation, object]]] = defaultdict(list)
        self.votes_of: dict[str, list[tuple[Deliberation, object]]] = defaultdict(list)
        self.children: dict[str, list[Organisation]] = defaultdict(list)

        for quote in sorted(
            self.quotes.values(), key=lambda q: date_sort_key(q.date), reverse=True
        ):
            for key in (
                quote.person,
                quote.organisation,
                quote.deliberation,
                quote.event,
                quote.city,
            ):
                if key:
                    self.quotes_by[key].append(quote)
            for topic in quote.topics:
                self.quotes_by[topic].append(quote)
        for delib in self.sorted_deliberations():
            self.deliberations_by[delib.city].append(delib)
            self.deliberations_by[delib.body].append(delib)
            for topic in delib.topics:
                self.deliberations_by[topic].append(delib)
            for position in delib.group_positions:
                self.group_record[position.organisation].append((delib, position))
            for vote in delib.votes:
                self.votes_of[vote.person].append((delib, vote))
        for event in self.sorted_events():
            # An event that follows another is listed among that event's follow-ups.
            for key in (
                event.city,
                event.deliberation,
                event.follows,
                *event.organisations,
                *event.topics,
            ):
                if key:
                    self.events_by[key].append(event)
        for person in self.persons.values():
            for membership in person.memberships:
                self.members_of[membership.organisation].append((person, membership))
        for org in self.organisations.values():
            if org.parent:
                self.children[org.parent].append(org)
        for record in self.all_records():
            for source in record.sources:
                self.cited_by[source].append(record)

    def all_records(self) -> list:
        return [
            *self.topics.values(),
            *self.cities.values(),
            *self.organisations.values(),
            *self.persons.values(),
            *self.deliberations.values(),
            *self.quotes.values(),
            *self.events.values(),
        ]

    def sorted_deliberations(self) -> list[Deliberation]:
        """Newest first (computed once: the graph does not change after it is built)."""
        if self._sorted_deliberations is None:
            self._sorted_deliberations = sorted(
                self.deliberations.values(),
                key=lambda d: (date_sort_key(d.date), d.id),
                reverse=True,
            )
        return self._sorted_deliberations

    def sorted_events(self) -> list[Event]:
        return sorted(
            self.events.values(), key=lambda e: (date_sort_key(e.date), e.id), reverse=True
        )

    def collections(self) -> dict[str, dict[str, object]]:
        """Published records by content folder (the folders of ``model.KINDS``)."""
        return {
            "sources": self.sources,
            "themes": self.topics,
            "villes": self.cities,
            "organisations": self.organisations,
            "personnes": self.persons,
            "deliberations": self.deliberations,
            "citations": self.quotes,
            "evenements": self.events,
        }

    def digest_of(self, record: object) -> str:
        """The hash of the file a record comes from."""
        return self.digests.get(record_key(record), "")

    def quote_city(self, quote: Quote) -> City | None:
        """The city a quote is about: its own, else its deliberation's or event's."""
        city = quote.city
        if not city and quote.deliberation:
            city = self.deliberations[quote.deliberation].city
        if not city and quote.event:
            city = self.events[quote.event].city
        return self.cities.get(city) if city else None

    def speaker_label(self, quote: Quote) -> str:
        names = []
        if quote.person:
            names.append(self.persons[quote.person].name)
        if quote.organisation:
            names.append(self.organisations[quote.organisation].label)
        return ", ".join(names)


FOLDER_OF = {cls: folder for folder, cls in KINDS.items()}


def record_key(record: object) -> str:
    return f"{FOLDER_OF[type(record)]}/{record.id}"  # type: ignore[attr-defined]


def build_graph(
    content: Path, today: dt.date | None = None, cache_folder: Path | None = None
) -> Graph:
    """Load, check and link every record; raise ContentError listing every problem."""
    today = today or dt.date.today()
    loaded = load_content(content, today, cache_folder)
    check_rules(loaded, today)
    for delib, message, fix in url_clashes(loaded.records["deliberations"].values()):
        line = field_line(loaded, delib.path, "numero")
        loaded.problems.append(Problem(delib.path, line, "numero", message, fix))
    warnings = check_graph(loaded)
    if loaded.problems:
        raise ContentError(sorted(loaded.problems, key=lambda p: (p.file, p.line or 0)))
    records = loaded.records
    deliberations = {k: d for k, d in records["deliberations"].items() if not d.draft}
    graph = Graph(
        sources=records["sources"],
        topics=records["themes"],
        cities=records["villes"],
        organisations=records["organisations"],
        persons=records["personnes"],
        deliberations=deliberations,
        quotes=records["citations"],
        events=records["evenements"],
        drafts={k: d for k, d in records["deliberations"].items() if d.draft},
        warnings=sorted(warnings, key=lambda p: (p.file, p.line or 0)),
    )
    for person in graph.persons.values():
        for membership in person.memberships:
            membership.person = person.id
    key_of = {
        rel: f"{kind}/{rid}" for kind, ids in loaded.files.items() for rid, rel in ids.items()
    }
    graph.digests = {key_of[rel]: digest for rel, digest in loaded.digests.items()}
    out_edges: dict[str, set[str]] = defaultdict(set)
    in_edges: dict[str, set[str]] = defaultdict(set)
    for kind, ref_id, rel, _ in loaded.refs:
        out_edges[key_of[rel]].add(f"{kind}/{ref_id}")
        in_edges[f"{kind}/{ref_id}"].add(key_of[rel])
    graph.out_edges, graph.in_edges = out_edges, in_edges
    assert set(FORMATS) == set(records)
    return graph
