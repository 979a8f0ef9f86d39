"""Names in summaries become links: the longest name wins, each once, never
the record itself, never inside a link or a longer word."""

from __future__ import annotations

from types import SimpleNamespace

from conseil_ouvert.linking import _link

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
