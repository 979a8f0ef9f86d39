"""People, organisations, cities, topics, timeline and comparison: the graph a
reader walks from any name to every vote, quote, figure and event."""

from __future__ import annotations

import re

import yaml
from bs4 import BeautifulSoup

from conftest import CONTENT, Site, text_of
from conseil_ouvert.format.formatting import date_fr, euros_fr, number_fr
from conseil_ouvert.format.model import PartialDate, date_sort_key
from conseil_ouvert.reading.loading import HeaderLoader
from conseil_ouvert.site.pagination import PAGE_SIZES


def header(path: str) -> dict:
    text = (CONTENT / path).read_text(encoding="utf-8")
    return yaml.load(text.split("---")[1], Loader=HeaderLoader)


def partial(value: str | int | None) -> PartialDate | None:
    if value is None:
        return None
    parts = [int(p) for p in str(value).split("-")]
    return PartialDate(*parts)


def test_person_page_has_roles_quotes_and_deliberations(site: Site, records) -> None:
    page = site.page("/personnes/francois-grosdidier/")
    roles = text_of(page.select_one("#cap-roles").find_parent("table"))
    assert "maire" in roles and "président de la métropole" in roles
    assert "Technopolice" in roles  # every role names its source
    quotes = page.select("#propos ~ ul figure.quote")
    own = [q for q in records.quotes.values() if q.person == "francois-grosdidier"]
    assert len(quotes) == min(len(own), PAGE_SIZES["apercu-citations"])
    spoke = [a["href"] for a in page.select("#intervenu ~ ul a")]
    assert "/deliberations/metz/csu-metropolitain-mutualise/" in spoke


def test_organisation_page_shows_voting_record_with_provenance(site: Site) -> None:
    page = site.page("/organisations/rassemblement-national/")
    record = page.select_one("#cap-record").find_parent("table")
    row = text_of(record.select_one("tbody tr"))
    assert "Création d'un centre de supervision urbain" in row
    assert "Pour" in row and "Rapporté par la presse" in row
    assert "Le Républicain Lorrain" in row
    assert page.select("#propos ~ ul figure.quote")


def test_company_page_lists_its_experiments(site: Site) -> None:
    page = site.page("/organisations/two-i/")
    events = [a["href"] for a in page.select("#evenements ~ ol a")]
    assert "/evenements/metz-stade-reconnaissance-faciale-2020/" in events
    snef = site.page("/organisations/snef/")
    assert "/evenements/marseille-contrat-snef-2018/" in [
        a["href"] for a in snef.select("#evenements ~ ol a")
    ]


def test_city_camera_table_and_chart_match_the_content(site: Site) -> None:
    page = site.page("/villes/metz/")
    source = header("villes/metz.md")["cameras"]
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
    svg = page.select_one("figure.chart-figure svg")
    bars = svg.select("rect")
    assert len(bars) == len(source)
    assert len(svg.select("rect.chart-bar--promise")) == len(expected_promises)
    values = sorted(int(re.sub(r"\D", "", t.get_text())) for t in svg.select("text.chart-value"))
    assert values == sorted(c["nombre"] for c in source)
    assert svg.get("role") == "img" and svg.select_one("title")


def test_city_page_money_supervision_and_access_rights(site: Site, records) -> None:
    page = site.page("/villes/metz/")
    money = page.select_one("#cap-money").find_parent("table")
    rows = {
        text_of(r.select_one("th")): text_of(r.select_one("td")) for r in money.select("tr")[1:]
    }
    voted = [  # money voted or spent, not unit or yearly costs
        a
        for r in (*records.deliberations_by["metz"], *records.events_by["metz"])
        for a in r.amounts
        if a.kind not in {"unitaire", "par-an"}
    ]
    assert rows["Total connu"] == text_of(euros_fr(sum(a.euros for a in voted)))
    assert "2017" in rows and "2019" in rows
    assert "aucune population sourcée" in text_of(page.select_one("#argent").parent)
    csu = text_of(page.select_one("#csu").parent)
    assert "8" in csu and "15 jours" in csu
    rights = text_of(page.select_one("#droits").parent)
    assert "par écrit à la police municipale" in rights


def test_marseille_page(site: Site) -> None:
    page = site.page("/villes/marseille/")
    cameras = text_of(page.select_one("#donnees-cameras"))
    assert "1 400" in cameras
    timeline = text_of(page.select_one("#chronologie").parent)
    assert "SNEF" in timeline and "suspend" in timeline
    assert "Requête rejetée" in timeline  # a follow-up
    snef = site.page("/evenements/marseille-contrat-snef-2018/")
    assert "7 000 000 €" in text_of(snef.select_one("#cap-amounts").find_parent("table"))


def test_comparison_puts_metz_and_marseille_side_by_side(site: Site, records) -> None:
    page = site.page("/comparaison/")
    table = page.select_one("table.compare")
    cities = [text_of(r.select_one("th")) for r in table.select("tbody tr")]
    assert "Metz" in cities and "Marseille" in cities
    headers = [text_of(th) for th in table.select("thead th")]
    assert "Reconnaissance faciale" in headers and "Drones" in headers
    assert all(th.get("scope") == "col" for th in table.select("thead th"))
    by_cameras = site.page("/comparaison/par-cameras/").select("table.compare tbody tr")
    counts = [text_of(r.select("td")[0]).split(" (")[0] for r in by_cameras]
    numbers = [int(re.sub(r"\D", "", c)) for c in counts if re.search(r"\d", c)]
    assert numbers and numbers == sorted(numbers, reverse=True)  # the largest count first
    assert site.page("/comparaison/par-cameras/").select_one("th[aria-sort=descending]")
    counted = [c for c in records.cities["metz"].cameras if c.status == "compte"]
    latest = max(counted, key=lambda c: date_sort_key(c.date))
    metz = next(r for r in table.select("tbody tr") if text_of(r.select_one("th")) == "Metz")
    assert text_of(number_fr(latest.count)) in text_of(metz.select("td")[0])


def test_timeline_has_events_and_follow_ups_in_order(site: Site) -> None:
    page = site.page("/chronologie/")
    everything = page.select_one("#tout + ol")
    titles = [text_of(li.select_one(".timeline-title")) for li in everything.select("li")]
    stadium = titles.index("Test de reconnaissance faciale à l'entrée du stade de Metz")
    cnil = titles.index(next(t for t in titles if t.startswith("La CNIL adresse un avertissement")))
    assert cnil < stadium  # newest first: the 2021 warning comes before the 2020 test
    assert any("promesse de campagne de 1 000 caméras" in t.lower() for t in titles)
    per_city = {a["href"] for a in page.select("nav[aria-label='Chronologie par ville'] a")}
    assert {"/villes/metz/#chronologie", "/villes/marseille/#chronologie"} <= per_city
    dates = [li.select_one("time") for li in everything.select("li")]
    known = [d["datetime"] for d in dates if d]
    assert known == sorted(known, reverse=True)


def test_follow_ups_appear_on_the_deliberation_city_and_timeline(site: Site) -> None:
    title = "Un prochain appel à projet doit être lancé"
    for path in (
        "/deliberations/metz/csu-metropolitain-mutualise/",
        "/villes/metz/",
        "/chronologie/",
    ):
        assert title in text_of(site.page(path).select_one("main")), path


def test_topic_pages_link_everything_on_the_topic(site: Site) -> None:
    page = site.page("/themes/reconnaissance-faciale/")
    links = {a["href"] for a in page.select("main a[href]")}
    assert "/evenements/metz-stade-reconnaissance-faciale-2020/" in links
    assert "/evenements/lyon-aeroport-reconnaissance-faciale-2020/" in links
    assert "/citations/ans-rats-de-laboratoire/" in links


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
