"""The format of a city: a commune, a département or a site, with its sourced figures."""

from __future__ import annotations

from .. import model
from ..fields import Choice, Date, Integer, Ref, Text
from ..structure import Field, ListOf, Obj
from ..vocabulary import (
    CAMERA_STATUSES,
    PLACE_TYPES,
)
from .shared import (
    DATE_NOTE,
    SOURCE,
)

CITY_FORMAT = Obj(
    [
        Field("nom", "name", Text(100), True, "nom de la commune"),
        Field("type", "place_type", Choice(PLACE_TYPES), help="commune, département ou site"),
        Field("departement", "department", Text(100), help="département"),
        Field(
            "departement_source",
            "department_source",
            Ref("sources"),
            help="source du département (un référentiel officiel)",
        ),
        Field("resume", "summary", Text(500), help="une phrase de présentation"),
        Field(
            "population",
            "population",
            Obj(
                [
                    Field("valeur", "value", Integer(1), True, "nombre d'habitants"),
                    Field("annee", "year", Integer(1800), True, "année du recensement"),
                    SOURCE,
                ],
                model.Population,
            ),
            help="population, seulement avec sa source",
        ),
        Field(
            "cameras",
            "cameras",
            ListOf(
                Obj(
                    [
                        Field("date", "date", Date(), help="date du comptage"),
                        Field("nombre", "count", Integer(0), True, "nombre de caméras"),
                        Field(
                            "statut", "status", Choice(CAMERA_STATUSES), True, "compte ou promesse"
                        ),
                        SOURCE,
                        Field("note", "note", Text(300), help="précision"),
                    ],
                    model.CameraCount,
                )
            ),
            help="nombre de caméras au fil du temps",
        ),
        Field(
            "ratios",
            "ratios",
            ListOf(
                Obj(
                    [
                        Field(
                            "texte",
                            "label",
                            Text(200),
                            True,
                            "le ratio, tel que la source le donne",
                        ),
                        Field("date", "date", Date(), help="date du ratio"),
                        SOURCE,
                    ],
                    model.Ratio,
                )
            ),
            help="ratios par habitant publiés par une source (jamais calculés par nous)",
        ),
        Field(
            "csu",
            "supervision",
            Obj(
                [
                    Field("agents", "agents", Integer(0), help="agents affectés au visionnage"),
                    Field(
                        "agents_texte",
                        "agents_text",
                        Text(100),
                        help="le nombre d'agents tel que la source le donne, s'il n'est pas exact "
                        "(« une cinquantaine »)",
                    ),
                    Field("horaires", "hours", Text(100), help="heures de fonctionnement"),
                    Field(
                        "horaires_source",
                        "hours_source",
                        Ref("sources"),
                        help="source des horaires, si elle diffère",
                    ),
                    Field(
                        "conservation_jours",
                        "retention_days",
                        Integer(0),
                        help="durée de conservation",
                    ),
                    Field("note", "note", Text(500), help="autres faits"),
                    SOURCE,
                ],
                model.Supervision,
            ),
            help="centre de supervision urbaine",
        ),
        Field(
            "dispositifs",
            "devices",
            ListOf(
                Obj(
                    [
                        Field("theme", "topic", Ref("themes"), True, "la technologie (un thème)"),
                        Field(
                            "texte",
                            "text",
                            Text(300),
                            True,
                            "ce que la source en dit, sans l'amplifier (« une possibilité… »)",
                        ),
                        Field("date", "date", Date(), help="date du fait"),
                        DATE_NOTE,
                        SOURCE,
                    ],
                    model.Device,
                )
            ),
            help="technologies qu'une source attribue explicitement à la ville "
            "(la comparaison ne montre que celles-ci)",
        ),
        Field(
            "droit_acces",
            "access_rights",
            Text(1000),
            help="comment voir les images où l'on apparaît",
        ),
        Field(
            "droit_acces_source",
            "access_rights_source",
            Ref("sources"),
            help="source du droit d'accès",
        ),
        Field("sources", "sources", ListOf(Ref("sources")), help="sources de la fiche"),
    ],
    model.City,
)
