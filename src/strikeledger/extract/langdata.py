"""Language data: the per-language YAML files under ``extract/lang/{en,uk,ru}/``, loaded once.

Every component keeps its words (weapon names and their inflected forms, cue verbs, qualifiers,
claimant names, role titles …) in YAML, one file per language and topic, so that a linguist can
review the Ukrainian file without reading Python. This module is the one way to read them::

    from strikeledger.extract import langdata
    weapons = langdata.load("uk", "weapons")      # dict, cached, validated

A file is validated against the schema registered under its name (``register_schema``), else
only checked to be a mapping. A schema is a small mapping of key -> type spec:

- ``"str" | "int" | "bool" | "any"``
- ``"list[str]"``, ``"dict[str,str]"``, ``"dict[str,int]"``, ``"dict[str,list[str]]"``
- ``[spec]``: a list whose items match ``spec``
- ``{"key": spec, "opt?": spec, "*": spec}``: a mapping; ``?`` marks an optional key, ``*``
  gives the spec of any other key (without ``*`` unknown keys are errors).

Bad data raises ``LanguageDataError`` (SL-E200) naming the file and the path inside it.
Only ``true``/``false`` are booleans: words such as "on", "no", "yes", "off" stay strings
(plain YAML 1.1 would turn them into True/False inside word lists).
Nothing is read at import time.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import LanguageDataError

__all__ = [
    "LANGS",
    "check_all",
    "data_dir",
    "load",
    "register_schema",
    "schema_for",
    "validate",
]

LANGS = ("en", "uk", "ru")

Schema = Any

_SCHEMAS: dict[str, Schema] = {}

# Schemas of the figure-related files (strikeledger.extract.figures_*). Other components register
# theirs with ``register_schema`` (or pass ``schema=`` to ``load``).
_PHRASES = "list[str]"
_SCHEMAS["weapons"] = {
    "weapons": [
        {
            "forms": _PHRASES,
            "category": "str",
            "model?": "str",
            "kind?": "str",
            "attacker?": "str",
            "note?": "str",
        }
    ],
    "modifiers?": _PHRASES,
    "compound_blockers?": _PHRASES,
    "attacker_ua?": _PHRASES,
}
_SCHEMAS["measures"] = {
    "cues": [
        {
            "forms": _PHRASES,
            "measure": "str",
            "side?": "str",
            "weak?": "bool",
            "note?": "str",
        }
    ],
    "locations": _PHRASES,
    "location_debris": _PHRASES,
    "location_hit": _PHRASES,
    "another": _PHRASES,
    "more_after?": _PHRASES,
}
_SCHEMAS["qualifiers"] = {"qualifiers": "dict[str,list[str]]", "not_after?": _PHRASES}
_SCHEMAS["claimants"] = {
    "claimants": [{"forms": _PHRASES, "name": "str", "kind": "str", "note?": "str"}],
    "sources?": [{"source": "str", "name": "str", "kind": "str", "note?": "str"}],
}
_SCHEMAS["attack"] = {
    "anaphora": _PHRASES,
    "parts": _PHRASES,
    "of_total": _PHRASES,
    "over": _PHRASES,
    "coordinators": _PHRASES,
    "breakers": _PHRASES,
    "people?": _PHRASES,
    "periods?": _PHRASES,
    "regions": [{"forms": _PHRASES, "code": "str", "note?": "str"}],
    "russia_area?": _PHRASES,
    "articles?": _PHRASES,
    "both?": _PHRASES,
    "determiners?": _PHRASES,
    "copulas?": _PHRASES,
    "non_attack?": _PHRASES,
    "launch_from?": _PHRASES,
    "target?": _PHRASES,
    "span_leads?": _PHRASES,
    "respectively?": _PHRASES,
    "singular?": _PHRASES,
    "all_of_them?": _PHRASES,
    "averages?": _PHRASES,
    "compared?": _PHRASES,
    "alternatives?": _PHRASES,
    "contrasts?": _PHRASES,
    "range_from?": _PHRASES,
}


def register_schema(name: str, schema: Schema) -> None:
    """Declare the schema of the data files called ``name`` (in every language)."""
    _SCHEMAS[name] = schema


def schema_for(name: str) -> Schema | None:
    return _SCHEMAS.get(name)


def data_dir() -> Path:
    return Path(str(resources.files("strikeledger.extract").joinpath("lang")))


def _path(lang: str, name: str) -> Path:
    return data_dir() / lang / f"{name}.yaml"


# libyaml's parser when PyYAML was built with it (about 10x faster: the language data is read
# by every new process); the resolvers below are Python either way, so the data read is the same.
_SafeBase: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeBase):  # type: ignore[misc]
    """Safe YAML where only true/false are booleans: language data is full of words like
    "on", "no", "yes" and "off" that YAML 1.1 would silently turn into True/False."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def parse_yaml(text: str) -> Any:
    """YAML as the language data reads it: safe, and only true/false are booleans."""
    return yaml.load(text, Loader=_Loader)  # a SafeLoader


@functools.lru_cache(maxsize=256)
def _load_cached(lang: str, name: str) -> dict[str, Any]:
    path = _path(lang, name)
    where = f"extract/lang/{lang}/{name}.yaml"
    if not path.exists():
        raise LanguageDataError("no such language data file", item=where)
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        pos = f"line {mark.line + 1}" if mark is not None else None
        raise LanguageDataError(f"not valid YAML: {e}", item=where, position=pos) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise LanguageDataError("top level must be a mapping", item=where)
    schema = _SCHEMAS.get(name)
    if schema is not None:
        validate(data, schema, where=where)
    return data


def load(lang: str, name: str, *, schema: Schema | None = None) -> dict[str, Any]:
    """The data file ``extract/lang/{lang}/{name}.yaml`` as a dict (cached; do not mutate).

    ``schema`` registers (and checks) a schema for ``name`` on first use.
    """
    if schema is not None and name not in _SCHEMAS:
        register_schema(name, schema)
    return _load_cached(lang, name)


def exists(lang: str, name: str) -> bool:
    return _path(lang, name).exists()


def validate(data: Any, schema: Schema, *, where: str, path: str = "") -> None:
    """Raise ``LanguageDataError`` unless ``data`` matches ``schema``."""

    def fail(msg: str) -> None:
        raise LanguageDataError(msg, item=where, position=path or "top level")

    if isinstance(schema, dict):
        if not isinstance(data, dict):
            fail(f"expected a mapping, got {type(data).__name__}")
        required = {k for k in schema if not k.endswith("?") and k != "*"}
        known = {k.rstrip("?") for k in schema if k != "*"}
        for k in sorted(required - set(data)):
            fail(f"missing key {k!r}")
        for k, v in data.items():
            sub = f"{path}.{k}" if path else str(k)
            if k in known:
                spec = schema.get(k, schema.get(f"{k}?"))
            elif "*" in schema:
                spec = schema["*"]
            else:
                raise LanguageDataError(f"unknown key {k!r}", item=where, position=sub)
            validate(v, spec, where=where, path=sub)
        return
    if isinstance(schema, list):
        if not isinstance(data, list):
            fail(f"expected a list, got {type(data).__name__}")
        for i, item in enumerate(data):
            validate(item, schema[0], where=where, path=f"{path}[{i}]")
        return
    _check_scalar(data, str(schema), fail)


def _check_scalar(data: Any, spec: str, fail: Any) -> None:
    simple = {"str": str, "int": int, "bool": bool}
    if spec == "any":
        return
    if spec in simple:
        if not isinstance(data, simple[spec]) or (spec == "int" and isinstance(data, bool)):
            fail(f"expected {spec}, got {type(data).__name__}")
        if spec == "str" and not data.strip():
            fail("empty string")
        return
    if spec == "list[str]":
        if not isinstance(data, list):
            fail(f"expected a list of strings, got {type(data).__name__}")
        for i, x in enumerate(data):
            if not isinstance(x, str) or not x.strip():
                fail(f"item {i} must be a non-empty string, got {x!r}")
        return
    if spec.startswith("dict[str,") and spec.endswith("]"):
        inner = spec[len("dict[str,") : -1]
        if not isinstance(data, dict):
            fail(f"expected a mapping, got {type(data).__name__}")
        for k, v in data.items():
            if not isinstance(k, str):
                fail(f"key {k!r} must be a string")
            _check_scalar(v, inner, fail)
        return
    raise LanguageDataError(f"unknown schema type {spec!r}", item="langdata schema")


def check_all() -> list[str]:
    """Load and validate every data file under ``extract/lang/``; the list of files checked."""
    checked = []
    for lang_dir in sorted(p for p in data_dir().iterdir() if p.is_dir()):
        for f in sorted(lang_dir.glob("*.yaml")):
            _load_cached(lang_dir.name, f.stem)
            checked.append(f"{lang_dir.name}/{f.name}")
    return checked
