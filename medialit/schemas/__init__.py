"""JSON Schemas shipped with the package: each is compiled once and is the only statement of its format.

:func:`conforms` is the fast yes/no check (the schema compiled by ``fastjsonschema``), used on
every tag file; :func:`schema_errors` explains, with ``jsonschema``, why data does not conform, in
plain words built from each error's keyword, place and value (a property's ``title`` in the
schema, where it has one, says what the property is).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
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
from jsonschema import Draft202012Validator, ValidationError  # noqa: E402


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
    """Plain-language reasons, one per way ``instance`` breaks schema ``name``.

    Each reason is the rest of a sentence about the data ("it has no saved_at (the time the file
    was saved)", "its tags (p001) is a text, but it should be a list"); a keyword with no wording
    of its own gets a generic one. The same reason is not given twice.
    """
    errors = sorted(validator(name).iter_errors(instance), key=lambda e: [str(p) for p in e.path])
    return list(dict.fromkeys(reason for error in errors for reason in _reasons(error)))


#: JSON's kinds of value, in plain words.
_KINDS = {
    "object": "a group of named entries",
    "array": "a list",
    "string": "a text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "empty (null)",
}
_SHOWN_MAX = 40


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return _KINDS["boolean"]
    for kind, types in (("object", dict), ("array", list), ("string", str), ("integer", int)):
        if isinstance(value, types):
            return _KINDS[kind]
    return _KINDS["null"] if value is None else _KINDS["number"]


def _shown(value: Any) -> str:
    """A value as it may be quoted in a message: short texts and numbers as they are, else its kind."""
    if isinstance(value, str):
        return repr(value if len(value) <= _SHOWN_MAX else value[:_SHOWN_MAX] + "…")
    if isinstance(value, bool | int | float) or value is None:
        return json.dumps(value)
    return _kind(value)


def _place(path: Sequence[Any]) -> str:
    """Where in the data: ``it``, ``its saved_at``, ``its tags (p001, item 1)``."""
    if not path:
        return "it"
    head, *rest = (f"item {part + 1}" if isinstance(part, int) else str(part) for part in path)
    return f"its {head}" + (f" ({', '.join(rest)})" if rest else "")


def _titled(schema_of: dict[str, Any], key: str) -> str:
    title = schema_of.get("properties", {}).get(key, {}).get("title")
    return f"{key} ({title})" if isinstance(title, str) else key


def _one_of(values: list[Any]) -> str:
    shown = [_shown(value) for value in values]
    return shown[0] if len(shown) == 1 else f"one of {', '.join(shown[:-1])} or {shown[-1]}"


def _reasons(error: ValidationError) -> Iterator[str]:
    keyword, value, instance = error.validator, error.validator_value, error.instance
    place = _place(list(error.path))
    if "propertyNames" in error.relative_schema_path:
        place = f"the entry name {_shown(instance)} in {place}"
    if keyword == "required":
        for key in value:
            if isinstance(instance, dict) and key not in instance:
                yield f"{place} has no {_titled(error.schema, key)}"
    elif keyword == "additionalProperties" and isinstance(instance, dict):
        for key in instance:
            if key not in error.schema.get("properties", {}):
                yield f"{place} has an entry {_shown(key)} that the format does not know"
    elif keyword == "type":
        expected = [value] if isinstance(value, str) else list(value)
        kinds = " or ".join(_KINDS.get(kind, kind) for kind in expected)
        yield f"{place} is {_kind(instance)}, but it should be {kinds}"
    elif keyword == "maxLength":
        yield f"{place} is longer than {value:,} characters (it has {len(instance):,})"
    elif keyword == "minLength":
        yield (
            f"{place} is empty"
            if not instance
            else f"{place}, {_shown(instance)}, is shorter than {value:,} characters"
        )
    elif keyword == "maxItems":
        yield f"{place} has more than {value:,} items (it has {len(instance):,})"
    elif keyword == "minItems":
        yield f"{place} is an empty list" if value == 1 else f"{place} has fewer than {value:,} items"
    elif keyword in ("const", "enum"):
        allowed = _one_of([value] if keyword == "const" else list(value))
        yield f"{place} is {_shown(instance)}, but it should be {allowed}"
    elif keyword == "pattern":
        yield f"{place} is {_shown(instance)}, which is not written the way the format asks"
    elif keyword == "uniqueItems":
        yield f"{place} lists the same item more than once"
    elif keyword == "not" and isinstance(value, dict) and isinstance(value.get("title"), str):
        yield f"{place} must not contain {value['title']}"
    else:
        yield f"{place} is not what the format allows there"
