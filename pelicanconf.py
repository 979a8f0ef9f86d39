"""Pelican settings for Conseil ouvert (development build: `pelican content`)."""

from __future__ import annotations

AUTHOR = "Conseil ouvert"
SITENAME = "Conseil ouvert"
SITE_TAGLINE = "Ce que les conseils municipaux décident sur la surveillance, et qui a dit quoi"
SITEURL = ""
PATH = "content"
OUTPUT_PATH = "output"
THEME = "theme"
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["conseil_ouvert"]

# Records (deliberations, quotes, people...) are read by the plugin from their
# own folders; Pelican itself only handles the editorial pages.
ARTICLE_PATHS: list[str] = []
PAGE_PATHS = ["pages"]
STATIC_PATHS: list[str] = []
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
THEME_STATIC_DIR = "theme"

DIRECT_TEMPLATES: list[str] = []
ARTICLE_SAVE_AS = ""
ARTICLE_LANG_SAVE_AS = ""
PAGE_LANG_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

DELETE_OUTPUT_DIRECTORY = True
CACHE_CONTENT = False
CHECK_MODIFIED_METHOD = "sha256"
RELATIVE_URLS = False
MARKDOWN = {
    "extension_configs": {"markdown.extensions.extra": {}, "markdown.extensions.sane_lists": {}},
    "output_format": "html5",
}

# The open-data licence of the exports (see the « Données » page).
DATA_LICENCE = {
    "name": "Licence Ouverte / Open Licence 2.0 (Etalab)",
    "short": "Licence Ouverte 2.0",
    "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}
# Run Pagefind after the build (tests switch it off where they do not need it).
CONSEIL_OUVERT_SEARCH = True
# Absolute origin used where links must be absolute (feeds, sitemap, sharing
# tags); pages themselves link from the site root.
SITE_ORIGIN = "http://localhost:8000"

JINJA_ENVIRONMENT = {
    # Every value is escaped; trusted HTML (sanitised bodies) is marked « |safe »
    # in the templates, and the plugin enforces this whatever the settings say.
    "autoescape": True,
    "extensions": ["jinja2.ext.do"],
    "trim_blocks": True,
    "lstrip_blocks": True,
    "auto_reload": False,  # templates do not change during a build: no stat per render
}

# French formatting for every template, Pelican's own pages included.
from conseil_ouvert.format.formatting import (  # noqa: E402
    date_fr,
    dated_fr,
    euros_fr,
    number_fr,
    plural,
    sort_fr,
    typo,
)

# The format reference of « Contribuer », read from the field declarations.
from conseil_ouvert.format.reference import format_reference  # noqa: E402

JINJA_GLOBALS = {"format_reference": format_reference}

JINJA_FILTERS = {
    "date_fr": date_fr,
    "dated_fr": dated_fr,  # a record's date with its provenance (inferred, relative…)
    "euros": euros_fr,
    "number": number_fr,
    "typo": typo,
    "plural": plural,
    "sort_fr": sort_fr,
}
