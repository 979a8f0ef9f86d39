"""Draft deliberation files from a council's SCDL « Délibérations » CSV.

Rows whose subject mentions surveillance are kept: words and word stems are
compared without accents or case (« VIDEOPROTECTION », « caméras », « Centre
de supervision urbain », « LAPI »). Every SCDL field goes into the draft, where
our format has a place for it, else into the draft's text. Drafts carry
``brouillon: true``: they are checked like any file but not published until a
volunteer has reviewed them against the source and removed that line.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..format.kinds.shared import ACTES_CODE
from ..format.urls import slugify
from ..reading.loading import HeaderLoader, content_files, split_file
from .scaffold import dump_value, render

# Stems: « camera » also finds « caméras », « drone » « drones ». Keywords of
# four letters or fewer (acronyms) must be whole words: « lapi », not « lapin ».
DEFAULT_KEYWORDS = (
    "vidéoprotection",
    "vidéo-protection",
    "vidéosurveillance",
    "vidéo-surveillance",
    "vidéoverbalisation",
    "vidéo-verbalisation",
    "caméra",
    "supervision urbain",
    "centre de supervision",
    "CSU",
    "reconnaissance faciale",
    "drone",
    "LAPI",
    "lecture automatisée des plaques",
)
SEARCHED = ("DELIB_OBJET", "DELIB_MATIERE_NOM")


def folded(text: str) -> str:
    """Lower case, no accents, words separated by one space."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.split(r"[^a-z0-9]+", plain.casefold())).strip()


def keyword_pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    parts = []
    for keyword in keywords:
        word = folded(keyword)
        if word:
            parts.append(rf"\b{re.escape(word)}\b" if len(word) <= 4 else rf"\b{re.escape(word)}")
    return re.compile("|".join(parts) or r"(?!)")


# Without these, a row cannot become a draft (title, date, number).
REQUIRED_COLUMNS = ("DELIB_ID", "DELIB_DATE", "DELIB_OBJET")


@dataclass
class ImportReport:
    written: list[Path] = field(default_factory=list)
    skipped_existing: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # row, why
    ignored_rows: int = 0  # unrelated to surveillance
    created: list[Path] = field(default_factory=list)  # e.g. the source's file
    unreadable: str | None = None  # why the file gave no row at all


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
    """Rows with upper-case column names; UTF-8 (with or without BOM) or
    Windows-1252, « ; », « , » or tab separators, any line ending."""
    try:
        text = csv_bytes.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = csv_bytes.decode("cp1252")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    first = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first.count)
    rows = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    return [
        {(k or "").strip().upper(): (v or "").strip() for k, v in row.items() if k} for row in rows
    ]


def matches(row: dict[str, str], pattern: re.Pattern[str]) -> bool:
    return bool(pattern.search(folded(" ".join(row.get(k, "") for k in SEARCHED))))


def iso_date(value: str) -> str | None:
    """AAAA-MM-JJ from AAAA-MM-JJ or JJ/MM/AAAA (also JJ-MM-AAAA, JJ.MM.AAAA)."""
    value = value.strip().split("T")[0].split(" ")[0]
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", value)
    if match:
        value = f"{match[3]}-{int(match[2]):02d}-{int(match[1]):02d}"
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        return None


def count(value: str | None) -> int | str:
    value = (value or "").strip()
    return int(value) if value.isdigit() else "inconnu"


def draft_for(row: dict[str, str], body: str, city: str, source: str, date: str) -> str:
    """The draft file of one row: every SCDL field has its place."""
    counts: dict[str, object] = {
        "pour": count(row.get("VOTE_POUR")),
        "contre": count(row.get("VOTE_CONTRE")),
        "abstention": count(row.get("VOTE_ABSTENTION")),
        "ne_prend_pas_part": "inconnu",
    }
    if any(isinstance(v, int) for v in counts.values()):
        counts["source"] = source
    members, voting = row.get("VOTE_EFFECTIF", ""), row.get("VOTE_REEL", "")
    if members or voting:
        counts["note"] = (
            f"Données ouvertes SCDL : effectif du conseil {members or 'non publié'}, "
            f"votants {voting or 'non publié'}."
        )
    header: dict[str, object] = {
        "numero": row["DELIB_ID"],
        "organe": body,
        "ville": city,
        "date": date,
        "titre": row.get("DELIB_OBJET") or row["DELIB_ID"],
        "resultat": "inconnue",
        "votes": counts,
    }
    if row.get("DELIB_URL", "").startswith(("http://", "https://")):
        header["documents"] = [
            {"titre": "Délibération (données ouvertes)", "url": row["DELIB_URL"], "source": source}
        ]
    if row.get("PREF_ID") or row.get("PREF_DATE"):
        received = iso_date(row.get("PREF_DATE", ""))
        follow_up: dict[str, object] = {
            "type": "controle-legalite",
            "titre": "Transmission au contrôle de légalité"
            + (f" (accusé de réception {row['PREF_ID']})" if row.get("PREF_ID") else ""),
        }
        if received:
            follow_up["date"] = received
        header["suites"] = [{**follow_up, "source": source}]
    code = row.get("DELIB_MATIERE_CODE", "")
    if ACTES_CODE.pattern.match(code):  # the pattern the format declares
        header["code_actes"] = code
    if row.get("DELIB_MATIERE_NOM"):
        header["matiere_actes"] = row["DELIB_MATIERE_NOM"][:200]
    if "code_actes" in header or "matiere_actes" in header:
        header["code_actes_source"] = source
    header |= {"brouillon": True, "sources": [source]}
    lines = ["---", "# Brouillon importé des données ouvertes SCDL : relisez chaque champ avec la"]
    lines.append("# délibération elle-même, écrivez le résumé, puis supprimez « brouillon: true ».")
    lines += [f"{key}: {dump_value(value)}" for key, value in header.items()]
    lines.append("---")
    facts = [f"objet publié par {row.get('COLL_NOM') or 'la collectivité'}"]
    if row.get("COLL_SIRET"):
        facts.append(
            f"SIRET de la collectivité : {row['COLL_SIRET']} (à reporter, avec sa source, "
            f"dans la fiche de l'organisation {body})"
        )
    if code and "code_actes" not in header:
        facts.append(f"code matière publié : {code}")
    if row.get("BUDGET_ANNEE") or row.get("BUDGET_NOM"):
        budget = " ".join(v for v in (row.get("BUDGET_NOM"), row.get("BUDGET_ANNEE")) if v)
        facts.append(f"budget : {budget}")
    lines.append(f"Brouillon à résumer. Données ouvertes SCDL : {' ; '.join(facts)}.")
    return "\n".join(lines) + "\n"


def import_scdl(
    csv_path: Path,
    content: Path,
    body: str,
    city: str,
    source: str,
    keywords: tuple[str, ...] = DEFAULT_KEYWORDS,
    publication: str | None = None,
) -> ImportReport:
    """Write a draft per new surveillance row; create the source if ``publication``
    names it (as ``new --publication`` does)."""
    report = ImportReport()
    rows = read_rows(csv_path.read_bytes())
    missing = [c for c in REQUIRED_COLUMNS if rows and c not in rows[0]]
    if not rows or missing:
        why = (
            f"colonnes SCDL absentes : {', '.join(missing)} (séparateur reconnu : la "
            "première ligne doit nommer les colonnes du schéma SCDL)"
            if missing
            else "aucune ligne lue : le fichier est vide ou n'a qu'une ligne d'en-tête"
        )
        report.unreadable = why
        return report  # nothing written, not even the source
    source_file = content / "sources" / f"{source}.md"
    if not source_file.exists() and publication:
        source_file.parent.mkdir(parents=True, exist_ok=True)
        source_file.write_text(render("sources", {"publication": publication}), encoding="utf-8")
        report.created.append(source_file)
    known = existing_numbers(content)
    pattern = keyword_pattern(keywords)
    for index, row in enumerate(rows, start=2):
        number = row.get("DELIB_ID", "")
        where = f"ligne {index}" + (f" ({number})" if number else "")
        if not matches(row, pattern):
            report.ignored_rows += 1
            continue
        if not number:
            report.skipped.append((where, "DELIB_ID vide : pas de numéro officiel"))
            continue
        if number.casefold() in known:
            report.skipped_existing.append(number)
            continue
        date = iso_date(row.get("DELIB_DATE", ""))
        if date is None:
            why = f"DELIB_DATE illisible : {row.get('DELIB_DATE', '')!r}"
            report.skipped.append((where, why))
            continue
        target = content / "deliberations" / city / f"{slugify(number)}.md"
        if not slugify(number):
            report.skipped.append((where, "DELIB_ID sans lettre ni chiffre : pas d'adresse"))
            continue
        if target.exists():  # a published file, or another number with the same address
            why = f"{target.relative_to(content.parent)} existe déjà : rien n'est écrasé"
            report.skipped.append((where, why))
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(draft_for(row, body, city, source, date), encoding="utf-8")
        known.add(number.casefold())
        report.written.append(target)
    return report
