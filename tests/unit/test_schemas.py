"""The published contracts in schemas/ are what the code generates (run
`conference export-schemas` after changing a model or a route)."""

from __future__ import annotations

import json
from pathlib import Path

from conference.app import route_table
from conference.http.openapi import build_openapi, expected_files
from conference.runtime import event_types
from tests.conftest import Api

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


def test_schemas_directory_matches_the_code() -> None:
    expected = expected_files(route_table(), event_types())
    on_disk = {
        str(p.relative_to(SCHEMAS)): p.read_text(encoding="utf-8")
        for p in SCHEMAS.rglob("*.json")
    }
    assert sorted(on_disk) == sorted(expected), "run `conference export-schemas`"
    for name, text in expected.items():
        assert on_disk[name] == text, f"schemas/{name} drifted: run `conference export-schemas`"


def test_openapi_documents_the_public_contract() -> None:
    doc = build_openapi(route_table())
    assert doc["openapi"] == "3.1.0"
    paths = doc["paths"]
    for path, method in [
        ("/api/v1/conferences", "post"),
        ("/api/v1/conferences/{slug}", "get"),
        ("/api/v1/conferences/{slug}/delegations", "post"),
        ("/api/v1/conferences/{slug}/accreditations", "post"),
        ("/api/v1/conferences/{slug}/accreditations", "get"),
        ("/api/v1/accreditations/{accreditation_id}", "get"),
        ("/api/v1/accreditations/{accreditation_id}/decision", "post"),
        ("/api/v1/accreditations/{accreditation_id}/withdraw", "post"),
        ("/api/v1/accreditations/{accreditation_id}/revoke", "post"),
        ("/api/v1/conferences/{slug}/events", "get"),
        ("/api/v1/deliveries", "get"),
        ("/api/v1/deliveries/{delivery_id}/retry", "post"),
        ("/healthz", "get"), ("/readyz", "get"),
    ]:
        assert method in paths[path], (path, method)
    register = paths["/api/v1/conferences/{slug}/accreditations"]["post"]
    assert register["responses"]["201"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/AccreditationCreated"}
    assert "application/problem+json" in register["responses"]["409"]["content"]
    created = doc["components"]["schemas"]["AccreditationCreated"]
    assert {"id", "status", "access_token"} <= set(created["properties"])


async def test_served_document_is_the_exported_one(api: Api) -> None:
    status, body, _ = await api.call("GET", "/api/v1/openapi.json")
    assert status == 200
    assert body == json.loads((SCHEMAS / "openapi.json").read_text())
