"""Rebuilding after an edit reuses unchanged pages and gives exactly the site a
clean build would give."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import BUSY_SIZES, build_site, file_digests
from conseil_ouvert.build.output import MANIFEST
from conseil_ouvert.volunteer.synthetic import generate


def tree(folder: Path) -> dict[str, str]:
    return file_digests(folder, skip=frozenset({MANIFEST}))


EDITS = {
    "quote text": (
        "citations/ligue-brumeval-vigilante.md",
        "se dit vigilante.",
        "se dit très vigilante.",
    ),
    "source date": (
        "sources/observatoire-fictif-brumeval.md",
        "nature: association",
        "nature: association\ndate: 2021",
    ),
    "person name": ("personnes/paul-temoin.md", "nom: Paul Témoin", "nom: Paul Témoin-Test"),
    "membership role": (
        "personnes/helene-exemple.md",
        "role: président de la métropole",
        "role: présidente de la métropole",
    ),
    "deliberation title": (
        "deliberations/brumeval/csu-metropolitain-mutualise.md",
        "titre: Création d'un centre de supervision urbain mutualisé",
        "titre: Création d'un centre de supervision urbain mutualisé à Brumeval",
    ),
}


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_incremental_rebuild_equals_a_clean_build(corpus, tmp_path: Path, edit: str) -> None:
    content = corpus()
    output = tmp_path / "output"
    build_site(content, output)
    before = {p: p.stat().st_ino for p in output.rglob("index.html")}

    relative, old, new = EDITS[edit]
    path = content / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")

    build_site(content, output)
    clean = build_site(content, tmp_path / "clean", CONSEIL_OUVERT_INCREMENTAL=False)
    assert tree(output) == tree(clean)
    after = {p: p.stat().st_ino for p in output.rglob("index.html")}
    reused = [p for p in after if before.get(p) == after[p]]
    if edit != "person name":  # a new name may be linked from any summary: all re-rendered
        assert len(reused) > len(after) / 3, f"only {len(reused)} of {len(after)} pages reused"


def test_quote_edit_reaches_every_page_that_shows_it(tmp_path: Path) -> None:
    content = generate(tmp_path / "content", deliberations=4)
    output = tmp_path / "output"
    build_site(content, output)
    path = content / "citations/citation-synth-0.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("sur la délibération", "ajoute-t-elle", 1),
        encoding="utf-8",
    )
    build_site(content, output)
    for page in (
        "citations/citation-synth-0/index.html",
        "personnes/personne-0-0/index.html",
        "deliberations/ville-synthetique-0/dcm-synth-0/index.html",
        "villes/ville-synthetique-0/index.html",
    ):
        assert "ajoute-t-elle" in (output / page).read_text(encoding="utf-8"), page


def test_a_removed_record_leaves_the_site_with_its_pages(corpus, tmp_path: Path) -> None:
    content = corpus()
    output = tmp_path / "output"
    build_site(content, output)
    page = output / "citations/ligue-brumeval-vigilante/index.html"
    assert page.is_file()
    (content / "citations/ligue-brumeval-vigilante.md").unlink()
    build_site(content, output)
    assert not page.exists() and not page.parent.exists()
    clean = build_site(content, tmp_path / "clean", CONSEIL_OUVERT_INCREMENTAL=False)
    assert tree(output) == tree(clean)


def test_a_folder_not_built_by_us_is_replaced_whole(corpus, tmp_path: Path) -> None:
    output = tmp_path / "output"
    (output / "ancien").mkdir(parents=True)
    (output / "ancien" / "page.html").write_text("<p>autre site</p>", encoding="utf-8")
    build_site(corpus(), output)
    assert not (output / "ancien").exists()
    assert (output / "index.html").is_file()


def test_unchanged_files_are_not_read_again_and_edits_are_seen(
    corpus, tmp_path: Path, monkeypatch
) -> None:
    from conseil_ouvert.reading import loading

    monkeypatch.setattr(loading.ParseCache, "RACY_NS", 0)  # trust file status at once
    content = corpus()
    output = tmp_path / "output"
    build_site(content, output)
    cache = loading.ParseCache(tmp_path / "output-cache" / "conseil-ouvert")
    files = loading.content_files(content)
    assert len(cache.stamps) == len(files)

    reads: list[str] = []
    real_open = open

    def spy(path: object, *args: object, **kwargs: object) -> object:
        if str(path).endswith(".md") and "/pages/" not in str(path):  # Pelican's own pages
            reads.append(str(path))
        return real_open(path, *args, **kwargs)

    page = output / "citations/ligue-brumeval-vigilante/index.html"
    path = content / "citations/ligue-brumeval-vigilante.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("vigilante.", "VIGILANTE."), encoding="utf-8")  # same size
    monkeypatch.setattr("builtins.open", spy)
    build_site(content, output)
    monkeypatch.undo()
    assert "VIGILANTE" in page.read_text(encoding="utf-8")
    assert reads == [str(path)]  # only the edited file was read


def test_one_pelican_object_builds_again_and_again(corpus, tmp_path: Path) -> None:
    """As under ``pelican --autoreload``: a build, a failed build, a fixed build."""
    from pelican import Pelican

    from conftest import site_settings
    from conseil_ouvert.reading.graph import ContentError

    content = corpus()
    output = tmp_path / "output"
    settings = site_settings(content, output)
    pelican = Pelican(settings)
    pelican.run()
    page = output / "citations/ligue-brumeval-vigilante/index.html"
    quote = content / "citations/ligue-brumeval-vigilante.md"
    text = quote.read_text(encoding="utf-8")
    quote.write_text(text.replace("vigilante.", "très vigilante."), encoding="utf-8")
    pelican.run()
    assert "très vigilante" in page.read_text(encoding="utf-8")
    broken = content / "citations/vide.md"
    broken.write_text("", encoding="utf-8")
    with pytest.raises(ContentError):
        pelican.run()
    assert "très vigilante" in page.read_text(encoding="utf-8")  # the site is still there
    broken.unlink()
    quote.write_text(text.replace("vigilante.", "bien vigilante."), encoding="utf-8")
    pelican.run()
    assert "bien vigilante" in page.read_text(encoding="utf-8")
    assert not (tmp_path / "output.en-cours").exists()
    records = [p for p in content.rglob("*.md") if p.parent.name != "pages"]
    assert len(list(output.rglob("index.html"))) > len(records)  # every record, and the lists


def test_the_search_index_is_rebuilt_only_when_a_page_changed(corpus, tmp_path: Path) -> None:
    content = corpus()
    output = tmp_path / "output"
    build_site(content, output, CONSEIL_OUVERT_SEARCH=True)
    entry = output / "pagefind" / "pagefind-entry.json"
    first = entry.stat().st_ino
    build_site(content, output, CONSEIL_OUVERT_SEARCH=True)  # nothing changed
    assert entry.stat().st_ino == first
    quote = content / "citations/ligue-brumeval-vigilante.md"
    quote.write_text(
        quote.read_text(encoding="utf-8").replace("vigilante.", "très vigilante."),
        encoding="utf-8",
    )
    build_site(content, output, CONSEIL_OUVERT_SEARCH=True)
    assert entry.stat().st_ino != first  # a new bundle replaced the old one
    assert (output / "pagefind" / "pagefind.js").is_file()


def test_a_failed_search_index_is_made_again_next_time(corpus, tmp_path: Path, monkeypatch) -> None:
    import subprocess

    from conseil_ouvert.build import search

    content = corpus()
    output = tmp_path / "output"
    build_site(content, output, CONSEIL_OUVERT_SEARCH=True)
    entry = output / "pagefind" / "pagefind-entry.json"
    first = entry.stat().st_ino
    quote = content / "citations/ligue-brumeval-vigilante.md"
    quote.write_text(
        quote.read_text(encoding="utf-8").replace("vigilante.", "très vigilante."),
        encoding="utf-8",
    )

    def failing(command: list[str], **kwargs: object) -> subprocess.CompletedProcess:
        return subprocess.CompletedProcess(command, 1, "", "Pagefind a échoué")

    monkeypatch.setattr(search.subprocess, "run", failing)
    with pytest.raises(search.SearchIndexError, match="index précédent"):
        build_site(content, output, CONSEIL_OUVERT_SEARCH=True)
    monkeypatch.undo()
    assert entry.stat().st_ino == first  # the old index still serves
    build_site(content, output, CONSEIL_OUVERT_SEARCH=True)  # no page changed since
    assert entry.stat().st_ino != first
    assert (output / "pagefind" / search.UP_TO_DATE).is_file()


def test_a_records_lists_follow_an_edit_that_moves_or_removes_a_row(tmp_path: Path) -> None:
    """Lists below a record (a councillor's votes, a city's deliberations) are kept
    only while the records they show are unchanged: an edit that changes the
    order of a list, and one that takes a vote away, give a clean build's site."""
    content = generate(tmp_path / "content", deliberations=30, nominal_votes=True)
    output = tmp_path / "output"
    build_site(content, output, CONSEIL_OUVERT_PAGE_SIZES=BUSY_SIZES)
    delib = content / "deliberations" / "ville-synthetique-0" / "dcm-synth-6.md"
    text = delib.read_text(encoding="utf-8")
    assert "date: 2020-07-07" in text and "personne: personne-0-1" in text
    votes_of_one = "  - personne: personne-0-1\n"
    start = text.index(votes_of_one)
    end = text.index("  - personne:", start + 1)
    delib.write_text(
        text[:start].replace("date: 2020-07-07", "date: 2011-07-07") + text[end:],
        encoding="utf-8",
    )
    build_site(content, output, CONSEIL_OUVERT_PAGE_SIZES=BUSY_SIZES)
    clean = tmp_path / "clean"
    build_site(
        content, clean, CONSEIL_OUVERT_PAGE_SIZES=BUSY_SIZES, CONSEIL_OUVERT_INCREMENTAL=False
    )
    assert tree(output) == tree(clean)
    votes = (output / "personnes" / "personne-0-1" / "votes").rglob("index.html")
    assert not any("dcm-synth-6/" in p.read_text(encoding="utf-8") for p in votes)
