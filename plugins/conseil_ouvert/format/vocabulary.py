"""The value lists of the content format, with the French label the site shows
for each value (outcomes, positions, kinds of organisation, event and source…).
"""

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
