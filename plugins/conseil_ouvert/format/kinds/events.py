"""The format of a dated event that is not a vote."""

from __future__ import annotations

from .. import model
from ..fields import Choice, Date, Ref, Text
from ..structure import Field, ListOf, Obj
from ..vocabulary import (
    EVENT_TYPES,
)
from .shared import (
    AMOUNT,
    DATE_BASIS,
    DATE_NOTE,
    FOLLOW_UP,
    SOURCES,
    TOPICS,
)

EVENT_FORMAT = Obj(
    [
        Field("titre", "title", Text(300), True, "ce qui s'est passé"),
        Field("type", "type", Choice(EVENT_TYPES), True, "nature de l'événement"),
        Field("ville", "city", Ref("villes"), help="ville concernée"),
        Field("date", "date", Date(), help="date, aussi précise que la source"),
        DATE_NOTE,
        DATE_BASIS,
        Field(
            "organisations", "organisations", ListOf(Ref("organisations")), help="qui y a pris part"
        ),
        Field("deliberation", "deliberation", Ref("deliberations"), help="délibération liée"),
        Field(
            "suite_de",
            "follows",
            Ref("evenements"),
            help="l'événement dont celui-ci est la suite (il apparaît dans ses « Suites »)",
        ),
        Field("montants", "amounts", ListOf(AMOUNT), help="montants"),
        TOPICS,
        Field("suites", "follow_ups", ListOf(FOLLOW_UP), help="ce qui s'est passé ensuite"),
        SOURCES,
    ],
    model.Event,
)
