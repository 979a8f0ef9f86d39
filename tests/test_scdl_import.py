"""The SCDL importer a volunteer can trust (issue 17, point 4): accents and case
do not matter, keywords are stems, dates are converted, every field reaches the
draft, the source is created, and the summary says what happened to each row."""

from __future__ import annotations

import datetime as dt
import subprocess
import unicodedata
from pathlib import Path

from test_cross_checks import write

from conftest import TODAY, run_cli
from conseil_ouvert.reading.graph import build_graph

COLUMNS = (
    "COLL_NOM;COLL_SIRET;DELIB_ID;DELIB_DATE;DELIB_MATIERE_CODE;DELIB_MATIERE_NOM;DELIB_OBJET;"
    "BUDGET_ANNEE;BUDGET_NOM;PREF_ID;PREF_DATE;VOTE_EFFECTIF;VOTE_REEL;VOTE_POUR;VOTE_CONTRE;"
    "VOTE_ABSTENTION;DELIB_URL"
)
NFD = unicodedata.normalize("NFD", "Vidéoprotection des écoles")  # accents as two characters
ROWS = [
    # kept: upper case without accents, full SCDL row
    "Ville fictive;00000000000018;DCM 23-05-11-01;11/05/2023;6.10;Police municipale;"
    "VIDEOPROTECTION : EXTENSION DU RESEAU;2023;Budget principal;057-000000000-20230512-1-DE;"
    "12/05/2023;45;40;30;8;2;https://donnees.example.org/dcm-23-05-11-01.pdf",
    # kept: plural, no accent
    "Ville fictive;;DCM 23-05-11-02;2023-05-11;;;Achat de cameras pietons;;;;;;;;;;",
    # kept: a stem in the middle of a phrase
    "Ville fictive;;DCM 23-05-11-03;11/05/2023;;;Centre de supervision urbain : travaux;;;;;;;;;;",
    # kept: an acronym as a whole word
    "Ville fictive;;DCM 23-05-11-04;11/05/2023;;;Dispositif LAPI en entrée de ville;;;;;;;;;;",
    # kept: decomposed accents
    f"Ville fictive;;DCM 23-05-11-05;11/05/2023;;;{NFD};;;;;;;;;;",
    # kept only with --mot-cle radar
    "Ville fictive;;DCM 23-05-11-06;11/05/2023;;;Radars pédagogiques;;;;;;;;;;",
    # unrelated: « lapins » is not « LAPI », a canteen is not surveillance
    "Ville fictive;;DCM 23-05-11-08;11/05/2023;;;Régulation des lapins de garenne;;;;;;;;;;",
    "Ville fictive;;DCM 23-05-11-09;11/05/2023;;;Cantine scolaire : tarifs;;;;;;;;;;",
    # related but unusable: no number, impossible date
    "Ville fictive;;;11/05/2023;;;Vidéoprotection du parc;;;;;;;;;;",
    "Ville fictive;;DCM 23-02-31-01;31/02/2023;;;Vidéosurveillance du port;;;;;;;;;;",
]


def csv_bytes() -> bytes:
    """As a spreadsheet on Windows writes it: BOM, « ; », CRLF."""
    return ("\ufeff" + "\r\n".join([COLUMNS, *ROWS]) + "\r\n").encode("utf-8")


def cli_import(content: Path, csv_path: Path, *options: str) -> subprocess.CompletedProcess:
    """``conseil-ouvert import-scdl`` for the fictitious council, as a volunteer runs it."""
    return run_cli(
        content, "import-scdl", str(csv_path), "--organe", "conseil-fictiveville",
        "--ville", "fictiveville", *options,
    )  # fmt: skip


def run_import(tmp_path: Path, *options: str) -> tuple[subprocess.CompletedProcess, Path]:
    content = write(
        tmp_path, {"organisations/conseil-fictiveville.md": ("sieges: 3", "sieges: 45")}
    )
    csv_path = tmp_path / "deliberations.csv"
    csv_path.write_bytes(csv_bytes())
    return cli_import(content, csv_path, *options), content


def drafted(content: Path) -> list[str]:
    return sorted(p.stem for p in (content / "deliberations/fictiveville").glob("dcm-23-05-11-0*"))


def test_rows_about_surveillance_are_kept_whatever_their_accents_and_case(tmp_path: Path) -> None:
    result, content = run_import(
        tmp_path, "--source", "donnees-fictives", "--publication", "Données ouvertes fictives"
    )
    assert result.returncode == 0, result.stderr
    # dcm-23-05-11-07 is the fictitious council's own deliberation, already there
    assert drafted(content) == [f"dcm-23-05-11-0{i}" for i in range(1, 6)] + ["dcm-23-05-11-07"]
    out = result.stdout
    assert "Source créée" in out and (content / "sources/donnees-fictives.md").is_file()
    assert "Ignoré, ligne 10 : DELIB_ID vide" in out
    assert "Ignoré, ligne 11 (DCM 23-02-31-01) : DELIB_DATE illisible : '31/02/2023'" in out
    assert "Bilan : 5 brouillon(s) écrit(s), 0 déjà présent(s), 2 ligne(s) illisible(s), " in out
    assert "3 ligne(s) sans rapport avec la surveillance" in out  # radars, lapins, cantine
    graph = build_graph(content, dt.date.fromisoformat(TODAY))
    full = graph.drafts["dcm-23-05-11-01"]
    assert full.date.iso() == "2023-05-11"  # from 11/05/2023
    assert (full.counts.yes, full.counts.no, full.counts.abstain) == (30, 8, 2)
    assert full.counts.not_voting is None
    assert "effectif du conseil 45, votants 40" in full.counts.note
    assert full.actes_code == "6.10" and full.actes_name == "Police municipale"
    (follow_up,) = full.follow_ups
    assert follow_up.kind == "controle-legalite" and follow_up.date.iso() == "2023-05-12"
    assert "057-000000000-20230512-1-DE" in follow_up.title
    assert full.documents[0].url == "https://donnees.example.org/dcm-23-05-11-01.pdf"
    body = (content / "deliberations/fictiveville/dcm-23-05-11-01.md").read_text()
    assert "SIRET de la collectivité : 00000000000018" in body
    assert "budget : Budget principal 2023" in body
    assert graph.drafts["dcm-23-05-11-02"].counts.yes is None  # empty cell: unknown


def test_keywords_add_to_the_defaults_unless_only_is_asked(tmp_path: Path) -> None:
    added, content = run_import(tmp_path / "a", "--source", "pv-fictif", "--mot-cle", "radar")
    assert added.returncode == 0, added.stderr
    assert "dcm-23-05-11-06" in drafted(content) and "dcm-23-05-11-01" in drafted(content)
    only, content = run_import(
        tmp_path / "b", "--source", "pv-fictif", "--mot-cle", "radar", "--seulement"
    )
    assert only.returncode == 0, only.stderr
    assert drafted(content) == ["dcm-23-05-11-06", "dcm-23-05-11-07"]


def test_a_missing_source_needs_its_publication(tmp_path: Path) -> None:
    result, content = run_import(tmp_path, "--source", "jeu-inconnu")
    assert result.returncode == 2
    assert "--publication" in result.stderr
    assert drafted(content) == ["dcm-23-05-11-07"]  # nothing written


NEW_SOURCE = ("--source", "donnees-fictives", "--publication", "Données ouvertes fictives")


def test_the_importer_never_overwrites_a_file(tmp_path: Path) -> None:
    content = write(
        tmp_path, {"organisations/conseil-fictiveville.md": ("sieges: 3", "sieges: 45")}
    )
    # A published file at the address a row would take, under another number.
    taken = content / "deliberations/fictiveville/dcm-23-05-11-01.md"
    taken.parent.mkdir(parents=True, exist_ok=True)
    taken.write_text("---\nnumero: autre\n---\n", encoding="utf-8")
    csv_path = tmp_path / "deliberations.csv"
    csv_path.write_bytes(csv_bytes())
    result = cli_import(content, csv_path, *NEW_SOURCE)
    assert taken.read_text(encoding="utf-8") == "---\nnumero: autre\n---\n"
    assert "dcm-23-05-11-01.md existe déjà" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_an_unreadable_csv_is_reported_not_a_traceback(tmp_path: Path) -> None:
    content = write(tmp_path, {})
    cases = {
        "colonnes.csv": b"COLL_NOM;DELIB_DATE\r\nVille;01/02/2020\r\n",
        "vide.csv": b"abc\n",
        "latin1.csv": "DELIB_ID;DELIB_DATE;DELIB_OBJET\nDCM 1;01/02/2020;Vidéoprotection\n".encode(
            "latin-1"
        ),
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        result = cli_import(content, tmp_path / name, *NEW_SOURCE)
        out = result.stdout + result.stderr
        assert "Traceback" not in out, name
        if name != "latin1.csv":
            assert result.returncode == 2, name
            assert "colonnes SCDL absentes" in out or "aucune ligne lue" in out, name
    assert (content / "deliberations/fictiveville/dcm-1.md").exists()  # latin-1 was read
