"""SCDL « Délibérations » 2.1.5 CSV, one file per deliberating body and one for all.

The standard requires COLL_SIRET and an ACTES subject code; neither may be
guessed. A deliberation is exported only when its body has a sourced SIRET,
it has a sourced ACTES code and a full date; every other one is listed as
left out, with the reason, on the « Données » page and as a build warning.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ..format.model import Deliberation
from ..reading.graph import Graph
from ..site.incremental import Fragment, no_cache

COLUMNS = [
    f["name"]
    for f in json.loads(
        resources.files("conseil_ouvert")
        .joinpath("schemas/scdl-deliberations-2.1.5.json")
        .read_text()
    )["fields"]
]


@dataclass
class LeftOut:
    deliberation: Deliberation
    reasons: list[str]


def missing_for_scdl(graph: Graph, delib: Deliberation) -> list[str]:
    body = graph.organisations[delib.body]
    reasons = []
    if not (body.siret and body.siret_source):
        reasons.append(f"pas de SIRET sourcé pour « {body.name} »")
    if not (delib.actes_code and delib.actes_name and delib.actes_source):
        reasons.append("pas de code matière ACTES publié par une source")
    if not delib.date or delib.date.precision != "day":
        reasons.append("date de séance non connue au jour près")
    elif delib.date_basis:
        reasons.append("date de séance déduite, pas publiée telle quelle par une source")
    if not delib.number:
        reasons.append("numéro officiel non publié")
    return reasons


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def row(graph: Graph, delib: Deliberation) -> dict[str, str]:
    body = graph.organisations[delib.body]
    years = sorted({a.budget_year for a in delib.amounts if a.budget_year})
    urls = [d.url for d in delib.documents if d.url]
    return {
        "COLL_NOM": body.name,
        "COLL_SIRET": _cell(body.siret),
        "DELIB_ID": _cell(delib.number),
        "DELIB_DATE": delib.date.iso() if delib.date else "",
        "DELIB_MATIERE_CODE": _cell(delib.actes_code),
        "DELIB_MATIERE_NOM": _cell(delib.actes_name),
        "DELIB_OBJET": delib.title,
        "BUDGET_ANNEE": str(years[0]) if len(years) == 1 else "",
        "BUDGET_NOM": "",
        "PREF_ID": "",
        "PREF_DATE": "",
        "VOTE_EFFECTIF": _cell(body.seats),
        "VOTE_REEL": "",
        "VOTE_POUR": _cell(delib.counts.yes),
        "VOTE_CONTRE": _cell(delib.counts.no),
        "VOTE_ABSTENTION": _cell(delib.counts.abstain),
        "DELIB_URL": urls[0] if urls else "",
    }


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """A text cell that a spreadsheet will not run as a formula: OWASP's advice
    on CSV injection is to prefix such a cell with a single quote. Numbers and
    dates never start so; a title or a name might."""
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_lines(rows: list[dict[str, str]], header: bool = False) -> str:
    """Rows as CSV text (RFC 4180 line ends), with the header line if asked."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    if header:
        writer.writeheader()
    writer.writerows({k: spreadsheet_safe(v) for k, v in row.items()} for row in rows)
    return buffer.getvalue()


def scdl_files(graph: Graph, fragment: Fragment = no_cache) -> tuple[dict[str, str], list[LeftOut]]:
    """CSV text per body id (and « tout » for all), and what had to be left out.
    Each deliberation's line is made once (``fragment`` may take it from a cache)."""
    header = csv_lines([], header=True)
    per_body: dict[str, list[str]] = {
        org.id: [] for org in graph.organisations.values() if org.classification == "conseil"
    }
    every: list[str] = []
    left_out = []
    for delib in sorted(graph.deliberations.values(), key=lambda d: (d.body, d.id)):
        reasons = missing_for_scdl(graph, delib)
        if reasons:
            left_out.append(LeftOut(delib, reasons))
            continue
        line = fragment("scdl", delib, lambda d: csv_lines([row(graph, d)]))
        per_body[delib.body].append(line)
        every.append(line)
    files = {body: header + "".join(lines) for body, lines in sorted(per_body.items())}
    files["tout"] = header + "".join(every)
    return files, left_out
