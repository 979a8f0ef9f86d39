"""Open data: every export parses, validates against its schema and agrees with the pages."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from corpus import CSU, DCM, PARTY, VERBATIM
from frictionless import Resource, Schema

from conftest import ROOT, Site, build_site, text_of
from conseil_ouvert.exports.feeds import FEED_LENGTH
from conseil_ouvert.volunteer.synthetic import generate

SCDL_SCHEMA = ROOT / "plugins" / "conseil_ouvert" / "schemas" / "scdl-deliberations-2.1.5.json"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def synthetic_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """A corpus where councils have a (synthetic) SIRET, so SCDL files have rows."""
    root = tmp_path_factory.mktemp("synthetic")
    content = generate(root / "content", deliberations=30)
    return Site(build_site(content, root / "output"))


def scdl_report(path: Path):
    schema = Schema.from_descriptor(json.loads(SCDL_SCHEMA.read_text(encoding="utf-8")))
    return Resource(path=path.name, basepath=str(path.parent), schema=schema).validate()


def test_scdl_files_are_valid_against_the_standard(site: Site, synthetic_site: Site) -> None:
    for built in (site, synthetic_site):
        files = sorted((built.output / "donnees" / "scdl").glob("*.csv"))
        assert any(f.stem == "tout" for f in files)
        for path in files:
            report = scdl_report(path)
            assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_scdl_rows_agree_with_pages_and_unknown_is_empty(synthetic_site: Site) -> None:
    rows = list(
        csv.DictReader(
            io.StringIO(
                (synthetic_site.output / "donnees/scdl/tout.csv").read_text(encoding="utf-8")
            )
        )
    )
    assert len(rows) == 30
    unknown = [r for r in rows if r["VOTE_POUR"] == ""]
    assert unknown and all(r["VOTE_CONTRE"] == r["VOTE_ABSTENTION"] == "" for r in unknown)
    assert "0" not in {r["VOTE_POUR"] for r in unknown}
    for row in rows[:10]:
        number = row["DELIB_ID"]
        slug = number.lower().replace(" ", "-")
        city = next(synthetic_site.output.glob(f"deliberations/*/{slug}/index.html")).parent
        page = synthetic_site.page("/" + city.relative_to(synthetic_site.output).as_posix() + "/")
        cells = [text_of(td) for td in page.select("table.votes tbody td")]
        expected = row["VOTE_POUR"] or "non publié"
        assert cells[0] == expected


def test_real_scdl_leaves_out_what_has_no_sourced_siret(site: Site, records) -> None:
    """A council without a sourced SIRET has no SCDL row; the data page says which
    deliberations are left out and why."""
    unsourced = [
        d
        for d in records.deliberations.values()
        if not (records.organisations[d.body].siret and records.organisations[d.body].siret_source)
    ]
    if not unsourced:
        pytest.skip("every council of the content has a sourced SIRET")
    header = ",".join(f["name"] for f in json.loads(SCDL_SCHEMA.read_text())["fields"][:17])
    for council in {d.body for d in unsourced}:
        path = site.output / f"donnees/scdl/{council}.csv"
        if path.exists():
            assert path.read_text(encoding="utf-8").splitlines() == [header], council
    data_page = site.page("/donnees/")
    notice = text_of(data_page.select_one("#scdl ~ .notice"))
    assert "hors des fichiers SCDL" in notice and "SIRET" in notice
    left_out = text_of(data_page.select_one("#scdl ~ .notice + ul"))
    assert "pas de SIRET sourcé" in left_out
    for delib in unsourced:
        assert delib.label in left_out, delib.label


def test_complete_json_validates_against_its_published_schema(
    site: Site, corpus_site: Site
) -> None:
    for built in (site, corpus_site):
        data = json.loads((built.output / "donnees/conseil-ouvert.json").read_text("utf-8"))
        schema = json.loads((built.output / "donnees/conseil-ouvert.schema.json").read_text())
        jsonschema.Draft202012Validator(schema).validate(data)
    dcm = next(d for d in data["deliberations"] if d["number"] == "DCM 19-02-28-14")
    assert dcm["counts"]["yes"] is None  # unknown, never 0
    assert dcm["date"] == "2019-02-28"
    assert dcm["amounts"][0]["euros"] == 200000


def test_metadata_schema_accepts_the_real_content_headers(site: Site) -> None:
    import yaml

    from conseil_ouvert.reading.loading import HeaderLoader

    schema = json.loads((site.output / "donnees/metadonnees.schema.json").read_text())
    for kind, definition in schema["$defs"].items():
        for path in (ROOT / "content" / kind).rglob("*.md"):
            header = yaml.load(
                path.read_text(encoding="utf-8").split("---")[1], Loader=HeaderLoader
            )
            jsonschema.validate(header, definition)


def test_popolo_agrees_with_the_pages(corpus_site: Site, corpus_content: Path) -> None:
    site = corpus_site
    popolo = json.loads((site.output / "donnees/popolo/brumeval.json").read_text("utf-8"))
    assert {
        "persons",
        "organizations",
        "memberships",
        "motions",
        "vote_events",
        "votes",
        "speeches",
    } <= set(popolo)
    csu = next(v for v in popolo["vote_events"] if v["motion_id"] == "csu-metropolitain-mutualise")
    assert csu["counts"] == []  # nothing published
    assert set(csu["fr_counts_unknown"]) == {"yes", "no", "abstain", "not voting"}
    group = next(g for g in csu["group_results"] if g["group_id"] == PARTY)
    assert group == {
        "group_id": PARTY,
        "result": "yes",
        "fr_position": "pour",
        "fr_provenance": "presse",
        "fr_source_id": "quotidien-fictif-2022-07",
    }
    page = site.page(CSU)
    assert "Parti de l'Exemple" in text_of(page.select_one("#cap-groups").find_parent("table"))
    ids = {p["id"] for p in popolo["persons"]}
    assert popolo["speeches"]
    assert "collectif-clairport-algorithmes" not in {s["id"] for s in popolo["speeches"]}
    for speech in popolo["speeches"]:
        quote = site.page(f"/citations/{speech['id']}/")
        said = text_of(quote.select_one("figure.quote blockquote, figure.quote .reported"))
        assert text_of(speech["text"]) in said
        assert speech["type"] == ("speech" if speech["fr_type"] == "citation" else "summary")
        assert speech["creator_id"] in ids | {o["id"] for o in popolo["organizations"]}
    everything = json.loads((site.output / "donnees/popolo/tout.json").read_text())
    assert len(everything["speeches"]) == len(list((corpus_content / "citations").glob("*.md")))


def test_page_json_alternates(corpus_site: Site, corpus_records) -> None:
    site = corpus_site
    page = site.page(DCM)
    link = page.select_one("link[rel=alternate][type='application/json']")
    data = json.loads(site.path(link["href"]).read_text(encoding="utf-8"))
    assert data["number"] == "DCM 19-02-28-14"
    assert data["url"] == DCM
    person = json.loads(site.path("/personnes/paul-temoin/index.json").read_text())
    assert VERBATIM in person["citations"]
    assert set(person["citations"]) == {
        q.id for q in corpus_records.quotes.values() if q.person == "paul-temoin"
    }


def feed_entries(path: Path) -> list[ET.Element]:
    root = ET.parse(path).getroot()
    assert root.tag == f"{ATOM}feed"
    return root.findall(f"{ATOM}entry")


def test_atom_feeds(site: Site, records, corpus_site: Site) -> None:
    dated = [d for d in records.deliberations.values() if d.date]
    all_entries = feed_entries(site.output / "flux/deliberations.xml")
    assert len(all_entries) == min(len(dated), FEED_LENGTH)  # every dated deliberation
    city = feed_entries(corpus_site.output / "flux/villes/brumeval.xml")
    titles = [e.findtext(f"{ATOM}title") for e in city]
    assert len(titles) == 3 and any("DCM 19-02-28-14" in t for t in titles)
    assert feed_entries(corpus_site.output / "flux/organisations/parti-de-l-exemple.xml")
    quotes = feed_entries(corpus_site.output / "flux/citations.xml")
    assert any("Paul Témoin" in e.findtext(f"{ATOM}title") for e in quotes)
    city_page = corpus_site.page("/villes/brumeval/")
    assert city_page.select_one(
        "link[type='application/atom+xml'][href='/flux/villes/brumeval.xml']"
    )


def test_feeds_escape_what_contributors_write(corpus, tmp_path: Path) -> None:
    """Titles and topic names are text: « & », « < » and quotes stay text in the XML."""
    content = corpus()
    delib = content / "deliberations/brumeval/csu-metropolitain-mutualise.md"  # no number
    text = delib.read_text(encoding="utf-8")
    old = "titre: Création d'un centre de supervision urbain mutualisé"
    assert old in text
    delib.write_text(
        text.replace(old, "titre: 'Caméras & capteurs <« Safe City »> \"test\"'"), encoding="utf-8"
    )
    output = build_site(content, tmp_path / "output")
    for feed in ("flux/deliberations.xml", "flux/villes/brumeval.xml"):
        titles = [e.findtext(f"{ATOM}title") for e in feed_entries(output / feed)]
        assert 'Caméras & capteurs <« Safe City »> "test"' in titles, titles


def test_sitemap_and_robots(site: Site) -> None:
    root = ET.parse(site.output / "sitemap.xml").getroot()
    locations = {loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    pages = {
        "http://localhost:8000/" + p.parent.relative_to(site.output).as_posix() + "/"
        for p in site.output.rglob("index.html")
    }
    assert locations == {p.replace("/./", "/") for p in pages}  # every page, and only pages
    assert "Sitemap: http://localhost:8000/sitemap.xml" in (site.output / "robots.txt").read_text()


def test_data_pages_list_every_download(site: Site) -> None:
    page = site.page("/donnees/")
    facts = text_of(page.select_one("dl.facts"))
    assert "Licence Ouverte" in facts and "Mise à jour" in facts
    assert page.select_one("a[href='/donnees/villes/']")
    by_city = site.page("/donnees/villes/")
    links = {a["href"] for p in (page, by_city) for a in p.select("table a[download]")}
    for path in (site.output / "donnees").rglob("*"):
        if path.is_file() and path.suffix in {".csv", ".json"}:
            assert "/" + path.relative_to(site.output).as_posix() in links, path
    for row in page.select("table tbody tr") + by_city.select("table tbody tr"):
        assert " Kio" in text_of(row)
    canonical = by_city.select_one("link[rel=canonical]")["href"]
    assert canonical.endswith("/donnees/villes/")


def test_sharing_metadata(corpus_site: Site) -> None:
    page = corpus_site.page(DCM)
    assert page.select_one("meta[property='og:title']")["content"].startswith("DCM 19-02-28-14")
    assert page.select_one("meta[property='og:url']")["content"].endswith(DCM)
    assert not page.select("meta[property='og:image']")
    data = json.loads(page.select_one("script[type='application/ld+json']").string)
    assert data["@type"] == "Legislation"
    assert data["legislationIdentifier"] == "DCM 19-02-28-14"
    assert data["legislationDate"] == "2019"  # the day is read from the number: not shared
