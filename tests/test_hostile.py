"""A contributor's file is data, never code: hostile text in every field of
every record kind comes out as text in every output, and hostile files are
refused with a message naming them, all at once, without a traceback, in
bounded time.
"""

from __future__ import annotations

import csv
import io
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hostile import PAYLOAD, declared_text_paths, hostile_corpus, write_record

from conftest import build_site, file_digests, run_cli

ALLOWED_META = {("http-equiv", "Content-Security-Policy"), ("name", "referrer")}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    root = tmp_path_factory.mktemp("hostile")
    content, attacked = hostile_corpus(root)
    build_site(content, root / "output")
    return root / "output", attacked


def test_every_text_field_of_every_kind_is_attacked(hostile) -> None:
    _, attacked = hostile
    assert attacked >= declared_text_paths()
    assert len(attacked) > 20


def test_no_injected_markup_in_any_page(hostile) -> None:
    output, _ = hostile
    pages = sorted(output.rglob("*.html"))
    shown = 0
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        where = path.relative_to(output)
        assert not soup.find_all("injected"), where
        assert not soup.find_all(["img", "iframe", "object", "embed", "base"]), where
        assert all(form.get("action") == "/recherche/" for form in soup.find_all("form")), where
        for meta in soup.find_all("meta"):
            kind = next((a for a in ("http-equiv", "name") if meta.has_attr(a)), None)
            if kind:
                assert (kind, meta[kind]) in ALLOWED_META or kind == "name", (where, meta)
                if meta[kind] == "referrer":
                    assert meta["content"] == "no-referrer", where
        for script in soup.find_all("script"):
            src = script.get("src", "")
            assert script.get("type") == "application/ld+json" or src.startswith(
                ("/theme/", "/pagefind/")
            ), (where, script)
        for element in soup.find_all(True):
            assert not [a for a in element.attrs if a.lower().startswith("on")], (where, element)
            assert "style" not in element.attrs, (where, element)
        for link in soup.find_all(href=True):
            assert link["href"].startswith(("/", "http://", "https://", "#")), (where, link)
        shown += PAYLOAD in soup.get_text()
    # The attack reached the pages, as text: the test cannot pass by losing it.
    assert shown > 10


def test_each_hostile_record_shows_its_text_as_text(hostile) -> None:
    output, _ = hostile
    for folder in output.glob("*/hostile-*"):
        soup = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert PAYLOAD in soup.get_text(), folder
        assert PAYLOAD in soup.title.get_text() or folder.parent.name in {"citations"}, folder
        description = soup.find("meta", attrs={"name": "description"})
        assert description is not None and "<meta" not in str(description)[5:], folder


def refuse(constant: str) -> None:
    raise AssertionError(f"{constant} is not JSON")


def strings_of(data: object) -> list[str]:
    if isinstance(data, dict):
        return [s for v in data.values() for s in strings_of(v)]
    if isinstance(data, list):
        return [s for v in data for s in strings_of(v)]
    return [data] if isinstance(data, str) else []


def test_json_and_popolo_carry_the_text(hostile) -> None:
    output, _ = hostile
    found = 0
    for path in output.rglob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"), parse_constant=refuse)
        found += PAYLOAD in strings_of(data)
    assert found > 3


def test_feeds_are_valid_xml_with_text_summaries(hostile) -> None:
    output, _ = hostile
    feeds = sorted((output / "flux").rglob("*.xml"))
    assert feeds
    atom = "{http://www.w3.org/2005/Atom}"
    carried = 0
    for path in feeds:
        root = ET.parse(path).getroot()
        tags = {element.tag for element in root.iter()}
        assert not {t for t in tags if not t.startswith(atom)}, path
        for summary in root.iter(f"{atom}summary"):
            assert summary.get("type") == "text", path
            carried += PAYLOAD in (summary.text or "")
        for title in root.iter(f"{atom}title"):
            assert title.get("type") in (None, "text"), path
    assert carried


def test_csv_cells_never_start_a_formula(hostile) -> None:
    output, _ = hostile
    cells = [
        cell
        for path in (output / "donnees").rglob("*.csv")
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8")))
        for cell in row
    ]
    assert '\'=HYPERLINK("https://example.org/x","y")' in cells
    assert not [c for c in cells if c.startswith(FORMULA_START)]


def test_sitemap_is_valid_and_local(hostile) -> None:
    output, _ = hostile
    root = ET.parse(output / "sitemap.xml").getroot()
    locations = [e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locations and all(loc.startswith("http://localhost:8000/") for loc in locations)


# Each hostile file, and words its refusal must contain.
ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)
NESTED_LIST = "\n".join("    " * depth + "- x" for depth in range(500))


def header(**fields: object) -> str:
    import yaml

    return "---\n" + yaml.safe_dump(fields, allow_unicode=True) + "---\n"


THEME = {"resume": "Un thème.", "sources": ["synthetique"]}
HOSTILE_FILES = {
    "sources/url-quote.md": (
        header(publication="P", url='https://example.org/"><meta http-equiv=refresh content=0>'),
        "adresse web refusée",
    ),
    "sources/url-userinfo.md": (
        header(publication="P", url="https://metz.fr@example.org/"),
        "adresse web refusée",
    ),
    "themes/controle.md": (header(nom="Budget\x01", **THEME), "U+0001"),
    "themes/non-caractere.md": (header(nom="Budget\ufffe", **THEME), "U+FFFE"),
    "themes/bidi.md": (header(nom="Jean\u202eDupont", **THEME), "U+202E"),
    "themes/largeur-nulle.md": (header(nom="Mai\u200brie", **THEME), "U+200B"),
    "themes/alias.md": (
        "---\n" + ALIAS_BOMB + "nom: *i\nresume: x\nsources: [synthetique]\n---\n",
        "alias",
    ),
    "themes/cle-double.md": (
        "---\nnom: A\nnom: B\nresume: x\nsources: [synthetique]\n---\n",
        "écrit deux fois",
    ),
    "themes/balise.md": (
        "---\nnom: !!python/object/apply:os.system [ls]\nresume: x\n---\n",
        "balises YAML",
    ),
    "themes/imbrication.md": (
        "---\nnom: A\nresume: x\nsources: " + "[" * 500 + "]" * 500 + "\n---\n",
        "imbriquées",
    ),
    "themes/crochets.md": (header(nom="A", **THEME) + "[" * 30000, "crochets"),
    "themes/liste-profonde.md": (header(nom="A", **THEME) + NESTED_LIST, "niveaux"),
    "themes/texte-controle.md": (header(nom="A", **THEME) + "Texte\x1b[31m", "U+001B"),
    "evenements/choix-liste.md": (
        header(titre="T", type=["a", "b"], sources=["synthetique"]),
        "valeur inconnue : une liste",
    ),
    "evenements/montant-enorme.md": (
        "---\ntitre: T\ntype: budget\nsources: [synthetique]\nmontants:\n"
        "  - montant: 1.0e+300\n    objet: x\n---\n",
        "montant invraisemblable",
    ),
    "evenements/montant-nan.md": (
        "---\ntitre: T\ntype: budget\nsources: [synthetique]\nmontants:\n"
        "  - montant: .nan\n    objet: x\n---\n",
        "montant en euros attendu",
    ),
    "organisations/sieges-enormes.md": (
        header(nom="C", type="conseil", sieges=10**38, sources=["synthetique"]),
        "nombre invraisemblable",
    ),
    "organisations/notes.txt": ("texte", "n'est pas un fichier de contenu"),
    "organisations/majuscules.MD": (header(nom="C", type="club"), "extension"),
    "organisations/..md": (header(nom="C", type="club"), "fichier caché"),
    "deliberations/ville-synthetique-0/tiret.md": ("numero: —", "ne donne pas d'adresse"),
    "deliberations/ville-synthetique-0/tirets.md": (
        "numero: DCM 19-02-28-14",
        "même adresse /deliberations/ville-synthetique-0/dcm-19-02-28-14/ que",
    ),
}


def write_hostile_files(content: Path) -> dict[str, str]:
    """The hostile files above, plus links and a pipe; file -> expected words."""
    expected = {}
    delib = {
        "organe": "conseil-ville-synthetique-0",
        "ville": "ville-synthetique-0",
        "date": "2019-02-28",
        "titre": "T",
        "resultat": "inconnue",
        "sources": ["synthetique"],
    }
    for relative, (text, words) in HOSTILE_FILES.items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if relative.startswith("deliberations/"):
            number = text.removeprefix("numero: ")
            write_record(path, {**delib, "numero": number}, "")
        else:
            path.write_bytes(text.encode("utf-8", "surrogatepass"))
        expected[f"content/{relative}"] = words
    write_record(  # the same address as tirets.md
        content / "deliberations/ville-synthetique-0/barres.md",
        {**delib, "numero": "DCM 19/02/28/14"},
        "",
    )
    outside = content.parent / "ailleurs.md"
    outside.write_text(header(nom="Hors", **THEME), encoding="utf-8")
    (content / "themes/lien-dehors.md").symlink_to(outside)
    expected["content/themes/lien-dehors.md"] = "hors de content"
    (content / "themes/zero.md").symlink_to("/dev/zero")
    expected["content/themes/zero.md"] = "hors de content"
    os.mkfifo(content / "themes/tube.md")
    expected["content/themes/tube.md"] = "fichier ordinaire"
    return expected


def test_hostile_files_are_refused_all_at_once(tmp_path: Path) -> None:
    from conseil_ouvert.volunteer.synthetic import generate

    content = generate(tmp_path / "content", deliberations=4, nominal_votes=True)
    expected = write_hostile_files(content)
    result = run_cli(content, "check")
    report = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in report
    lines = report.splitlines()
    for file, words in expected.items():
        mine = [line for line in lines if line.startswith(f"{file}:")]
        assert mine, f"{file} not reported"
        assert any(words in line for line in mine), (file, mine)
    assert max(len(line) for line in lines) < 600  # no value expanded in a message


def test_a_hostile_file_leaves_the_published_site_as_it_was(tmp_path: Path) -> None:
    from conseil_ouvert.reading.graph import ContentError
    from conseil_ouvert.volunteer.synthetic import generate

    content = generate(tmp_path / "content", deliberations=4)
    output = build_site(content, tmp_path / "output")
    before = file_digests(output)
    (content / "themes/alias.md").write_text(HOSTILE_FILES["themes/alias.md"][0])
    with pytest.raises(ContentError) as refused:
        build_site(content, output)
    assert "content/themes/alias.md:" in str(refused.value.code)
    assert file_digests(output) == before


@pytest.mark.parametrize("slug", ["villes", "pagefind", "a-propos"])
def test_an_editorial_page_cannot_take_a_sites_address(tmp_path: Path, slug: str) -> None:
    from conseil_ouvert.reading.graph import ContentError
    from conseil_ouvert.volunteer.synthetic import generate

    content = generate(tmp_path / "content", deliberations=2)
    pages = content / "pages"
    pages.mkdir()
    (pages / "a-propos.md").write_text("Title: À propos\nSlug: a-propos\n\nTexte.\n")
    (pages / "autre.md").write_text(f"Title: Autre\nSlug: {slug}\n\nTexte.\n")
    with pytest.raises(ContentError) as refused:
        build_site(content, tmp_path / "output")
    assert "content/pages/autre.md" in str(refused.value.code) or (
        "content/pages/a-propos.md" in str(refused.value.code)
    )
    assert not (tmp_path / "output").exists()


def test_an_editorial_page_publishes_no_script(tmp_path: Path) -> None:
    from conseil_ouvert.volunteer.synthetic import generate

    content = generate(tmp_path / "content", deliberations=2)
    (content / "pages").mkdir()
    (content / "pages/note.md").write_text(
        "Title: Note\nSlug: note\n\n<script>alert(1)</script>\n\n"
        '<a href="javascript:alert(1)" onclick="x()">lien</a> <b style="x">gras</b>\n'
    )
    output = build_site(content, tmp_path / "output")
    soup = BeautifulSoup((output / "note/index.html").read_text(), "html.parser")
    main = soup.find("main")
    assert not main.find_all("script")
    assert not [e for e in main.find_all(True) if {"onclick", "style"} & set(e.attrs)]
    assert not main.find_all(href=lambda h: h and h.startswith("javascript"))
    assert "lien" in main.get_text() and "gras" in main.get_text()


@pytest.mark.parametrize("relative", list(HOSTILE_FILES), ids=list(HOSTILE_FILES))
def test_each_hostile_file_is_refused_on_its_own(tmp_path: Path, relative: str) -> None:
    from conseil_ouvert.reading.graph import ContentError, build_graph
    from conseil_ouvert.volunteer.synthetic import generate

    content = generate(tmp_path / "content", deliberations=2)
    expected = write_hostile_files(content)
    for other in expected:  # keep only this case (and the file it clashes with)
        path = tmp_path / other
        if other != f"content/{relative}" and not other.endswith("barres.md"):
            path.unlink()
    if not relative.endswith("tirets.md"):
        (content / "deliberations/ville-synthetique-0/barres.md").unlink()
    with pytest.raises(ContentError) as refused:
        build_graph(content)
    problems = [p for p in refused.value.problems if p.file == f"content/{relative}"]
    assert problems and any(expected[f"content/{relative}"] in str(p) for p in problems)


def test_typography_never_breaks_an_entity() -> None:
    from conseil_ouvert.reading.markup import render_markdown

    html = render_markdown("Gares & Connexions ; 3 < 4 ; « a »")
    soup = BeautifulSoup(html, "html.parser")
    assert "Gares & Connexions\u202f; 3 < 4\u202f; «\u00a0a\u00a0»" in soup.get_text()
    assert "&amp\u202f;" not in html and "&lt\u202f;" not in html
