"""Every page, whatever its kind: valid HTML, no broken link, light, private."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, Site

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
HTML_BUDGET = 60 * 1024
CSS_BUDGET = 20 * 1024


def built(request: pytest.FixtureRequest, name: str) -> Site:
    """The real site, or the synthetic one whose records have long lists."""
    value = request.getfixturevalue(name)
    return value[1] if name == "busy" else value


BOTH_SITES = pytest.mark.parametrize("name", ["site", "busy"])


@BOTH_SITES
def test_html_is_valid_for_the_nu_checker(request: pytest.FixtureRequest, name: str) -> None:
    site = built(request, name)
    java = shutil.which("java")
    if not (java and VNU.exists()):
        message = (
            "Nu HTML checker not installed (needs java and `npm install`; ./tasks test does it)"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--skip-non-html", str(site.output)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-5000:]
    assert len(site.html_files()) > 100  # it did check the whole site


def _ids(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        cache[path] = {tag["id"] for tag in soup.select("[id]")}
    return cache[path]


@BOTH_SITES
def test_no_broken_internal_link_or_anchor(request: pytest.FixtureRequest, name: str) -> None:
    site = built(request, name)
    ids: dict[Path, set[str]] = {}
    broken = []
    checked = 0
    for page in site.html_files():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.select("a[href], link[href], script[src], img[src]"):
            target = tag.get("href") or tag.get("src")
            parts = urlsplit(target)
            if parts.scheme in {"http", "https"}:
                continue  # other hosts are only linked to (sources), never loaded
            assert not parts.scheme, f"{page}: unexpected link scheme {target}"
            if parts.path:
                base = site.output if parts.path.startswith("/") else page.parent
                file = (base / unquote(parts.path).lstrip("/")).resolve()
                if parts.path.endswith("/"):
                    file = file / "index.html"
            else:
                file = page
            checked += 1
            if not file.exists():
                broken.append(f"{page.relative_to(site.output)} -> {target}")
            elif (
                parts.fragment and file.suffix == ".html" and parts.fragment not in _ids(file, ids)
            ):
                broken.append(f"{page.relative_to(site.output)} -> {target} (no such anchor)")
    assert checked > 1000
    assert not broken, "\n".join(broken[:50])


def test_pages_and_css_stay_light(site: Site) -> None:
    heavy = [
        (p.relative_to(site.output).as_posix(), p.stat().st_size)
        for p in site.html_files()
        if p.stat().st_size > HTML_BUDGET
    ]
    assert not heavy, heavy
    css = list((site.output / "theme" / "css").glob("*.css"))
    assert css
    for sheet in css:
        assert sheet.stat().st_size <= CSS_BUDGET, sheet.name


def test_deliberation_pages_carry_no_javascript(site: Site) -> None:
    pages = list((site.output / "deliberations").glob("*/*/index.html"))
    assert pages
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            assert script.get("type") == "application/ld+json" and not script.get("src"), page


def test_favicon_404_and_print_stylesheet(site: Site) -> None:
    assert (site.output / "favicon.svg").is_file()
    not_found = site.page("/404.html")
    assert "Page introuvable" in not_found.get_text()
    home = site.page("/")
    assert home.select_one("link[rel=icon][href='/favicon.svg']")
    assert home.select_one("link[rel=stylesheet][media=print][href='/theme/css/print.css']")


def test_every_page_has_a_strict_csp_and_no_third_party(site: Site) -> None:
    for page in site.html_files():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        meta = soup.select_one("meta[http-equiv=Content-Security-Policy]")
        assert meta, page
        policy = meta["content"]
        assert "default-src 'none'" in policy
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
        assert soup.find(style=True) is None, f"inline style in {page}"
        assert not soup.find("style"), page
        assert soup.select_one("html[lang=fr]"), page
        for tag in soup.select("link[href], script[src], img[src], iframe, embed, object"):
            url = tag.get("href") or tag.get("src") or ""
            if tag.name == "link" and tag.get("rel") in (["canonical"],):
                continue
            assert not urlsplit(url).netloc, f"{page}: loads {url}"


def test_css_uses_system_fonts_only() -> None:
    for sheet in (ROOT / "theme" / "static" / "css").glob("*.css"):
        text = sheet.read_text(encoding="utf-8")
        assert "@font-face" not in text and "@import" not in text
        assert not re.search(r"url\(", text), sheet.name


def test_security_headers_for_static_hosts(site: Site) -> None:
    headers = (site.output / "_headers").read_text(encoding="utf-8")
    nginx = (ROOT / "docs" / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    for name in (
        "Content-Security-Policy",
        "Strict-Transport-Security",
        "X-Content-Type-Options",
        "Referrer-Policy: no-referrer",
        "Permissions-Policy",
        "frame-ancestors 'none'",
        "Cross-Origin-Resource-Policy",
    ):
        assert name in headers, name
        assert name.replace(": ", ' "') in nginx, name
