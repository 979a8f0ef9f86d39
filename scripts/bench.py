"""Benchmark: our build against stock Pelican (default theme) and Hugo on the
same synthetic council corpus, in one run, alternating the tools.

    ./tasks bench                      # N = 1 000, 5 000 and 20 000
    ./tasks bench --sizes 1000 --runs 1

For each tool and size it reports the median wall and CPU time and the peak
RSS of a cold build, a warm build (nothing changed) and a rebuild after
editing one deliberation; pages written, ms per page and the ratios to stock
Pelican and to Hugo; then for our site: output size, Pagefind indexing time,
index size, bytes fetched for one search, and the page-weight budgets.

Timings on these machines are noisy: compare the ratios of one run, not
figures across runs. Nothing here runs in CI.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

import yaml  # noqa: E402

from conseil_ouvert.reading.loading import HeaderLoader  # noqa: E402
from conseil_ouvert.volunteer.synthetic import generate  # noqa: E402

BIN = Path(sys.executable).parent
WORK = ROOT / "bench"
MEASURE = (
    "import resource, subprocess, sys, time, json\n"
    "t = time.perf_counter()\n"
    "out = subprocess.DEVNULL\n"
    "code = subprocess.run(sys.argv[1:], stdout=out, stderr=subprocess.PIPE).returncode\n"
    "wall = time.perf_counter() - t\n"
    "r = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(json.dumps({'code': code, 'wall': wall, 'cpu': r.ru_utime + r.ru_stime,"
    " 'rss_mb': r.ru_maxrss / 1024}))\n"
)
STOCK_SETTINGS = """
AUTHOR = "Bench"
SITENAME = "Bench"
SITEURL = ""
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
PATH = "content"
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CHECK_MODIFIED_METHOD = "sha256"
DELETE_OUTPUT_DIRECTORY = False
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
"""
# A word found on some pages (a topic), and one found on every page (worst case).
QUERIES = ("drones", "synthétique")
HUGO_CONFIG = 'baseURL = "http://localhost/"\ntitle = "Bench"\nlanguageCode = "fr"\n'
HUGO_LAYOUTS = {
    "baseof.html": '<!DOCTYPE html><html lang="fr"><head><title>{{ .Title }}</title></head>'
    '<body>{{ block "main" . }}{{ end }}</body></html>',
    "single.html": '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}',
    "list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}'
    '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}',
    "home.html": '{{ define "main" }}<h1>{{ .Site.Title }}</h1>{{ end }}',
}


def split(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    _, header, body = text.split("---\n", 2)
    return yaml.load(header, Loader=HeaderLoader), body


def convert(corpus: Path, target: Path) -> None:
    """The same deliberations as stock Pelican articles and Hugo pages."""
    pelican = target / "pelican" / "content"
    hugo = target / "hugo"
    for folder in (pelican, hugo / "content" / "deliberations", hugo / "layouts" / "_default"):
        folder.mkdir(parents=True, exist_ok=True)
    (target / "pelican" / "pelicanconf.py").write_text(STOCK_SETTINGS, encoding="utf-8")
    (hugo / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        (hugo / "layouts" / "_default" / name).write_text(text, encoding="utf-8")
    for path in sorted((corpus / "deliberations").rglob("*.md")):
        header, body = split(path)
        date = str(header["date"])
        tags = ", ".join(header.get("themes", []))
        (pelican / path.name).write_text(
            f"Title: {header['titre']}\nDate: {date}\nCategory: {header['ville']}\n"
            f"Tags: {tags}\nSlug: {path.stem}\n\n{body}",
            encoding="utf-8",
        )
        front = {
            "title": header["titre"],
            "date": date,
            "tags": header.get("themes", []),
            "categories": [header["ville"]],
        }
        (hugo / "content" / "deliberations" / path.name).write_text(
            "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body, encoding="utf-8"
        )


def measure(command: list[str], cwd: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], cwd=cwd, capture_output=True, text=True
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["code"] != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{done.stderr}")
    return result


def tree_size(folder: Path, pattern: str = "*") -> int:
    return sum(p.stat().st_size for p in folder.rglob(pattern) if p.is_file())


@dataclass
class Tool:
    """One static-site builder as the bench runs it: where it writes, what a
    cold build removes, which file the edit scenario changes, its command."""

    name: str
    output: Path
    caches: list[Path]
    edited_file: Path
    command: list[str]
    cwd: Path

    def clean(self) -> None:
        for folder in (self.output, *self.caches):
            shutil.rmtree(folder, ignore_errors=True)

    def edit(self) -> None:
        text = self.edited_file.read_text(encoding="utf-8")
        self.edited_file.write_text(
            text.replace("Résumé synthétique", "Résumé modifié", 1)
            if "Résumé synthétique" in text
            else text + "\nModifié.\n",
            encoding="utf-8",
        )

    def pages(self) -> int:
        return sum(1 for _ in self.output.rglob("*.html"))


def tools(work: Path) -> list[Tool]:
    """Ours (what ./tasks build runs: Pelican, then a quick exit), stock
    Pelican with its default theme and content cache, and Hugo."""
    ours_output = work / "ours-output"
    options = ["-s", str(ROOT / "pelicanconf.py"), "-o", str(ours_output), "-q", "-e"]
    options += [f'CACHE_PATH="{work / "ours-cache"}"', "CONSEIL_OUVERT_SEARCH=false"]
    return [
        Tool(
            "Conseil ouvert",
            ours_output,
            [work / "ours-cache"],
            next((work / "corpus" / "deliberations").rglob("dcm-synth-3.md")),
            [str(BIN / "conseil-ouvert"), "build", str(work / "corpus"), *options],
            work,
        ),
        Tool(
            "Pelican 4.12 (stock)",
            work / "pelican" / "output",
            [work / "pelican" / "cache"],
            work / "pelican" / "content" / "dcm-synth-3.md",
            [str(BIN / "pelican"), "content", "-s", "pelicanconf.py", "-q"],
            work / "pelican",
        ),
        Tool(
            "Hugo",
            work / "hugo" / "public",
            [work / "hugo" / "resources"],
            work / "hugo" / "content" / "deliberations" / "dcm-synth-3.md",
            [str(BIN / "hugo"), "--quiet", "--source", str(work / "hugo")],
            work,
        ),
    ]


def run_tool(tool: Tool) -> dict[str, dict]:
    tool.clean()
    cold = measure(tool.command, tool.cwd)
    pages = tool.pages()
    warm = measure(tool.command, tool.cwd)
    tool.edit()
    edit = measure(tool.command, tool.cwd)
    return {"cold": cold, "warm": warm, "edit": edit, "pages": pages}


def median(runs: list[dict], scenario: str, key: str) -> float:
    return statistics.median(r[scenario][key] for r in runs)


def search_figures(ours: Tool) -> dict:
    """Pagefind on the built site, and what one query costs a reader."""
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(ours.output), "--silent"], check=True
    )
    figures = {
        "pagefind_s": time.perf_counter() - t,
        "index_kb": tree_size(ours.output / "pagefind") / 1024,
    }
    figures["query_kb"] = {query: bytes_for_one_search(ours.output, query) for query in QUERIES}
    return figures


def bytes_for_one_search(site: Path, query: str = "synthétique") -> tuple[float, float] | None:
    """Kilobytes a reader fetches to load the search page and run one query:
    as served here (uncompressed) and as a gzip-compressing server sends them."""
    try:
        from playwright.sync_api import sync_playwright

        sys.path.insert(0, str(ROOT / "tests"))
        from serving import serve
    except ImportError:
        return None
    if not Path("/usr/bin/chromium").exists():
        return None
    server, url = serve(site)
    sizes: list[int] = []
    gzipped: list[int] = []

    def count(response: object) -> None:
        body = response.body() if response.ok else b""
        sizes.append(len(body))
        gzipped.append(len(gzip.compress(body, 6)))

    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=[
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                ],
            )
            page = browser.new_page()
            page.on("response", count)
            page.goto(f"{url}/recherche/?q={query}", wait_until="networkidle")
            page.wait_for_selector("#search-results li", timeout=20_000)
            browser.close()
    finally:
        server.shutdown()
    return sum(sizes) / 1024, sum(gzipped) / 1024


def weight_budgets(site: Path) -> dict:
    css = tree_size(site / "theme" / "css", "site.css") + (site / "favicon.svg").stat().st_size
    pages = [p for p in site.rglob("*.html") if "recherche" not in p.parts]
    delib = max(  # deliberation pages, not the pages of the deliberations index
        p.stat().st_size
        for p in (site / "deliberations").glob("*/*/index.html")
        if p.parent.parent.name != "page"
    )
    first_view = max(p.stat().st_size for p in pages) + css
    return {
        "max_deliberation_kb": delib / 1024,
        "max_first_view_kb": first_view / 1024,
        "output_mb": tree_size(site) / 1024 / 1024,
    }


BUDGET_SIZE = 5000


def budgets(
    runs: dict[str, list], cold: dict[str, float], weights: dict, query_kb: dict
) -> list[str]:
    """The issue's budgets, each with what was measured and whether it holds."""
    ours = runs["Conseil ouvert"]
    edit = median(ours, "edit", "wall")
    rss = median(ours, "cold", "rss_mb")
    ratio = cold["Conseil ouvert"] / cold["Pelican 4.12 (stock)"]
    searches = {q: kb for q, kb in query_kb.items() if kb}
    rows = [
        ("cold build ≤ 0.8 × stock Pelican", f"{ratio:.2f} ×", ratio <= 0.8),
        (
            "rebuild after one edit ≤ 0.15 × our cold build",
            f"{edit / cold['Conseil ouvert']:.2f} × ({edit:.2f} s)",
            edit / cold["Conseil ouvert"] <= 0.15,
        ),
        ("peak RSS ≤ 400 MB", f"{rss:.0f} MB", rss <= 400),
        (
            "deliberation page ≤ 30 KB of HTML",
            f"{weights['max_deliberation_kb']:.1f} KB",
            weights["max_deliberation_kb"] <= 30,
        ),
        (
            "first view of any non-search page ≤ 60 KB",
            f"{weights['max_first_view_kb']:.1f} KB",
            weights["max_first_view_kb"] <= 60,
        ),
    ]
    for query, (raw, gzipped) in searches.items():
        rows.append(
            (
                f"bytes fetched for one search ≤ 160 KB (« {query} »)",
                f"{gzipped:.0f} KB gzip-compressed ({raw:.0f} KB uncompressed)",
                gzipped <= 160,
            )
        )
    return [f"| {name} | {value} | {'yes' if ok else 'no'} |" for name, value, ok in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--runs", type=int, default=3, help="runs per size (median)")
    parser.add_argument("--runs-large", type=int, default=1, help="runs for N > 5 000")
    parser.add_argument("--search-only", type=Path, help="only measure one search on a built site")
    parser.add_argument("--query", default="synthétique", help="the query for --search-only")
    parser.add_argument(
        "--votes-nominatifs",
        action="store_true",
        help="a richer corpus: each councillor's vote on one deliberation in three",
    )
    args = parser.parse_args()
    if args.search_only:
        print(bytes_for_one_search(args.search_only, args.query))
        return
    report = [
        "| N | tool | cold s (CPU s, MB) | warm s | edit s | pages | ms/page (cold) "
        "| cold vs stock Pelican | cold vs Hugo | edit / own cold |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    extra = []
    verdicts: list[str] = []
    for size in args.sizes:
        work = WORK / f"n{size}"
        shutil.rmtree(work, ignore_errors=True)
        generate(work / "corpus", size, nominal_votes=args.votes_nominatifs)
        convert(work / "corpus", work)
        builders = tools(work)
        runs: dict[str, list] = {t.name: [] for t in builders}
        count = args.runs if size <= 5000 else args.runs_large
        for round_number in range(count):
            order = builders[round_number % 3 :] + builders[: round_number % 3]  # alternate
            for tool in order:
                runs[tool.name].append(run_tool(tool))
                print(f"N={size} round {round_number + 1}: {tool.name} done", file=sys.stderr)
        cold = {name: median(r, "cold", "wall") for name, r in runs.items()}
        for tool in builders:
            r = runs[tool.name]
            pages = r[0]["pages"]
            report.append(
                f"| {size} | {tool.name} | {cold[tool.name]:.2f} ({median(r, 'cold', 'cpu'):.2f}, "
                f"{median(r, 'cold', 'rss_mb'):.0f}) | {median(r, 'warm', 'wall'):.2f} | "
                f"{median(r, 'edit', 'wall'):.2f} | {pages} | "
                f"{1000 * cold[tool.name] / pages:.2f} | "
                f"{cold[tool.name] / cold['Pelican 4.12 (stock)']:.2f} | "
                f"{cold[tool.name] / cold['Hugo']:.2f} | "
                f"{median(r, 'edit', 'wall') / cold[tool.name]:.2f} |"
            )
        ours = builders[0]
        search = search_figures(ours)
        weights = weight_budgets(ours.output)
        query = " / ".join(
            f"« {q} » {kb[0]:.0f} KB ({kb[1]:.0f} KB gzip)" if kb else f"« {q} » n/a"
            for q, kb in search["query_kb"].items()
        )
        if size == BUDGET_SIZE:
            verdicts = budgets(runs, cold, weights, search["query_kb"])
        extra.append(
            f"| {size} | {weights['output_mb']:.1f} MB | {search['pagefind_s']:.2f} s | "
            f"{search['index_kb'] / 1024:.1f} MB | {query} | "
            f"{weights['max_deliberation_kb']:.1f} KB | {weights['max_first_view_kb']:.1f} KB |"
        )
    text = (
        "\n".join(report)
        + "\n\n"
        + "\n".join(
            [
                "| N | our output | Pagefind indexing | index size | bytes for one search | "
                "largest deliberation page | largest first view (HTML + CSS + icon) |",
                "|---|---|---|---|---|---|---|",
                *extra,
            ]
        )
        + "\n"
    )
    if verdicts:
        text += (
            f"\n| budget at N = {BUDGET_SIZE} | measured | holds? |\n|---|---|---|\n"
            + "\n".join(verdicts)
            + "\n"
        )
    WORK.mkdir(exist_ok=True)
    (WORK / "results.md").write_text(text, encoding="utf-8")
    print(text)
    print(f"(written to {WORK / 'results.md'}; machine: {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
