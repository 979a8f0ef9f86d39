"""The content format: which French keys each kind of file takes.

This is the contract with contributors. The checks, the published JSON Schema
(``conseil-ouvert schema``) and the scaffolded files (``conseil-ouvert new``)
all derive from the declarations below.
"""

from __future__ import annotations

from typing import Any

from . import model
from .codes import Code, Siret
from .fields import (
    Choice,
    Date,
    Euros,
    Field,
    Flag,
    Integer,
    ListOf,
    Obj,
    Ref,
    Text,
    Url,
)

# Value lists, with the French label the site shows for each value.
OUTCOMES = {
    "adoptee": "Adoptée",
    "rejetee": "Rejetée",
    "retiree": "Retirée",
    "inconnue": "Issue non publiée",
}
POSITIONS = {
    "pour": "Pour",
    "contre": "Contre",
    "abstention": "Abstention",
    "ne-prend-pas-part": "Ne prend pas part au vote",
    "partage": "Partagé",
    "inconnue": "Position non publiée",
}
# The count key is « ne_prend_pas_part »: the value is read in either spelling.
POSITION = Choice(POSITIONS, aliases={"ne_prend_pas_part": "ne-prend-pas-part"})
PROVENANCES = {
    "proces-verbal": "Inscrit au procès-verbal",
    "presse": "Rapporté par la presse",
    "deduite": "Déduit de la position du groupe",
}
QUOTE_TYPES = {
    "citation": "Citation (mots exacts)",
    "position": "Position rapportée (reformulée par la source)",
}
ORGANISATION_TYPES = {
    "conseil": "Conseil délibérant",
    "groupe": "Groupe politique",
    "parti": "Parti",
    "association": "Association",
    "collectif": "Collectif",
    "entreprise": "Entreprise",
    "autorite": "Autorité publique",
    "club": "Club sportif",
    "media": "Média",
    "syndicat": "Syndicat",
    "organisme": "Organisme public ou parapublic",
    "non-precise": "Nature non précisée par la source",
}
EVENT_TYPES = {
    "experimentation": "Expérimentation",
    "marche-public": "Marché public",
    "contrat": "Contrat",
    "avertissement": "Avertissement d'un régulateur",
    "controle": "Contrôle",
    "promesse": "Promesse",
    "budget": "Budget",
    "recours": "Recours en justice",
    "annonce": "Annonce",
    "suspension": "Suspension",
    "audit": "Audit",
    "mobilisation": "Mobilisation",
    "etude": "Étude",
    "usage": "Usage",
    "seance": "Séance",
    # What may follow a vote may also be an event of its own (one spelling for both).
    "controle-legalite": "Contrôle de légalité",
    "cnil": "Action de la CNIL",
    "cada": "Demande de document (CADA)",
    "bilan": "Bilan",
}
# A group's side in its council, as a source gives it.
SIDES = {
    "majorite": "Majorité",
    "opposition": "Opposition",
}
FOLLOW_UP_TYPES = {
    "controle-legalite": "Contrôle de légalité",
    "recours": "Recours en justice",
    "cnil": "Action de la CNIL",
    "cada": "Demande de document (CADA)",
    "promesse": "Promesse et réalisation",
    "bilan": "Bilan",
}
CAMERA_STATUSES = {
    "compte": "Caméras installées",
    "promesse": "Promesse",
    "objectif": "Objectif d'un marché",
}
# The nature of a source, shown with every citation of it and in every export.
SOURCE_MEDIA = {
    "officiel": "Document officiel",
    "presse": "Presse",
    "association": "Association ou collectif",
    "elu-parti": "Élu ou parti politique",
    "syndicat": "Syndicat",
    "reseau-social": "Réseau social",
    "non-etablie": "Nature non établie (document non signé)",
}
# Where a date comes from when the source does not give it as written: every
# page, feed and export that shows the date says so (with ``precision_date``).
DATE_BASES = {
    "numero": "jour lu dans le numéro officiel, pas dans la source",
    "relative": "déduite d'une indication relative de la source (« il y a un an », « en juin »…)",
    "publication": "date de la publication qui rapporte les faits, pas des faits eux-mêmes",
    "deduite": "déduite par nous d'autres faits de la source",
}
DATE_BASES_SHORT = {
    "numero": "jour déduit du numéro",
    "relative": "date déduite d'une indication relative",
    "publication": "date de la publication",
    "deduite": "date déduite",
}
PLACE_TYPES = {
    "commune": "Commune",
    "departement": "Département",
    "site": "Site (aéroport, stade…)",
}
AMOUNT_KINDS = {
    "investissement": "Investissement",
    "fonctionnement": "Fonctionnement",
    "par-an": "Par an",
    "unitaire": "Coût unitaire",
}

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

SOURCE_FORMAT = Obj(
    [
        Field("publication", "publication", Text(200), True, "le journal, site ou institution"),
        Field("titre", "title", Text(300), help="titre exact du document"),
        Field("auteur", "author", Text(200), help="auteur, seulement s'il est nommé"),
        Field("date", "date", Date(), help="date de publication, aussi précise que connue"),
        Field("url", "url", Url(), help="adresse, seulement si elle est connue : jamais inventée"),
        Field(
            "nature",
            "medium",
            Choice(SOURCE_MEDIA),
            help="nature de la source (sans elle, le site affiche « nature non indiquée »)",
        ),
        Field(
            "extrait_de",
            "part_of",
            Ref("sources"),
            help="document dont cette source n'est qu'un extrait (une liste, un recueil)",
        ),
        Field("repris_par", "reposted_by", Text(200), help="site qui a republié le document"),
        Field(
            "nature_reprise",
            "reposted_by_medium",
            Choice(SOURCE_MEDIA),
            help="nature du site qui a republié le document",
        ),
        Field("date_reprise", "reposted_date", Date(), help="date de la republication"),
        Field(
            "url_reprise",
            "reposted_url",
            Url(),
            help="adresse de la republication (le champ url reste celle de l'original, si connue)",
        ),
        Field("note", "note", Text(500), help="ce qu'il faut savoir de cette source"),
    ],
    model.Source,
)
TOPIC_FORMAT = Obj(
    [
        Field("nom", "name", Text(100), True, "nom du thème"),
        Field("resume", "summary", Text(500), True, "une phrase qui définit le thème"),
        Field("sources", "sources", ListOf(Ref("sources")), help="sources de la définition"),
    ],
    model.Topic,
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

# What each folder holds (titles of scaffolds and of the format reference).
KIND_TITLES = {
    "deliberations": "Délibération : un fichier par délibération, dans deliberations/<ville>/",
    "citations": "Citation (mots exacts) ou position rapportée",
    "personnes": "Personne",
    "organisations": "Organisation : conseil, groupe, parti, association, entreprise, autorité…",
    "villes": "Ville",
    "evenements": "Événement daté qui n'est pas un vote",
    "sources": "Source : le document d'où viennent les faits",
    "themes": "Thème",
}
FORMATS: dict[str, Obj] = {
    "sources": SOURCE_FORMAT,
    "themes": TOPIC_FORMAT,
    "villes": CITY_FORMAT,
    "organisations": ORGANISATION_FORMAT,
    "personnes": PERSON_FORMAT,
    "deliberations": DELIBERATION_FORMAT,
    "citations": QUOTE_FORMAT,
    "evenements": EVENT_FORMAT,
}


def json_schema() -> dict[str, Any]:
    """The JSON Schema of every kind of metadata header, for editors."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "conseil-ouvert/metadonnees.schema.json",
        "title": "Conseil ouvert : en-têtes des fichiers de contenu",
        "$defs": {kind: fmt.schema() for kind, fmt in FORMATS.items()},
    }
