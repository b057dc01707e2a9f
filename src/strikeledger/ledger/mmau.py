"""Import the Ukrainian Air Force's daily figures from the "Massive Missile Attacks on Ukraine"
dataset (``missile_attacks_daily.csv``) as claims in the ledger.

Each dataset row (one reporting window and weapon model) becomes a synthetic document of kind
``mmau`` whose text is a one-line rendering of the row, so that every figure has real evidence
offsets into it and its id (the hash of that text) is the same on every import: importing twice
changes nothing. Figures are claimed by ``{"name": "Ukrainian Air Force", "kind": "air_force"}``;
``night_of`` is the date of ``time_end``; the window is ``time_start``/``time_end`` in Kyiv time.

Columns to measures: ``launched`` -> launched; ``destroyed`` -> shot_down in rows where
``not_reach_goal`` is filled (then the dataset splits shot down from lost locally), else
neutralized (in older rows ``destroyed`` is the Air Force's "shot down/suppressed" total, see the
dataset's README); ``not_reach_goal`` -> suppressed; ``still_attacking`` -> in_flight;
``num_hit_location`` -> hit_locations; ``num_fall_fragment_location`` -> debris_locations (both
category ``any``). Dataset model names map to canonical weapons through
``data/mmau_models.yaml``.
"""

from __future__ import annotations

import csv
import math
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from .. import settings
from ..document import Document, normalise
from ..errors import (
    EncodingError,
    FieldMappingError,
    InputError,
    MalformedInputError,
    UnsupportedSourceError,
)
from ..report import SCHEMA

__all__ = ["ImportSummary", "import_mmau", "row_document", "weapon_for"]

KYIV = ZoneInfo("Europe/Kyiv")
CLAIMANT = {"name": "Ukrainian Air Force", "kind": "air_force"}
SOURCE = "mmau"
RULE = "mmau.row.v1"
DATA = Path(__file__).parent / "data" / "mmau_models.yaml"
# (column, measure) in the order they are written into the row's text.
MEASURE_COLUMNS = (
    ("launched", "launched"),
    ("destroyed", None),  # shot_down or neutralized, see the module docstring
    ("not_reach_goal", "suppressed"),
    ("still_attacking", "in_flight"),
    ("num_hit_location", "hit_locations"),
    ("num_fall_fragment_location", "debris_locations"),
)
REQUIRED = ("time_start", "time_end", "model", "launched")


@lru_cache(maxsize=1)
def model_table() -> dict[str, dict[str, Any]]:
    import yaml

    with DATA.open(encoding="utf-8") as f:
        data = yaml.safe_load(f)
    table = data.get("models") if isinstance(data, dict) else None
    if not isinstance(table, dict):
        raise MalformedInputError("no 'models' mapping", item=str(DATA))
    return {str(k): v for k, v in table.items()}


def weapon_for(name: str) -> dict[str, Any]:
    """The report-v1 weapon of a dataset model name (``A and B`` = one figure of both)."""
    table = model_table()
    parts = [p.strip() for p in name.split(" and ") if p.strip()]
    if not parts:
        raise FieldMappingError("empty model name")
    categories: list[str] = []
    models: list[str] = []
    for part in parts:
        entry = table.get(part)
        if entry is None:
            raise FieldMappingError(f"unknown model {part!r} (add it to {DATA.name})")
        categories.append(entry["category"])
        models.extend(str(m) for m in entry["models"] if m not in models)
    category = categories[0] if len(set(categories)) == 1 else "any"
    weapon: dict[str, Any] = {"category": category, "model": models[0] if models else None}
    if len(models) > 1:
        weapon["models"] = models
    return weapon


def _number(value: str | None) -> int | None:
    if value is None or not value.strip():
        return None
    x = float(value)
    if math.isnan(x):
        return None
    if x < 0 or x != int(x):
        raise ValueError(f"not a count: {value!r}")
    return int(x)


def _kyiv(value: str) -> tuple[str, str | None]:
    """(ISO date, ISO timestamp in Kyiv time or None when the cell has no clock time)."""
    v = value.strip()
    if len(v) <= 10:
        return datetime.strptime(v, "%Y-%m-%d").date().isoformat(), None
    dt = datetime.strptime(v[:16], "%Y-%m-%d %H:%M").replace(tzinfo=KYIV)
    return dt.date().isoformat(), dt.isoformat()


def _url(source: str) -> str | None:
    s = source.strip()
    if not s:
        return None
    if s.startswith(("http://", "https://")):
        return s
    return "https://www.facebook.com/" + s.lstrip("/")


def row_document(
    row: dict[str, str], *, item: str, position: str
) -> tuple[Document, dict[str, Any]]:
    """The synthetic document and report-v1 dict of one dataset row (raises InputError)."""
    missing = [c for c in REQUIRED if c not in row]
    if missing:
        raise FieldMappingError(f"no column {', '.join(missing)}", item=item, position=position)
    try:
        _, start = _kyiv(row["time_start"])
        night_of, end = _kyiv(row["time_end"])
        values = {col: _number(row.get(col)) for col, _ in MEASURE_COLUMNS}
    except ValueError as e:
        raise MalformedInputError(str(e), item=item, position=position) from None
    model_name = normalise(row.get("model") or "")
    try:
        weapon = weapon_for(model_name)
    except FieldMappingError as e:
        raise FieldMappingError(e.message, item=item, position=position) from None
    head = (
        f"Ukrainian Air Force, {normalise(row['time_start'])} to {normalise(row['time_end'])}, "
        f"{model_name}:"
    )
    text = head
    spans: list[tuple[str, int, int, int]] = []
    split = values["not_reach_goal"] is not None
    for col, measure in MEASURE_COLUMNS:
        value = values[col]
        if value is None:
            continue
        label = f" {col} {value}"
        s = len(text) + 1
        text += label + ","
        name = measure or ("shot_down" if split else "neutralized")
        spans.append((name, value, s, s + len(label) - 1))
    text = text.rstrip(",") + "."
    # Rows that differ only in target or launch place are different claims (two single
    # missiles at two oblasts): both go into the text, hence into the id.
    for col, label in (("target", "Target"), ("launch_place", "Launched from")):
        cell = normalise(" ".join((row.get(col) or "").split()))
        if cell:
            text += f" {label}: {cell}."
    source_ref = normalise(row.get("source") or "")
    if source_ref:
        text += f" Source: {source_ref}."
    if not spans:
        raise MalformedInputError("a row without any figure", item=item, position=position)
    doc = Document.from_text(
        text,
        published=end or night_of,
        url=_url(source_ref),
        title=f"Air Force figures, night of {night_of}: {model_name}",
        source=SOURCE,
        path=None,
        language="en",
    )
    if doc.text != text:  # evidence offsets point into the text: it must be in normal form
        raise MalformedInputError(
            "the row does not render to normalised text", item=item, position=position
        )
    window = {"start": start, "end": end} if (start or end) else None
    figures = []
    for measure, value, s0, s1 in spans:
        located = measure in ("hit_locations", "debris_locations")
        figures.append(
            {
                "measure": measure,
                "weapon": {"category": "any", "model": None} if located else dict(weapon),
                "value": value,
                "qualifier": "exact",
                "night_of": night_of,
                "window": window,
                "area": ["UA"],
                "attacker": "RU",
                "claimant": dict(CLAIMANT),
                "evidence": {"start": s0, "end": s1, "text": text[s0:s1]},
                "rule": RULE,
            }
        )
    report = {
        "schema": SCHEMA,
        "document": {
            "id": doc.id,
            "source": doc.source,
            "url": doc.url,
            "path": None,
            "title": doc.title,
            "published": doc.published,
            "language": "en",
        },
        "figures": figures,
        "casualties": [],
        "damage": [],
        "places": [],
        "statements": [],
        "persons": [],
        "flags": [],
    }
    return doc, report


@dataclass
class ImportSummary:
    rows: int = 0
    new: int = 0
    duplicate: int = 0
    skipped: int = 0
    figures: int = 0
    errors: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [
            f"read {self.rows} rows: {self.new} new, {self.duplicate} already in the ledger, "
            f"{self.skipped} skipped; {self.figures} figures added"
        ]


def iter_rows(path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    try:
        f = path.open(encoding="utf-8-sig", newline="")
    except OSError as e:
        raise UnsupportedSourceError(e.strerror or str(e), item=str(path)) from None
    with f:
        reader = csv.DictReader(f)
        try:
            for row in reader:
                yield f"line {reader.line_num}", row
        except UnicodeDecodeError as e:  # a binary or non-UTF-8 file: nothing after it is read
            raise EncodingError(
                f"not valid UTF-8: {e.reason}",
                item=str(path),
                position=f"line {reader.line_num + 1}",
            ) from None
        except csv.Error as e:
            raise MalformedInputError(
                f"malformed CSV: {e}", item=str(path), position=f"line {reader.line_num}"
            ) from None


def import_mmau(
    path: str | os.PathLike[str],
    db: str | os.PathLike[str] | None = None,
    *,
    on_error: Callable[[InputError], None] | None = None,
    batch_size: int | None = None,
) -> ImportSummary:
    """Load the dataset's rows into the ledger ``db`` (see the module docstring)."""
    from . import open_store

    item = os.fspath(path)
    size = batch_size or settings.INGEST_BATCH_SIZE.get()
    summary = ImportSummary()
    with open_store(db) as store:
        batch: list[tuple[Document, dict[str, Any]]] = []

        def flush() -> None:
            result = store.add_batch(
                batch, kind="mmau", extractor_version=RULE, near_duplicates=False
            )
            summary.new += result.new
            summary.duplicate += result.duplicate
            added = set(result.new_ids)
            summary.figures += sum(len(r["figures"]) for d, r in batch if d.id in added)
            batch.clear()

        for position, row in iter_rows(Path(item)):
            summary.rows += 1
            try:
                batch.append(row_document(row, item=item, position=position))
            except InputError as e:
                summary.skipped += 1
                summary.errors.append(e.describe())
                if on_error:
                    on_error(e)
                continue
            if len(batch) >= size:
                flush()
        if batch:
            flush()
    return summary
