"""Sharing and re-use metadata for pages: schema.org JSON-LD.

Only local or absolute links to this site: no remote image, no third party.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from ..format.model import City, Deliberation, Event, Organisation, Person, Quote
from ..reading.graph import Graph


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, "", [])}


def _date(record: Any) -> str | None:
    """A date as a source gives it: schema.org has no way to flag an inferred
    date, so a day read from a number gives only the year and a date deduced
    from a relative phrase or from the reporting publication is left out."""
    if record.date is None:
        return None
    if record.date_basis == "numero":
        return str(record.date.year)
    return None if record.date_basis else record.date.iso()


def json_ld(record: Any, graph: Graph, link: Callable[[Any], str]) -> Markup:
    """A JSON-LD block, escaped so that it cannot close its <script> element
    (hence trusted markup: templates print it as is)."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "url": link(record),
        "inLanguage": "fr",
    }
    if isinstance(record, Deliberation):
        body = graph.organisations[record.body]
        data |= {
            "@type": "Legislation",
            "name": record.title,
            "legislationIdentifier": record.number,
            "legislationDate": _date(record),
            "legislationJurisdiction": graph.cities[record.city].name,
            "legislationPassedBy": {"@type": "Organization", "name": body.name},
            "keywords": [graph.topics[t].name for t in record.topics],
        }
    elif isinstance(record, Person):
        data |= {
            "@type": "Person",
            "name": record.name,
            "description": record.summary,
            "affiliation": [
                {"@type": "Organization", "name": graph.organisations[m.organisation].name}
                for m in record.memberships
            ],
        }
    elif isinstance(record, Organisation):
        data |= {"@type": "Organization", "name": record.name, "description": record.summary}
    elif isinstance(record, Event):
        data |= {
            "@type": "Event",
            "name": record.title,
            "startDate": _date(record),
            "location": (
                {"@type": "Place", "name": graph.cities[record.city].name} if record.city else None
            ),
        }
    elif isinstance(record, Quote):
        data |= {
            "@type": "Quotation",
            "text": record.text,
            "creator": {"@type": "Thing", "name": graph.speaker_label(record)},
            "dateCreated": _date(record),
        }
    elif isinstance(record, City):
        data |= {
            "@type": "City" if record.place_type == "commune" else "Place",
            "name": record.name,
        }
    text = json.dumps(_clean(data), ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
