"""Atom feeds: new deliberations (all, per city, per topic, per organisation)
and quotes. Undated records have no place in a feed and are left out.

The XML is written here rather than through a feed library: an entry is the
same in every feed that lists it (a deliberation is in the feed of its city,
its council, its topics and « all »), so each is made once per build and the
500 feeds of a large site are joined from them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr as xml_quoteattr

from ..format.formatting import dated_fr, euros_fr
from ..format.model import Deliberation, Quote
from ..format.problems import FORBIDDEN_CHARS
from ..format.urls import path_of
from ..reading.graph import Graph

FEED_LENGTH = 50  # the newest entries; the full history is in the open data
# An empty feed dates itself from the content, not from the clock, so that two
# builds of the same content are identical.
EMPTY_FEED_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<feed xml:lang="fr" xmlns="http://www.w3.org/2005/Atom">'

Entry = tuple[dt.datetime, str]  # when, and the <entry> element
# What no published text may hold (among it, what XML 1.0 cannot carry): the
# content checks refuse it, and a feed stays well formed even if one slipped through.


def escape(text: str) -> str:
    return xml_escape(FORBIDDEN_CHARS.sub("", text))


def quoteattr(text: str) -> str:
    return xml_quoteattr(FORBIDDEN_CHARS.sub("", text))


class Entries:
    """Each record's <entry>, made once per build and shared by every feed."""

    def __init__(self, graph: Graph, origin: str) -> None:
        self.graph = graph
        self.origin = origin
        self.made: dict[int, Entry] = {}

    def entry(self, record: Deliberation | Quote) -> Entry:
        known = self.made.get(id(record))  # records live as long as the build
        if known is None:
            made = self._deliberation if record.KIND == "deliberation" else self._quote
            known = self.made[id(record)] = self._entry(record, *made(record))
        return known

    def _deliberation(self, delib: Deliberation) -> tuple[str, str, list[str]]:
        graph = self.graph
        summary = f"{graph.cities[delib.city].name}, {graph.organisations[delib.body].name}"
        summary += f", {dated_fr(delib)}."
        amounts = ", ".join(euros_fr(a.euros) for a in delib.amounts)
        if amounts:
            summary += f" Montant : {amounts}."
        title = f"{delib.number + ' — ' if delib.number else ''}{delib.title}"
        return title, summary, [graph.topics[t].name for t in delib.topics]

    def _quote(self, quote: Quote) -> tuple[str, str, list[str]]:
        said = f"« {quote.text} »" if quote.verbatim else quote.text
        return f"{self.graph.speaker_label(quote)} ({dated_fr(quote)})", said, []

    def _entry(self, record: Any, title: str, summary: str, categories: list[str]) -> Entry:
        link = f"{self.origin}/{path_of(record)}"
        when = dt.datetime.combine(record.date.first_day(), dt.time(12), tzinfo=dt.UTC)
        stamp = when.isoformat()
        xml = (
            f"<entry><title>{escape(title)}</title>"
            f'<link href={quoteattr(link)} rel="alternate"/>'
            f"<published>{stamp}</published><updated>{stamp}</updated>"
            f'<id>{escape(link)}</id><summary type="text">{escape(summary)}</summary>'
            + "".join(f"<category term={quoteattr(c)}/>" for c in categories)
            + "</entry>"
        )
        return when, xml


def _feed(title: str, link: str, feed_url: str, entries: list[Entry]) -> str:
    updated = max((when for when, _ in entries), default=EMPTY_FEED_DATE)
    return (
        f"{HEADER}<title>{escape(title)}</title>"
        f'<link href={quoteattr(link)} rel="alternate"/>'
        f'<link href={quoteattr(feed_url)} rel="self"/>'
        f"<id>{escape(feed_url)}</id><updated>{updated.isoformat()}</updated>"
        f"<subtitle>{escape(title)}</subtitle>" + "".join(xml for _, xml in entries) + "</feed>"
    )


def deliberation_feed(
    entries: Entries,
    delibs: Iterable[Deliberation],
    title: str,
    feed_path: str,
    page: str = "deliberations/",
) -> str:
    dated = sorted(
        (d for d in delibs if d.date), key=lambda d: (d.date.sort_key(), d.id), reverse=True
    )
    origin = entries.origin
    return _feed(
        title,
        f"{origin}/{page}",
        f"{origin}/{feed_path}",
        [entries.entry(d) for d in dated[:FEED_LENGTH]],
    )


def quote_feed(entries: Entries, quotes: Iterable[Quote], feed_path: str) -> str:
    title = "Conseil ouvert — citations et positions"
    origin = entries.origin
    dated = [entries.entry(q) for q in [q for q in quotes if q.date][:FEED_LENGTH]]
    return _feed(title, f"{origin}/citations/", f"{origin}/{feed_path}", dated)
