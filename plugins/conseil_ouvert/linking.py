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

from .graph import Graph
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


def link_bodies(graph: Graph, url: Callable[[Any], str], fragment: Fragment = no_cache) -> None:
    """Rewrite every record's summary HTML with links to the people and
    organisations it names (once per name, never to the record itself).
    ``fragment`` may take the result from a cache."""
    by_first_word: dict[str, list[str]] = {}
    names = name_index(graph)
    for name in sorted(names, key=len, reverse=True):  # the longest name wins
        first = WORD.match(name)
        if first:  # a name is found by its first word
            by_first_word.setdefault(first.group(), []).append(name)
    if not by_first_word:
        return

    def linked(record: Any) -> str:
        return _link(record.body_html, by_first_word, names, record, url)

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
