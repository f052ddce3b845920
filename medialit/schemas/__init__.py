"""JSON Schemas shipped with the package: each is compiled once and is the only statement of its format.

:func:`conforms` is the fast yes/no check (the schema compiled by ``fastjsonschema``), used on
every tag file; :func:`schema_errors` explains, with ``jsonschema``, why data does not conform.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

# jsonschema imports the optional package rfc3987_syntax, when it is installed, to check the
# "iri" string format; that import compiles a grammar and takes most of a second, which a
# learner waits through every time a notebook starts on Binder. Our schemas use no IRI format,
# so, unless something imported it already, mark it unavailable: jsonschema then skips that one
# format checker and nothing else changes.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]

import fastjsonschema  # noqa: E402
from jsonschema import Draft202012Validator  # noqa: E402


@cache
def schema(name: str) -> dict[str, Any]:
    """The JSON Schema ``<name>.schema.json`` in this folder."""
    text = resources.files(__package__).joinpath(f"{name}.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@cache
def validator(name: str) -> Draft202012Validator:
    """The explaining validator for schema ``name``."""
    return Draft202012Validator(schema(name))


@cache
def _compiled(name: str) -> Callable[[Any], Any]:
    return fastjsonschema.compile(schema(name))


def conforms(name: str, instance: Any) -> bool:
    """Whether ``instance`` follows schema ``name`` (fast: the schema compiled to Python once)."""
    try:
        _compiled(name)(instance)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def schema_errors(name: str, instance: Any) -> list[str]:
    """Plain-language messages for every way ``instance`` breaks schema ``name``."""
    messages = []
    for error in sorted(validator(name).iter_errors(instance), key=lambda e: list(e.path)):
        where = "/".join(str(part) for part in error.path)
        messages.append(f"{where}: {error.message}" if where else error.message)
    return messages
