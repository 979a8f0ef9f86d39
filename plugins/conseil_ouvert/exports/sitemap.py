"""Files at the site root: sitemap.xml and robots.txt from the pages actually
written, and the theme's root files (favicon, _headers for static hosts)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape


def page_urls(output: Path) -> list[str]:
    urls = []
    for page in sorted(output.rglob("index.html")):
        relative = page.relative_to(output).parent.as_posix()
        urls.append("/" if relative == "." else f"/{relative}/")
    return urls


def write_root_files(pelican: Any) -> None:
    """Signal ``finalized``: theme root files, sitemap and robots.txt."""
    output = Path(pelican.output_path)
    root_files = Path(pelican.theme) / "root"
    if root_files.is_dir():
        for path in sorted(root_files.iterdir()):
            shutil.copyfile(path, output / path.name)
    origin = pelican.settings.get("SITE_ORIGIN", "")
    entries = "".join(
        f"<url><loc>{escape(origin + url)}</loc></url>\n" for url in page_urls(output)
    )
    (output / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</urlset>\n",
        encoding="utf-8",
    )
    (output / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\nDisallow: /recherche/\nSitemap: {origin}/sitemap.xml\n",
        encoding="utf-8",
    )
