"""The OpenAPI 3.1 document, built from the route table and the pydantic models, and the JSON
Schema of each domain event. ``conference export-schemas`` writes both to ``schemas/``; a test
fails when the files drift from the code."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from conference import __version__
from conference.http.routes import Route

REF = "#/components/schemas/{model}"

PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "RFC 9457 problem details",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "field": {"type": "string"},
                    "message": {"type": "string"},
                    "type": {"type": "string"},
                    "code": {"type": "string", "description":
                             "What is wrong, stable whatever the message says (an import's "
                             "errors: docs/lifecycle.md, \"Error codes\")"},
                    "params": {"type": "object", "description":
                               "The values the code's wording names (a column, a row)"},
                    "line": {"type": "integer", "description":
                             "A vetting results file's error: its line (the header is 1)"},
                    "column": {"type": "string", "description":
                               "A vetting results file's error: its column's name"},
                    "name": {"type": "string", "description":
                             "A vetting results file's error: the person the line names, when "
                             "the file has the given_name and family_name columns"},
                },
            },
        },
        "conflicts": {"type": "array", "items": {"type": "object"}},
        "duplicate_of": {"type": "string", "format": "uuid", "description":
                         "The approved press application this one probably duplicates "
                         "(type duplicate-approved: docs/workspaces.md, \"Possible "
                         "duplicates\")"},
    },
}

_REASONS = {400: "Malformed request", 401: "No or bad token", 403: "Wrong role or scope",
            404: "Not found", 409: "Conflict or illegal state change", 413: "Body too large",
            422: "Invalid fields", 429: "Too many requests", 503: "Unavailable"}


def _ref(model: str) -> dict[str, str]:
    return {"$ref": REF.format(model=model)}


def _params(path: str) -> list[dict[str, Any]]:
    return [
        {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
        for name in re.findall(r"{(\w+)}", path)
    ]


def _query_params(model: type[BaseModel], schemas: dict[str, Any]) -> list[dict[str, Any]]:
    schema = model.model_json_schema(ref_template=REF)
    params = []
    for name, prop in schema.get("properties", {}).items():
        params.append({"name": name, "in": "query", "required": False, "schema": prop})
    for name, sub in schema.get("$defs", {}).items():
        schemas.setdefault(name, sub)
    return params


EventTypes = Mapping[str, type[BaseModel]]


def build_openapi(routes: Sequence[Route]) -> dict[str, Any]:
    models: set[type[BaseModel]] = set()
    for r in routes:
        for m in (r.body, r.response):
            if m is not None:
                models.add(m)
    ordered = sorted(models, key=lambda m: m.__name__)
    _, defs = models_json_schema(
        [(m, "validation" if any(r.body is m for r in routes) else "serialization")
         for m in ordered],
        ref_template=REF,
    )
    schemas: dict[str, Any] = dict(sorted(defs.get("$defs", {}).items()))
    schemas["Problem"] = PROBLEM_SCHEMA
    paths: dict[str, Any] = {}
    for r in sorted(routes, key=lambda r: (r.path, r.method)):
        paths.setdefault(r.path, {})[r.method.lower()] = _operation(r, schemas)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Conference logistics API",
            "version": __version__,
            "description": "Accreditation, programme, protocol and calendar traffic of "
            "intergovernmental conferences. Errors are application/problem+json (RFC 9457).",
        },
        "components": {
            "schemas": dict(sorted(schemas.items())),
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
        "paths": paths,
    }


def _operation(r: Route, schemas: dict[str, Any]) -> dict[str, Any]:
    op: dict[str, Any] = {
        "operationId": r.handler.__name__,
        "summary": r.summary,
        "description": f"Who: {r.who}.",
        "tags": [r.tag],
    }
    params = _params(r.path)
    if r.query is not None:
        params += _query_params(r.query, schemas)
    if params:
        op["parameters"] = params
    if r.who != "anyone":
        op["security"] = [{"bearer": []}]
    if r.body is not None:
        op["requestBody"] = {
            "required": r.body.model_fields and any(
                f.is_required() for f in r.body.model_fields.values()),
            "content": {"application/json": {"schema": _ref(r.body.__name__)}},
        }
    uploads = r.accepts
    if uploads and r.body is None:
        op["requestBody"] = {"required": True, "content": {
            m: {"schema": {"type": "string", "format": "binary"}} for m in uploads}}
    responses: dict[str, Any] = {}
    if r.response is not None:
        content = {"application/json": {"schema": _ref(r.response.__name__)}}
        # the same answer in another form on request (Accept: text/csv …): a document
        content.update({m: {"schema": {"type": "string"}} for m in r.media
                        if m != "application/json"})
    elif r.media == ("application/json",):
        content = {"application/json": {"schema": {}}}
    else:
        content = {m: {"schema": {"type": "string"}} for m in r.media}
    responses[str(r.status)] = {"description": "Success", "content": content}
    # What any route may answer: a bad token (401, or 429 when guessing), the database away
    # (503); and with a body: malformed (400), too large (413), invalid (422).
    codes = set(r.errors) | {401, 429, 503} | (
        {400, 413, 422} if r.body is not None or uploads else set())
    for code in sorted(codes):
        responses[str(code)] = {
            "description": _REASONS.get(code, "Error") + (
                f": {r.error_notes[code]}" if code in r.error_notes else ""),
            "content": {m: {"schema": _ref("Problem") if m == "application/problem+json"
                            else {"type": "string"}} for m in r.error_media},
        }
    op["responses"] = responses
    return op


def event_schemas(event_types: EventTypes) -> dict[str, dict[str, Any]]:
    out = {}
    for event_type, payload in sorted(event_types.items()):
        schema = payload.model_json_schema()
        schema["title"] = event_type
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        out[event_type] = schema
    return out


def _dump(doc: Any) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


class OpenAPIDocument:
    """The document of one route table, built on its first request and kept."""

    def __init__(self, routes: Sequence[Route]) -> None:
        self.routes = routes

    @cached_property
    def json(self) -> bytes:
        return _dump(build_openapi(self.routes)).encode()


def export(directory: Path, routes: Sequence[Route], event_types: EventTypes) -> list[Path]:
    """Write ``openapi.json`` and ``events/<type>.json``; return the files written."""
    written = []
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "events").mkdir(exist_ok=True)
    path = directory / "openapi.json"
    path.write_text(_dump(build_openapi(routes)), encoding="utf-8")
    written.append(path)
    wanted = set()
    for event_type, schema in event_schemas(event_types).items():
        p = directory / "events" / f"{event_type}.json"
        p.write_text(_dump(schema), encoding="utf-8")
        written.append(p)
        wanted.add(p.name)
    for stale in (directory / "events").glob("*.json"):
        if stale.name not in wanted:
            stale.unlink()
    return written


def expected_files(routes: Sequence[Route], event_types: EventTypes) -> dict[str, str]:
    """What ``export`` would write, relative path → text (for the drift test)."""
    files = {"openapi.json": _dump(build_openapi(routes))}
    for event_type, schema in event_schemas(event_types).items():
        files[f"events/{event_type}.json"] = _dump(schema)
    return files
