"""The format of a deliberation: the decision, its outcome and its votes."""

from __future__ import annotations

from .. import model
from ..fields import Choice, Date, Flag, Integer, Ref, Text, Url
from ..structure import Field, ListOf, Obj
from ..vocabulary import (
    OUTCOMES,
    PROVENANCES,
)
from .shared import (
    ACTES_CODE,
    AMOUNT,
    DATE_BASIS,
    DATE_NOTE,
    FOLLOW_UP,
    POSITION,
    SOURCE,
    SOURCES,
    TOPICS,
)

COUNTS = Obj(
    [
        Field("pour", "yes", Integer(0, unknown=True), help="voix pour, ou inconnu"),
        Field("contre", "no", Integer(0, unknown=True), help="voix contre, ou inconnu"),
        Field("abstention", "abstain", Integer(0, unknown=True), help="abstentions, ou inconnu"),
        Field(
            "ne_prend_pas_part",
            "not_voting",
            Integer(0, unknown=True),
            help="élus qui ne prennent pas part au vote, ou inconnu",
            aliases=("ne-prend-pas-part",),
        ),
        Field("source", "source", Ref("sources"), help="source des chiffres"),
        Field("note", "note", Text(500), help="ce qui est connu du décompte"),
    ],
    model.Counts,
)


DELIBERATION_FORMAT = Obj(
    [
        Field("numero", "number", Text(60), help="numéro officiel, ex. DCM 19-02-28-14"),
        Field("organe", "body", Ref("organisations"), True, "le conseil qui a délibéré"),
        Field("ville", "city", Ref("villes"), True, "la ville concernée"),
        Field("date", "date", Date(), True, "date de la séance"),
        DATE_NOTE,
        DATE_BASIS,
        Field("titre", "title", Text(300), True, "objet de la délibération, en nos mots"),
        TOPICS,
        Field("montants", "amounts", ListOf(AMOUNT), help="montants votés"),
        Field(
            "cameras",
            "cameras",
            Obj(
                [
                    Field("nombre", "count", Integer(0), True, "nombre de caméras"),
                    Field("source", "source", Ref("sources"), help="source, si elle diffère"),
                    Field("note", "note", Text(300), help="ce que la source dit exactement"),
                ],
                model.CameraPurchase,
            ),
            help="nombre de caméras que la délibération achète ou installe, si la source le donne",
        ),
        Field("resultat", "outcome", Choice(OUTCOMES), True, "issue du vote"),
        Field("votes", "counts", COUNTS, help="décompte des voix"),
        Field("decompte", "counts_status", Text(500), help="ce que l'on sait du décompte"),
        Field(
            "positions_groupes",
            "group_positions",
            ListOf(
                Obj(
                    [
                        Field("groupe", "organisation", Ref("organisations"), True, "le groupe"),
                        Field("position", "position", POSITION, True, "sa position"),
                        Field(
                            "provenance", "provenance", Choice(PROVENANCES), True, "d'où on le sait"
                        ),
                        SOURCE,
                        Field("note", "note", Text(300), help="précision"),
                    ],
                    model.GroupPosition,
                )
            ),
            help="position de chaque groupe",
        ),
        Field(
            "votes_nominatifs",
            "votes",
            ListOf(
                Obj(
                    [
                        Field("personne", "person", Ref("personnes"), True, "l'élu"),
                        Field("vote", "option", POSITION, True, "son vote"),
                        Field(
                            "provenance", "provenance", Choice(PROVENANCES), True, "d'où on le sait"
                        ),
                        Field("groupe", "group", Ref("organisations"), help="son groupe"),
                        SOURCE,
                    ],
                    model.Vote,
                )
            ),
            help="votes de chaque élu, quand ils sont connus",
        ),
        Field(
            "documents",
            "documents",
            ListOf(
                Obj(
                    [
                        Field("titre", "title", Text(300), True, "nom du document"),
                        Field("url", "url", Url(), help="adresse, seulement si elle est connue"),
                        Field(
                            "source",
                            "source",
                            Ref("sources"),
                            help="source qui mentionne le document",
                        ),
                    ],
                    model.Document,
                )
            ),
            help="documents officiels",
        ),
        Field("suites", "follow_ups", ListOf(FOLLOW_UP), help="ce qui s'est passé après le vote"),
        Field(
            "code_actes",
            "actes_code",
            ACTES_CODE,
            help='code matière ACTES entre guillemets (ex. "6.1", "6.10"), '
            "seulement s'il est publié par une source",
        ),
        Field(
            "matiere_actes",
            "actes_name",
            Text(200),
            help="nom de la matière ACTES, tel que la source le donne",
        ),
        Field("code_actes_source", "actes_source", Ref("sources"), help="source du code ACTES"),
        Field("brouillon", "draft", Flag(), help="true tant que le fichier n'est pas relu"),
        SOURCES,
    ],
    model.Deliberation,
)
