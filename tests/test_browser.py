"""What a reader gets in a real browser (Debian's Chromium through Playwright):
accessible, private, within its own host, usable at 320 px and by keyboard.

Screenshots of every page kind at 320 px and 1280 px are written to
test-artifacts/screenshots/ for a person to look at.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from corpus import CSU, DCM, MAYOR, OPPONENT, REPORTED, VERBATIM

from conftest import ROOT, Site
from serving import serve

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"

# One page of every kind the site has (kind -> path), on the fictional corpus
# (tests/corpus.py); the real content's pages are checked by
# test_the_real_contents_heaviest_pages_are_accessible_and_fit.
PAGE_KINDS = {
    "accueil": "/",
    "deliberations": "/deliberations/",
    "deliberations-ville": "/deliberations/brumeval/",
    "deliberation": DCM,
    "deliberation-groupes": CSU,
    "citations": "/citations/",
    "citations-ville": "/citations/ville/brumeval/",
    "citation": f"/citations/{VERBATIM}/",
    "position": f"/citations/{REPORTED}/",
    "personnes": "/personnes/",
    "personne": f"/personnes/{MAYOR}/",
    "organisations": "/organisations/",
    "organisation": "/organisations/parti-de-l-exemple/",
    "villes": "/villes/",
    "ville": "/villes/brumeval/",
    "ville-clairport": "/villes/clairport/",
    "themes": "/themes/",
    "theme": "/themes/reconnaissance-faciale/",
    "chronologie": "/chronologie/",
    "evenement": "/evenements/brumeval-marche-public-1600-cameras-2022/",
    "comparaison": "/comparaison/",
    "comparaison-triee": "/comparaison/par-cameras/",
    "sources": "/sources/",
    "source": "/sources/quotidien-fictif-2022-07/",
    "donnees": "/donnees/",
    "recherche": "/recherche/?q=T%C3%A9moin",
    "a-propos": "/a-propos/",
    "contribuer": "/contribuer/",
    "format": "/contribuer/format/",
    "accessibilite": "/accessibilite/",
    "mentions-legales": "/mentions-legales/",
    "erreur-404": "/404.html",
}


def _browser_or_skip():  # pragma: no cover - depends on the machine
    if not Path(CHROMIUM).exists():
        message = (
            "Chromium is not installed: browser tests skipped. Install it as root with "
            "`apt-get install chromium` (./tasks test does it when run as root)."
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    return sync_playwright


@pytest.fixture(scope="module")
def base_url(corpus_site: Site) -> Iterator[str]:
    """The fictional corpus, served: tests that name records read it."""
    server, url = serve(corpus_site.output)
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_playwright = _browser_or_skip()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


def wait_until(page: object, expression: str, seconds: float = 10) -> None:
    """Poll from the test side: Playwright's in-page polling needs eval, which our
    Content-Security-Policy rightly forbids."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"timed out waiting for {expression}"
        time.sleep(0.05)


class Visit:
    """A page opened at a width, with every request and console message kept."""

    def __init__(self, browser: object, url: str, width: int) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.console: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: self.console.append(message.text))
        self.page.goto(url, wait_until="networkidle")

    def __enter__(self) -> Visit:
        return self

    def __exit__(self, *exc: object) -> None:
        self.context.close()


@pytest.mark.browser
@pytest.mark.parametrize("kind", PAGE_KINDS, ids=list(PAGE_KINDS))
def test_page_kind_is_accessible_private_and_fits(browser, base_url: str, kind: str) -> None:
    check_page(browser, base_url, PAGE_KINDS[kind], kind)


def check_page(browser: object, base_url: str, path: str, name: str) -> None:
    """At 320 and 1280 px: no other host, no CSP violation, no cookie, no
    horizontal scroll, no axe violation; a screenshot for a person to look at."""
    from axe_playwright_python.sync_playwright import Axe

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    url = base_url + path
    host = urlsplit(base_url).netloc
    for width in (320, 1280):
        with Visit(browser, url, width) as visit:
            page = visit.page
            if name == "recherche":
                page.wait_for_selector("#search-results li", timeout=10_000)
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
            foreign = [r for r in visit.requests if urlsplit(r).netloc not in {host, ""}]
            assert not foreign, f"requests to other hosts: {foreign}"
            csp = [m for m in visit.console if "Content Security Policy" in m or "Refused to" in m]
            assert not csp, csp
            assert page.evaluate("document.cookie") == ""
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{overflow}px of horizontal scroll at {width}px"
            results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
            assert results.violations_count == 0, results.generate_report()


def check_pages_of(browser: object, site: Site, paths: tuple[str, ...], prefix: str) -> None:
    """``check_page`` on pages of a site other than the fictional corpus."""
    server, url = serve(site.output)
    try:
        for path in paths:
            check_page(browser, url, path, prefix + path.strip("/").replace("/", "-"))
    finally:
        server.shutdown()


@pytest.mark.browser
def test_the_real_contents_heaviest_pages_are_accessible_and_fit(browser, site: Site) -> None:
    """Whatever the content holds: the heaviest page of each kind of record (the
    one most likely to overflow a phone's screen), and the first page of the
    long lists."""
    paths = ["/chronologie/", "/sources/", "/personnes/", "/comparaison/"]
    for pattern in (
        "deliberations/*/*/index.html",
        *(f"{kind}/*/index.html" for kind in RECORD_FOLDERS),
        "villes/*/chronologie/index.html",
    ):
        pages = [p for p in site.output.glob(pattern) if "/page/" not in p.as_posix()]
        if pages:
            heaviest = max(pages, key=lambda p: (p.stat().st_size, p.as_posix()))
            paths.append("/" + heaviest.parent.relative_to(site.output).as_posix() + "/")
    check_pages_of(browser, site, tuple(paths), "reel-")


RECORD_FOLDERS = ("citations", "personnes", "organisations", "villes", "themes", "evenements")


@pytest.mark.browser
def test_paginated_lists_are_accessible_and_fit(browser, paged: Site) -> None:
    paths = ("/personnes/page/2/", "/comparaison/par-montants/page/2/", "/donnees/villes/")
    check_pages_of(browser, paged, paths, "liste-paginee-")


@pytest.mark.browser
def test_a_records_own_lists_are_accessible_and_fit(browser, busy: tuple[Path, Site]) -> None:
    paths = (
        "/personnes/personne-0-1/votes/page/2/",
        "/organisations/conseil-ville-synthetique-0/deliberations/",
        "/citations/ville/ville-synthetique-0/page/2/",
        "/personnes/personne-0-2/citations/page/2/",
        "/themes/videosurveillance/deliberations/",
    )
    check_pages_of(browser, busy[1], paths, "liste-fiche-")


@pytest.mark.browser
def test_only_the_search_page_runs_javascript(browser, base_url: str, site: Site) -> None:
    """Over the real content: no page but the search page carries a script."""
    for path in site.html_files():
        html = path.read_text(encoding="utf-8")
        relative = path.relative_to(site.output).as_posix()
        if relative == "recherche/index.html":
            assert 'src="/theme/js/search.js"' in html
            continue
        assert "<script src" not in html and "<script>" not in html, relative


@pytest.mark.browser
def test_skip_link_works_with_the_keyboard(browser, base_url: str) -> None:
    with Visit(browser, base_url + DCM, 320) as visit:
        page = visit.page
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent.trim()")
        assert focused == "Aller au contenu"
        assert page.evaluate("getComputedStyle(document.activeElement).left") != "-15984px"
        box = page.evaluate("document.activeElement.getBoundingClientRect().left")
        assert box >= 0  # visible when focused
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == "#contenu"
        assert page.evaluate("document.activeElement.id") == "contenu"
        page.keyboard.press("Tab")
        inside = page.evaluate(
            "document.getElementById('contenu').contains(document.activeElement)"
        )
        assert inside


@pytest.mark.browser
def test_searching_a_name_finds_the_quote(browser, base_url: str) -> None:
    with Visit(browser, base_url + "/recherche/", 1280) as visit:
        page = visit.page
        page.fill("#q", "Témoin")
        page.click("button[type=submit]")
        page.wait_for_selector("#search-results li", timeout=10_000)
        links = page.eval_on_selector_all("#search-results a", "els => els.map(e => e.href)")
        assert any(link.endswith(f"/citations/{VERBATIM}/") for link in links), links
        kinds = page.eval_on_selector_all(".result-kind", "els => els.map(e => e.textContent)")
        assert "citation" in kinds
        assert "Témoin" in page.inner_text("#search-status")
        assert "?q=T" in page.url
        quote = page.inner_text(f"#search-results li:has(a[href$='/citations/{VERBATIM}/'])")
        assert "Brumeval" in quote and "juillet 2022" in quote  # city and date on the result
        # Filtering by kind keeps only that kind.
        page.select_option("#f-type", "personne")
        page.click("button[type=submit]")
        wait_until(
            page,
            "document.getElementById('search-status').textContent.includes('résultat')"
            " && [...document.querySelectorAll('.result-kind')].length > 0"
            " && [...document.querySelectorAll('.result-kind')]"
            ".every(e => e.textContent === 'personne')",
        )
        assert page.query_selector(f"#search-results a[href$='/personnes/{OPPONENT}/']")


@pytest.mark.browser
def test_a_page_is_found_by_what_it_says_not_by_what_it_lists(browser, base_url: str) -> None:
    """« renouveler » is in the title of one Brumeval deliberation. The city page,
    its council and the video-surveillance topic list that title, but only the
    deliberation says it: it must be the only result, so lists do not bury it."""
    delib = DCM
    with Visit(browser, base_url + "/recherche/?q=renouveler", 1280) as visit:
        page = visit.page
        wait_until(page, "document.querySelectorAll('#search-results li').length > 0")
        links = page.eval_on_selector_all(".result-title a", "els => els.map(e => e.href)")
        found = [urlsplit(link).path for link in links]
        assert delib in found
        listing = {"/villes/brumeval/", "/organisations/conseil-municipal-brumeval/"}
        assert not listing & set(found), found  # pages that only list its title
        assert not any(path.startswith("/themes/") for path in found), found


@pytest.mark.browser
def test_results_come_ten_at_a_time_without_a_worker(browser, base_url: str) -> None:
    with Visit(browser, base_url + "/recherche/?q=Brumeval", 1280) as visit:
        page = visit.page
        wait_until(page, "document.querySelectorAll('#search-results li').length > 0")
        status = page.inner_text("#search-status")
        total = int(status.split()[0])
        assert total > 10, status  # the corpus has more than ten pages on Brumeval
        assert len(page.query_selector_all("#search-results li")) == 10
        more = page.locator("#search-more")
        assert more.is_visible()
        more.click()
        wait_until(page, "document.querySelectorAll('#search-results li').length > 10")
        assert len(page.query_selector_all("#search-results li")) == min(20, total)
        focused = page.evaluate("document.activeElement.closest('li') !== null")
        assert focused  # keyboard users are taken to the first new result
        assert more.is_visible() == (total > 20)
        assert not any("pagefind-worker" in url for url in visit.requests)


# Payloads that the Content-Security-Policy alone does not stop: a meta refresh,
# a referrer override, a same-origin script on the search page.
REDIRECT = '<meta http-equiv="refresh" content="0;url=https://evil.example/refresh">Budget'
REFERRER = '<meta name="referrer" content="unsafe-url">Jean Hostile'
SCRIPT = '"><script src="/theme/js/search.js"></script><script src="/x.js"></script>Ville'


@pytest.mark.browser
def test_hostile_names_leave_the_visitor_on_the_page(browser, tmp_path: Path) -> None:
    from conftest import build_site
    from conseil_ouvert.volunteer.synthetic import generate
    from serving import serve_nginx

    content = generate(tmp_path / "content", deliberations=4)
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    delib = next((content / "deliberations").rglob("*.md"))
    delib.write_text(
        delib.read_text().replace("titre: ", f"titre: '{REDIRECT}' # ", 1), encoding="utf-8"
    )
    person = content / "personnes" / "personne-0-0.md"
    person.write_text(
        person.read_text().replace("nom: ", f"nom: '{REFERRER}' # ", 1), encoding="utf-8"
    )
    city = content / "villes" / "ville-synthetique-0.md"
    city.write_text(city.read_text().replace("nom: ", f"nom: '{SCRIPT}' # ", 1), encoding="utf-8")
    output = build_site(content, tmp_path / "output", CONSEIL_OUVERT_SEARCH=True)
    delib_page = next(
        p for p in output.glob("deliberations/*/*/index.html") if "Budget" in p.read_text()
    )
    pages = [
        "/" + delib_page.parent.relative_to(output).as_posix() + "/",
        "/personnes/personne-0-0/",
        "/villes/ville-synthetique-0/",
        "/recherche/",
        "/",
    ]
    with serve_nginx(output, tmp_path / "nginx") as base:
        for path in pages:
            with Visit(browser, base + path, 1280) as visit:
                time.sleep(1.0)  # a refresh of 0 s would have fired by now
                assert visit.page.url == base + path, path
                assert all(urlsplit(u).hostname == "127.0.0.1" for u in visit.requests), path
                counts = visit.page.evaluate(
                    """() => ({
                      refresh: document.querySelectorAll('meta[http-equiv=refresh]').length,
                      referrer: [...document.querySelectorAll('meta[name=referrer]')]
                        .map(m => m.content),
                      scripts: [...document.scripts].filter(s => s.src).map(s => s.src),
                    })"""
                )
                assert counts["refresh"] == 0, path
                assert counts["referrer"] == ["no-referrer"], path
                expected = [base + "/theme/js/search.js"] if path == "/recherche/" else []
                assert counts["scripts"] == expected, path
                text = visit.page.inner_text("main")
                assert any(word in text for word in ("Budget", "Jean Hostile", "Ville")) or (
                    path == "/recherche/"
                ), path
