"""Cross-record checks: what a careful reviewer compares between fields and files.

Each check reads the checked records and reports a :class:`Problem` (an error
that stops the build) or a warning (printed, the site is still built), with
the file, the line of the field, what is wrong and how to fix it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import Any

from ..format.formatting import date_fr
from ..format.model import Deliberation, Membership, Organisation, PartialDate, Person
from ..format.problems import Problem
from .loading import Loaded, field_line

# A nominal vote's option and the count it adds to (key in the file, attribute).
COUNTED = {
    "pour": ("pour", "yes"),
    "contre": ("contre", "no"),
    "abstention": ("abstention", "abstain"),
    "ne-prend-pas-part": ("ne_prend_pas_part", "not_voting"),
}
# « DCM 23-05-11-07 »: a Metz council decision numbered by the date of its session.
DCM_RE = re.compile(r"^\s*DCM\s*(\d{2})-(\d{2})-(\d{2})-\d+\s*$", re.IGNORECASE)

Span = tuple[dt.date, dt.date]


def span(start: PartialDate | None, end: PartialDate | None) -> Span:
    """The days a partial-date interval may cover (open ends are unbounded)."""
    return (
        start.first_day() if start else dt.date.min,
        end.last_day() if end else dt.date.max,
    )


def overlap(a: Span, b: Span) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


class Checker:
    """Collects errors and warnings for one content folder."""

    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.records = loaded.records
        self.organisations: dict[str, Organisation] = loaded.records["organisations"]
        self.persons: dict[str, Person] = loaded.records["personnes"]
        self.warnings: list[Problem] = []

    def problem(self, record: Any, path: str, message: str, fix: str) -> Problem:
        return Problem(record.path, field_line(self.loaded, record.path, path), path, message, fix)

    def error(self, record: Any, path: str, message: str, fix: str) -> None:
        self.loaded.problems.append(self.problem(record, path, message, fix))

    def warn(self, record: Any, path: str, message: str, fix: str) -> None:
        self.warnings.append(self.problem(record, path, message, fix))

    # What an organisation belongs to --------------------------------------

    def ancestors(self, org_id: str) -> list[str]:
        """The organisation, then its parents (stops at a cycle or a missing parent)."""
        chain = [org_id]
        while (org := self.organisations.get(chain[-1])) and org.parent:
            if org.parent in chain:
                break
            chain.append(org.parent)
        return chain

    def council_of(self, org_id: str) -> str | None:
        for ancestor in self.ancestors(org_id):
            org = self.organisations.get(ancestor)
            if org and org.classification == "conseil":
                return ancestor
        return None

    def city_of(self, org_id: str) -> str | None:
        for ancestor in self.ancestors(org_id):
            org = self.organisations.get(ancestor)
            if org and org.city:
                return org.city
        return None

    def belongs(self, org_id: str, delib: Deliberation) -> bool | None:
        """True if the organisation is the deciding council or in its city,
        False if it is tied to another council or city, None if nothing says."""
        council, city = self.council_of(org_id), self.city_of(org_id)
        if council == delib.body or (city and city == delib.city):
            return True
        if council or city:
            return False
        return None

    def where(self, org_id: str) -> str:
        council = self.council_of(org_id)
        if council and council != org_id:
            return f"au conseil « {council} »"
        return f"à la ville « {self.city_of(org_id)} »"

    def memberships_at(self, person: Person, date: PartialDate | None) -> list[Membership]:
        when = span(date, date) if date else (dt.date.min, dt.date.max)
        return [m for m in person.memberships if overlap(span(m.start, m.end), when)]

    # The checks -------------------------------------------------------------

    def run(self) -> list[Problem]:
        for org in self.organisations.values():
            self.check_parent(org)
            self.check_sides(org)
        for person in self.persons.values():
            self.check_groups_overlap(person)
        for delib in self.records["deliberations"].values():
            self.check_body(delib)
            self.check_number_date(delib)
            self.check_counts(delib)
            self.check_votes(delib)
            self.check_positions(delib)
        return self.warnings

    def check_parent(self, org: Organisation) -> None:
        if not org.parent:
            return
        if org.parent == org.id:
            self.error(
                org,
                "parent",
                f"l'organisation « {org.id} » est son propre parent",
                "supprimez « parent: » ou indiquez l'organisation dont elle dépend",
            )
            return
        chain = self.ancestors(org.id)  # stops where a parent comes back
        last = self.organisations.get(chain[-1])
        if last and last.parent == org.id:  # the loop passes through this organisation
            self.error(
                org,
                "parent",
                f"organisations parentes en boucle : {' → '.join([*chain, org.id])}",
                "une organisation ne peut pas dépendre d'elle-même : corrigez un des « parent: »",
            )

    def check_sides(self, org: Organisation) -> None:
        """A side (majorité, opposition) is a group's, within its dates."""
        if org.sides and org.classification not in {"groupe", "parti"}:
            self.error(
                org,
                "camp",
                f"« camp » est réservé aux groupes, pas à un(e) « {org.classification} »",
                "retirez « camp: » ou corrigez « type: »",
            )
        for i, side in enumerate(org.sides):
            if side.start and side.end and side.end < side.start:
                self.error(org, f"camp[{i}].fin", "fin avant le début", "vérifiez les deux dates")

    def check_groups_overlap(self, person: Person) -> None:
        """One person in two groups of the same council at the same time."""
        groups = [
            (i, m)
            for i, m in enumerate(person.memberships)
            if (org := self.organisations.get(m.organisation)) and org.classification == "groupe"
        ]
        for a, (i, first) in enumerate(groups):
            for j, second in groups[a + 1 :]:
                if first.organisation == second.organisation:
                    continue
                home = self.council_of(first.organisation) or self.city_of(first.organisation)
                other = self.council_of(second.organisation) or self.city_of(second.organisation)
                if home is None or home != other:
                    continue
                if overlap(span(first.start, first.end), span(second.start, second.end)):
                    self.error(
                        person,
                        f"appartenances[{j}].organisation",
                        f"{person.name} serait membre de « {first.organisation} » et de "
                        f"« {second.organisation} » en même temps (groupes de « {home} »)",
                        f"ajoutez « fin: » à l'appartenance n° {i + 1} ou « debut: » à celle-ci, "
                        "dates de la source à l'appui",
                    )

    def check_body(self, delib: Deliberation) -> None:
        body = self.organisations.get(delib.body)
        if body and body.city and body.city != delib.city:
            self.error(
                delib,
                "organe",
                f"le conseil « {delib.body} » est celui de la ville « {body.city} », "
                f"pas de « {delib.city} »",
                "corrigez « organe: » ou « ville: »",
            )

    def check_number_date(self, delib: Deliberation) -> None:
        match = DCM_RE.match(delib.number or "")
        if not match or not delib.date:
            return
        year, month, day = (int(g) for g in match.groups())
        try:
            encoded = dt.date(2000 + year, month, day)
        except ValueError:
            self.error(
                delib,
                "numero",
                f"le numéro {delib.number} encode une date impossible",
                "un numéro DCM s'écrit DCM AA-MM-JJ-NN (année, mois, jour de la séance, rang)",
            )
            return
        if not overlap(span(delib.date, delib.date), (encoded, encoded)):
            session = date_fr(PartialDate(encoded.year, encoded.month, encoded.day))
            self.error(
                delib,
                "date",
                f"la date {delib.date.iso()} contredit le numéro {delib.number}, "
                f"qui désigne la séance du {session}",
                f"corrigez la date (date: {encoded.isoformat()}) ou le numéro",
            )

    def check_counts(self, delib: Deliberation) -> None:
        recorded: dict[str, list[str]] = defaultdict(list)
        for vote in delib.votes:
            if vote.option in COUNTED:
                recorded[vote.option].append(self.name(vote.person))
        body = self.organisations.get(delib.body)
        every_seat = bool(body and body.seats and len(delib.votes) == body.seats)
        for option, (key, attr) in COUNTED.items():
            count, names = getattr(delib.counts, attr), recorded[option]
            if count is None:
                continue
            if count < len(names):
                self.error(
                    delib,
                    f"votes.{key}",
                    f"« {key}: {count} » mais {len(names)} vote(s) « {option} » "
                    f"dans votes_nominatifs ({', '.join(names)})",
                    "corrigez le décompte ou le vote nominatif, selon le procès-verbal",
                )
            elif every_seat and count != len(names):
                self.error(
                    delib,
                    f"votes.{key}",
                    f"« {key}: {count} » alors que les {len(delib.votes)} sièges ont un vote "
                    f"nominatif, dont {len(names)} « {option} »",
                    "le décompte doit égaler les votes nominatifs : corrigez l'un ou l'autre",
                )
        total = sum(v for v in (getattr(delib.counts, a) for _, a in COUNTED.values()) if v)
        if body and body.seats and total > body.seats:
            self.error(
                delib,
                "votes",
                f"{total} votes au total (pour, contre, abstentions, ne prend pas part) "
                f"pour un conseil de {body.seats} sièges",
                "vérifiez le décompte dans le procès-verbal, ou « sieges: » du conseil",
            )

    def check_votes(self, delib: Deliberation) -> None:
        seen: dict[str, int] = {}
        for i, vote in enumerate(delib.votes):
            path = f"votes_nominatifs[{i}]"
            if vote.person in seen:
                self.error(
                    delib,
                    f"{path}.personne",
                    f"{self.name(vote.person)} vote deux fois "
                    f"(déjà au vote n° {seen[vote.person] + 1})",
                    "gardez un seul vote par élu",
                )
            seen.setdefault(vote.person, i)
            person = self.persons.get(vote.person)
            if person is None:
                continue  # an unknown id is reported where it is read
            current = self.memberships_at(person, delib.date)
            if vote.group and vote.group in self.organisations:
                if not any(m.organisation == vote.group for m in current):
                    groups = [m.organisation for m in current if self.is_group(m.organisation)]
                    known = f" (ses groupes à cette date : {', '.join(groups)})" if groups else ""
                    self.error(
                        delib,
                        f"{path}.groupe",
                        f"{person.name} n'est pas membre de « {vote.group} » "
                        f"le {date_fr(delib.date)} selon {person.path}{known}",
                        "corrigez « groupe: » ou ajoutez l'appartenance (avec sa source) "
                        f"dans {person.path}",
                    )
                if self.belongs(vote.group, delib) is False:
                    self.error(
                        delib,
                        f"{path}.groupe",
                        f"le groupe « {vote.group} » appartient {self.where(vote.group)}, "
                        f"pas au conseil « {delib.body} »",
                        "indiquez un groupe de ce conseil",
                    )
            ties = [self.belongs(m.organisation, delib) for m in current]
            if False in ties and True not in ties:
                others = sorted({self.where(m.organisation) for m in current})
                self.error(
                    delib,
                    f"{path}.personne",
                    f"{person.name} vote au conseil « {delib.body} » mais ses appartenances "
                    f"le rattachent {', '.join(others)}",
                    "vérifiez l'élu, ou ajoutez son appartenance à ce conseil (avec sa source) "
                    f"dans {person.path}",
                )

    def check_positions(self, delib: Deliberation) -> None:
        seen: set[str] = set()
        for i, position in enumerate(delib.group_positions):
            path = f"positions_groupes[{i}]"
            group = position.organisation
            if group in seen:
                self.error(
                    delib,
                    f"{path}.groupe",
                    f"le groupe « {group} » a deux positions",
                    "gardez une seule position par groupe (« partage » s'il s'est divisé)",
                )
            seen.add(group)
            if group in self.organisations and self.belongs(group, delib) is False:
                self.error(
                    delib,
                    f"{path}.groupe",
                    f"le groupe « {group} » appartient {self.where(group)}, "
                    f"pas au conseil « {delib.body} »",
                    "indiquez un groupe de ce conseil",
                )
            if position.position not in COUNTED:
                continue
            dissent = [
                f"{self.name(v.person)} ({v.option})"
                for v in delib.votes
                if v.option in COUNTED
                and v.option != position.position
                and self.group_of(v, delib) == group
            ]
            if dissent:
                self.warn(
                    delib,
                    f"{path}.position",
                    f"le groupe « {group} » est noté « {position.position} » mais "
                    f"{len(dissent)} de ses membres ont voté autrement : {', '.join(dissent)}",
                    "vérifiez la position (« partage » si le groupe s'est divisé) "
                    "et les votes nominatifs",
                )

    # Helpers ------------------------------------------------------------------

    def name(self, person_id: str) -> str:
        person = self.persons.get(person_id)
        return person.name if person else person_id

    def is_group(self, org_id: str) -> bool:
        org = self.organisations.get(org_id)
        return bool(org and org.classification in {"groupe", "parti"})

    def group_of(self, vote: Any, delib: Deliberation) -> str | None:
        if vote.group:
            return vote.group
        person = self.persons.get(vote.person)
        groups = [
            m.organisation
            for m in (self.memberships_at(person, delib.date) if person else [])
            if self.is_group(m.organisation)
        ]
        return groups[0] if len(groups) == 1 else None


def check_graph(loaded: Loaded) -> list[Problem]:
    """Add cross-record errors to ``loaded.problems``; return the warnings."""
    return Checker(loaded).run()
