"""The format of a topic (thème)."""

from __future__ import annotations

from .. import model
from ..fields import Ref, Text
from ..structure import Field, ListOf, Obj

TOPIC_FORMAT = Obj(
    [
        Field("nom", "name", Text(100), True, "nom du thème"),
        Field("resume", "summary", Text(500), True, "une phrase qui définit le thème"),
        Field("sources", "sources", ListOf(Ref("sources")), help="sources de la définition"),
    ],
    model.Topic,
)
