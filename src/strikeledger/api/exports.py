"""Exports of the API's list queries: CSV, Parquet, GeoJSON and JSON Lines.

Rows are the same dicts the JSON API returns. Nested values are flattened for the tabular
formats (``claimant.name`` becomes column ``claimant_name``; lists are joined with commas);
GeoJSON takes ``lat``/``lon`` of a row as its point (null geometry when absent).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from fastapi.responses import Response

from ..errors import QueryParameterError

MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
    "geojson": "application/geo+json",
    "jsonl": "application/x-ndjson",
}
EXTENSIONS = {"csv": "csv", "parquet": "parquet", "geojson": "geojson", "jsonl": "jsonl"}


def flatten(row: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in row.items():
        key = f"{prefix}{k}"
        if isinstance(v, Mapping):
            out.update(flatten(v, key + "_"))
        elif isinstance(v, list | tuple):
            if all(not isinstance(x, Mapping | list | tuple) for x in v):
                out[key] = ",".join("" if x is None else str(x) for x in v)
            else:
                out[key] = json.dumps(v, ensure_ascii=False, default=str)
        else:
            out[key] = v
    return out


def _columns(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    cols: dict[str, None] = {}
    for r in rows:
        for k in r:
            cols.setdefault(k, None)
    return list(cols)


def _csv_cell(v: Any) -> Any:
    # Spreadsheet formula injection: a cell starting with = + - @ is prefixed with a quote.
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + v
    return v


def to_csv(rows: Sequence[Mapping[str, Any]]) -> bytes:
    flat = [flatten(r) for r in rows]
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=_columns(flat), extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in flat:
        w.writerow({k: _csv_cell(v) for k, v in r.items()})
    return buf.getvalue().encode("utf-8")


def to_parquet(rows: Sequence[Mapping[str, Any]]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    flat = [flatten(r) for r in rows]
    cols = _columns(flat)
    arrays = {}
    for c in cols:
        values = [r.get(c) for r in flat]
        kinds = {type(v) for v in values if v is not None}
        if kinds and not kinds <= {int, float, bool}:
            values = [None if v is None else str(v) for v in values]
        arrays[c] = pa.array(values)
    table = pa.table(arrays) if cols else pa.table({})
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


def to_jsonl(rows: Iterable[Mapping[str, Any]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows).encode()


def to_geojson(rows: Iterable[Mapping[str, Any]]) -> bytes:
    features = []
    for r in rows:
        lat, lon = r.get("lat"), r.get("lon")
        geometry = (
            {"type": "Point", "coordinates": [float(lon), float(lat)]}
            if isinstance(lat, int | float) and isinstance(lon, int | float)
            else None
        )
        props = {k: v for k, v in r.items() if k not in ("lat", "lon")}
        features.append(
            {"type": "Feature", "id": r.get("id"), "geometry": geometry, "properties": props}
        )
    return json.dumps(
        {"type": "FeatureCollection", "features": features}, ensure_ascii=False, default=str
    ).encode()


def export_response(
    rows: Sequence[Mapping[str, Any]], fmt: str, name: str, *, geo: bool
) -> Response:
    if fmt == "geojson" and not geo:
        raise QueryParameterError("geojson is offered for places and events only", item="format")
    body = {"csv": to_csv, "parquet": to_parquet, "jsonl": to_jsonl, "geojson": to_geojson}[fmt](
        rows
    )
    return Response(
        body,
        media_type=MEDIA_TYPES[fmt],
        headers={"content-disposition": f'attachment; filename="{name}.{EXTENSIONS[fmt]}"'},
    )
