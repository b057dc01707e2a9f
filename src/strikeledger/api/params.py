"""Query parameters shared by the API and the dashboard: parsed and checked once, here.

Every list route accepts the same filters (``from``, ``to``, ``area``, ``attacker``, ``weapon``,
``measure``) and pagination (``page``, ``page_size``); some add their own (``q``, ``format``,
``kind``, ``by``). A parameter that is unknown, malformed or out of range raises
``QueryParameterError`` naming it, which the edge turns into HTTP 400: never a 500.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import date

from ..errors import QueryParameterError
from ..report import CATEGORIES, MEASURES
from .config import ApiSettings

FORMATS = ("json", "csv", "parquet", "geojson", "jsonl")
FILTER_PARAMS = ("from", "to", "area", "attacker", "weapon", "measure")
PAGE_PARAMS = ("page", "page_size")

_AREA = re.compile(r"^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_MODEL = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
_ID = re.compile(r"^[A-Za-z0-9:>_.\-]{1,200}$")


@dataclass(frozen=True)
class Filters:
    date_from: str | None = None
    date_to: str | None = None
    area: str | None = None
    attacker: str | None = None
    category: str | None = None  # weapon category (drone, missile, guided_bomb, any)
    model: str | None = None  # weapon model (shahed, kh-101 …)
    measure: str | None = None

    def as_query(self) -> dict[str, str]:
        """The filters as URL query parameters (for links that keep them)."""
        out = {
            "from": self.date_from,
            "to": self.date_to,
            "area": self.area,
            "attacker": self.attacker,
            "weapon": self.model or self.category,
            "measure": self.measure,
        }
        return {k: v for k, v in out.items() if v}

    def to_dict(self) -> dict[str, str | None]:
        return asdict(self)


@dataclass(frozen=True)
class Page:
    number: int
    size: int

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size


def _one(params: Mapping[str, str] | object, name: str, max_chars: int) -> str | None:
    getlist = getattr(params, "getlist", None)
    values = getlist(name) if getlist else ([params[name]] if name in params else [])  # type: ignore[operator,index]
    if not values:
        return None
    if len(values) > 1:
        raise QueryParameterError("given more than once", item=name)
    value = str(values[0]).strip()
    if len(value) > max_chars:
        raise QueryParameterError(f"longer than api_max_query_chars={max_chars}", item=name)
    return value or None


def check_known(params: Iterable[str], allowed: Iterable[str]) -> None:
    allowed_set = set(allowed)
    unknown = sorted(set(params) - allowed_set)
    if unknown:
        raise QueryParameterError(
            f"unknown query parameter; allowed: {', '.join(sorted(allowed_set))}", item=unknown[0]
        )


def _date(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat() if len(value) == 10 else _bad_date(name)
    except ValueError:
        return _bad_date(name)


def _bad_date(name: str) -> str:
    raise QueryParameterError("expected a date as YYYY-MM-DD", item=name)


def parse_filters(
    params: Mapping[str, str] | object, settings: ApiSettings, *, measures: Iterable[str] = MEASURES
) -> Filters:
    n = settings.max_query_chars
    date_from = _date(_one(params, "from", n), "from")
    date_to = _date(_one(params, "to", n), "to")
    if date_from and date_to and date_from > date_to:
        raise QueryParameterError(f"'from' ({date_from}) is after 'to' ({date_to})", item="from")
    area = _one(params, "area", n)
    if area is not None:
        area = area.upper()
        if not _AREA.match(area):
            raise QueryParameterError("expected an ISO 3166 code such as UA or UA-30", item="area")
    attacker = _one(params, "attacker", n)
    if attacker is not None:
        attacker = attacker.upper()
        if not _COUNTRY.match(attacker):
            raise QueryParameterError(
                "expected an ISO 3166-1 code such as RU or UA", item="attacker"
            )
    category = model = None
    weapon = _one(params, "weapon", n)
    if weapon is not None:
        weapon = weapon.lower()
        if weapon in CATEGORIES:
            category = weapon
        elif _MODEL.match(weapon):
            model = weapon
        else:
            raise QueryParameterError(
                f"expected a weapon category ({', '.join(CATEGORIES)}) "
                "or a model id (shahed, kh-101 …)",
                item="weapon",
            )
    measure = _one(params, "measure", n)
    allowed_measures = tuple(measures)
    if measure is not None and measure not in allowed_measures:
        raise QueryParameterError(f"expected one of {', '.join(allowed_measures)}", item="measure")
    return Filters(date_from, date_to, area, attacker, category, model, measure)


def parse_page(params: Mapping[str, str] | object, settings: ApiSettings) -> Page:
    return Page(
        _int(params, "page", 1, 1, 1_000_000, settings),
        _int(params, "page_size", settings.page_size, 1, settings.max_page_size, settings),
    )


def _int(params: object, name: str, default: int, lo: int, hi: int, settings: ApiSettings) -> int:
    raw = _one(params, name, settings.max_query_chars)
    if raw is None:
        return default
    if not re.fullmatch(r"\d{1,9}", raw):
        raise QueryParameterError("expected a whole number", item=name)
    value = int(raw)
    if not lo <= value <= hi:
        raise QueryParameterError(f"must be between {lo} and {hi}", item=name)
    return value


def parse_format(params: object, settings: ApiSettings, allowed: Iterable[str] = FORMATS) -> str:
    fmt = _one(params, "format", settings.max_query_chars) or "json"
    allowed_t = tuple(allowed)
    if fmt not in allowed_t:
        raise QueryParameterError(f"expected one of {', '.join(allowed_t)}", item="format")
    return fmt


def parse_text(params: object, name: str, settings: ApiSettings) -> str | None:
    return _one(params, name, settings.max_query_chars)


def parse_choice(
    params: object, name: str, choices: Iterable[str], settings: ApiSettings
) -> str | None:
    value = _one(params, name, settings.max_query_chars)
    allowed = tuple(choices)
    if value is not None and value not in allowed:
        raise QueryParameterError(f"expected one of {', '.join(allowed)}", item=name)
    return value


def check_id(value: str, name: str) -> str:
    if not _ID.match(value):
        raise QueryParameterError("malformed identifier", item=name)
    return value
