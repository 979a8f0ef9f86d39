"""Names in summaries become links: the longest name wins, each once, never
the record itself, never inside a link or a longer word."""

from __future__ import annotations

from types import SimpleNamespace

from conseil_ouvert.site.linking import _link

METZ = SimpleNamespace(slug="ville-de-metz")
COUNCIL = SimpleNamespace(slug="conseil-metz")
LDH = SimpleNamespace(slug="ldh")
NAMES = {"Ville de Metz": METZ, "Conseil municipal de Metz": COUNCIL, "LDH": LDH}
BY_FIRST_WORD = {
    "Conseil": ["Conseil municipal de Metz"],
    "Ville": ["Ville de Metz"],
    "LDH": ["LDH"],
}


def link(html: str, owner: object = None) -> str:
    return _link(html, BY_FIRST_WORD, NAMES, owner, lambda r: f"/{r.slug}/")


def test_each_name_is_linked_once() -> None:
    assert link("<p>La LDH et la LDH.</p>") == '<p>La <a href="/ldh/">LDH</a> et la LDH.</p>'


def test_the_longest_name_wins_and_the_record_itself_is_not_linked() -> None:
    assert link("<p>Conseil municipal de Metz.</p>") == (
        '<p><a href="/conseil-metz/">Conseil municipal de Metz</a>.</p>'
    )
    assert link("<p>Conseil municipal de Metz, LDH</p>", owner=COUNCIL) == (
        '<p>Conseil municipal de Metz, <a href="/ldh/">LDH</a></p>'
    )


def test_names_inside_words_or_links_are_left_alone() -> None:
    for html in ("<p>LDHX, X-LDH, LDH-Metz</p>", '<p><a href="/x/">la LDH</a></p>'):
        assert link(html) == html


def test_a_note_links_the_names_it_holds_and_stays_text(tmp_path) -> None:
    from bs4 import BeautifulSoup

    from conftest import build_site
    from conseil_ouvert.volunteer.synthetic import generate

    content = generate(tmp_path / "content", deliberations=2)
    city = content / "villes/ville-synthetique-0.md"
    city.write_text(
        city.read_text(encoding="utf-8").replace(
            "    nombre: 82\n",
            "    nombre: 82\n    note: Chiffre donné par Personne Synthétique 1-5 <b>ici</b>\n",
        ),
        encoding="utf-8",
    )
    output = build_site(content, tmp_path / "output")
    page = BeautifulSoup(
        (output / "villes/ville-synthetique-0/index.html").read_text(), "html.parser"
    )
    row = next(r for r in page.select("#cameras ~ * tr, section tr") if "Chiffre donné" in r.text)
    assert row.find("a", href="/personnes/personne-1-5/").get_text() == "Personne Synthétique 1-5"
    assert "<b>ici</b>" in row.get_text() and row.find("b") is None  # text, not markup
