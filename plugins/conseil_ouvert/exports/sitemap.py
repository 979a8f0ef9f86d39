"""Files at the site root: sitemap.xml and robots.txt from the pages actually
written, and the theme's root files (favicon, _headers for static hosts)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from ..build.output import site_writer


def page_urls(files: set[str]) -> list[str]:
    urls = []
    for relative in sorted(files):
        if relative == "index.html":
            urls.append("/")
        elif relative.endswith("/index.html"):
            urls.append("/" + relative.removesuffix("index.html"))
    return urls


def write_root_files(pelican: Any) -> None:
    """Signal ``finalized``: theme root files, sitemap and robots.txt."""
    writer = site_writer(pelican.settings)
    root_files = Path(pelican.theme) / "root"
    if root_files.is_dir():
        for path in sorted(root_files.iterdir()):
            writer.write_text(path.name, path.read_text(encoding="utf-8"))
    origin = pelican.settings.get("SITE_ORIGIN", "")
    entries = "".join(
        f"<url><loc>{escape(origin + url)}</loc></url>\n" for url in page_urls(writer.files)
    )
    writer.write_text(
        "sitemap.xml",
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</urlset>\n",
    )
    writer.write_text(
        "robots.txt",
        f"User-agent: *\nAllow: /\nDisallow: /recherche/\nSitemap: {origin}/sitemap.xml\n",
    )
