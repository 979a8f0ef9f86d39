"""Quotes: verbatim words and reported positions, each with speaker, date and source."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from corpus import REPORTED, VERBATIM

from conftest import CONTENT, Site, text_of


def quote_ids() -> list[str]:
    return sorted(p.stem for p in (CONTENT / "citations").glob("*.md"))


def test_every_quote_has_a_page_with_speaker_date_and_source(site: Site) -> None:
    assert len(quote_ids()) >= 10
    for quote_id in quote_ids():
        page = site.page(f"/citations/{quote_id}/")
        card = page.select_one("figure.quote")
        caption = text_of(card.select_one("figcaption"))
        assert card.select_one(".speaker a[href]"), quote_id
        assert page.select_one("figcaption time[datetime]") or "date non précisée" in caption
        assert "Source :" in caption, quote_id
        assert card.select_one("figcaption a.cite[href^='/sources/']"), quote_id


def test_verbatim_and_reported_are_shown_differently(corpus_site: Site) -> None:
    verbatim = corpus_site.page(f"/citations/{VERBATIM}/").select_one("figure.quote")
    reported = corpus_site.page(f"/citations/{REPORTED}/").select_one("figure.quote")
    assert "quote--citation" in verbatim["class"]
    assert verbatim.select_one("blockquote") is not None
    said = text_of(verbatim.select_one("blockquote"))
    assert said.startswith("« Quand a-t-on débattu en public de 1 600 caméras")
    assert said.endswith("»")
    assert "quote--position" in reported["class"]
    assert reported.select_one("blockquote") is None
    assert "vigilante" in text_of(reported.select_one(".reported"))
    assert "Position rapportée" in text_of(reported.select_one(".quote-kind"))


# The founding documents (../shared/seeds) and the source each one is. A quote
# whose source is one of them is checked against that document; quotes from any
# other source are checked by the reviewer who reads that source.
SEED_OF_SOURCE = {
    "technopolice-metz": "000_3df6bcd355f35bdf.txt",
    "point-videosurveillance-metz": "001_911f5491ece3981c.txt",
    "rl-lagrange-2022-07": "002_bad38fbcac830527.txt",
    "technopolice-suresnes-2021-05-04": "003_02b97880e474dc14.txt",
    "france3-marseille-vpi": "004_20902f41d18ec259.txt",
}


def folded(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip()


def test_quotes_from_a_seed_document_are_copied_verbatim_from_it(records) -> None:
    """Every citation, and every reported position (the source's own sentence),
    whose source is a seed document appears word for word in that document."""
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not beside the repository")
    documents = {
        source: folded((seeds / name).read_text(encoding="utf-8"))
        for source, name in SEED_OF_SOURCE.items()
        if (seeds / name).is_file()
    }
    checked = 0
    for quote in records.quotes.values():
        texts = [documents[s] for s in quote.sources if s in documents]
        if not texts:
            continue
        checked += 1
        for fragment in quote.text.replace("’", "'").split(" […] "):
            assert any(folded(fragment) in text for text in texts), (quote.path, fragment)
    assert checked or not documents  # the seed quotes were found and checked


def test_every_quote_cites_a_source_that_exists(records) -> None:
    for quote in records.quotes.values():
        assert quote.sources, quote.path
        assert all(s in records.sources for s in quote.sources), quote.path


def test_quotes_page_links_each_city_list(corpus_site: Site) -> None:
    page = corpus_site.page("/citations/")
    links = {a["href"] for a in page.select("#par-ville + ul a")}
    assert {"/citations/ville/brumeval/", "/citations/ville/clairport/"} <= links
    city = corpus_site.page("/citations/ville/brumeval/")
    speakers = [text_of(s) for s in city.select("figure.quote .speaker")]
    assert any("Paul Témoin" in s for s in speakers)
    assert any("Ligue fictive des libertés" in s for s in speakers)
    assert not any("Collectif fictif de Clairport" in s for s in speakers)  # another city's
