"""Every name links to its page: people and organisations named in a summary
become links, so a reader can walk from any text to the records behind it.

Names are looked up by their first word, so each body is scanned once
whatever the number of names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from typing import Any

from markupsafe import Markup
from markupsafe import escape as markup_escape

from ..format.formatting import typo
from ..reading.graph import Graph
from .incremental import Fragment, no_cache

# A tag, read up to its own closing « > »: a « > » inside a quoted attribute
# value does not end it, so a name inside an attribute is never rewritten.
TAG_OR_TEXT = re.compile(r"""(<(?:[^>"']|"[^"]*"|'[^']*')*>)""")
WORD = re.compile(r"\w+")
WORD_START = re.compile(r"(?<![\w-])\w+")  # a word not glued to the one before
NAME_END = re.compile(r"(?![\w-])")


def name_index(graph: Graph) -> dict[str, Any]:
    """Name as written in text -> record. Short names only when unambiguous enough."""
    names: dict[str, Any] = {}
    for person in graph.persons.values():
        names[person.name] = person
    for org in graph.organisations.values():
        names[org.name] = org
        if org.short_name and len(org.short_name) >= 4 and org.short_name not in names:
            names[org.short_name] = org
    return names


class NameLinker:
    """The names of the site's people and organisations, looked up by their
    first word, so that any text is scanned once whatever the number of names."""

    def __init__(self, graph: Graph, url: Callable[[Any], str]) -> None:
        self.names = name_index(graph)
        self.url = url
        self.by_first_word: dict[str, list[str]] = {}
        for name in sorted(self.names, key=len, reverse=True):  # the longest name wins
            first = WORD.match(name)
            if first:
                self.by_first_word.setdefault(first.group(), []).append(name)

    def html(self, html: str, owner: Any = None) -> str:
        """HTML with the names it holds linked (once each, never to ``owner``)."""
        if not self.by_first_word:
            return html
        return _link(html, self.by_first_word, self.names, owner, self.url)

    def text(self, text: str | None, owner: Any = None) -> Markup:
        """A plain text field (a note) for a template: escaped, French spacing,
        names linked, as a summary's are."""
        return Markup(self.html(str(markup_escape(typo(text))), owner))


def link_bodies(graph: Graph, linker: NameLinker, fragment: Fragment = no_cache) -> None:
    """Rewrite every record's summary HTML with links to the people and
    organisations it names (once per name, never to the record itself).
    ``fragment`` may take the result from a cache."""
    if not linker.by_first_word:
        return

    def linked(record: Any) -> str:
        return linker.html(record.body_html, record)

    for record in graph.all_records():
        if record.body_html:
            record.body_html = fragment("links", record, linked)


def _link(
    html: str,
    by_first_word: dict[str, list[str]],
    names: dict[str, Any],
    owner: Any,
    url: Callable[[Any], str],
) -> str:
    seen: set[int] = set()
    depth = 0  # inside an existing <a>
    out = []
    for part in TAG_OR_TEXT.split(html):
        if part.startswith("<"):
            if part.startswith("<a"):
                depth += 1
            elif part.startswith("</a"):
                depth -= 1
            out.append(part)
            continue
        if depth:
            out.append(part)
            continue
        done = 0  # text up to here is already in ``out``
        matched = 0  # end of the last name found (linked or not)
        for word in WORD_START.finditer(part):
            start = word.start()
            if start < matched:
                continue  # inside a name already found
            for name in by_first_word.get(word.group(), ()):
                end = start + len(name)
                if part.startswith(name, start) and NAME_END.match(part, end):
                    matched = end
                    target = names[name]
                    if target is not owner and id(target) not in seen:
                        seen.add(id(target))
                        out.append(part[done:start])
                        out.append(f'<a href="{escape(url(target))}">{name}</a>')
                        done = end
                    break
        out.append(part[done:])
    return "".join(out)
