"""Our own JSON: every record as it is in the model, and its JSON Schema.

Both are derived from the model's dataclasses, so the published schema cannot
drift from what the export writes.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from typing import Any

from ..format import model
from ..format.model import PartialDate
from ..format.urls import path_of
from ..reading.graph import Graph
from ..site.incremental import Fragment, no_cache

SCHEMA_ID = "conseil-ouvert.schema.json"
SKIPPED = {"path"}  # where the file lives is not part of the data


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.name not in SKIPPED)


def plain(value: Any) -> Any:
    """A JSON-ready copy: dataclasses to objects, partial dates to ISO text."""
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if dataclasses.is_dataclass(value):
        return {name: plain(getattr(value, name)) for name in _field_names(type(value))}
    return value


def record_json(record: Any, siteurl: str) -> dict[str, Any]:
    data = plain(record)
    if not isinstance(record, model.Source):
        data["url"] = f"{siteurl}/{path_of(record)}"
    return data


def record_text(record: Any, siteurl: str) -> str:
    """One record as compact JSON (a fragment of the complete file)."""
    return json.dumps(record_json(record, siteurl), ensure_ascii=False, separators=(",", ":"))


def graph_json_text(graph: Graph, siteurl: str, fragment: Fragment = no_cache) -> str:
    """The complete JSON file, assembled from each record's fragment (which
    ``fragment`` may take from a cache)."""
    make = functools.partial(record_text, siteurl=siteurl)
    parts = [f'"$schema":{json.dumps(SCHEMA_ID)}']
    for name, items in graph.collections().items():
        records = ",".join(fragment("json", record, make) for _, record in sorted(items.items()))
        parts.append(f"{json.dumps(name)}:[{records}]")
    return "{" + ",".join(parts) + "}\n"


def _type_schema(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [_type_schema(a, defs) for a in typing.get_args(hint)]
        return {"anyOf": options}
    if origin is list:
        (item,) = typing.get_args(hint)
        return {"type": "array", "items": _type_schema(item, defs)}
    if hint is type(None):
        return {"type": "null"}
    if hint is PartialDate:
        return {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}
    if dataclasses.is_dataclass(hint):
        name = hint.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion
            defs[name] = _object_schema(hint, defs)
        return {"$ref": f"#/$defs/{name}"}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    if hint in simple:
        return {"type": simple[hint]}
    raise TypeError(f"no JSON Schema for {hint!r}")


def _object_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties = {
        f.name: _type_schema(hints[f.name], defs)
        for f in dataclasses.fields(cls)
        if f.name not in SKIPPED
    }
    if issubclass(cls, model.Record) and cls is not model.Source:
        properties["url"] = {"type": "string"}
    return {
        "type": "object",
        "properties": properties,
        "required": sorted(properties),
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    properties = {
        name: {"type": "array", "items": _type_schema(cls, defs)}
        for name, cls in model.KINDS.items()
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Conseil ouvert : toutes les fiches",
        "description": "Un champ inconnu vaut null (jamais 0). Les dates partielles "
        "s'écrivent AAAA, AAAA-MM ou AAAA-MM-JJ.",
        "type": "object",
        "properties": {"$schema": {"type": "string"}, **properties},
        "required": sorted(model.KINDS),
        "additionalProperties": False,
        "$defs": defs,
    }
