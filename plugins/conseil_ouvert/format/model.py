"""Typed records: what a content file means once its fields are checked.

The model is Popolo-inspired (Organization, Person, Membership, Motion +
VoteEvent = Deliberation, Count, Vote, Speech = Quote) plus Event, City, Topic
and Source. Unknown values are ``None``, never 0: the pages and exports show
them as unknown.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, ClassVar


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date as precise as its source: a year, a month or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        """The last day the date may mean (« 2020-02 » runs to the 29th)."""
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    # A year sorts before any month of that year, a month before its days.
    def __lt__(self, other: PartialDate) -> bool:
        return self.sort_key() < other.sort_key()

    def __le__(self, other: PartialDate) -> bool:
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: PartialDate) -> bool:
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: PartialDate) -> bool:
        return self.sort_key() >= other.sort_key()


def date_sort_key(date: PartialDate | None) -> tuple[int, int, int]:
    """Unknown dates sort before every known one (and so last when reversed)."""
    return date.sort_key() if date else (0, 0, 0)


@dataclass(slots=True)
class Record:
    """Fields every record shares: where it comes from and what proves it."""

    id: str = ""
    path: str = ""  # content file, relative to the content folder
    sources: list[str] = field(default_factory=list)
    body_html: str = ""  # the Markdown body, rendered and sanitised

    KIND: ClassVar[str] = "record"


@dataclass(slots=True)
class Amount:
    euros: float
    purpose: str
    budget_year: int | None = None
    kind: str | None = None  # investissement / fonctionnement / par-an
    source: str | None = None
    note: str | None = None


@dataclass(slots=True)
class Source(Record):
    KIND: ClassVar[str] = "source"

    publication: str = ""
    title: str | None = None
    author: str | None = None
    date: PartialDate | None = None
    url: str | None = None
    medium: str | None = None  # vocabulary.SOURCE_MEDIA; None: not stated, never « presse »
    part_of: str | None = None  # the document this source is an excerpt of
    reposted_by: str | None = None
    reposted_by_medium: str | None = None
    reposted_date: PartialDate | None = None
    reposted_url: str | None = None  # the repost's own address; ``url`` is the original's
    note: str | None = None


@dataclass(slots=True)
class Topic(Record):
    name: str = ""
    summary: str = ""

    KIND: ClassVar[str] = "topic"


@dataclass(slots=True)
class CameraCount:
    date: PartialDate | None
    count: int
    status: str  # compte / promesse / objectif
    source: str
    note: str | None = None


@dataclass(slots=True)
class Ratio:
    label: str
    date: PartialDate | None
    source: str


@dataclass(slots=True)
class Population:
    value: int
    year: int
    source: str


@dataclass(slots=True)
class Supervision:
    """An urban supervision centre (CSU) as a source describes it."""

    agents: int | None
    hours: str | None
    retention_days: int | None
    note: str | None
    source: str
    agents_text: str | None = None  # « une cinquantaine »: a figure, not unknown
    hours_source: str | None = None


@dataclass(slots=True)
class Device:
    """A technology a source explicitly attributes to a city, in its words."""

    topic: str
    text: str
    date: PartialDate | None
    source: str
    date_note: str | None = None


@dataclass(slots=True)
class City(Record):
    name: str = ""
    place_type: str | None = None  # commune / departement / site; None: not stated
    department: str | None = None
    department_source: str | None = None
    population: Population | None = None
    cameras: list[CameraCount] = field(default_factory=list)
    devices: list[Device] = field(default_factory=list)
    ratios: list[Ratio] = field(default_factory=list)
    supervision: Supervision | None = None
    access_rights: str | None = None
    access_rights_source: str | None = None
    summary: str = ""

    KIND: ClassVar[str] = "city"


@dataclass(slots=True)
class Side:
    """A group's side in its council (majorité, opposition), as a source says."""

    side: str
    start: PartialDate | None
    end: PartialDate | None
    source: str
    note: str | None = None


@dataclass(slots=True)
class Organisation(Record):
    name: str = ""
    short_name: str | None = None
    classification: str = ""  # conseil, groupe, parti, association, entreprise, autorite, ...
    city: str | None = None
    parent: str | None = None
    seats: int | None = None
    siret: str | None = None
    siret_source: str | None = None
    summary: str = ""
    sides: list[Side] = field(default_factory=list)

    KIND: ClassVar[str] = "organisation"

    @property
    def label(self) -> str:
        return self.short_name or self.name


@dataclass(slots=True)
class Membership:
    organisation: str
    role: str | None
    start: PartialDate | None
    end: PartialDate | None
    source: str
    person: str = ""


@dataclass(slots=True)
class Person(Record):
    name: str = ""
    sort_name: str = ""
    summary: str = ""
    memberships: list[Membership] = field(default_factory=list)

    KIND: ClassVar[str] = "person"

    @property
    def sorted_as(self) -> str:
        """« Nom, Prénom »: the given ``nom_tri``, else the last word of the name first."""
        first, _, last = self.name.rpartition(" ")
        return self.sort_name or (f"{last}, {first}" if first else last)


@dataclass(slots=True)
class Counts:
    """Vote counts; each may be unknown (None)."""

    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    not_voting: int | None = None
    source: str | None = None
    note: str | None = None

    def known(self) -> bool:
        return any(v is not None for v in (self.yes, self.no, self.abstain, self.not_voting))

    def total(self) -> int | None:
        values = (self.yes, self.no, self.abstain, self.not_voting)
        return None if any(v is None for v in values) else sum(values)  # type: ignore[arg-type]


@dataclass(slots=True)
class GroupPosition:
    organisation: str
    position: str  # pour / contre / abstention / ne-prend-pas-part / partage / inconnue
    provenance: str  # proces-verbal / presse / deduite
    source: str
    note: str | None = None


@dataclass(slots=True)
class Vote:
    person: str
    option: str
    provenance: str
    source: str
    group: str | None = None


@dataclass(slots=True)
class Document:
    title: str
    url: str | None
    source: str | None


@dataclass(slots=True)
class FollowUp:
    """What happened after a vote: legality review, court case, CADA request..."""

    kind: str
    title: str
    date: PartialDate | None
    status: str | None
    source: str
    date_note: str | None = None
    date_basis: str | None = None


@dataclass(slots=True)
class CameraPurchase:
    """How many cameras a deliberation buys or installs, when a source says it."""

    count: int
    source: str | None = None
    note: str | None = None


@dataclass(slots=True)
class Deliberation(Record):
    number: str | None = None
    body: str = ""
    city: str = ""
    date: PartialDate | None = None
    date_note: str | None = None
    date_basis: str | None = None  # vocabulary.DATE_BASES: inferred, relative…
    title: str = ""
    topics: list[str] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    cameras: CameraPurchase | None = None
    outcome: str = "inconnue"
    counts: Counts = field(default_factory=Counts)
    counts_status: str | None = None
    group_positions: list[GroupPosition] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    actes_code: str | None = None
    actes_name: str | None = None
    actes_source: str | None = None
    draft: bool = False

    KIND: ClassVar[str] = "deliberation"

    @property
    def label(self) -> str:
        return self.number or self.title


@dataclass(slots=True)
class Quote(Record):
    type: str = "citation"  # citation (verbatim) / position (reported)
    text: str = ""
    person: str | None = None
    organisation: str | None = None
    role: str | None = None
    date: PartialDate | None = None
    date_note: str | None = None
    date_basis: str | None = None  # vocabulary.DATE_BASES: inferred, relative…
    deliberation: str | None = None
    event: str | None = None
    city: str | None = None
    venue: str | None = None
    topics: list[str] = field(default_factory=list)

    KIND: ClassVar[str] = "quote"

    @property
    def verbatim(self) -> bool:
        return self.type == "citation"


@dataclass(slots=True)
class Event(Record):
    title: str = ""
    type: str = ""
    city: str | None = None
    date: PartialDate | None = None
    date_note: str | None = None
    date_basis: str | None = None  # vocabulary.DATE_BASES: inferred, relative…
    organisations: list[str] = field(default_factory=list)
    deliberation: str | None = None
    follows: str | None = None  # the event this one follows
    amounts: list[Amount] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)

    KIND: ClassVar[str] = "event"


KINDS: dict[str, type[Any]] = {
    "sources": Source,
    "themes": Topic,
    "villes": City,
    "organisations": Organisation,
    "personnes": Person,
    "deliberations": Deliberation,
    "citations": Quote,
    "evenements": Event,
}
