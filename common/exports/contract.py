"""The published contract: a Frictionless Data Package and an OpenAPI 3.1 document."""

from common.exports.datasets import datasets_of

CONTRACT_VERSION = "1.0.0"
JSON_TYPES = {
    "string": {"type": "string"},
    "integer": {"type": "integer"},
    "number": {"type": "number"},
    "boolean": {"type": "boolean"},
    "date": {"type": "string", "format": "date"},
    "datetime": {"type": "string", "format": "date-time"},
}


def datapackage(app, base_url):
    """The Data Package describing every dataset of `app` (resources are the CSV snapshots)."""
    return {
        "profile": "data-package",
        "name": f"belize-justice-{app}",
        "title": f"Belize justice suite: {app} export feed",
        "version": CONTRACT_VERSION,
        "licenses": [{"name": "other-closed", "title": "Data-sharing agreement with the BCO"}],
        "resources": [
            {
                "profile": "tabular-data-resource",
                "name": d.name,
                "title": d.title,
                "description": d.description,
                "path": f"{base_url}{d.name}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": d.schema_fields,
                    "primaryKey": ["record_id"],
                    "missingValues": [""],
                },
            }
            for d in datasets_of(app)
        ],
    }


def _record_schema(dataset):
    properties = {}
    required = []
    for f in dataset.schema_fields:
        base = dict(JSON_TYPES.get(f["type"], {"type": "string"}))
        if "enum" in f.get("constraints", {}):
            base["enum"] = list(f["constraints"]["enum"])
        if f.get("constraints", {}).get("required"):
            required.append(f["name"])
            properties[f["name"]] = base
        else:
            if "enum" in base:
                base["enum"] = [*base["enum"], None]
            base["type"] = [base["type"], "null"]
            properties[f["name"]] = base
        if "description" in f:
            properties[f["name"]]["description"] = f["description"]
    return {"type": "object", "properties": properties, "required": required}


def _error_response(text):
    return {
        "description": text,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def openapi(app, base_path):
    """OpenAPI 3.1 for the export endpoints of `app`."""
    datasets = datasets_of(app)
    names = [d.name for d in datasets]
    tombstone = {
        "type": "object",
        "properties": {
            "op": {"const": "delete"},
            "record_id": {"type": "string"},
            "record_version": {"type": "integer"},
            "change_seq": {"type": "integer"},
        },
        "required": ["op", "record_id", "record_version", "change_seq"],
    }
    schemas = {"Error": _error_schema(), "Tombstone": tombstone}
    for d in datasets:
        schemas[f"{d.name}_record"] = _record_schema(d)
    record_any = {"oneOf": [{"$ref": f"#/components/schemas/{n}_record"} for n in names]}
    record_any["oneOf"].append({"$ref": "#/components/schemas/Tombstone"})
    unauthorized = _error_response("Missing, unknown or revoked token")
    dataset_param = {
        "name": "dataset",
        "in": "path",
        "required": True,
        "schema": {"type": "string", "enum": names},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": f"Belize justice suite: {app} export API", "version": CONTRACT_VERSION},
        "servers": [{"url": base_path.rstrip("/")}],
        "security": [{"bearer": []}],
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": schemas,
        },
        "paths": {
            "/": _get("The datasets and the contract documents", {"type": "object"}, unauthorized),
            "/datapackage.json": _get(
                "Frictionless Data Package", {"type": "object"}, unauthorized
            ),
            "/openapi.json": _get("This document", {"type": "object"}, unauthorized),
            "/{dataset}": {
                "get": {
                    "summary": "Changes after a cursor, oldest first (at-least-once)",
                    "parameters": [
                        dataset_param,
                        {"name": "cursor", "in": "query", "schema": {"type": "string"}},
                        {
                            "name": "limit",
                            "in": "query",
                            "schema": {"type": "integer", "minimum": 1, "maximum": 5000},
                        },
                    ],
                    "responses": {
                        "200": _json_ok(
                            {
                                "type": "object",
                                "properties": {
                                    "records": {"type": "array", "items": record_any},
                                    "next_cursor": {"type": "string"},
                                    "has_more": {"type": "boolean"},
                                },
                                "required": ["records", "next_cursor", "has_more"],
                            }
                        ),
                        "400": _error_response("Bad cursor or limit"),
                        "401": unauthorized,
                        "404": _error_response("No such dataset"),
                    },
                }
            },
            "/{dataset}.csv": {
                "get": {
                    "summary": "Full current snapshot as CSV (streamed)",
                    "parameters": [dataset_param],
                    "responses": {
                        "200": {
                            "description": "CSV with a header row; see the data package",
                            "content": {"text/csv": {"schema": {"type": "string"}}},
                        },
                        "401": unauthorized,
                        "404": _error_response("No such dataset"),
                    },
                }
            },
        },
    }


def _error_schema():
    return {
        "type": "object",
        "properties": {
            "error": {"type": "string"},
            "message": {"type": "string"},
            "status": {"type": "integer"},
        },
        "required": ["error", "message", "status"],
    }


def _json_ok(schema):
    return {"description": "OK", "content": {"application/json": {"schema": schema}}}


def _get(summary, schema, unauthorized):
    return {
        "get": {"summary": summary, "responses": {"200": _json_ok(schema), "401": unauthorized}}
    }
