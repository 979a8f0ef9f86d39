"""Editorial pages (``content/pages/``), which Pelican reads itself: their HTML
is cleaned like a record's summary, and their addresses may not take one of
the site's own folders or another page's."""

from __future__ import annotations

import os
from typing import Any

from pelican.contents import Page

from ..format.problems import Problem
from ..format.urls import SITE_FOLDERS
from .markup import sanitise


def sanitise_page(instance: Any) -> None:
    """Signal ``content_object_init``: an editorial page publishes no script,
    style, form or event handler, whatever its Markdown holds."""
    if isinstance(instance, Page) and instance._content:
        instance._content = sanitise(instance._content, editorial=True)


def page_clashes(context: dict[str, Any], content: str) -> list[Problem]:
    """Editorial pages written over a section of the site or over each other."""
    problems = []
    taken: dict[str, str] = {}
    pages = [
        *context.get("pages", ()),
        *context.get("hidden_pages", ()),
        *context.get("draft_pages", ()),
    ]
    for page in pages:
        rel = os.path.relpath(page.source_path, os.path.dirname(content))
        save_as = page.save_as or ""
        top = save_as.split("/", 1)[0]
        if top in SITE_FOLDERS:
            problems.append(
                Problem(
                    rel,
                    None,
                    "Slug",
                    f"l'adresse /{top}/ appartient au site (section, données ou recherche)",
                    "choisissez un autre Slug pour cette page",
                )
            )
        elif save_as and taken.setdefault(save_as, rel) != rel:
            problems.append(
                Problem(
                    rel,
                    None,
                    "Slug",
                    f"même adresse que {taken[save_as]}",
                    "donnez à chaque page un Slug différent",
                )
            )
    return problems
