"""Fields and value types that several kinds of file share."""

from __future__ import annotations

from .. import model
from ..codes import Code
from ..fields import Choice, Date, Euros, Integer, Ref, Text
from ..structure import Field, ListOf, Obj
from ..vocabulary import (
    AMOUNT_KINDS,
    DATE_BASES,
    FOLLOW_UP_TYPES,
    POSITIONS,
)

# The count key is « ne_prend_pas_part »: the value is read in either spelling.
POSITION = Choice(POSITIONS, aliases={"ne_prend_pas_part": "ne-prend-pas-part"})

# An ACTES subject code: its chapter, a dot, its rank (6.10 is not 6.1).
ACTES_CODE = Code(r"^\d\.\d{1,2}$", "6.1", "code matière ACTES")

SOURCES = Field("sources", "sources", ListOf(Ref("sources")), True, "les sources de ce fait")

SOURCE = Field("source", "source", Ref("sources"), True, "la source de ce fait")

DATE_NOTE = Field(
    "precision_date",
    "date_note",
    Text(300),
    help="ce que la source dit exactement de la date, quand elle est vague",
)

DATE_BASIS = Field(
    "date_origine",
    "date_basis",
    Choice(DATE_BASES),
    help="d'où vient la date quand la source ne la donne pas telle quelle "
    "(dites ce que la source écrit dans precision_date)",
)

TOPICS = Field(
    "themes", "topics", ListOf(Ref("themes")), help="thèmes (fichiers de content/themes/)"
)

AMOUNT = Obj(
    [
        Field("montant", "euros", Euros(), True, "montant en euros, sans espace"),
        Field("objet", "purpose", Text(300), True, "ce que paie ce montant"),
        Field("annee_budget", "budget_year", Integer(1900), help="année du budget"),
        Field("nature", "kind", Choice(AMOUNT_KINDS), help="nature de la dépense"),
        Field(
            "source", "source", Ref("sources"), help="source, si elle diffère de celles du fichier"
        ),
        Field("note", "note", Text(300), help="précision"),
    ],
    model.Amount,
)

FOLLOW_UP = Obj(
    [
        Field("type", "kind", Choice(FOLLOW_UP_TYPES), True, "nature de la suite"),
        Field("titre", "title", Text(300), True, "ce qui s'est passé, en une phrase"),
        Field("date", "date", Date(), help="date de la suite"),
        DATE_NOTE,
        DATE_BASIS,
        Field("statut", "status", Text(200), help="où en est cette suite"),
        SOURCE,
    ],
    model.FollowUp,
)
