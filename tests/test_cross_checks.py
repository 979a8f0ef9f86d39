"""Cross-record checks on a small fictitious council (never the real content):
each contradiction a careful reviewer would see is refused (or warned) with the
file, the line of the field, what is wrong and how to fix it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import TODAY, run_cli
from conseil_ouvert.reading.graph import ContentError, Graph, build_graph

DELIB = "deliberations/fictiveville/dcm-23-05-11-07.md"

# A fictitious city: one council of 3 seats, two groups, three councillors
# (one of another council), one deliberation with counts, positions and votes.
FILES = {
    "sources/pv-fictif.md": "publication: Procès-verbal fictif\nnature: officiel\ndate: 2023-05-20",
    "villes/fictiveville.md": "nom: Fictiveville\nsources: [pv-fictif]",
    "villes/autreville.md": "nom: Autreville\nsources: [pv-fictif]",
    "organisations/conseil-fictiveville.md": "nom: Conseil municipal de Fictiveville\n"
    "type: conseil\nville: fictiveville\nsieges: 3\nsources: [pv-fictif]",
    "organisations/conseil-autreville.md": "nom: Conseil municipal d'Autreville\n"
    "type: conseil\nville: autreville\nsources: [pv-fictif]",
    "organisations/groupe-a.md": "nom: Groupe A\ntype: groupe\nville: fictiveville\n"
    "parent: conseil-fictiveville\nsources: [pv-fictif]",
    "organisations/groupe-b.md": "nom: Groupe B\ntype: groupe\nville: fictiveville\n"
    "parent: conseil-fictiveville\nsources: [pv-fictif]",
    "organisations/groupe-autre.md": "nom: Groupe d'Autreville\ntype: groupe\nville: autreville\n"
    "parent: conseil-autreville\nsources: [pv-fictif]",
    "personnes/alice-fictive.md": """nom: Alice Fictive
appartenances:
  - organisation: groupe-a
    debut: 2020-07
    source: pv-fictif
sources: [pv-fictif]""",
    "personnes/bruno-fictif.md": """nom: Bruno Fictif
appartenances:
  - organisation: groupe-b
    debut: 2020-07
    source: pv-fictif
sources: [pv-fictif]""",
    "personnes/zoe-fictive.md": """nom: Zoé Fictive
appartenances:
  - organisation: groupe-autre
    debut: 2020-07
    source: pv-fictif
sources: [pv-fictif]""",
    DELIB: """numero: DCM 23-05-11-07
organe: conseil-fictiveville
ville: fictiveville
date: 2023-05-11
titre: Extension fictive de la vidéoprotection
resultat: adoptee
code_actes: 6.10
votes:
  pour: 2
  contre: 1
  abstention: 0
  ne_prend_pas_part: 0
  source: pv-fictif
positions_groupes:
  - groupe: groupe-a
    position: pour
    provenance: proces-verbal
    source: pv-fictif
  - groupe: groupe-b
    position: contre
    provenance: proces-verbal
    source: pv-fictif
votes_nominatifs:
  - personne: alice-fictive
    vote: pour
    provenance: proces-verbal
    groupe: groupe-a
    source: pv-fictif
  - personne: bruno-fictif
    vote: contre
    provenance: proces-verbal
    source: pv-fictif
sources: [pv-fictif]""",
}


def write(root: Path, changes: dict[str, tuple[str, str] | str]) -> Path:
    """The fictitious content, with ``changes``: a (old, new) replacement in a
    file, or a whole new header."""
    content = root / "content"
    files = dict(FILES)
    for name, change in changes.items():
        if isinstance(change, tuple):
            assert change[0] in files[name], change
            files[name] = files[name].replace(*change)
        else:
            files[name] = change
    for name, header in files.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\n{header}\n---\nTexte fictif.\n", encoding="utf-8")
    return content


def graph_of(root: Path, **changes: tuple[str, str] | str) -> Graph:
    return build_graph(write(root, changes), dt.date.fromisoformat(TODAY))


def refused(root: Path, **changes: tuple[str, str] | str) -> list:
    with pytest.raises(ContentError) as caught:
        graph_of(root, **changes)
    return caught.value.problems


def line_of(name: str, text: str, changes: dict) -> int:
    """The line (in the written file, « --- » being line 1) of the first line holding ``text``."""
    header = FILES[name]
    if name in changes:
        header = header.replace(*changes[name])
    return 2 + next(i for i, line in enumerate(header.splitlines()) if text in line)


def the_problem(problems: list, field: str, words: str):
    found = [p for p in problems if p.field == field and words in p.message]
    assert found, [str(p) for p in problems]
    problem = found[0]
    assert problem.fix and " — " in str(problem)
    return problem


def test_the_fictitious_council_is_valid(tmp_path: Path) -> None:
    graph = graph_of(tmp_path)
    assert not graph.warnings, [str(w) for w in graph.warnings]
    delib = graph.deliberations["dcm-23-05-11-07"]
    assert delib.actes_code == "6.10"  # read as written, not as the number 6.1


# name: (file, (old, new), field, words in the message, text of the line it points at)
CASES = {
    "count below recorded votes": (
        DELIB,
        ("  contre: 1", "  contre: 0"),
        "votes.contre",
        "« contre: 0 » mais 1 vote(s) « contre » dans votes_nominatifs (Bruno Fictif)",
        "  contre: 0",
    ),
    "counts over seats": (
        DELIB,
        ("  pour: 2", "  pour: 3"),
        "votes",
        "4 votes au total",
        "votes:",
    ),
    "a voter twice": (
        DELIB,
        (
            "sources: [pv-fictif]",
            "  - personne: alice-fictive\n    vote: pour\n"
            "    provenance: proces-verbal\n    source: pv-fictif\nsources: [pv-fictif]",
        ),
        "votes_nominatifs[2].personne",
        "Alice Fictive vote deux fois",
        None,
    ),
    "a group twice": (
        DELIB,
        (
            "votes_nominatifs:",
            "  - groupe: groupe-a\n    position: pour\n"
            "    provenance: presse\n    source: pv-fictif\nvotes_nominatifs:",
        ),
        "positions_groupes[2].groupe",
        "« groupe-a » a deux positions",
        None,
    ),
    "vote's group contradicts memberships": (
        DELIB,
        ("    groupe: groupe-a", "    groupe: groupe-b"),
        "votes_nominatifs[0].groupe",
        "Alice Fictive n'est pas membre de « groupe-b » le 11 mai 2023",
        "    groupe: groupe-b",
    ),
    "voter of another council": (
        DELIB,
        ("  - personne: bruno-fictif", "  - personne: zoe-fictive"),
        "votes_nominatifs[1].personne",
        "Zoé Fictive vote au conseil « conseil-fictiveville » mais ses appartenances "
        "le rattachent au conseil « conseil-autreville »",
        None,
    ),
    "group of another council": (
        DELIB,
        ("  - groupe: groupe-b", "  - groupe: groupe-autre"),
        "positions_groupes[1].groupe",
        "« groupe-autre » appartient au conseil « conseil-autreville »",
        None,
    ),
    "date contradicts the official number": (
        DELIB,
        ("date: 2023-05-11", "date: 2023-05-12"),
        "date",
        "la date 2023-05-12 contredit le numéro DCM 23-05-11-07",
        "date: 2023-05-12",
    ),
    "council of another city": (
        DELIB,
        ("ville: fictiveville", "ville: autreville"),
        "organe",
        "est celui de la ville « fictiveville », pas de « autreville »",
        "organe:",
    ),
    "ACTES code": (
        DELIB,
        ("code_actes: 6.10", "code_actes: 6.100"),
        "code_actes",
        "code matière ACTES invalide : '6.100'",
        "code_actes:",
    ),
    "SIRET of 13 digits": (
        "organisations/conseil-fictiveville.md",
        ("sieges: 3", "sieges: 3\nsiret: '2157046330001'"),
        "siret",
        "SIRET invalide : '2157046330001'",
        "siret:",
    ),
    "SIRET with a wrong key": (
        "organisations/conseil-fictiveville.md",
        ("sieges: 3", "sieges: 3\nsiret: 21570463300018"),
        "siret",
        "SIRET invalide : '21570463300018'",
        "siret:",
    ),
    "own parent": (
        "organisations/groupe-a.md",
        ("parent: conseil-fictiveville", "parent: groupe-a"),
        "parent",
        "est son propre parent",
        "parent:",
    ),
    "parent cycle": (
        "organisations/conseil-fictiveville.md",
        ("sieges: 3", "sieges: 3\nparent: groupe-a"),
        "parent",
        "organisations parentes en boucle : conseil-fictiveville → groupe-a → conseil-fictiveville",
        "parent:",
    ),
    "two groups of one council at once": (
        "personnes/alice-fictive.md",
        (
            "    source: pv-fictif\nsources",
            "    source: pv-fictif\n  - organisation: groupe-b\n    debut: 2022\n"
            "    source: pv-fictif\nsources",
        ),
        "appartenances[1].organisation",
        "membre de « groupe-a » et de « groupe-b » en même temps",
        None,
    ),
    "unknown id with a close one": (
        DELIB,
        ("sources: [pv-fictif]", "sources: [pv-fictf]"),
        "sources[0]",
        "« pv-fictf » n'existe pas",
        None,
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_contradiction_is_refused_with_file_line_field_and_fix(tmp_path: Path, case: str) -> None:
    name, change, field, words, line_text = CASES[case]
    problems = refused(tmp_path, **{name: change})
    problem = the_problem(problems, field, words)
    assert problem.file == f"content/{name}"
    assert problem.line is not None
    if line_text is not None:
        assert problem.line == line_of(name, line_text, {name: change}), str(problem)


def test_unknown_id_suggests_the_close_one(tmp_path: Path) -> None:
    problems = refused(tmp_path, **{DELIB: ("sources: [pv-fictif]", "sources: [pv-fictf]")})
    problem = the_problem(problems, "sources[0]", "n'existe pas")
    assert "vouliez-vous dire « pv-fictif » ?" in problem.fix


def test_group_position_against_its_members_votes_is_a_warning_with_names(tmp_path: Path) -> None:
    graph = graph_of(tmp_path, **{DELIB: ("    position: pour", "    position: abstention")})
    (warning,) = graph.warnings
    assert warning.file == f"content/{DELIB}"
    assert warning.field == "positions_groupes[0].position"
    assert "Alice Fictive (pour)" in warning.message
    assert warning.line == line_of(
        DELIB,
        "    position: abstention",
        {DELIB: ("    position: pour", "    position: abstention")},
    )


def test_every_seat_recorded_means_counts_equal_the_votes(tmp_path: Path) -> None:
    """Three seats, three recorded votes: the counts must be those votes."""
    three = FILES[DELIB].replace(
        "sources: [pv-fictif]",
        "  - personne: zoe-fictive\n    vote: pour\n    provenance: proces-verbal\n"
        "    source: pv-fictif\nsources: [pv-fictif]",
    )
    zoe = {"personnes/zoe-fictive.md": ("groupe-autre", "groupe-a")}
    graph_of(tmp_path / "ok", **{DELIB: three.replace("  pour: 1", "  pour: 2")}, **zoe)
    wrong = three.replace("  pour: 2", "  pour: 3").replace("  contre: 1", "  contre: inconnu")
    problems = refused(tmp_path / "bad", **{DELIB: wrong}, **zoe)
    problem = the_problem(problems, "votes.pour", "alors que les 3 sièges ont un vote nominatif")
    assert "dont 2 « pour »" in problem.message


def test_all_problems_at_once_and_check_command_names_file_and_line(tmp_path: Path) -> None:
    content = write(
        tmp_path,
        {
            DELIB: FILES[DELIB]
            .replace("  contre: 1", "  contre: 0")
            .replace("date: 2023-05-11", "date: 2023-05-12"),
            "organisations/groupe-a.md": ("parent: conseil-fictiveville", "parent: groupe-a"),
        },
    )
    result = run_cli(content, "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    contre = line_of(DELIB, "  contre: 1", {})
    assert f"content/{DELIB}:{contre}: votes.contre: « contre: 0 » mais 1 vote(s)" in result.stderr
    assert f"content/{DELIB}:5: date: la date 2023-05-12 contredit" in result.stderr
    assert "content/organisations/groupe-a.md:5: parent:" in result.stderr


def test_check_command_prints_warnings_and_still_succeeds(tmp_path: Path) -> None:
    content = write(tmp_path, {DELIB: ("    position: pour", "    position: abstention")})
    result = run_cli(content, "check")
    assert result.returncode == 0, result.stderr
    assert "1 avertissement (à vérifier) :" in result.stderr
    assert f"content/{DELIB}:" in result.stderr and "Alice Fictive (pour)" in result.stderr
    assert "Contenu valide" in result.stdout
