"""Quotes: verbatim words and reported positions, each with speaker, date and source."""

from __future__ import annotations

import re
from pathlib import Path

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


def test_verbatim_and_reported_are_shown_differently(site: Site) -> None:
    verbatim = site.page("/citations/marchetti-debat-public/").select_one("figure.quote")
    reported = site.page("/citations/ldh-metz-vigilante/").select_one("figure.quote")
    assert "quote--citation" in verbatim["class"]
    assert verbatim.select_one("blockquote") is not None
    said = text_of(verbatim.select_one("blockquote"))
    assert said.startswith("« Quand y a-t-il eu un débat public pour passer à 1 600 caméras")
    assert said.endswith("»")
    assert "quote--position" in reported["class"]
    assert reported.select_one("blockquote") is None
    assert "vigilante" in text_of(reported.select_one(".reported"))
    assert "Position rapportée" in text_of(reported.select_one(".quote-kind"))


def test_quotes_are_copied_verbatim_from_the_seeds() -> None:
    """Every citation, and every reported position (the source's own sentence),
    appears word for word in a seed document."""
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not seeds.is_dir():
        import pytest

        pytest.skip("../shared/seeds is not beside the repository")
    corpus = " ".join(p.read_text(encoding="utf-8") for p in seeds.glob("*.txt"))
    corpus = re.sub(r"\s+", " ", corpus.replace("’", "'"))
    import yaml

    for path in (CONTENT / "citations").glob("*.md"):
        header = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        for fragment in header["texte"].replace("’", "'").split(" […] "):
            assert re.sub(r"\s+", " ", fragment.strip()) in corpus, path.name


def test_quotes_page_links_each_city_list(site: Site) -> None:
    page = site.page("/citations/")
    links = {a["href"] for a in page.select("#par-ville + ul a")}
    assert {"/citations/ville/metz/", "/citations/ville/marseille/"} <= links
    metz = site.page("/citations/ville/metz/")
    speakers = " ".join(text_of(s) for s in metz.select("figure.quote .speaker"))
    assert "Denis Marchetti" in speakers and "Ligue des droits de l'Homme" in speakers
    assert not any("Quadrature" in text_of(s) for s in metz.select("figure.quote .speaker"))
