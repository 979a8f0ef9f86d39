"""Contributed Markdown to safe HTML, with French typography.

Contributors are trusted with words, not markup: whatever HTML they write is
cleaned with an allow-list, and only http(s) and relative links survive.
"""

from __future__ import annotations

import re
from html import escape, unescape

import markdown
import nh3

from ..format.formatting import french_spacing

ALLOWED_TAGS = {
    "p", "a", "em", "strong", "ul", "ol", "li", "blockquote", "code", "pre",
    "h2", "h3", "h4", "br", "abbr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}

_md = markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")

# Editorial pages (written by the project, still cleaned) may also structure
# a long text and give its headings anchors.
EDITORIAL_TAGS = ALLOWED_TAGS | {"dl", "dt", "dd", "hr", "sup", "sub", "details", "summary"}
EDITORIAL_ATTRIBUTES = {**ALLOWED_ATTRIBUTES, **{h: {"id"} for h in ("h2", "h3", "h4")}}


def sanitise(html: str, editorial: bool = False) -> str:
    """Only the allowed tags and attributes, only http(s) and relative links."""
    return nh3.clean(
        html,
        tags=EDITORIAL_TAGS if editorial else ALLOWED_TAGS,
        attributes=EDITORIAL_ATTRIBUTES if editorial else ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def render_markdown(text: str) -> str:
    """Markdown body of a content file, as HTML safe to publish."""
    _md.reset()
    html = sanitise(_md.convert(text))
    # Typography only outside tags, so attributes and URLs stay untouched, and
    # on the text itself, so that « &amp; » never reads as a word before « ; ».
    return re.sub(r"(?<=>)([^<]+)(?=<)", _spaced, html)


def _spaced(match: re.Match[str]) -> str:
    return escape(french_spacing(unescape(match.group(1))), quote=False)
