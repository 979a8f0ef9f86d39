"""Draft deliberation files from a council's SCDL « Délibérations » CSV.

Only rows whose object mentions surveillance keywords are kept. Drafts carry
``brouillon: true``: they are checked like any file but not published until a
volunteer has reviewed them against the source and removed that line.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from .loading import HeaderLoader, content_files, split_file
from .scaffold import dump_value
from .urls import slugify

DEFAULT_KEYWORDS = (
    "vidéoprotection",
    "vidéosurveillance",
    "vidéo-protection",
    "vidéo-surveillance",
    "caméra",
    "supervision urbaine",
    "reconnaissance faciale",
    "drone",
)


@dataclass
class ImportReport:
    written: list[Path]
    skipped_existing: list[str]
    ignored_rows: int


def existing_numbers(content: Path) -> set[str]:
    import yaml

    numbers = set()
    for kind, rel in content_files(content):
        if kind != "deliberations":
            continue
        path = content.parent / rel
        header, _, _, problems = split_file(path.read_bytes(), str(path))
        if problems:
            continue
        try:
            data = yaml.load(header, Loader=HeaderLoader)
        except yaml.YAMLError:
            continue
        if isinstance(data, dict) and data.get("numero"):
            numbers.add(str(data["numero"]).casefold())
    return numbers


def read_rows(csv_bytes: bytes) -> list[dict[str, str]]:
    text = csv_bytes.decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    return list(csv.DictReader(io.StringIO(text), dialect=dialect))


def matches(row: dict[str, str], keywords: tuple[str, ...]) -> bool:
    haystack = " ".join([row.get("DELIB_OBJET", ""), row.get("DELIB_MATIERE_NOM", "")]).casefold()
    return any(re.search(re.escape(k.casefold()), haystack) for k in keywords)


def count(value: str | None) -> int | str:
    value = (value or "").strip()
    return int(value) if value.isdigit() else "inconnu"


def draft_for(row: dict[str, str], body: str, city: str, source: str) -> str:
    counts = {
        "pour": count(row.get("VOTE_POUR")),
        "contre": count(row.get("VOTE_CONTRE")),
        "abstention": count(row.get("VOTE_ABSTENTION")),
        "ne_prend_pas_part": "inconnu",
    }
    known = any(isinstance(v, int) for v in counts.values())
    header = {
        "numero": row["DELIB_ID"].strip(),
        "organe": body,
        "ville": city,
        "date": row["DELIB_DATE"].strip(),
        "titre": row["DELIB_OBJET"].strip(),
        "resultat": "inconnue",
        "votes": {**counts, **({"source": source} if known else {})},
        "brouillon": True,
        "sources": [source],
    }
    if row.get("DELIB_URL", "").strip().startswith(("http://", "https://")):
        header["documents"] = [
            {"titre": "Délibération (données ouvertes)", "url": row["DELIB_URL"].strip()}
        ]
    lines = ["---", "# Brouillon importé des données ouvertes SCDL : relisez chaque champ avec la"]
    lines.append("# délibération elle-même, écrivez le résumé, puis supprimez « brouillon: true ».")
    lines += [f"{key}: {dump_value(value)}" for key, value in header.items()]
    lines.append("---")
    lines.append(
        f"Brouillon : objet publié par {row.get('COLL_NOM', 'la collectivité')}, à résumer."
    )
    return "\n".join(lines) + "\n"


def import_scdl(
    csv_path: Path,
    content: Path,
    body: str,
    city: str,
    source: str,
    keywords: tuple[str, ...] = DEFAULT_KEYWORDS,
) -> ImportReport:
    known = existing_numbers(content)
    written: list[Path] = []
    skipped: list[str] = []
    ignored = 0
    for row in read_rows(csv_path.read_bytes()):
        if not matches(row, keywords) or not row.get("DELIB_ID", "").strip():
            ignored += 1
            continue
        number = row["DELIB_ID"].strip()
        if number.casefold() in known:
            skipped.append(number)
            continue
        target = content / "deliberations" / city / f"{slugify(number)}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(draft_for(row, body, city, source), encoding="utf-8")
        known.add(number.casefold())
        written.append(target)
    return ImportReport(written, skipped, ignored)
