"""Every name links to its page: people and organisations named in a summary
become links, so a reader can walk from any text to the records behind it.

One regular expression for all names, compiled once; each body is scanned once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from typing import Any

from .graph import Graph

TAG_OR_TEXT = re.compile(r"(<[^>]+>)")


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


def link_bodies(graph: Graph, url: Callable[[Any], str]) -> None:
    """Rewrite every record's summary HTML with links to the people and
    organisations it names (once per name, never to the record itself)."""
    names = name_index(graph)
    if not names:
        return
    pattern = re.compile(
        r"(?<![\w-])("
        + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        + r")(?![\w-])"
    )
    for record in graph.all_records():
        if record.body_html:
            record.body_html = _link(record.body_html, pattern, names, record, url)


def _link(
    html: str,
    pattern: re.Pattern[str],
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

        def replace(match: re.Match[str]) -> str:
            target = names[match.group(1)]
            if target is owner or id(target) in seen:
                return match.group(0)
            seen.add(id(target))
            return f'<a href="{escape(url(target))}">{match.group(0)}</a>'

        out.append(pattern.sub(replace, part))
    return "".join(out)
