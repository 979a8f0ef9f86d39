"""Bad content is refused with a clear French message naming the file and field."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, TODAY, build_site, file_digests, run_cli
from conseil_ouvert.reading.graph import ContentError, build_graph

DELIB = "deliberations/brumeval/test-cas.md"
GOOD_HEADER = """numero: DCM TEST-1
organe: conseil-municipal-brumeval
ville: brumeval
date: 2019-03-01
titre: Délibération de test
resultat: adoptee
sources: [point-cameras-brumeval]"""


def delib(extra: str = "", header: str = GOOD_HEADER, body: str = "Résumé.") -> str:
    return f"---\n{header}\n{extra}\n---\n{body}\n"


def problems_for(corpus: Callable[..., Path], files: dict[str, str | bytes]) -> list:
    content = corpus()
    for relative, data in files.items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        build_graph(content, dt.date.fromisoformat(TODAY))
    return caught.value.problems


CASES = {
    "empty file": ({DELIB: ""}, "fichier", "fichier vide"),
    "not utf-8": ({DELIB: "---\ntitre: caméra\n---\n".encode("latin-1")}, "fichier", "UTF-8"),
    "header not closed": ({DELIB: "---\ntitre: x\n"}, "fichier", "en-tête non fermé"),
    "no header": ({DELIB: "titre: x\n"}, "fichier", "en-tête manquant"),
    "broken yaml": ({DELIB: delib("votes: [pour: 3")}, "en-tête", "en-tête illisible"),
    "unknown field": ({DELIB: delib("montant_total: 3")}, "montant_total", "champ inconnu"),
    "missing required": (
        {DELIB: delib(header=GOOD_HEADER.replace("titre: Délibération de test\n", ""))},
        "titre",
        "champ obligatoire manquant",
    ),
    "impossible date": (
        {DELIB: delib(header=GOOD_HEADER.replace("2019-03-01", "2019-02-30"))},
        "date",
        "date impossible",
    ),
    "future date": (
        {DELIB: delib(header=GOOD_HEADER.replace("2019-03-01", "2031-01-01"))},
        "date",
        "date dans le futur",
    ),
    "negative amount": (
        {DELIB: delib("montants:\n  - montant: -200\n    objet: caméras")},
        "montants[0].montant",
        "montant négatif",
    ),
    "counts over seats": (
        {
            "organisations/conseil-test.md": "---\nnom: Conseil test\ntype: conseil\n"
            "ville: brumeval\n"
            "sieges: 10\nsources: [point-cameras-brumeval]\n---\n",
            DELIB: delib(
                "votes:\n  pour: 30\n  contre: 2\n  source: point-cameras-brumeval",
                header=GOOD_HEADER.replace("conseil-municipal-brumeval", "conseil-test"),
            ),
        },
        "votes",
        "sièges",
    ),
    "counts contradict outcome": (
        {DELIB: delib("votes:\n  pour: 3\n  contre: 20\n  source: point-cameras-brumeval")},
        "votes",
        "moins de voix pour que contre",
    ),
    "duplicate official number": (
        {DELIB: delib(header=GOOD_HEADER.replace("DCM TEST-1", "DCM 19-02-28-14"))},
        "numero",
        "déjà utilisé",
    ),
    "unknown person": (
        {
            "citations/test-cas.md": "---\ntype: citation\ntexte: Bonjour\npersonne: inconnu-x\n"
            "sources: [quotidien-fictif-2022-07]\n---\n"
        },
        "personne",
        "n'existe pas dans content/personnes/",
    ),
    "unknown organisation": (
        {DELIB: delib(header=GOOD_HEADER.replace("conseil-municipal-brumeval", "conseil-fantome"))},
        "organe",
        "n'existe pas dans content/organisations/",
    ),
    "unknown deliberation": (
        {
            "citations/test-cas.md": "---\ntype: position\ntexte: Avis\n"
            "organisation: ligue-fictive-brumeval\n"
            "deliberation: dcm-99\nsources: [quotidien-fictif-2022-07]\n---\n"
        },
        "deliberation",
        "n'existe pas dans content/deliberations/",
    ),
    "missing source": (
        {DELIB: delib(header=GOOD_HEADER.replace("point-cameras-brumeval", "source-absente"))},
        "sources[0]",
        "n'existe pas dans content/sources/",
    ),
    "link to a draft": (
        {
            DELIB: delib("brouillon: true"),
            "citations/test-cas.md": "---\ntype: position\ntexte: Avis\n"
            "organisation: ligue-fictive-brumeval\n"
            "deliberation: test-cas\nsources: [quotidien-fictif-2022-07]\n---\n",
        },
        "deliberation",
        "est un brouillon",
    ),
    "yaml tag building an object": (
        {DELIB: delib('commentaire: !!python/object/apply:os.system ["echo pwned"]')},
        "en-tête",
        "en-tête illisible",
    ),
    "huge file": ({DELIB: delib(body="caméra " * 200_000)}, "fichier", "trop volumineux"),
    "javascript url": (
        {DELIB: delib("documents:\n  - titre: Doc\n    url: javascript:alert(1)")},
        "documents[0].url",
        "adresse web refusée",
    ),
    "bad file name": (
        {"deliberations/brumeval/Délib 1.md": delib()},
        "nom du fichier",
        "identifiant",
    ),
    "reserved file name": (
        {"deliberations/brumeval/page.md": delib()},
        "nom du fichier",
        "réservé",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_content_is_refused_with_file_field_and_fix(corpus, case: str) -> None:
    files, field, message = CASES[case]
    problems = problems_for(corpus, files)
    relevant = [p for p in problems if p.field == field and message in p.message]
    assert relevant, [str(p) for p in problems]
    problem = relevant[0]
    assert problem.file.startswith("content/") and problem.file.endswith(".md")
    assert problem.file.split("/", 1)[1] in {*files}, problem.file
    assert problem.fix  # every message says how to fix it
    assert " — " in str(problem)


def test_line_numbers_point_at_the_field(corpus) -> None:
    problems = problems_for(corpus, {DELIB: delib("montant_total: 3")})
    (problem,) = problems
    assert problem.line == 9  # line 1 is « --- », the unknown key is the 8th header line


def test_every_problem_is_reported_at_once(corpus) -> None:
    problems = problems_for(
        corpus,
        {
            DELIB: delib("montant_total: 3"),
            "deliberations/brumeval/autre.md": "",
            "citations/autre.md": (
                "---\ntype: avis\ntexte: x\nsources: [quotidien-fictif-2022-07]\n---"
            ),
        },
    )
    files = {p.file for p in problems}
    assert files == {
        "content/deliberations/brumeval/test-cas.md",
        "content/deliberations/brumeval/autre.md",
        "content/citations/autre.md",
    }


BUILD_COMMANDS = {
    "pelican": [sys.executable, "-m", "pelican"],
    "conseil-ouvert build": [sys.executable, "-m", "conseil_ouvert.volunteer.cli", "build"],
}


@pytest.mark.parametrize("command", BUILD_COMMANDS, ids=list(BUILD_COMMANDS))
def test_build_exits_non_zero_without_traceback_and_keeps_the_site(
    corpus, tmp_path, command: str
) -> None:
    content = corpus()
    output = tmp_path / "output"
    build_site(content, output)
    before = file_digests(output)
    (content / DELIB).write_text(delib("montant_total: 3"), encoding="utf-8")
    (content / "citations" / "vide.md").write_text("", encoding="utf-8")
    result = subprocess.run(
        [*BUILD_COMMANDS[command], str(content), "-s", "pelicanconf.py", "-o", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in report
    assert "content/deliberations/brumeval/test-cas.md:9: montant_total: champ inconnu" in report
    assert "le site publié n'a pas été modifié" in report
    assert "content/citations/vide.md: fichier: fichier vide" in report
    assert file_digests(output) == before


def test_build_command_builds_the_site(tmp_path) -> None:
    output = tmp_path / "output"
    settings = ["-s", "pelicanconf.py", "-o", str(output), "-e", "CONSEIL_OUVERT_SEARCH=false"]
    settings.append(f'CACHE_PATH="{tmp_path / "cache"}"')
    result = subprocess.run(
        [*BUILD_COMMANDS["conseil-ouvert build"], "content", *settings],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "Done: Processed" in result.stdout  # Pelican's own report is not lost
    built = {p.parent.parent.name for p in output.glob("deliberations/*/*/index.html")}
    assert built == {p.name for p in (ROOT / "content/deliberations").iterdir() if p.is_dir()}


def test_check_command_lists_problems_in_french(corpus) -> None:
    content = corpus(**{DELIB: delib("montant_total: 3")})
    result = run_cli(content, "check")
    assert result.returncode == 1
    assert "test-cas.md:9: montant_total: champ inconnu — vouliez-vous écrire « montants » ?" in (
        result.stderr
    )
    ok = run_cli(ROOT / "content", "check")
    assert ok.returncode == 0, ok.stderr
    assert "Contenu valide" in ok.stdout


def test_contributed_markup_is_neutralised(corpus, tmp_path) -> None:
    body = (
        "Texte <script>alert(1)</script> <iframe src='https://evil.example'></iframe>\n\n"
        '<a href="javascript:alert(2)" onclick="alert(3)">lien</a> '
        '<img src="x" onerror="alert(4)"> [donnée](data:text/html;base64,PHNjcmlwdD4=)\n'
    )
    content = corpus(**{DELIB: delib(body=body)})
    output = build_site(content, tmp_path / "output")
    page = BeautifulSoup(
        (output / "deliberations/brumeval/dcm-test-1/index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    scripts = page.find_all("script")
    assert all(s.get("type") == "application/ld+json" and not s.get("src") for s in scripts)
    assert not page.find_all(["iframe", "img", "object", "embed"])
    for tag in page.find_all(True):
        for name, value in tag.attrs.items():
            assert not name.lower().startswith("on"), (tag.name, name)
            if name in {"href", "src"}:
                assert not str(value).lower().startswith(("javascript:", "data:")), value
    summary = page.select_one("#resume").find_parent("section")
    assert "Texte" in summary.get_text()
    assert "alert" not in summary.get_text()


def test_two_builds_are_byte_identical(tmp_path) -> None:
    """Everything we write is reproducible. (Search is off here: Pagefind's own
    filter and entry files differ between two runs on the same site.)"""
    first = build_site(ROOT / "content", tmp_path / "a")
    second = build_site(ROOT / "content", tmp_path / "b")
    assert file_digests(first) == file_digests(second)
