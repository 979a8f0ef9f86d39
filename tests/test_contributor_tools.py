"""The volunteer's tools: scaffolded files are valid as created, and SCDL
open data becomes reviewed-before-published drafts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import TODAY, build_site, run_cli, text_of
from conseil_ouvert.format.schema import FORMATS
from conseil_ouvert.reading.graph import build_graph
from conseil_ouvert.volunteer.scaffold import render

ANSWERS = {
    "villes": ["--set", "nom=Thionville"],
    "personnes": ["--set", "nom=Personne Essai", "--set", "sources=quotidien-fictif-2022-07"],
    "organisations": [
        "--set", "nom=Association essai", "--set", "type=association",
        "--set", "sources=quotidien-fictif-2022-07",
    ],
    "sources": ["--set", "publication=Journal essai"],
    "themes": ["--set", "nom=Essai", "--set", "resume=Un thème d'essai."],
    "deliberations": [
        "--set", "numero=DCM 22-09-29-5", "--set", "organe=conseil-municipal-brumeval",
        "--set", "ville=brumeval", "--set", "date=2022-09-29", "--set", "titre=Essai",
        "--set", "resultat=inconnue", "--set", "sources=quotidien-fictif-2022-07",
    ],
    "citations": [
        "--set", "type=citation", "--set", "texte=Mots exacts", "--set",
        "organisation=ligue-fictive-brumeval", "--set", "sources=quotidien-fictif-2022-07",
    ],
    "evenements": [
        "--set", "titre=Essai", "--set", "type=annonce",
        "--set", "sources=quotidien-fictif-2022-07",
    ],
}  # fmt: skip


@pytest.mark.parametrize("kind", FORMATS, ids=list(FORMATS))
def test_new_file_is_valid_as_created_and_lists_every_field(corpus, kind: str) -> None:
    content = corpus()
    result = run_cli(content, "new", kind, "essai-1", *ANSWERS[kind])
    assert result.returncode == 0, result.stderr
    created = next(content.joinpath(kind).rglob("essai-1.md"))
    text = created.read_text(encoding="utf-8")
    for key in FORMATS[kind].fields:
        assert f"{key}:" in text, key  # every field present, commented when optional
    assert text.count(" # ") >= len(FORMATS[kind].fields)  # each explained in French


def test_new_refuses_missing_answers_without_writing(corpus) -> None:
    content = corpus()
    result = run_cli(content, "new", "deliberation", "essai-2", "--set", "titre=Essai")
    assert result.returncode == 2
    assert "Champs obligatoires manquants : organe, ville, date, resultat, sources" in result.stderr
    assert not list(content.rglob("essai-2.md"))


def test_new_city_deliberation_takes_one_command(corpus, tmp_path: Path) -> None:
    content = corpus()
    result = run_cli(
        content, "new", "deliberation", "dcm-23-01-26-4",
        "--set", "numero=DCM 23-01-26-4", "--set", "organe=conseil-municipal-thionville",
        "--set", "ville=thionville", "--set", "date=2023-01-26", "--set", "titre=Essai",
        "--set", "resultat=inconnue", "--set", "sources=journal-essai",
        "--nom-ville", "Thionville", "--nom-organe", "Conseil municipal de Thionville",
        "--publication", "Journal d'essai",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (content / "villes/thionville.md").exists()
    assert (content / "organisations/conseil-municipal-thionville.md").exists()
    output = build_site(content, tmp_path / "output")
    page = BeautifulSoup(
        (output / "deliberations/thionville/dcm-23-01-26-4/index.html").read_text(), "html.parser"
    ).get_text()
    assert "Conseil municipal de Thionville" in page and "Journal d'essai" in page
    missing = run_cli(
        content, "new", "deliberation", "autre", "--set", "organe=conseil-x", "--set",
        "ville=ailleurs", "--set", "date=2023", "--set", "titre=X", "--set", "resultat=inconnue",
        "--set", "sources=journal-essai",
    )  # fmt: skip
    assert missing.returncode == 2 and "--nom-ville" in missing.stderr


def test_scaffold_renders_valid_yaml_for_every_kind() -> None:
    for kind in FORMATS:
        text = render(kind, {})
        assert text.startswith("---\n") and "\n---\n" in text


SCDL_CSV = """COLL_NOM;COLL_SIRET;DELIB_ID;DELIB_DATE;DELIB_MATIERE_CODE;DELIB_MATIERE_NOM;\
DELIB_OBJET;BUDGET_ANNEE;BUDGET_NOM;PREF_ID;PREF_DATE;VOTE_EFFECTIF;VOTE_REEL;VOTE_POUR;\
VOTE_CONTRE;VOTE_ABSTENTION;DELIB_URL
Ville d'essai;00000000000000;DCM 19-02-28-14;2019-02-28;7.1;finances locales/décisions \
budgétaires;Vidéoprotection : renouvellement;2019;;;;55;;;;;
Ville d'essai;00000000000000;DCM 23-03-30-2;2023-03-30;6.1;police municipale;Extension du \
système de vidéoprotection;2023;;;;55;50;40;8;2;https://data.example.org/deliberation-2.pdf
Ville d'essai;00000000000000;DCM 23-03-30-3;2023-03-30;8.1;enseignement;Cantine scolaire : \
tarifs;;;;;55;;;;;
Ville d'essai;00000000000000;DCM 23-06-29-7;2023-06-29;6.1;police municipale;Caméras \
piétons pour la police municipale;;;;;55;;;;;
"""


def test_import_scdl_writes_unpublished_drafts_and_skips_known_numbers(
    corpus, tmp_path: Path
) -> None:
    content = corpus()
    csv_path = tmp_path / "deliberations.csv"
    csv_path.write_text(SCDL_CSV, encoding="utf-8")
    result = run_cli(
        content, "import-scdl", str(csv_path), "--organe", "conseil-municipal-brumeval",
        "--ville", "brumeval", "--source", "point-cameras-brumeval",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Déjà présent, ignoré : DCM 19-02-28-14" in result.stdout
    assert "1 ligne(s) sans rapport" in result.stdout  # the school canteen
    drafts = sorted(p.name for p in (content / "deliberations" / "brumeval").glob("dcm-23-*.md"))
    assert drafts == ["dcm-23-03-30-2.md", "dcm-23-06-29-7.md"]
    graph = build_graph(content, dt.date.fromisoformat(TODAY))
    assert set(graph.drafts) == {"dcm-23-03-30-2", "dcm-23-06-29-7"}
    assert graph.drafts["dcm-23-03-30-2"].counts.yes == 40
    assert graph.drafts["dcm-23-06-29-7"].counts.yes is None  # empty cell: unknown
    output = build_site(content, tmp_path / "output")
    assert not (output / "deliberations/brumeval/dcm-23-03-30-2").exists()  # not published
    again = run_cli(
        content, "import-scdl", str(csv_path), "--organe", "conseil-municipal-brumeval",
        "--ville", "brumeval", "--source", "point-cameras-brumeval",
    )  # fmt: skip
    assert "Déjà présent, ignoré : DCM 23-03-30-2" in again.stdout


def test_published_draft_after_review(corpus, tmp_path: Path) -> None:
    content = corpus()
    csv_path = tmp_path / "deliberations.csv"
    csv_path.write_text(SCDL_CSV, encoding="utf-8")
    run_cli(content, "import-scdl", str(csv_path), "--organe", "conseil-municipal-brumeval",
        "--ville", "brumeval", "--source", "point-cameras-brumeval")  # fmt: skip
    draft = content / "deliberations/brumeval/dcm-23-03-30-2.md"
    draft.write_text(draft.read_text().replace("brouillon: true\n", ""), encoding="utf-8")
    output = build_site(content, tmp_path / "output")
    page = (output / "deliberations/brumeval/dcm-23-03-30-2/index.html").read_text()
    assert "Extension du système de vidéoprotection" in text_of(page)
