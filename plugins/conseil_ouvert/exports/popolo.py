"""Popolo JSON: persons, organizations, memberships, motions, vote events,
votes and speeches, per city and for all.

Popolo has no « ne prend pas part au vote », no provenance of a vote and no
reported position: our French values are kept in fields prefixed ``fr_``, and
mapped to Popolo's nearest option.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..format.model import Deliberation, Organisation, Person, Quote
from ..reading.graph import Graph
from ..site.incremental import Fragment, no_cache

OPTIONS = {  # our position -> Popolo vote option
    "pour": "yes",
    "contre": "no",
    "abstention": "abstain",
    "ne-prend-pas-part": "not voting",
}
RESULTS = {"adoptee": "pass", "rejetee": "fail"}
COUNTS = (("yes", "yes"), ("no", "no"), ("abstain", "abstain"), ("not_voting", "not voting"))


def _sources(graph: Graph, ids: list[str]) -> list[dict[str, Any]]:
    out = []
    for source_id in ids:
        source = graph.sources[source_id]
        entry: dict[str, Any] = {
            "note": source.publication,
            "fr_source_id": source_id,
            "fr_nature": source.medium,  # vocabulary.SOURCE_MEDIA: press, association…
        }
        if source.part_of:
            entry["fr_part_of"] = source.part_of
        if source.reposted_by:
            entry["fr_reposted_by"] = source.reposted_by
        if source.reposted_url:
            entry["fr_reposted_url"] = source.reposted_url
        if source.url:
            entry["url"] = source.url
        if source.title:
            entry["fr_title"] = source.title
        if source.date:
            entry["fr_date"] = source.date.iso()
        out.append(entry)
    return out


def _date_provenance(record: Any) -> dict[str, Any]:
    """How a date was arrived at (vocabulary.DATE_BASES) and the source's own words:
    a Popolo date alone would say more than the source."""
    return {"fr_date_basis": record.date_basis, "fr_date_note": record.date_note}


def _organization(graph: Graph, org: Organisation) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": org.id,
        "name": org.name,
        "classification": org.classification,
        "sources": _sources(graph, org.sources),
    }
    if org.short_name:
        data["other_names"] = [{"name": org.short_name}]
    if org.parent:
        data["parent_id"] = org.parent
    if org.city:
        data["area_id"] = org.city
    return data


def _motion_and_vote_event(graph: Graph, delib: Deliberation) -> tuple[dict, dict]:
    date = delib.date.iso() if delib.date else None
    motion = {
        "id": delib.id,
        "organization_id": delib.body,
        "identifier": delib.number,
        "text": delib.title,
        "date": date,
        "result": RESULTS.get(delib.outcome),
        "fr_result": delib.outcome,
        "vote_events": [f"{delib.id}-vote"],
        "sources": _sources(graph, delib.sources),
        **_date_provenance(delib),
    }
    counts = [
        {"option": option, "value": getattr(delib.counts, attr)}
        for attr, option in COUNTS
        if getattr(delib.counts, attr) is not None
    ]
    vote_event = {
        "id": f"{delib.id}-vote",
        "motion_id": delib.id,
        "organization_id": delib.body,
        "identifier": delib.number,
        "start_date": date,
        **_date_provenance(delib),
        "result": RESULTS.get(delib.outcome),
        "counts": counts,
        "fr_counts_unknown": [
            option for attr, option in COUNTS if getattr(delib.counts, attr) is None
        ],
        "group_results": [
            {
                "group_id": p.organisation,
                "result": OPTIONS.get(p.position, p.position),
                "fr_position": p.position,
                "fr_provenance": p.provenance,
                "fr_source_id": p.source,
            }
            for p in delib.group_positions
        ],
        "sources": _sources(graph, delib.sources),
    }
    return motion, vote_event


def _speech(graph: Graph, quote: Quote) -> dict[str, Any]:
    return {
        "id": quote.id,
        "creator_id": quote.person or quote.organisation,
        "fr_organization_id": quote.organisation,
        "role": "speaker",
        "text": quote.text,
        "date": quote.date.iso() if quote.date else None,
        **_date_provenance(quote),
        "type": "speech" if quote.verbatim else "summary",
        "fr_type": quote.type,
        "event_id": quote.deliberation or quote.event,
        "sources": _sources(graph, quote.sources),
    }


@dataclass
class Scope:
    """The records a Popolo document is made of."""

    delibs: list[Deliberation]
    quotes: list[Quote]
    orgs: set[str]
    persons: set[str]

    def records(self, graph: Graph) -> list[Any]:
        """Every record shown, for the file's inputs key."""
        return [
            *self.delibs,
            *self.quotes,
            *(graph.organisations[o] for o in sorted(self.orgs)),
            *(graph.persons[p] for p in sorted(self.persons)),
        ]


def scope(graph: Graph, city: str | None = None) -> Scope:
    """What the whole graph's (or one city's) Popolo document contains."""
    if city is None:
        delibs = graph.sorted_deliberations()
        quotes = sorted(graph.quotes.values(), key=lambda q: q.id)
        orgs = set(graph.organisations)
    else:
        delibs = graph.deliberations_by[city]
        about = {q.id: q for d in delibs for q in graph.quotes_by[d.id]}
        about.update((q.id, q) for q in graph.quotes_by[city])
        quotes = [about[k] for k in sorted(about)]
        orgs = {o.id for o in graph.organisations.values() if o.city == city}
    orgs |= {d.body for d in delibs}
    orgs |= {p.organisation for d in delibs for p in d.group_positions}
    orgs |= {q.organisation for q in quotes if q.organisation}
    persons = {p.id for p in graph.persons.values() if city is None}
    persons |= {q.person for q in quotes if q.person}
    persons |= {v.person for d in delibs for v in d.votes}
    persons |= {person.id for org in orgs for person, _ in graph.members_of[org]}
    return Scope(delibs, quotes, orgs, persons)


SEPARATOR = "\x00"  # never in JSON text (control characters are escaped)


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _person(graph: Graph, person: Person) -> dict[str, Any]:
    return {
        "id": person.id,
        "name": person.name,
        "sort_name": person.sort_name or person.name,
        "summary": person.summary,
        "sources": _sources(graph, person.sources),
    }


def _memberships(person: Person, orgs: set[str] | None) -> list[dict[str, Any]]:
    return [
        {
            "id": f"{m.person}-{m.organisation}-{i}",
            "person_id": m.person,
            "organization_id": m.organisation,
            "role": m.role,
            "start_date": m.start.iso() if m.start else None,
            "end_date": m.end.iso() if m.end else None,
            "fr_source_id": m.source,
        }
        for i, m in enumerate(person.memberships)
        if orgs is None or m.organisation in orgs
    ]


def _votes(delib: Deliberation) -> list[dict[str, Any]]:
    return [
        {
            "id": f"{delib.id}-{v.person}",
            "vote_event_id": f"{delib.id}-vote",
            "voter_id": v.person,
            "option": OPTIONS.get(v.option, v.option),
            "group_id": v.group,
            "fr_option": v.option,
            "fr_provenance": v.provenance,
            "fr_source_id": v.source,
        }
        for v in delib.votes
    ]


def _joined(items: list[dict[str, Any]]) -> str:
    return ",".join(_dumps(item) for item in items)


def popolo_text(
    graph: Graph,
    city: str | None = None,
    part: Scope | None = None,
    fragment: Fragment = no_cache,
) -> str:
    """The graph (or one city's part of it) as a Popolo document, compact JSON.

    Assembled from one text fragment per record, which ``fragment`` may take
    from a cache: the document for all cities changes with every edit, but
    only the edited records' fragments do.
    """
    part = part or scope(graph, city)
    persons = [graph.persons[i] for i in sorted(part.persons)]

    def person_text(person: Person) -> str:
        return _dumps(_person(graph, person)) + SEPARATOR + _joined(_memberships(person, None))

    def delib_text(delib: Deliberation) -> str:
        motion, event = _motion_and_vote_event(graph, delib)
        return SEPARATOR.join((_dumps(motion), _dumps(event), _joined(_votes(delib))))

    people = [fragment("popolo-person", p, person_text).split(SEPARATOR) for p in persons]
    delibs = [fragment("popolo-deliberation", d, delib_text).split(SEPARATOR) for d in part.delibs]
    if city is None:
        memberships = [texts[1] for texts in people]
    else:  # only memberships of the city's organisations
        memberships = [_joined(_memberships(p, part.orgs)) for p in persons]
    sections = {
        "persons": [texts[0] for texts in people],
        "organizations": [
            fragment(
                "popolo-organisation",
                graph.organisations[o],
                lambda org: _dumps(_organization(graph, org)),
            )
            for o in sorted(part.orgs)
        ],
        "memberships": memberships,
        "motions": [texts[0] for texts in delibs],
        "vote_events": [texts[1] for texts in delibs],
        "votes": [texts[2] for texts in delibs],
        "speeches": [
            fragment("popolo-speech", q, lambda quote: _dumps(_speech(graph, quote)))
            for q in part.quotes
        ],
    }
    body = ",".join(
        f'"{name}":[{",".join(text for text in texts if text)}]' for name, texts in sections.items()
    )
    return "{" + body + "}\n"
