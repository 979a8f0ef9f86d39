"""Atom feeds: new deliberations (all, per city, per topic, per organisation)
and quotes. Undated records have no place in a feed and are left out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from feedgenerator import Atom1Feed

from ..formatting import date_fr
from ..graph import Graph
from ..model import Deliberation, Quote
from ..urls import path_of

FEED_LENGTH = 50  # the newest entries; the full history is in the open data


def _when(date: Any) -> dt.datetime:
    return dt.datetime.combine(date.first_day(), dt.time(12), tzinfo=dt.UTC)


class StableAtomFeed(Atom1Feed):
    """An empty feed dates itself from the content, not from the clock, so that
    two builds of the same content are identical."""

    fallback = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)

    def latest_post_date(self) -> dt.datetime:
        return super().latest_post_date() if self.items else self.fallback


def _feed(title: str, link: str, feed_url: str, description: str) -> Atom1Feed:
    return StableAtomFeed(
        title=title,
        link=link,
        feed_url=feed_url,
        feed_guid=feed_url,
        description=description,
        language="fr",
    )


def _add(
    feed: Atom1Feed,
    origin: str,
    record: Any,
    title: str,
    description: str,
    categories: list[str] | None = None,
) -> None:
    link = f"{origin}/{path_of(record)}"
    when = _when(record.date)
    feed.add_item(
        title=title,
        link=link,
        unique_id=link,
        description=description,
        updateddate=when,
        pubdate=when,
        categories=categories or [],
    )


def deliberation_feed(
    graph: Graph,
    delibs: Iterable[Deliberation],
    title: str,
    origin: str,
    feed_path: str,
    page: str = "deliberations/",
) -> str:
    feed = _feed(title, f"{origin}/{page}", f"{origin}/{feed_path}", title)
    dated = sorted(
        (d for d in delibs if d.date), key=lambda d: (d.date.sort_key(), d.id), reverse=True
    )
    for delib in dated[:FEED_LENGTH]:
        city = graph.cities[delib.city].name
        amounts = ", ".join(f"{a.euros:,.0f} €".replace(",", " ") for a in delib.amounts)
        summary = f"{city}, {graph.organisations[delib.body].name}, {date_fr(delib.date)}."
        if amounts:
            summary += f" Montant : {amounts}."
        title = f"{delib.number + ' — ' if delib.number else ''}{delib.title}"
        categories = [graph.topics[t].name for t in delib.topics]
        _add(feed, origin, delib, title, summary, categories)
    return feed.writeString("utf-8")


def quote_feed(graph: Graph, quotes: Iterable[Quote], origin: str, feed_path: str) -> str:
    title = "Conseil ouvert — citations et positions"
    feed = _feed(title, f"{origin}/citations/", f"{origin}/{feed_path}", title)
    for quote in [q for q in quotes if q.date][:FEED_LENGTH]:
        said = f"« {quote.text} »" if quote.verbatim else quote.text
        title = f"{graph.speaker_label(quote)} ({date_fr(quote.date)})"
        _add(feed, origin, quote, title, said)
    return feed.writeString("utf-8")
