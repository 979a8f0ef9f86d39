"""Nothing the site derives says more than its sources: a synthetic site with
one record of each awkward kind (a relative date, a day read from an official
number, a running cost, a count of none recorded, a technology named only by a
topic, a source of each nature), checked on every output that shows it."""

from __future__ import annotations

import csv
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import CONTENT, Site, build_site, text_of
from conseil_ouvert.format import vocabulary
from conseil_ouvert.reading.graph import ContentError, build_graph

ATOM = "{http://www.w3.org/2005/Atom}"

FILES = {
    # one source of each nature, and three excerpts of one list
    **{
        f"sources/src-{nature}.md": f"publication: Publication {nature}\n"
        f"nature: {nature}\ndate: 2022-07"
        for nature in vocabulary.SOURCE_MEDIA
    },
    "sources/liste.md": "publication: Liste synthétique\nnature: association",
    **{
        f"sources/extrait-{i}.md": f"publication: Liste synthétique\ntitre: Entrée {i}\n"
        "nature: association\nextrait_de: liste\ndate: 2021-03-0" + str(i + 1)
        for i in range(3)
    },
    "sources/repris.md": "publication: Journal repris\nnature: presse\ndate: 2022-07\n"
    "repris_par: Syndicat repreneur\nnature_reprise: syndicat\n"
    "url_reprise: https://syndicat.example.org/reprise",
    "themes/videosurveillance-algorithmique.md": "nom: Vidéosurveillance algorithmique\n"
    "resume: Thème de test.",
    "themes/drones.md": "nom: Drones\nresume: Thème de test.",
    "villes/alpha.md": """nom: Alpha
type: commune
dispositifs:
  - theme: drones
    texte: Une possibilité de drones dans un marché
    date: 2022-07
    source: src-presse
csu:
  agents_texte: une cinquantaine d'opérateurs
  horaires: 24 h sur 24, 7 jours sur 7
  horaires_source: repris
  source: src-officiel
sources: [src-officiel]""",
    "sources/sans-nature.md": "publication: Sans nature",
    "villes/beta.md": "nom: Beta (département)\ntype: departement\nsources: [sans-nature]",
    "villes/gamma.md": "nom: Gamma (aéroport)\ntype: site\nsources: [src-presse]",
    "organisations/conseil-alpha.md": "nom: Conseil d'Alpha\ntype: conseil\nville: alpha\n"
    "siret: '00000000000000'\nsiret_source: src-officiel\nsources: [src-officiel]",
    "deliberations/alpha/numero.md": """numero: DCM 19-02-28-14
organe: conseil-alpha
ville: alpha
date: 2019-02-28
precision_date: la source écrit seulement « En 2019 »
date_origine: numero
titre: Délibération au jour lu dans son numéro
resultat: adoptee
code_actes: '7.1'
matiere_actes: Décisions budgétaires
code_actes_source: src-officiel
documents:
  - titre: Délibération synthétique
    source: src-officiel
sources: [src-officiel]""",
    "deliberations/alpha/relative.md": """numero: DCM 21-06-01-01
organe: conseil-alpha
ville: alpha
date: 2021
precision_date: « voté il y a un an », écrit la source en 2022
date_origine: relative
titre: Délibération datée d'« il y a un an »
resultat: adoptee
sources: [src-presse]""",
    "deliberations/alpha/exacte.md": """numero: DCM 20-01-15-01
organe: conseil-alpha
ville: alpha
date: 2020-01-15
titre: Délibération datée par la source
resultat: adoptee
code_actes: '7.1'
matiere_actes: Décisions budgétaires
code_actes_source: src-officiel
sources: [src-officiel]""",
    "citations/propos.md": """type: citation
texte: Des mots rapportés un an après
organisation: conseil-alpha
date: 2021
precision_date: « il y a un an »
date_origine: relative
ville: alpha
themes: [videosurveillance-algorithmique]
sources: [src-presse]""",
    "evenements/contrat.md": """titre: Contrat de vidéosurveillance algorithmique
type: contrat
ville: alpha
date: 2018
themes: [videosurveillance-algorithmique]
montants:
  - montant: 7000000
    objet: fonctionnement du système
    nature: par-an
sources: [src-presse]""",
    "evenements/suspension.md": """titre: Suspension du contrat
type: suspension
ville: alpha
suite_de: contrat
sources: [src-presse]""",
}


def flat(node: object) -> str:
    """Visible text without the spaces that tags leave inside brackets."""
    return text_of(node).replace("( ", "(").replace(" )", ")")


def write(folder: Path, files: dict[str, str]) -> Path:
    for relative, header in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\n{header}\n---\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def derived(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("derived")
    content = write(root / "content", FILES)
    shutil.copytree(CONTENT / "pages", content / "pages")
    return Site(build_site(content, root / "output"))


def test_counts_say_what_they_count(derived: Site) -> None:
    figures = text_of(derived.page("/").select_one(".key-figures"))
    assert "2 événements, dont 1 daté" in figures
    assert "3 lieux suivis : 1 commune, 1 département, 1 site" in figures
    # one per nature + list + 3 excerpts + repost + one without nature
    sources = len(vocabulary.SOURCE_MEDIA) + 6
    assert f"{sources - 3} documents sources lus ({sources} fiches de source" in figures
    assert "dont 3 extraits d'un même document" in figures


def test_none_recorded_is_not_zero_and_flags_need_an_explicit_field(derived: Site) -> None:
    rows = {
        text_of(tr.th): [text_of(td) for td in tr.select("td")]
        for tr in derived.page("/comparaison/").select("table.compare tbody tr")
    }
    beta, alpha = rows["Beta (département)"], rows["Alpha"]
    assert beta[-1] == "aucune enregistrée" and "0" not in beta[-1]
    # Alpha's records are tagged « vidéosurveillance algorithmique », but no
    # sourced field says the city uses it: no flag; drones come from one, with
    # its wording, its date and its source.
    assert alpha[4] == "non renseigné"
    assert "Une possibilité de drones dans un marché" in alpha[5]
    assert "juillet 2022" in alpha[5] and "Publication presse" in alpha[5]
    assert "oui" not in " ".join(alpha[4:6])
    assert "7 000 000 € par an" in alpha[3]  # a running cost is an amount


def test_running_cost_and_approximate_figure_are_shown(derived: Site) -> None:
    page = derived.page("/villes/alpha/")
    money = text_of(page.select_one("#argent").parent)
    assert "7 000 000 € par an" in money and "fonctionnement du système" in money
    agents, hours = page.select_one("#csu").parent.select("dd")[:2]
    assert text_of(agents) == "une cinquantaine d'opérateurs"  # a figure, not « non publié »
    assert "Journal repris" in text_of(hours)  # the hours' own source, not the box's


def test_every_citation_shows_the_nature_of_its_source(derived: Site) -> None:
    for nature, label in vocabulary.SOURCE_MEDIA.items():
        page = derived.page(f"/sources/src-{nature}/")
        assert label in text_of(page.select_one(".facts"))
    delib = derived.page("/deliberations/alpha/dcm-21-06-01-01/")
    cited = text_of(delib.select_one("section.sources"))
    assert vocabulary.SOURCE_MEDIA["presse"].lower() in cited
    repost = text_of(derived.page("/sources/repris/").select_one(".lead"))
    assert "repris par Syndicat repreneur (syndicat)" in repost
    beta = text_of(derived.page("/villes/beta/").select_one("section.sources"))
    assert "nature non indiquée" in beta and "presse" not in beta  # never a default
    excerpt = derived.page("/sources/extrait-0/")
    assert excerpt.select_one("a[href='/sources/liste/']")
    popolo = json.loads((derived.output / "donnees/popolo/alpha.json").read_text())
    natures = {s["fr_nature"] for m in popolo["motions"] for s in m["sources"]}
    assert natures == {"officiel", "presse"}


def test_a_repost_is_cited_as_its_original_with_the_reposts_address(derived: Site) -> None:
    lead = derived.page("/sources/repris/").select_one(".lead")
    reprise = lead.find("a", string="Lire la reprise")
    assert reprise is not None and reprise["href"] == "https://syndicat.example.org/reprise"
    assert lead.find("a", string="Lire la source") is None  # the original's address is unknown
    assert "Adresse en ligne de l'original non connue" in text_of(lead)
    data = json.loads((derived.output / "donnees/conseil-ouvert.json").read_text())
    assert "https://syndicat.example.org/reprise" in json.dumps(data)


def test_inferred_and_relative_dates_say_so_everywhere(derived: Site) -> None:
    listing = derived.page("/deliberations/alpha/")
    rows = {text_of(tr.th): flat(tr) for tr in listing.select("table.list tbody tr")}
    by_number = next(v for k, v in rows.items() if "numéro" in k)
    assert "2019 (jour déduit du numéro : 28 février 2019)" in by_number
    relative = next(v for k, v in rows.items() if "il y a un an" in k)
    assert "2021 (date déduite d'une indication relative)" in relative
    exact = next(v for k, v in rows.items() if "datée par la source" in k)
    assert "déduit" not in exact
    page = derived.page("/deliberations/alpha/dcm-19-02-28-14/")
    assert "« En 2019 »" in text_of(page.select_one(".facts"))
    # feeds
    feed = ET.parse(derived.output / "flux/deliberations.xml").getroot()
    summaries = {e.findtext(f"{ATOM}title"): e.findtext(f"{ATOM}summary") for e in feed}
    assert (
        "jour déduit du numéro"
        in summaries["DCM 19-02-28-14 — " + "Délibération au jour lu dans son numéro"]
    )
    quotes = ET.parse(derived.output / "flux/citations.xml").getroot()
    assert "date déduite d'une indication relative" in quotes.find(f"{ATOM}entry").findtext(
        f"{ATOM}title"
    )
    # complete JSON and Popolo carry the provenance and the source's words
    data = json.loads((derived.output / "donnees/conseil-ouvert.json").read_text())
    delib = next(d for d in data["deliberations"] if d["number"] == "DCM 19-02-28-14")
    assert delib["date_basis"] == "numero" and "En 2019" in delib["date_note"]
    popolo = json.loads((derived.output / "donnees/popolo/tout.json").read_text())
    motion = next(m for m in popolo["motions"] if m["identifier"] == "DCM 19-02-28-14")
    assert motion["fr_date_basis"] == "numero"
    speech = next(s for s in popolo["speeches"])
    assert speech["fr_date_basis"] == "relative" and "il y a un an" in speech["fr_date_note"]
    # JSON-LD cannot flag a date: the year as known, nothing deduced
    for path, expected in (("dcm-19-02-28-14", "2019"), ("dcm-21-06-01-01", None)):
        page = derived.page(f"/deliberations/alpha/{path}/")
        ld = json.loads(page.select_one("script[type='application/ld+json']").string)
        assert ld.get("legislationDate") == expected
    # SCDL publishes a session date only as a source gives it
    with (derived.output / "donnees/scdl/conseil-alpha.csv").open(encoding="utf-8") as f:
        ids = {row["DELIB_ID"] for row in csv.DictReader(f)}
    assert ids == {"DCM 20-01-15-01"}


def test_follow_ups_link_the_events_that_follow(derived: Site) -> None:
    page = derived.page("/evenements/contrat/")
    follow = page.select_one("ul.follow-ups")
    assert follow is not None and follow.select_one("a[href='/evenements/suspension/']")
    assert "Aucune suite" not in text_of(page)


def test_unknown_address_is_not_said_to_be_unpublished(derived: Site) -> None:
    docs = text_of(
        derived.page("/deliberations/alpha/dcm-19-02-28-14/").select_one("#documents").parent
    )
    assert "adresse non connue" in docs and "non publié en ligne" not in docs


def test_derivations_without_their_grounds_are_refused(tmp_path: Path) -> None:
    files = dict(FILES)
    files["villes/beta.md"] += "\ndepartement: Inventé"
    files["citations/propos.md"] = files["citations/propos.md"].replace(
        "precision_date: « il y a un an »\n", ""
    )
    content = write(tmp_path / "content", files)
    with pytest.raises(ContentError) as error:
        build_graph(content)
    report = str(error.value)
    assert "villes/beta.md" in report and "un département sans source" in report
    assert "citations/propos.md" in report and "date déduite" in report
