"""Popolo JSON: persons, organizations, memberships, motions, vote events,
votes and speeches, per city and for all.

Popolo has no « ne prend pas part au vote », no provenance of a vote and no
reported position: our French values are kept in fields prefixed ``fr_``, and
mapped to Popolo's nearest option.
"""

from __future__ import annotations

from typing import Any

from ..graph import Graph
from ..model import Deliberation, Organisation, Quote

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
        entry: dict[str, Any] = {"note": source.publication, "fr_source_id": source_id}
        if source.url:
            entry["url"] = source.url
        if source.title:
            entry["fr_title"] = source.title
        if source.date:
            entry["fr_date"] = source.date.iso()
        out.append(entry)
    return out


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
        "type": "speech" if quote.verbatim else "summary",
        "fr_type": quote.type,
        "event_id": quote.deliberation or quote.event,
        "sources": _sources(graph, quote.sources),
    }


def popolo(graph: Graph, city: str | None = None) -> dict[str, Any]:
    """The graph (or one city's part of it) as a Popolo document."""
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
    pairs = [_motion_and_vote_event(graph, d) for d in delibs]
    return {
        "persons": [
            {
                "id": p.id,
                "name": p.name,
                "sort_name": p.sort_name or p.name,
                "summary": p.summary,
                "sources": _sources(graph, p.sources),
            }
            for p in sorted((graph.persons[i] for i in persons), key=lambda p: p.id)
        ],
        "organizations": [_organization(graph, graph.organisations[o]) for o in sorted(orgs)],
        "memberships": [
            {
                "id": f"{m.person}-{m.organisation}-{i}",
                "person_id": m.person,
                "organization_id": m.organisation,
                "role": m.role,
                "start_date": m.start.iso() if m.start else None,
                "end_date": m.end.iso() if m.end else None,
                "fr_source_id": m.source,
            }
            for pid in sorted(persons)
            for i, m in enumerate(graph.persons[pid].memberships)
            if m.organisation in orgs or city is None
        ],
        "motions": [motion for motion, _ in pairs],
        "vote_events": [event for _, event in pairs],
        "votes": [
            {
                "id": f"{d.id}-{v.person}",
                "vote_event_id": f"{d.id}-vote",
                "voter_id": v.person,
                "option": OPTIONS.get(v.option, v.option),
                "group_id": v.group,
                "fr_option": v.option,
                "fr_provenance": v.provenance,
                "fr_source_id": v.source,
            }
            for d in delibs
            for v in d.votes
        ],
        "speeches": [_speech(graph, q) for q in quotes],
    }
