"""A whole decision from one file and one command (issue 17, points 5 and « Done
when »): a new (fictitious) city with a complete deliberation reaches every
page, feed and export of a copy of the fictional corpus; the same dossier with a
count that contradicts a recorded vote is refused, naming the file and line."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

from conftest import build_site, run_cli, text_of

DOSSIER = """\
sources:
  pv-fictif-2023-05-11:
    publication: Ville de Fictiveville (document fictif)
    titre: Procès-verbal fictif du conseil municipal du 11 mai 2023
    date: 2023-05-20
    nature: officiel
  journal-fictif-2023-05-12:
    publication: Le Journal fictif
    date: 2023-05-12
    nature: presse
themes:
  theme-fictif:
    nom: Thème fictif
    resume: Un thème créé pour un test.
villes:
  fictiveville:
    nom: Fictiveville
    sources: [pv-fictif-2023-05-11]
organisations:
  conseil-municipal-fictiveville:
    nom: Conseil municipal de Fictiveville
    type: conseil
    ville: fictiveville
    sieges: 3
    siret: "00000000000018"
    siret_source: pv-fictif-2023-05-11
    sources: [pv-fictif-2023-05-11]
  groupe-fictif-majorite:
    nom: Groupe fictif de la majorité
    type: groupe
    ville: fictiveville
    parent: conseil-municipal-fictiveville
    camp:
      - valeur: majorite
        debut: 2020-07
        source: pv-fictif-2023-05-11
    sources: [pv-fictif-2023-05-11]
  groupe-fictif-opposition:
    nom: Groupe fictif de l'opposition
    type: groupe
    ville: fictiveville
    parent: conseil-municipal-fictiveville
    sources: [pv-fictif-2023-05-11]
  association-fictive:
    nom: Association fictive
    type: association
    ville: fictiveville
    sources: [journal-fictif-2023-05-12]
personnes:
  alice-fictive:
    nom: Alice Fictive
    appartenances:
      - organisation: groupe-fictif-majorite
        debut: 2020-07
        source: pv-fictif-2023-05-11
    sources: [pv-fictif-2023-05-11]
  chloe-fictive:
    nom: Chloé Fictive
    appartenances:
      - organisation: groupe-fictif-majorite
        debut: 2020-07
        source: pv-fictif-2023-05-11
    sources: [pv-fictif-2023-05-11]
  bruno-fictif:
    nom: Bruno Fictif
    appartenances:
      - organisation: groupe-fictif-opposition
        debut: 2020-07
        source: pv-fictif-2023-05-11
    sources: [pv-fictif-2023-05-11]
deliberations:
  fictiveville-dcm-23-05-11-07:
    numero: DCM 23-05-11-07
    organe: conseil-municipal-fictiveville
    ville: fictiveville
    date: 2023-05-11
    titre: Extension fictive de la vidéoprotection
    themes: [theme-fictif]
    montants:
      - montant: 120000
        objet: douze caméras fictives
        annee_budget: 2023
    cameras:
      nombre: 12
    resultat: adoptee
    votes:
      pour: 2
      contre: 1
      abstention: 0
      ne_prend_pas_part: 0
      source: pv-fictif-2023-05-11
    positions_groupes:
      - groupe: groupe-fictif-majorite
        position: pour
        provenance: proces-verbal
        source: pv-fictif-2023-05-11
      - groupe: groupe-fictif-opposition
        position: contre
        provenance: proces-verbal
        source: pv-fictif-2023-05-11
    votes_nominatifs:
      - personne: alice-fictive
        vote: pour
        provenance: proces-verbal
        source: pv-fictif-2023-05-11
      - personne: chloe-fictive
        vote: pour
        provenance: proces-verbal
        source: pv-fictif-2023-05-11
      - personne: bruno-fictif
        vote: contre
        provenance: proces-verbal
        source: pv-fictif-2023-05-11
    code_actes: 6.10
    matiere_actes: Police municipale (fictive)
    code_actes_source: pv-fictif-2023-05-11
    sources: [pv-fictif-2023-05-11, journal-fictif-2023-05-12]
    corps: Le conseil fictif étend sa vidéoprotection fictive.
citations:
  alice-fictive-cameras:
    type: citation
    texte: Des caméras fictives pour un test.
    personne: alice-fictive
    date: 2023-05-11
    deliberation: fictiveville-dcm-23-05-11-07
    sources: [journal-fictif-2023-05-12]
  association-fictive-avis:
    type: position
    texte: L'association fictive se dit opposée au projet.
    organisation: association-fictive
    date: 2023-05-12
    deliberation: fictiveville-dcm-23-05-11-07
    sources: [journal-fictif-2023-05-12]
evenements:
  demande-cada-fictive:
    titre: Demande fictive des documents du marché
    type: cada
    ville: fictiveville
    date: 2023-06
    deliberation: fictiveville-dcm-23-05-11-07
    organisations: [association-fictive]
    themes: [theme-fictif]
    suites:
      - type: cada
        titre: Avis fictif de la CADA
        source: journal-fictif-2023-05-12
    sources: [journal-fictif-2023-05-12]
"""


def add(content: Path, dossier: str, *options: str) -> subprocess.CompletedProcess:
    path = content.parent / "dossier.yaml"
    path.write_text(dossier, encoding="utf-8")
    return run_cli(content, "ajouter", str(path), *options)


def test_one_dossier_reaches_every_page_feed_and_export(corpus, tmp_path: Path) -> None:
    content = corpus()
    result = add(content, DOSSIER)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Écrit : ") == 15  # one command, fifteen files
    assert "Contenu valide" in result.stdout
    output = build_site(content, tmp_path / "output")
    for page in (
        "deliberations/fictiveville/dcm-23-05-11-07",
        "villes/fictiveville",
        "organisations/conseil-municipal-fictiveville",
        "organisations/groupe-fictif-majorite",
        "organisations/association-fictive",
        "personnes/alice-fictive",
        "citations/alice-fictive-cameras",
        "citations/association-fictive-avis",
        "evenements/demande-cada-fictive",
        "themes/theme-fictif",
        "sources/journal-fictif-2023-05-12",
    ):
        assert (output / page / "index.html").is_file(), page
    delib = (output / "deliberations/fictiveville/dcm-23-05-11-07/index.html").read_text()
    assert "Extension fictive de la vidéoprotection" in delib
    assert "Des caméras fictives pour un test." in delib
    for feed in ("flux/deliberations.xml", "flux/villes/fictiveville.xml", "flux/citations.xml"):
        assert "fictive" in (output / feed).read_text(encoding="utf-8").lower(), feed
    rows = csv.DictReader(io.StringIO((output / "donnees/scdl/tout.csv").read_text()))
    row = next(r for r in rows if r["DELIB_ID"] == "DCM 23-05-11-07")
    assert (row["VOTE_POUR"], row["VOTE_CONTRE"], row["VOTE_ABSTENTION"]) == ("2", "1", "0")
    assert row["DELIB_MATIERE_CODE"] == "6.10"
    data = json.loads((output / "donnees/conseil-ouvert.json").read_text(encoding="utf-8"))
    exported = next(d for d in data["deliberations"] if d["id"] == "fictiveville-dcm-23-05-11-07")
    assert exported["cameras"]["count"] == 12 and exported["actes_code"] == "6.10"
    popolo = json.loads((output / "donnees/popolo/fictiveville.json").read_text())
    assert {v["voter_id"] for v in popolo["votes"]} == {
        "alice-fictive",
        "chloe-fictive",
        "bruno-fictif",
    }
    city = (output / "villes/fictiveville/index.html").read_text(encoding="utf-8")
    assert "Demande fictive des documents du marché" in text_of(city)


def test_a_contradicting_count_is_refused_with_file_and_line(corpus) -> None:
    content = corpus()
    result = add(content, DOSSIER.replace("      contre: 1\n", "      contre: 0\n"))
    assert result.returncode == 1
    written = content / "deliberations/fictiveville/fictiveville-dcm-23-05-11-07.md"
    line = 1 + written.read_text(encoding="utf-8").splitlines().index("  contre: 0")
    expected = (
        f"content/deliberations/fictiveville/fictiveville-dcm-23-05-11-07.md:{line}: votes.contre: "
    )
    assert expected + "« contre: 0 » mais 1 vote(s) « contre »" in result.stderr
    assert "Traceback" not in result.stderr
    again = add(content, DOSSIER)  # fixed dossier: the files exist, --remplacer rewrites them
    assert again.returncode == 2 and "--remplacer" in again.stderr
    assert add(content, DOSSIER, "--remplacer").returncode == 0


def test_a_broken_dossier_writes_nothing(corpus) -> None:
    content = corpus()
    result = add(content, DOSSIER.replace("personnes:", "gens:"))
    assert result.returncode == 2
    assert "« gens » n'est pas un type de fiche" in result.stderr
    assert not (content / "villes/fictiveville.md").exists()
