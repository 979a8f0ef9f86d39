"""A fixed, fictional corpus for tests that need particular records.

Tests never pin today's ``content/``: the public record grows every day, and a
volunteer's valid new file must leave the tests green. Tests that check how one
kind of record is shown (a councillor's roles, a group's voting record, a
city's cameras…) build this corpus instead. Every name, place, number and
address here is invented (sources live on example.org); it is written into a
temporary folder and never published.

Brumeval is a city with a municipal and a metropolitan council, a mayor who
chairs the metropolis, a group that voted « pour » according to the press, a
stadium experiment with a company and a CNIL follow-up, cameras counted and
promised, money voted in 2017 and 2019, a supervision centre and access
rights. Clairport has a yearly-cost contract with a company, a suspension and a
court case with its follow-up. Ormeville has only cameras.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# What the tests look for, named once.
CITY = "brumeval"
OTHER_CITY = "clairport"
MAYOR = "helene-exemple"
MAYOR_NAME = "Hélène Exemple"
OPPONENT = "paul-temoin"
PARTY = "parti-de-l-exemple"
COMPANY = "optifictive"
OTHER_COMPANY = "electro-fiction"
DCM = "/deliberations/brumeval/dcm-19-02-28-14/"
CSU = "/deliberations/brumeval/csu-metropolitain-mutualise/"
VERBATIM = "temoin-debat-public"
REPORTED = "ligue-brumeval-vigilante"
STADIUM = "brumeval-stade-reconnaissance-faciale-2020"
CONTRACT = "clairport-contrat-electro-fiction-2018"

FILES: dict[str, str] = {
    # Sources: fictional publications on example.org.
    "sources/quotidien-fictif-2022-07.md": """
publication: Le Quotidien fictif
titre: "Brumeval : 1 600 caméras et de l'intelligence artificielle (article fictif)"
auteur: Rédaction fictive
date: 2022-07
url: https://example.org/quotidien-fictif/brumeval-1600-cameras
nature: presse
""",
    "sources/observatoire-fictif-brumeval.md": """
publication: Observatoire fictif des caméras
titre: Brumeval sous l'œil des caméras
url: https://example.org/observatoire-fictif/brumeval
nature: association
""",
    "sources/point-cameras-brumeval.md": """
publication: "Ligue fictive des libertés, section de Brumeval"
titre: Le point sur les caméras à Brumeval
url: https://example.org/ligue-fictive/brumeval/point
nature: association
""",
    "sources/gazette-fictive-clairport.md": """
publication: La Gazette fictive
titre: Clairport suspend sa vidéoprotection intelligente (article fictif)
date: 2020-12-21
url: https://example.org/gazette-fictive/clairport-suspension
nature: presse
""",
    "sources/tribunal-fictif-2021.md": """
publication: Tribunal administratif fictif
titre: Ordonnance fictive sur les caméras de Clairport
date: 2021-03-02
url: https://example.org/tribunal-fictif/ordonnance
nature: officiel
""",
    # Topics.
    "themes/videosurveillance.md": "nom: Vidéosurveillance\nresume: Caméras fictives.",
    "themes/reconnaissance-faciale.md": "nom: Reconnaissance faciale\nresume: Visages fictifs.",
    "themes/drones.md": "nom: Drones\nresume: Drones fictifs.",
    "themes/centre-de-supervision.md": "nom: Centre de supervision\nresume: Écrans fictifs.",
    "themes/videosurveillance-algorithmique.md": (
        "nom: Vidéosurveillance algorithmique\nresume: Algorithmes fictifs."
    ),
    # Cities.
    "villes/brumeval.md": """
nom: Brumeval
type: commune
resume: Ville fictive du corpus de test, de 35 caméras en 2008 à un objectif de 1 600.
cameras:
  - date: 2008
    nombre: 35
    statut: compte
    source: point-cameras-brumeval
  - date: 2018
    nombre: 128
    statut: compte
    source: point-cameras-brumeval
  - date: 2021
    nombre: 197
    statut: compte
    source: quotidien-fictif-2022-07
  - date: 2020
    nombre: 1000
    statut: promesse
    source: observatoire-fictif-brumeval
    note: Promesse de campagne d'Hélène Exemple.
  - date: 2022-07
    nombre: 1600
    statut: objectif
    source: quotidien-fictif-2022-07
dispositifs:
  - theme: reconnaissance-faciale
    texte: Dispositif fictif à l'entrée du stade de Brumeval
    date: 2020-02
    source: observatoire-fictif-brumeval
  - theme: drones
    texte: La ville fictive « a utilisé des drones »
    source: observatoire-fictif-brumeval
csu:
  agents: 8
  horaires: 24 h sur 24, 7 jours sur 7
  horaires_source: quotidien-fictif-2022-07
  conservation_jours: 15
  source: point-cameras-brumeval
droit_acces: "Chaque personne peut voir les images où elle apparaît : la demande se fait \\
  par écrit à la police municipale."
droit_acces_source: point-cameras-brumeval
sources: [point-cameras-brumeval, quotidien-fictif-2022-07]
---
Brumeval n'existe pas : ses records servent aux tests du site.
""",
    "villes/clairport.md": """
nom: Clairport
type: commune
resume: Seconde ville fictive du corpus de test.
cameras:
  - date: 2020
    nombre: 1400
    statut: compte
    source: gazette-fictive-clairport
sources: [gazette-fictive-clairport]
""",
    "villes/ormeville.md": """
nom: Ormeville
type: commune
resume: Troisième ville fictive, qui n'a que des caméras.
cameras:
  - date: 2019
    nombre: 12
    statut: compte
    source: gazette-fictive-clairport
sources: [gazette-fictive-clairport]
""",
    # Organisations.
    "organisations/conseil-municipal-brumeval.md": """
nom: Conseil municipal de Brumeval
type: conseil
ville: brumeval
sieges: 55
sources: [point-cameras-brumeval]
""",
    "organisations/conseil-metropolitain-brumeval.md": """
nom: Conseil métropolitain de Brumeval
type: conseil
ville: brumeval
sources: [quotidien-fictif-2022-07]
""",
    "organisations/parti-de-l-exemple.md": """
nom: Parti de l'Exemple
type: parti
resume: Parti fictif dont les élus ont approuvé le centre mutualisé, selon Le Quotidien fictif.
sources: [quotidien-fictif-2022-07]
""",
    "organisations/brumeval-en-commun.md": """
nom: Brumeval en commun
type: groupe
ville: brumeval
sources: [quotidien-fictif-2022-07]
""",
    "organisations/optifictive.md": """
nom: Optifictive
type: entreprise
ville: brumeval
resume: Entreprise fictive associée au test du stade de Brumeval.
sources: [observatoire-fictif-brumeval]
""",
    "organisations/club-fictif-brumeval.md": """
nom: Club fictif de Brumeval
type: club
ville: brumeval
sources: [observatoire-fictif-brumeval]
""",
    "organisations/electro-fiction.md": """
nom: Électro-Fiction
type: entreprise
resume: Titulaire fictif du contrat de vidéoprotection intelligente de Clairport.
sources: [gazette-fictive-clairport]
""",
    "organisations/ligue-fictive-brumeval.md": """
nom: Ligue fictive des libertés, section de Brumeval
type: association
ville: brumeval
sources: [point-cameras-brumeval]
""",
    "organisations/supporters-fictifs.md": """
nom: Association fictive des supporters
type: association
sources: [observatoire-fictif-brumeval]
""",
    "organisations/collectif-fictif-clairport.md": """
nom: Collectif fictif de Clairport
type: collectif
ville: clairport
sources: [gazette-fictive-clairport]
""",
    # People.
    "personnes/helene-exemple.md": """
nom: Hélène Exemple
nom_tri: Exemple, Hélène
resume: Maire fictive de Brumeval et présidente de la métropole.
appartenances:
  - organisation: conseil-municipal-brumeval
    role: maire
    debut: 2020
    source: observatoire-fictif-brumeval
  - organisation: conseil-metropolitain-brumeval
    role: président de la métropole
    source: quotidien-fictif-2022-07
  - organisation: parti-de-l-exemple
    source: observatoire-fictif-brumeval
sources: [observatoire-fictif-brumeval, quotidien-fictif-2022-07]
""",
    "personnes/paul-temoin.md": """
nom: Paul Témoin
nom_tri: Témoin, Paul
appartenances:
  - organisation: brumeval-en-commun
    source: quotidien-fictif-2022-07
sources: [quotidien-fictif-2022-07]
""",
    "personnes/zoe-d-aval.md": """
nom: Zoé d'Aval
nom_tri: Aval, Zoé d'
appartenances:
  - organisation: conseil-municipal-brumeval
    role: conseillère municipale
    source: point-cameras-brumeval
sources: [point-cameras-brumeval]
""",
    # Deliberations.
    # Its address comes from its number, not from its file name.
    "deliberations/brumeval/budget-cameras-2019.md": """
numero: DCM 19-02-28-14
organe: conseil-municipal-brumeval
ville: brumeval
date: 2019-02-28
precision_date: "jour lu dans le numéro officiel (DCM 19-02-28-14) ; \\
  la source écrit seulement « En 2019 »"
date_origine: numero
titre: Budget de 200 000 € pour renouveler une partie des caméras
themes: [videosurveillance]
montants:
  - montant: 200000
    objet: renouvellement d'une partie des caméras
    annee_budget: 2019
resultat: adoptee
votes:
  pour: inconnu
  contre: inconnu
  abstention: inconnu
  ne_prend_pas_part: inconnu
decompte: "La source fictive dit seulement que le conseil a voté le budget."
documents:
  - titre: Délibération DCM 19-02-28-14 du conseil municipal de Brumeval
    source: point-cameras-brumeval
sources: [point-cameras-brumeval]
---
En 2019, le conseil municipal fictif de Brumeval a voté un budget de 200 000 € pour ses caméras.
""",
    "deliberations/brumeval/csu-metropolitain-mutualise.md": """
organe: conseil-metropolitain-brumeval
ville: brumeval
date: 2021
precision_date: "« voté il y a un an », écrit Le Quotidien fictif en juillet 2022"
date_origine: relative
titre: Création d'un centre de supervision urbain mutualisé
themes: [centre-de-supervision, videosurveillance]
resultat: adoptee
votes:
  pour: inconnu
  contre: inconnu
  abstention: inconnu
  ne_prend_pas_part: inconnu
positions_groupes:
  - groupe: parti-de-l-exemple
    position: pour
    provenance: presse
    source: quotidien-fictif-2022-07
suites:
  - type: promesse
    titre: Un prochain appel à projet doit être lancé pour le centre mutualisé.
    date: 2022-07
    date_origine: publication
    precision_date: "« sera lancé », écrit Le Quotidien fictif en juillet 2022"
    source: quotidien-fictif-2022-07
sources: [quotidien-fictif-2022-07]
---
Le conseil métropolitain fictif a voté un centre de supervision mutualisé.
""",
    "deliberations/brumeval/dcm-17-06-29-3.md": """
numero: DCM 17-06-29-3
organe: conseil-municipal-brumeval
ville: brumeval
date: 2017-06-29
titre: Achat de caméras pour le centre-ville
themes: [videosurveillance]
montants:
  - montant: 150000
    objet: achat de caméras
    annee_budget: 2017
resultat: adoptee
votes:
  pour: 40
  contre: 5
  abstention: 2
  ne_prend_pas_part: 0
  source: point-cameras-brumeval
sources: [point-cameras-brumeval]
""",
    # Events.
    f"evenements/{STADIUM}.md": """
titre: Test de reconnaissance faciale à l'entrée du stade de Brumeval
type: experimentation
ville: brumeval
date: 2020-02
organisations: [club-fictif-brumeval, optifictive]
themes: [reconnaissance-faciale]
suites:
  - type: cnil
    titre: La CNIL adresse un avertissement au club fictif.
    date: 2021
    precision_date: « un an après les faits »
    date_origine: relative
    source: observatoire-fictif-brumeval
sources: [observatoire-fictif-brumeval]
""",
    "evenements/brumeval-promesse-1000-cameras-2020.md": """
titre: Promesse de campagne de 1 000 caméras
type: promesse
ville: brumeval
date: 2020-03
sources: [observatoire-fictif-brumeval]
""",
    "evenements/brumeval-marche-public-1600-cameras-2022.md": """
titre: Marché public pour 1 600 caméras
type: marche-public
ville: brumeval
date: 2022-07
themes: [videosurveillance, videosurveillance-algorithmique]
sources: [quotidien-fictif-2022-07]
""",
    f"evenements/{CONTRACT}.md": """
titre: Contrat avec Électro-Fiction pour une vidéoprotection intelligente
type: contrat
ville: clairport
date: 2018
organisations: [electro-fiction]
themes: [videosurveillance-algorithmique, reconnaissance-faciale]
montants:
  - montant: 7000000
    objet: fonctionnement du système
    nature: par-an
sources: [gazette-fictive-clairport]
""",
    "evenements/clairport-suspension-vpi.md": """
titre: Clairport suspend sa vidéoprotection intelligente
type: suspension
ville: clairport
date: 2020-12-21
organisations: [electro-fiction]
sources: [gazette-fictive-clairport]
""",
    "evenements/clairport-recours-collectif.md": """
titre: Recours du collectif fictif contre les caméras intelligentes
type: recours
ville: clairport
date: 2020-11
organisations: [collectif-fictif-clairport]
suites:
  - type: recours
    titre: Requête rejetée par le tribunal administratif fictif.
    date: 2021-03-02
    source: tribunal-fictif-2021
sources: [gazette-fictive-clairport, tribunal-fictif-2021]
""",
    # Quotes.
    f"citations/{VERBATIM}.md": """
type: citation
texte: "Quand a-t-on débattu en public de 1 600 caméras ? Personne ne nous a consultés."
personne: paul-temoin
organisation: brumeval-en-commun
date: 2022-07
evenement: brumeval-marche-public-1600-cameras-2022
ville: brumeval
themes: [videosurveillance]
sources: [quotidien-fictif-2022-07]
""",
    f"citations/{REPORTED}.md": """
type: position
texte: "La section fictive de la Ligue se dit vigilante."
organisation: ligue-fictive-brumeval
date: 2022-07
ville: brumeval
themes: [videosurveillance]
sources: [quotidien-fictif-2022-07]
""",
    "citations/supporters-pas-des-cobayes.md": """
type: citation
texte: "Les supporters ne sont pas des cobayes"
organisation: supporters-fictifs
precision_date: la source fictive ne date pas cette déclaration
evenement: brumeval-stade-reconnaissance-faciale-2020
ville: brumeval
themes: [reconnaissance-faciale]
sources: [observatoire-fictif-brumeval]
""",
    "citations/exemple-csu-mutualise.md": """
type: citation
texte: "Les petites communes n'ont pas les moyens de regarder leurs images."
personne: helene-exemple
date: 2021
deliberation: csu-metropolitain-mutualise
ville: brumeval
themes: [centre-de-supervision]
sources: [quotidien-fictif-2022-07]
""",
    "citations/exemple-mille-cameras.md": """
type: position
texte: "La maire fictive promet 1 000 caméras."
personne: helene-exemple
date: 2020-03
ville: brumeval
sources: [observatoire-fictif-brumeval]
""",
    "citations/parti-exemple-csu.md": """
type: position
texte: "Les élus du Parti de l'Exemple ont approuvé le projet."
organisation: parti-de-l-exemple
date: 2022-07
deliberation: csu-metropolitain-mutualise
ville: brumeval
sources: [quotidien-fictif-2022-07]
""",
    "citations/collectif-clairport-algorithmes.md": """
type: position
texte: "Le collectif fictif refuse les algorithmes de surveillance."
organisation: collectif-fictif-clairport
date: 2020-11
ville: clairport
sources: [gazette-fictive-clairport]
""",
}


def write_corpus(target: Path) -> Path:
    """Write the fictional corpus into ``target`` (a ``content`` folder) and
    return it. The editorial pages (à propos, contribuer…) are copied from the
    repository: the footer links them; they are not records."""
    if target.exists():
        shutil.rmtree(target)
    for relative, text in FILES.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        header, _, body = text.strip("\n").partition("\n---\n")
        path.write_text(f"---\n{header.strip()}\n---\n{body}\n", encoding="utf-8")
    shutil.copytree(ROOT / "content" / "pages", target / "pages")
    return target
