"""The format of a quote: exact words, or a position as a source reports it."""

from __future__ import annotations

from .. import model
from ..fields import Choice, Date, Ref, Text
from ..structure import Field, ListOf, Obj
from ..vocabulary import (
    QUOTE_TYPES,
)
from .shared import (
    DATE_BASIS,
    DATE_NOTE,
    TOPICS,
)

QUOTE_FORMAT = Obj(
    [
        Field("type", "type", Choice(QUOTE_TYPES), True, "citation exacte ou position rapportée"),
        Field(
            "texte", "text", Text(3000), True, "les mots exacts, ou la position telle que rapportée"
        ),
        Field("personne", "person", Ref("personnes"), help="qui parle"),
        Field(
            "organisation",
            "organisation",
            Ref("organisations"),
            help="au nom de quelle organisation",
        ),
        Field("fonction", "role", Text(200), help="fonction de l'orateur à ce moment"),
        Field("date", "date", Date(), help="date des propos"),
        DATE_NOTE,
        DATE_BASIS,
        Field(
            "deliberation", "deliberation", Ref("deliberations"), help="la délibération concernée"
        ),
        Field("evenement", "event", Ref("evenements"), help="l'événement concerné"),
        Field("ville", "city", Ref("villes"), help="la ville concernée"),
        Field("lieu", "venue", Text(200), help="où les propos ont été tenus (en séance, presse…)"),
        TOPICS,
        Field("sources", "sources", ListOf(Ref("sources")), True, "la source des propos"),
    ],
    model.Quote,
)
