"""What holds for any content, however much it grows: these tests read their
expectations from ``content/`` itself and never pin a count or a record."""

from __future__ import annotations

import csv
import io
import json
import re

from conftest import Site, text_of
from conseil_ouvert.format.urls import path_of


def test_every_source_is_used(records) -> None:
    """A source nobody cites is a fact that never reached the site."""
    used = {key.split("/", 1)[1] for key in records.in_edges if key.startswith("sources/")}
    unused = sorted(set(records.sources) - used)
    assert not unused, f"sources citées par aucune fiche : {unused}"


def test_every_record_has_its_page(site: Site, records) -> None:
    for record in (*records.all_records(), *records.sources.values()):
        assert site.path("/" + path_of(record)).is_file(), record.path


def test_every_quote_page_names_its_sources(site: Site, records) -> None:
    for quote in records.quotes.values():
        page = site.page("/" + path_of(quote))
        cited = {a["href"] for a in page.select("figure.quote figcaption a.cite[href]")}
        assert cited >= {f"/sources/{s}/" for s in quote.sources}, quote.path


def test_unknown_counts_are_never_zero(site: Site, records) -> None:
    """Every unknown count is « non publié » on the page, empty in SCDL and null in JSON."""
    options = ("yes", "no", "abstain", "not_voting")
    data = json.loads((site.output / "donnees/conseil-ouvert.json").read_text(encoding="utf-8"))
    exported = {d["id"]: d for d in data["deliberations"]}
    scdl = {
        row["DELIB_ID"]: row
        for row in csv.DictReader(
            io.StringIO((site.output / "donnees/scdl/tout.csv").read_text(encoding="utf-8"))
        )
    }
    for delib in records.deliberations.values():
        page = site.page("/" + path_of(delib))
        cells = [text_of(td) for td in page.select("table.votes tbody td")]
        assert len(cells) == len(options), delib.path
        for option, cell in zip(options, cells, strict=True):
            value = getattr(delib.counts, option)
            if value is None:
                assert cell == "non publié", (delib.path, option, cell)
                assert exported[delib.id]["counts"][option] is None, delib.path
            else:
                assert re.sub(r"\D", "", cell) == str(value), (delib.path, option, cell)
        row = scdl.get(delib.number or "")
        if row is not None and delib.counts.yes is None:
            assert row["VOTE_POUR"] == "", delib.path
