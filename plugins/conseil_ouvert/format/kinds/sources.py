"""The format of a source: the document facts come from."""

from __future__ import annotations

from .. import model
from ..fields import Choice, Date, Ref, Text, Url
from ..structure import Field, Obj
from ..vocabulary import (
    SOURCE_MEDIA,
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
