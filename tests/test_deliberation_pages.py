"""The deliberation pages a resident or a journalist reads (issue: site foundation),
on the fictional corpus (tests/corpus.py)."""

from __future__ import annotations

import re

from corpus import CSU, DCM

from conftest import Site, text_of


def test_url_is_built_from_the_official_number(corpus_site: Site) -> None:
    assert corpus_site.path(DCM).is_file()  # the file is budget-cameras-2019.md
    assert not corpus_site.path("/deliberations/brumeval/budget-cameras-2019/").exists()
    links = [a["href"] for a in corpus_site.page("/deliberations/").select("a[href]")]
    assert DCM in links


def test_dcm_page_shows_number_french_date_and_amount(corpus_site: Site) -> None:
    page = corpus_site.page(DCM)
    facts = text_of(page.select_one("dl.facts"))
    assert "DCM 19-02-28-14" in facts
    assert "28 février 2019" in facts
    assert "200 000 €" in facts
    assert "Conseil municipal de Brumeval" in facts
    assert page.select_one("time[datetime='2019-02-28']") is not None
    # The date is read from the number: the page says so.
    assert "la source écrit seulement" in facts


def test_unknown_vote_breakdown_is_not_published_never_zero(corpus_site: Site) -> None:
    page = corpus_site.page(DCM)
    table = page.select_one("table.votes")
    cells = [text_of(td) for td in table.select("tbody td")]
    assert cells == ["non publié"] * 4
    assert not any(re.fullmatch(r"\d+", c) for c in cells)
    assert "Décompte non publié" in text_of(page.select_one("#decompte-non-publie"))
    groups = text_of(page.select_one("#vote").parent)
    assert "position des groupes n'est pas publiée" in groups


def test_dcm_page_lists_its_sources(corpus_site: Site) -> None:
    page = corpus_site.page(DCM)
    sources = page.select_one("section.sources")
    assert "Le point sur les caméras à Brumeval" in text_of(sources)
    # Published by the association's local section, with the address of its page.
    assert "Ligue fictive des libertés, section de Brumeval" in text_of(sources)
    assert sources.select_one("a[href='https://example.org/ligue-fictive/brumeval/point']")
    assert sources.select("a.more[href]")
    for link in sources.select("a.more[href]"):
        assert link["href"].startswith("/sources/")
        # Each source has its page, which lists the records that rely on it.
        source_page = corpus_site.page(link["href"])
        assert source_page.select_one(f"#fiches ~ ul a[href='{DCM}']"), link["href"]


def test_metropolitan_csu_vote_is_vague_where_the_source_is(corpus_site: Site) -> None:
    page = corpus_site.page(CSU)
    facts = text_of(page.select_one("dl.facts"))
    assert "non publié" in facts  # no official number
    assert "2021" in facts and "il y a un an" in facts
    groups = page.select_one("#cap-groups").find_parent("table")
    row = text_of(groups.select_one("tbody tr"))
    assert "Parti de l'Exemple" in row and "Pour" in row
    assert "Rapporté par la presse" in row


def test_quotes_about_a_deliberation_are_on_its_page(corpus_site: Site) -> None:
    page = corpus_site.page(CSU)
    quotes = page.select("#propos ~ ul figure.quote")
    speakers = {text_of(q.select_one(".speaker")) for q in quotes}
    assert any("Hélène Exemple" in s for s in speakers)
    assert any("Parti de l'Exemple" in s for s in speakers)
    assert not any("Paul Témoin" in s for s in speakers)  # his quote is on another record
