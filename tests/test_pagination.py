"""Long lists are split into pages: every record is on exactly one page, in
order, and each page says where the reader is and links to the others."""

from __future__ import annotations

import math
from pathlib import Path

import yaml
from corpus import MAYOR

from conftest import BUSY_SIZES, CONTENT, PAGE_SIZES_SMALL, Site, text_of
from conseil_ouvert.format.urls import slugify

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
    # People are listed by the name they are sorted under (nom_tri: « Grosdidier,
    # François »), in French order, whatever the content holds.
    people = headers(CONTENT, "personnes")
    order = sorted(people, key=lambda p: (slugify(p[1].get("nom_tri") or p[1]["nom"]), p[0].stem))
    assert seen == [f"/personnes/{path.stem}/" for path, _ in order]


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
    assert by_name == sorted(by_name, key=slugify)  # French order: Sète before Suresnes


def test_the_timeline_runs_newest_first_across_its_pages(paged: Site, records) -> None:
    from conseil_ouvert.site.templating import timeline_entries

    total = len(timeline_entries(records))
    pages = pages_of(paged, "/chronologie/", math.ceil(total / SIZES["chronologie"]))
    lines = [li for page in pages for li in page.select("#tout + ol > li")]
    assert len(lines) == total  # every fact once, none left out
    assert all(0 < len(p.select("#tout + ol > li")) <= SIZES["chronologie"] for p in pages)
    dates = [li.select_one("time")["datetime"] for li in lines if li.select_one("time")]
    assert dates == sorted(dates, reverse=True)  # newest first, across pages
    assert pages[1].select_one("nav.pagination [aria-current=page]")


def test_pages_after_the_first_are_in_the_sitemap(paged: Site) -> None:
    sitemap = (paged.output / "sitemap.xml").read_text(encoding="utf-8")
    assert "/personnes/page/2/</loc>" in sitemap
    assert "/donnees/villes/page/2/</loc>" in sitemap
    assert "/chronologie/page/2/</loc>" in sitemap


def test_short_lists_have_no_pagination(corpus_site: Site, corpus_content: Path) -> None:
    page = corpus_site.page("/personnes/")
    assert page.select_one("nav.pagination") is None
    people = len(list((corpus_content / "personnes").glob("*.md")))
    assert len(page.select("main ul.index-list a")) == people
    assert not Path(corpus_site.path("/personnes/page/2/")).exists()


def test_the_home_page_shows_the_most_documented_cities(site: Site, records) -> None:
    from conseil_ouvert.site.pages import HOME_CITIES

    page = site.page("/")
    cities = [text_of(a) for a in page.select("#villes + ul.cards > li > a")]
    assert len(cities) == min(HOME_CITIES, count("villes"))

    def size(city: object) -> int:  # what our sources say about the city
        return sum(
            len(index[city.id])
            for index in (records.deliberations_by, records.events_by, records.quotes_by)
        )

    shown = [c for c in records.cities.values() if c.name in cities]
    hidden = [c for c in records.cities.values() if c.name not in cities]
    assert len(shown) == len(cities)
    assert not hidden or min(map(size, shown)) >= max(map(size, hidden))  # the most documented
    assert cities == sorted(cities, key=slugify)  # French order: Sète before Suresnes
    if count("villes") > HOME_CITIES:
        assert page.select_one("#villes ~ p a[href='/villes/']")


def test_the_timeline_names_at_most_a_dozen_cities(site: Site) -> None:
    from conseil_ouvert.site.pages import HOME_CITIES

    nav = site.page("/chronologie/").select_one("nav[aria-label='Chronologie par ville']")
    cities = [a for a in nav.select("a") if a["href"].endswith("#chronologie")]
    with_events = {p.stem for p in (CONTENT / "villes").glob("*.md")} & {
        a["href"].split("/")[2] for a in cities
    }
    assert 0 < len(cities) <= HOME_CITIES
    assert len(with_events) == len(cities)  # each one a city page


def headers(content: Path, kind: str) -> list[tuple[Path, dict]]:
    """Each file's YAML header, read from the content rather than the site."""
    return [
        (path, yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1]))
        for path in sorted((content / kind).rglob("*.md"))
    ]


def newest_first(delibs: list[tuple[Path, dict]]) -> list[str]:
    ordered = sorted(delibs, key=lambda d: (str(d[1]["date"]), d[0].stem), reverse=True)
    return [f"/deliberations/{path.parent.name}/{path.stem}/" for path, _ in ordered]


def listed(site: Site, base: str, size: int, total: int, selector: str) -> list[str]:
    """The links of a paginated list, page after page, checking each page's size."""
    pages = pages_of(site, base, math.ceil(total / size))
    for page in pages:
        assert 0 < len(page.select(selector)) <= size, base
        if len(pages) > 1:
            assert page.select_one("nav.pagination [aria-current=page]") is not None
    return [a["href"] for page in pages for a in page.select(selector)]


def test_a_councillors_votes_have_their_own_pages(busy: tuple[Path, Site]) -> None:
    content, site = busy
    person = "personne-0-1"
    voted = [
        (path, header)
        for path, header in headers(content, "deliberations")
        if any(v["personne"] == person for v in header.get("votes_nominatifs", []))
    ]
    expected = newest_first(voted)
    assert len(expected) > BUSY_SIZES["apercu"]
    page = site.page(f"/personnes/{person}/")
    shown = [a["href"] for a in page.select("#votes ~ div table tbody th a")]
    assert shown == expected[: BUSY_SIZES["apercu"]]  # the newest, on the person's page
    more = page.select_one(f"#votes ~ p a[href='/personnes/{person}/votes/']")
    assert more is not None and str(len(expected)) in text_of(more)
    rows = "table tbody th a"
    full = listed(site, f"/personnes/{person}/votes/", BUSY_SIZES["votes"], len(expected), rows)
    assert full == expected  # every vote once, newest first
    crumbs = [
        text_of(a) for a in site.page(f"/personnes/{person}/votes/").select(".breadcrumbs li")
    ]
    assert crumbs[-2:] == ["Personne Synthétique 0-1", "Votes"]


def test_a_groups_positions_and_a_councils_deliberations_have_their_own_pages(
    busy: tuple[Path, Site],
) -> None:
    content, site = busy
    delibs = [
        d for d in headers(content, "deliberations") if d[0].parent.name == "ville-synthetique-0"
    ]
    group = [
        d for d in delibs if any(p["groupe"] == "groupe-0-2" for p in d[1]["positions_groupes"])
    ]
    rows = "table tbody th a"
    assert listed(
        site, "/organisations/groupe-0-2/votes/", BUSY_SIZES["votes"], len(group), rows
    ) == newest_first(group)
    expected = newest_first(delibs)
    for base in (
        "/organisations/conseil-ville-synthetique-0/deliberations/",
        "/deliberations/ville-synthetique-0/",
    ):
        assert (
            listed(site, base, BUSY_SIZES["deliberations-liste"], len(expected), rows) == expected
        )
    council = site.page("/organisations/conseil-ville-synthetique-0/")
    assert len(council.select("#decisions ~ div table tbody tr")) == BUSY_SIZES["apercu"]
    assert council.select_one(
        "#decisions ~ p a[href$='/conseil-ville-synthetique-0/deliberations/']"
    )
    city = site.page("/villes/ville-synthetique-0/")
    assert len(city.select("#deliberations ~ div table tbody tr")) == BUSY_SIZES["apercu"]


def test_a_citys_quotes_are_each_on_one_page(busy: tuple[Path, Site]) -> None:
    content, site = busy
    quotes = [h for _, h in headers(content, "citations") if h["ville"] == "ville-synthetique-0"]
    links = listed(
        site,
        "/citations/ville/ville-synthetique-0/",
        BUSY_SIZES["citations"],
        len(quotes),
        "a.permalink",
    )
    assert len(links) == len(set(links)) == len(quotes) > BUSY_SIZES["citations"]


def test_short_records_link_to_no_list(corpus_site: Site) -> None:
    page = corpus_site.page(f"/personnes/{MAYOR}/")
    assert page.select_one("a[href$='/votes/']") is None
    assert not corpus_site.path(f"/personnes/{MAYOR}/votes/").exists()


def test_a_persons_quotes_and_a_topics_deliberations_have_their_own_pages(
    busy: tuple[Path, Site],
) -> None:
    content, site = busy
    person = "personne-0-2"
    quotes = [h for _, h in headers(content, "citations") if h["personne"] == person]
    assert len(quotes) > BUSY_SIZES["apercu-citations"]
    page = site.page(f"/personnes/{person}/")
    shown = page.select("#propos ~ ul.quote-list > li")
    assert len(shown) == BUSY_SIZES["apercu-citations"]  # the newest only
    assert page.select_one(f"#propos ~ p a[href='/personnes/{person}/citations/']")
    links = listed(
        site, f"/personnes/{person}/citations/", BUSY_SIZES["citations"], len(quotes), "a.permalink"
    )
    assert len(links) == len(set(links)) == len(quotes)
    topic = "videosurveillance"
    delibs = [d for d in headers(content, "deliberations") if topic in d[1]["themes"]]
    base = f"/themes/{topic}/deliberations/"
    rows = "table tbody th a"
    assert listed(site, base, BUSY_SIZES["deliberations-liste"], len(delibs), rows) == (
        newest_first(delibs)
    )
    assert site.page(f"/themes/{topic}/").select_one(f"#deliberations ~ p a[href='{base}']")
    crumbs = [text_of(li) for li in site.page(base).select(".breadcrumbs li")]
    assert crumbs[1:] == ["Thèmes", "Thème synthétique videosurveillance", "Délibérations"]


def test_a_city_page_shows_its_newest_facts_and_links_its_whole_story(tmp_path: Path) -> None:
    from bs4 import BeautifulSoup

    from conftest import build_site
    from conseil_ouvert.site.templating import CITY_TIMELINE_PREVIEW
    from conseil_ouvert.volunteer.synthetic import generate

    content = generate(tmp_path / "content", deliberations=2)
    count = CITY_TIMELINE_PREVIEW + 5
    for n in range(count):
        (content / f"evenements/fait-{n:02d}.md").write_text(
            f"---\ntitre: Fait numéro {n:02d}\ntype: annonce\nville: ville-synthetique-0\n"
            f"date: {2000 + n}-01-15\nsources: [synthetique]\n---\n",
            encoding="utf-8",
        )
    output = build_site(content, tmp_path / "output")
    city = BeautifulSoup(
        (output / "villes/ville-synthetique-0/index.html").read_text(), "html.parser"
    )
    section = city.select_one("section[aria-labelledby=chronologie]")
    shown = [text_of(p) for p in section.select("ol.timeline .timeline-title")]
    assert len(shown) == CITY_TIMELINE_PREVIEW
    assert shown[0] == f"Fait numéro {count - 1:02d}"  # newest first
    link = section.find("a", href="/villes/ville-synthetique-0/chronologie/")
    assert link is not None
    whole = BeautifulSoup(
        (output / "villes/ville-synthetique-0/chronologie/index.html").read_text(), "html.parser"
    )
    titles = [text_of(p) for p in whole.select("ol.timeline .timeline-title")]
    assert {f"Fait numéro {n:02d}" for n in range(count)} <= set(titles)
    assert titles.index(f"Fait numéro {count - 1:02d}") < titles.index("Fait numéro 00")
    # A city with few facts has no such page.
    assert not (output / "villes/ville-synthetique-1/chronologie").exists()
