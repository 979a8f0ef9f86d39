"""Long lists are split into pages: every record is on exactly one page, in
order, and each page says where the reader is and links to the others."""

from __future__ import annotations

import math
from pathlib import Path

from conftest import CONTENT, PAGE_SIZES_SMALL, Site, text_of

SIZES = PAGE_SIZES_SMALL


def pages_of(site: Site, base: str, count: int) -> list:
    urls = [base] + [f"{base}page/{n}/" for n in range(2, count + 1)]
    assert not site.path(f"{base}page/{count + 1}/").exists()
    return [site.page(url) for url in urls]


def count(kind: str) -> int:
    return len(list((CONTENT / kind).glob("*.md")))


def test_people_are_each_on_one_page_with_numbered_links(paged: Site) -> None:
    total = count("personnes")
    n_pages = math.ceil(total / SIZES["personnes"])
    assert n_pages > 1
    pages = pages_of(paged, "/personnes/", n_pages)
    seen = []
    for number, page in enumerate(pages, start=1):
        links = [a["href"] for a in page.select("main ul.index-list a")]
        assert 0 < len(links) <= SIZES["personnes"]
        seen += links
        nav = page.select_one("nav.pagination")
        assert nav is not None and nav.get("aria-label")
        current = nav.select_one("[aria-current=page]")
        assert text_of(current) == f"Page {number}"
        assert len(nav.select("a:not([rel])")) == n_pages
        assert (nav.select_one("a[rel=prev]") is not None) == (number > 1)
        assert (nav.select_one("a[rel=next]") is not None) == (number < n_pages)
        assert f"page {number} sur {n_pages}" in text_of(page.select_one("title"))
    assert len(seen) == len(set(seen)) == total
    names = [text_of(a) for page in pages for a in page.select("main ul.index-list a")]
    surnames = [name.split()[-1].lower() for name in names]
    assert surnames == sorted(surnames)  # people are listed by surname


def test_organisations_and_cities_are_each_listed_once(paged: Site) -> None:
    voting = {p.parent.name for p in (CONTENT / "deliberations").glob("*/*.md")}
    for base, total, size, selector in (
        ("/organisations/", count("organisations"), SIZES["organisations"], "main ul.index-list a"),
        ("/donnees/villes/", count("villes"), SIZES["donnees-villes"], "tbody th a"),
        ("/villes/", count("villes"), SIZES["villes"], "main ul.index-list a"),
        ("/sources/", count("sources"), SIZES["sources"], "ul.source-index a[href^='/sources/']"),
        ("/deliberations/", len(voting), SIZES["deliberations"], "#cap-cities ~ tbody th a"),
    ):
        pages = pages_of(paged, base, math.ceil(total / size))
        links = [a["href"] for page in pages for a in page.select(selector)]
        assert len(links) == len(set(links)) == total, base
    first, second = pages_of(paged, "/deliberations/", len(voting))[:2]
    assert first.select_one("#recentes") and not second.select_one("#recentes")


def test_each_comparison_order_runs_across_its_pages(paged: Site) -> None:
    cities = count("villes")
    n_pages = math.ceil(cities / SIZES["comparaison"])
    for base in ("/comparaison/", "/comparaison/par-cameras/"):
        pages = pages_of(paged, base, n_pages)
        rows = [
            text_of(r.select_one("th")) for p in pages for r in p.select("table.compare tbody tr")
        ]
        assert len(rows) == len(set(rows)) == cities
        caption = text_of(pages[1].select_one("table.compare caption"))
        assert f"page 2 sur {n_pages}" in caption
    by_name = [
        text_of(r.select_one("th"))
        for p in pages_of(paged, "/comparaison/", n_pages)
        for r in p.select("table.compare tbody tr")
    ]
    assert by_name.index("Marseille") < by_name.index("Metz") < by_name.index("Nice")


def test_pages_after_the_first_are_in_the_sitemap(paged: Site) -> None:
    sitemap = (paged.output / "sitemap.xml").read_text(encoding="utf-8")
    assert "/personnes/page/2/</loc>" in sitemap
    assert "/donnees/villes/page/2/</loc>" in sitemap


def test_short_lists_have_no_pagination(site: Site) -> None:
    page = site.page("/personnes/")
    assert page.select_one("nav.pagination") is None
    assert len(page.select("main ul.index-list a")) == count("personnes")
    assert not Path(site.path("/personnes/page/2/")).exists()


def test_the_home_page_shows_the_most_documented_cities(site: Site) -> None:
    from conseil_ouvert.pages import HOME_CITIES
    from conseil_ouvert.urls import slugify

    page = site.page("/")
    cities = [text_of(a) for a in page.select("#villes + ul.cards > li > a")]
    assert len(cities) == min(HOME_CITIES, count("villes"))
    assert "Metz" in cities and "Marseille" in cities  # the cities our sources say most about
    assert cities == sorted(cities, key=slugify)  # French order: Sète before Suresnes
    if count("villes") > HOME_CITIES:
        assert page.select_one("#villes ~ p a[href='/villes/']")


def test_the_timeline_names_at_most_a_dozen_cities(site: Site) -> None:
    from conseil_ouvert.pages import HOME_CITIES

    nav = site.page("/chronologie/").select_one("nav[aria-label='Chronologie par ville']")
    cities = [a for a in nav.select("a") if a["href"].endswith("#chronologie")]
    with_events = {p.stem for p in (CONTENT / "villes").glob("*.md")} & {
        a["href"].split("/")[2] for a in cities
    }
    assert 0 < len(cities) <= HOME_CITIES
    assert len(with_events) == len(cities)  # each one a city page
