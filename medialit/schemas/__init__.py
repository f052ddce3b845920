"""JSON Schemas shipped with the package, and a helper to check data against them."""

from __future__ import annotations

import json
import sys
from functools import cache
from importlib import resources
from typing import Any

# jsonschema imports the optional package rfc3987_syntax, when it is installed, to check the
# "iri" string format; that import compiles a grammar and takes most of a second, which a
# learner waits through every time a notebook starts on Binder. Our schemas use no IRI format,
# so, unless something imported it already, mark it unavailable: jsonschema then skips that one
# format checker and nothing else changes.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]

from jsonschema import Draft202012Validator  # noqa: E402


@cache
def validator(name: str) -> Draft202012Validator:
    """The validator for ``<name>.schema.json`` in this folder."""
    text = resources.files(__package__).joinpath(f"{name}.schema.json").read_text("utf-8")
    return Draft202012Validator(json.loads(text))


def schema_errors(name: str, instance: Any) -> list[str]:
    """Plain-language messages for every way ``instance`` breaks schema ``name``."""
    messages = []
    for error in sorted(validator(name).iter_errors(instance), key=lambda e: list(e.path)):
        where = "/".join(str(part) for part in error.path)
        messages.append(f"{where}: {error.message}" if where else error.message)
    return messages
