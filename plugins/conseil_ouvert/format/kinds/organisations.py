"""The formats of organisations and people, and a person's memberships."""

from __future__ import annotations

from .. import model
from ..codes import Siret
from ..fields import Choice, Date, Integer, Ref, Text
from ..structure import Field, ListOf, Obj
from ..vocabulary import (
    ORGANISATION_TYPES,
    SIDES,
)
from .shared import (
    SOURCE,
    SOURCES,
)

ORGANISATION_FORMAT = Obj(
    [
        Field("nom", "name", Text(200), True, "nom complet"),
        Field("sigle", "short_name", Text(60), help="nom court ou sigle"),
        Field(
            "type", "classification", Choice(ORGANISATION_TYPES), True, "nature de l'organisation"
        ),
        Field("ville", "city", Ref("villes"), help="ville de rattachement"),
        Field("parent", "parent", Ref("organisations"), help="organisation dont elle dépend"),
        Field("sieges", "seats", Integer(1), help="nombre de sièges (pour un conseil)"),
        Field(
            "siret",
            "siret",
            Siret(),
            help="SIRET (14 chiffres, entre guillemets), seulement depuis un registre officiel",
        ),
        Field("siret_source", "siret_source", Ref("sources"), help="source du SIRET"),
        Field("resume", "summary", Text(500), help="une phrase de présentation"),
        Field(
            "camp",
            "sides",
            ListOf(
                Obj(
                    [
                        Field("valeur", "side", Choice(SIDES), True, "majorité ou opposition"),
                        Field("debut", "start", Date(), help="depuis quand, selon la source"),
                        Field("fin", "end", Date(), help="jusqu'à quand, selon la source"),
                        SOURCE,
                        Field("note", "note", Text(300), help="précision"),
                    ],
                    model.Side,
                )
            ),
            help="pour un groupe : majorité ou opposition, comme le dit la source, avec les dates",
        ),
        SOURCES,
    ],
    model.Organisation,
)


MEMBERSHIP = Obj(
    [
        Field("organisation", "organisation", Ref("organisations"), True, "organisation"),
        Field("role", "role", Text(200), help="fonction"),
        Field("debut", "start", Date(), help="début"),
        Field("fin", "end", Date(), help="fin"),
        SOURCE,
    ],
    model.Membership,
)


PERSON_FORMAT = Obj(
    [
        Field("nom", "name", Text(200), True, "prénom et nom"),
        Field(
            "nom_tri", "sort_name", Text(200), help="nom pour le tri, ex. « Grosdidier, François »"
        ),
        Field("resume", "summary", Text(500), help="une phrase de présentation"),
        Field("appartenances", "memberships", ListOf(MEMBERSHIP), help="fonctions et groupes"),
        SOURCES,
    ],
    model.Person,
)
