"""Rules a file cannot check alone: every reference names an existing record,
and rules across fields and files (outcome against counts, dates in order,
inferred dates with the source's words…). Checks a reviewer would make across
records are in ``checks``.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from typing import Any

from ..format.model import Deliberation, Organisation
from ..format.problems import Problem
from .loading import Loaded, field_line


def check_rules(loaded: Loaded, today: dt.date) -> None:
    """Rules that need more than one field or more than one file."""
    records = loaded.records
    problems = loaded.problems
    known = {kind: set(ids) for kind, ids in loaded.files.items()}
    for kind, ref_id, rel, path in loaded.refs:
        if ref_id not in known[kind]:
            close = difflib.get_close_matches(ref_id, known[kind], n=1, cutoff=0.7)
            hint = f"vouliez-vous dire « {close[0]} » ? Sinon, " if close else ""
            problems.append(
                Problem(
                    rel,
                    field_line(loaded, rel, path),
                    path,
                    f"« {ref_id} » n'existe pas dans content/{kind}/",
                    f"{hint}créez content/{kind}/{ref_id}.md ou corrigez l'identifiant",
                )
            )

    def add(record: object, path: str, message: str, fix: str) -> None:
        rel = record.path  # type: ignore[attr-defined]
        problems.append(Problem(rel, field_line(loaded, rel, path), path, message, fix))

    organisations: dict[str, Organisation] = records["organisations"]
    numbers: dict[tuple[str, str], Deliberation] = {}
    for delib in records["deliberations"].values():
        if delib.number:
            key = (delib.city, delib.number.casefold())
            if key in numbers:
                add(
                    delib,
                    "numero",
                    f"numéro officiel {delib.number} déjà utilisé par {numbers[key].path}",
                    "chaque délibération a un numéro unique : corrigez-le ou fusionnez les deux",
                )
            numbers[key] = delib
        body = organisations.get(delib.body)
        if body and body.classification != "conseil":
            add(
                delib,
                "organe",
                f"« {delib.body} » n'est pas un conseil",
                "indiquez le conseil qui a voté",
            )
        counts = delib.counts
        if counts.yes is not None and counts.no is not None:
            if delib.outcome == "adoptee" and counts.yes <= counts.no:
                add(
                    delib,
                    "votes",
                    "délibération adoptée avec moins de voix pour que contre",
                    "vérifiez le décompte ou le champ resultat",
                )
            if delib.outcome == "rejetee" and counts.yes > counts.no:
                add(
                    delib,
                    "votes",
                    "délibération rejetée avec plus de voix pour que contre",
                    "vérifiez le décompte ou le champ resultat",
                )
        if counts.known() and not counts.source:
            add(
                delib,
                "votes.source",
                "un décompte sans source",
                "ajoutez « source: » sous « votes: »",
            )
        for i, position in enumerate(delib.group_positions):
            group = organisations.get(position.organisation)
            if group and group.classification not in {"groupe", "parti"}:
                add(
                    delib,
                    f"positions_groupes[{i}].groupe",
                    f"« {group.id} » n'est pas un groupe",
                    "indiquez un groupe politique ou un parti",
                )
    drafts = {d.id for d in records["deliberations"].values() if d.draft}
    for record in (*records["citations"].values(), *records["evenements"].values()):
        if record.deliberation in drafts:
            add(
                record,
                "deliberation",
                f"« {record.deliberation} » est un brouillon",
                "publiez la délibération (supprimez « brouillon: true ») ou retirez le lien",
            )
    for quote in records["citations"].values():
        if quote.id == "ville":
            add(
                quote,
                "nom du fichier",
                "« ville » est réservé aux listes par ville",
                "renommez le fichier",
            )
        if not quote.person and not quote.organisation:
            add(
                quote,
                "personne",
                "citation sans orateur",
                "indiquez « personne: » ou « organisation: »",
            )
        if quote.text.startswith(("«", '"', "“")):
            add(
                quote,
                "texte",
                "guillemets dans le texte",
                "écrivez le texte sans « » : le site les ajoute",
            )
    check_derivations(records, add)
    for person in records["personnes"].values():
        for i, membership in enumerate(person.memberships):
            if membership.start and membership.end and membership.end < membership.start:
                add(
                    person,
                    f"appartenances[{i}].fin",
                    "fin avant le début",
                    "vérifiez les deux dates",
                )


def check_derivations(records: dict[str, dict[str, Any]], add: Callable[..., None]) -> None:
    """What the site derives must not say more than its sources: an inferred
    date says what the source wrote, a département names its reference source."""
    dated = ("deliberations", "citations", "evenements")
    for kind in dated:
        for record in records[kind].values():
            follow_ups = getattr(record, "follow_ups", [])
            items = [("", record), *((f"suites[{i}].", f) for i, f in enumerate(follow_ups))]
            for prefix, item in items:
                if item.date_basis and not (item.date and item.date_note):
                    add(
                        record,
                        f"{prefix}date_origine",
                        "une date déduite sans la date ou sans ce que dit la source",
                        "ajoutez « date: » et « precision_date: » (les mots de la source)",
                    )
    for city in records["villes"].values():
        if city.department and not city.department_source:
            add(
                city,
                "departement",
                "un département sans source",
                "ajoutez « departement_source: » (un référentiel officiel) ou retirez-le",
            )
    for source in records["sources"].values():
        if source.part_of == source.id:
            add(source, "extrait_de", "une source extraite d'elle-même", "corrigez le champ")
