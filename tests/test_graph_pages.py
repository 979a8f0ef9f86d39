"""People, organisations, cities, topics, timeline and comparison: the graph a
reader walks from any name to every vote, quote, figure and event.

Tests of how particular records are shown read the fictional corpus
(tests/corpus.py); tests over the real content assert what holds for any valid
content."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from corpus import CONTRACT, CSU, MAYOR, STADIUM

from conftest import CONTENT, Site, text_of
from conseil_ouvert.format.formatting import date_fr, euros_fr, number_fr
from conseil_ouvert.format.model import PartialDate, date_sort_key
from conseil_ouvert.reading.loading import HeaderLoader
from conseil_ouvert.site.pagination import PAGE_SIZES


def header(path: str, content: Path = CONTENT) -> dict:
    text = (content / path).read_text(encoding="utf-8")
    return yaml.load(text.split("---")[1], Loader=HeaderLoader)


def partial(value: str | int | None) -> PartialDate | None:
    if value is None:
        return None
    parts = [int(p) for p in str(value).split("-")]
    return PartialDate(*parts)


def test_person_page_has_roles_quotes_and_deliberations(corpus_site: Site, corpus_records) -> None:
    page = corpus_site.page(f"/personnes/{MAYOR}/")
    roles = text_of(page.select_one("#cap-roles").find_parent("table"))
    assert "maire" in roles and "président de la métropole" in roles
    assert "Observatoire fictif des caméras" in roles  # every role names its source
    quotes = page.select("#propos ~ ul figure.quote")
    own = [q for q in corpus_records.quotes.values() if q.person == MAYOR]
    assert len(own) > 1
    assert len(quotes) == min(len(own), PAGE_SIZES["apercu-citations"])
    spoke = [a["href"] for a in page.select("#intervenu ~ ul a")]
    assert spoke == [CSU]


def test_organisation_page_shows_voting_record_with_provenance(corpus_site: Site) -> None:
    page = corpus_site.page("/organisations/parti-de-l-exemple/")
    record = page.select_one("#cap-record").find_parent("table")
    row = text_of(record.select_one("tbody tr"))
    assert "Création d'un centre de supervision urbain" in row
    assert "Pour" in row and "Rapporté par la presse" in row
    assert "Le Quotidien fictif" in row
    assert page.select("#propos ~ ul figure.quote")


def test_company_page_lists_its_experiments(corpus_site: Site) -> None:
    page = corpus_site.page("/organisations/optifictive/")
    events = [a["href"] for a in page.select("#evenements ~ ol a")]
    assert f"/evenements/{STADIUM}/" in events
    other = corpus_site.page("/organisations/electro-fiction/")
    listed = [a["href"] for a in other.select("#evenements ~ ol a")]
    assert f"/evenements/{CONTRACT}/" in listed
    assert "/evenements/clairport-suspension-vpi/" in listed
    assert f"/evenements/{STADIUM}/" not in listed  # only its own


def test_city_camera_table_and_chart_match_the_content(
    corpus_site: Site, corpus_content: Path
) -> None:
    page = corpus_site.page("/villes/brumeval/")
    source = header("villes/brumeval.md", corpus_content)["cameras"]
    rows = page.select("#donnees-cameras tbody tr")
    assert len(rows) == len(source)
    shown = {(text_of(r.select_one("th")), text_of(r.select("td")[0])) for r in rows}
    expected = {
        (text_of(date_fr(partial(c.get("date")))), text_of(number_fr(c["nombre"]))) for c in source
    }
    assert shown == expected
    promised = [r for r in rows if "Promesse" in text_of(r) or "Objectif" in text_of(r)]
    expected_promises = [c for c in source if c["statut"] != "compte"]
    assert {text_of(r.select("td")[0]) for r in promised} == {
        text_of(number_fr(c["nombre"])) for c in expected_promises
    }
    assert {"1 000", "1 600"} <= {text_of(r.select("td")[0]) for r in promised}
    dates = [text_of(r.select_one("th")) for r in rows]
    assert dates.index("2008") < dates.index("2018") < dates.index("2021")  # oldest first
    svg = page.select_one("figure.chart-figure svg")
    bars = svg.select("rect")
    assert len(bars) == len(source)
    assert len(svg.select("rect.chart-bar--promise")) == len(expected_promises)
    values = sorted(int(re.sub(r"\D", "", t.get_text())) for t in svg.select("text.chart-value"))
    assert values == sorted(c["nombre"] for c in source)
    assert svg.get("role") == "img" and svg.select_one("title")


def test_city_page_money_supervision_and_access_rights(corpus_site: Site) -> None:
    page = corpus_site.page("/villes/brumeval/")
    money = page.select_one("#cap-money").find_parent("table")
    rows = {
        text_of(r.select_one("th")): text_of(r.select_one("td")) for r in money.select("tr")[1:]
    }
    assert rows["2017"] == text_of(euros_fr(150_000))
    assert rows["2019"] == text_of(euros_fr(200_000))
    assert rows["Total connu"] == text_of(euros_fr(350_000))
    assert "aucune population sourcée" in text_of(page.select_one("#argent").parent)
    csu = text_of(page.select_one("#csu").parent)
    assert "8" in csu and "15 jours" in csu
    rights = text_of(page.select_one("#droits").parent)
    assert "par écrit à la police municipale" in rights


def test_yearly_costs_are_shown_but_not_added(corpus_site: Site) -> None:
    page = corpus_site.page("/villes/clairport/")
    cameras = text_of(page.select_one("#donnees-cameras"))
    assert "1 400" in cameras
    money = text_of(page.select_one("#argent").parent)
    assert "Aucun montant voté ou budgété" in money and "7 000 000 €" in money
    timeline = text_of(page.select_one("#chronologie").parent)
    assert "Électro-Fiction" in timeline and "suspend" in timeline
    assert "Requête rejetée" in timeline  # a follow-up
    contract = corpus_site.page(f"/evenements/{CONTRACT}/")
    assert "7 000 000 €" in text_of(contract.select_one("#cap-amounts").find_parent("table"))


def test_comparison_puts_cities_side_by_side(corpus_site: Site, corpus_records) -> None:
    page = corpus_site.page("/comparaison/")
    table = page.select_one("table.compare")
    cities = [text_of(r.select_one("th")) for r in table.select("tbody tr")]
    assert cities == ["Brumeval", "Clairport", "Ormeville"]
    headers = [text_of(th) for th in table.select("thead th")]
    assert "Reconnaissance faciale" in headers and "Drones" in headers
    assert all(th.get("scope") == "col" for th in table.select("thead th"))
    by_cameras = corpus_site.page("/comparaison/par-cameras/").select("table.compare tbody tr")
    counts = [text_of(r.select("td")[0]).split(" (")[0] for r in by_cameras]
    numbers = [int(re.sub(r"\D", "", c)) for c in counts if re.search(r"\d", c)]
    assert numbers == [1400, 197, 12]  # the largest latest count first
    assert corpus_site.page("/comparaison/par-cameras/").select_one("th[aria-sort=descending]")
    counted = [c for c in corpus_records.cities["brumeval"].cameras if c.status == "compte"]
    latest = max(counted, key=lambda c: date_sort_key(c.date))
    row = next(r for r in table.select("tbody tr") if text_of(r.select_one("th")) == "Brumeval")
    assert text_of(number_fr(latest.count)) in text_of(row.select("td")[0])


def test_timeline_has_events_and_follow_ups_in_order(corpus_site: Site) -> None:
    page = corpus_site.page("/chronologie/")
    everything = page.select_one("#tout + ol")
    titles = [text_of(li.select_one(".timeline-title")) for li in everything.select("li")]
    stadium = titles.index("Test de reconnaissance faciale à l'entrée du stade de Brumeval")
    cnil = next(i for i, t in enumerate(titles) if t.startswith("La CNIL adresse"))
    assert cnil < stadium  # newest first: the 2021 warning comes before the 2020 test
    assert "Promesse de campagne de 1 000 caméras" in titles
    assert any(t.startswith("Requête rejetée par le tribunal") for t in titles)  # a follow-up
    per_city = {a["href"] for a in page.select("nav[aria-label='Chronologie par ville'] a")}
    # the two cities with events, and all cities (Ormeville has none)
    assert per_city == {
        "/villes/brumeval/#chronologie",
        "/villes/clairport/#chronologie",
        "/villes/",
    }
    dates = [li.select_one("time") for li in everything.select("li")]
    known = [d["datetime"] for d in dates if d]
    assert len(known) == len(titles)
    assert known == sorted(known, reverse=True)


def test_follow_ups_appear_on_the_deliberation_city_and_timeline(corpus_site: Site) -> None:
    title = "Un prochain appel à projet doit être lancé"
    for path in (CSU, "/villes/brumeval/", "/chronologie/"):
        assert title in text_of(corpus_site.page(path).select_one("main")), path
    assert title not in text_of(corpus_site.page("/villes/clairport/").select_one("main"))


def test_topic_pages_link_everything_on_the_topic(corpus_site: Site) -> None:
    page = corpus_site.page("/themes/reconnaissance-faciale/")
    links = {a["href"] for a in page.select("main a[href]")}
    assert f"/evenements/{STADIUM}/" in links
    assert f"/evenements/{CONTRACT}/" in links  # another city's event
    assert "/citations/supporters-pas-des-cobayes/" in links
    assert "/citations/exemple-csu-mutualise/" not in links  # a quote on another topic


def test_breadcrumbs_on_every_page(site: Site) -> None:
    for path in site.html_files():
        relative = path.relative_to(site.output).as_posix()
        if relative in {"index.html", "404.html"}:
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        crumbs = soup.select_one("nav.breadcrumbs")
        assert crumbs, relative
        assert crumbs.select_one("[aria-current=page]"), relative


def test_every_person_name_links_to_their_page(site: Site) -> None:
    persons = {
        header(f"personnes/{p.name}")["nom"]: f"/personnes/{p.stem}/"
        for p in (CONTENT / "personnes").glob("*.md")
    }
    for path in site.html_files():
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        main = soup.select_one("main")
        if main is None:
            continue
        for code in main.select("pre, code"):
            code.decompose()  # examples in the contributor guide are not references
        text = text_of(main)
        links = {a["href"] for a in main.select("a[href]")}
        own = "/" + path.relative_to(site.output).parent.as_posix() + "/"
        for name, url in persons.items():
            if name in text and url != own and not own.startswith(("/recherche/", "/sources/")):
                assert url in links, f"{name} named without a link on {own}"


def test_every_record_page_is_reachable_from_a_list(site: Site) -> None:
    reachable = set()
    for path in site.html_files():
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        reachable |= {a["href"] for a in soup.select("a[href^='/']")}
    for kind in ("personnes", "organisations", "villes", "themes", "evenements", "citations"):
        for record in (CONTENT / kind).glob("*.md"):
            assert f"/{kind}/{record.stem}/" in reachable, record
