"""The Air Force history import: mapping, measures, evidence, idempotence."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from strikeledger.cli import main
from strikeledger.errors import FieldMappingError
from strikeledger.ledger import open_store
from strikeledger.ledger.mmau import import_mmau, model_table, row_document, weapon_for
from tests.conftest import shared_path

HEADER = (
    "time_start,time_end,model,launch_place,target,target_main,launched,destroyed,not_reach_goal,"
    "still_attacking,border_crossing,is_shahed,num_hit_location,num_fall_fragment_location,"
    "carrier,turbojet,turbojet_destroyed,affected region,destroyed_details,launched_details,"
    "launch_place_details,source\n"
)
# Invented rows in the dataset's layout.
ROWS = [
    "2025-03-11 18:00,2025-03-12 09:00,Shahed-136/131,Kursk oblast,Ukraine,,120.0,87.0,25.0,"
    "2.0,{},1.0,5.0,9.0,,,,,,,,kpszsu/posts/p1\n",
    "2025-03-11 18:00,2025-03-12 09:00,X-101/X-555 and Kalibr,,Ukraine,,12.0,10.0,,,{},,,,,,,,,,,"
    "kpszsu/posts/p1\n",
    "2023-01-14,2023-01-14,Iskander-M,Crimea,Odesa oblast,,1.0,0.0,,,{},,,,,,,,,,,"
    "kpszsu/posts/p2\n",
    "2023-01-14,2023-01-14,Iskander-M,Crimea,Mykolaiv oblast,,1.0,0.0,,,{},,,,,,,,,,,"
    "kpszsu/posts/p2\n",
    "2023-01-15,2023-01-15,Mystery-9,,Ukraine,,3.0,,,,{},,,,,,,,,,,x\n",
    "2023-01-16,not a date,Iskander-M,,Ukraine,,3.0,,,,{},,,,,,,,,,,x\n",
]


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    p = tmp_path / "daily.csv"
    p.write_text(HEADER + "".join(ROWS), encoding="utf-8")
    return p


@pytest.mark.parametrize(
    ("name", "category", "model", "models"),
    [
        ("Shahed-136/131", "drone", "shahed", None),
        ("Iskander-M", "missile", "iskander-m", None),
        ("X-101/X-555", "missile", "kh-101", ["kh-101", "kh-555"]),
        ("Iskander-M/KN-23", "missile", "iskander-m", ["iskander-m", "kn-23"]),
        ("X-101/X-555 and Kalibr", "missile", "kh-101", ["kh-101", "kh-555", "kalibr"]),
        ("Unknown UAV", "drone", "drone_other", None),
        ("Orlan-10", "drone", "orlan", None),
        ("Lancet", "drone", "lancet", None),
        ("Молнія", "drone", "molniya", None),
        ("KAB", "guided_bomb", "kab", None),
        ("X-47 Kinzhal", "missile", "kinzhal", None),
        ("C-300/C-400", "missile", "s-300", ["s-300", "s-400"]),
        ("Shahed-136/131 and Lancet", "drone", "shahed", ["shahed", "lancet"]),
    ],
)
def test_model_names_map_to_canonical_weapons(
    name: str, category: str, model: str, models: list[str] | None
) -> None:
    w = weapon_for(name)
    assert (w["category"], w["model"], w.get("models")) == (category, model, models)


def test_unknown_model_is_an_error() -> None:
    with pytest.raises(FieldMappingError, match="unknown model 'Mystery-9'"):
        weapon_for("Mystery-9")


def test_mapping_data_uses_only_canonical_ids() -> None:
    from strikeledger.report import WEAPON_MODELS

    canonical = set(WEAPON_MODELS)
    for name, entry in model_table().items():
        assert entry["category"] in ("drone", "missile", "guided_bomb"), name
        assert set(entry["models"]) <= canonical, name


@pytest.mark.shared
def test_every_model_of_the_dataset_is_mapped() -> None:
    path = shared_path("data", "kaggle-mmau", "missile_attacks_daily.csv")
    with path.open(encoding="utf-8") as f:
        names = {row["model"] for row in csv.DictReader(f)}
    for name in sorted(names):
        weapon_for(name)


def test_row_measures_window_and_evidence() -> None:
    row = dict(zip(HEADER.strip().split(","), next(csv.reader([ROWS[0]])), strict=True))
    doc, report = row_document(row, item="daily.csv", position="line 2")
    got = {(f["measure"], f["weapon"]["model"], f["value"]) for f in report["figures"]}
    assert got == {
        ("launched", "shahed", 120),
        ("shot_down", "shahed", 87),
        ("suppressed", "shahed", 25),
        ("in_flight", "shahed", 2),
        ("hit_locations", None, 5),
        ("debris_locations", None, 9),
    }
    for f in report["figures"]:
        ev = f["evidence"]
        assert doc.text[ev["start"] : ev["end"]] == ev["text"]
        assert ev["text"].endswith(str(f["value"]))
        assert f["night_of"] == "2025-03-12"
        assert f["window"] == {
            "start": "2025-03-11T18:00:00+02:00",
            "end": "2025-03-12T09:00:00+02:00",
        }
        assert f["claimant"] == {"name": "Ukrainian Air Force", "kind": "air_force"}
    assert doc.url == "https://www.facebook.com/kpszsu/posts/p1" and doc.source == "mmau"


def test_old_rows_destroyed_is_the_neutralized_total() -> None:
    row = dict(zip(HEADER.strip().split(","), next(csv.reader([ROWS[2]])), strict=True))
    _, report = row_document(row, item="daily.csv", position="line 4")
    assert {(f["measure"], f["value"]) for f in report["figures"]} == {
        ("launched", 1),
        ("neutralized", 0),
    }
    assert report["figures"][0]["window"] is None


def test_import_is_idempotent_and_keeps_distinct_rows(csv_file: Path, db: str) -> None:
    errors: list[str] = []
    first = import_mmau(csv_file, db, on_error=lambda e: errors.append(e.describe()))
    assert (first.rows, first.new, first.skipped) == (6, 4, 2)
    assert first.figures == 6 + 2 + 2 + 2
    assert any("line 6" in e and "Mystery-9" in e for e in errors)
    assert any("line 7" in e and "not a date" in e for e in errors)
    again = import_mmau(csv_file, db)
    assert (again.new, again.duplicate) == (0, 4)
    with open_store(db, read_only=True) as store:
        assert store.counts()["figures"] == 12
        rows = store.figures(kind="mmau", model="kalibr")
        assert [(r["value"], r["measure"]) for r in rows] == [(12, "launched"), (10, "neutralized")]
        assert len(store.figures(night_from="2023-01-14", night_to="2023-01-14")) == 4


def test_cli(csv_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "l.duckdb")
    assert main(["import-mmau", str(csv_file), "--db", db]) == 0
    out = capsys.readouterr()
    assert "4 new" in out.out and "Mystery-9" in out.err


@pytest.mark.shared
def test_the_dataset_night_of_4_july_2025(tmp_path: Path) -> None:
    path = shared_path("data", "kaggle-mmau", "missile_attacks_daily.csv")
    db = str(tmp_path / "l.duckdb")
    summary = import_mmau(path, db)
    assert summary.skipped == 0 and summary.new == summary.rows
    with open_store(db, read_only=True) as store:
        night = store.figures(night_from="2025-07-04", night_to="2025-07-04", model="shahed")
        got = {(r["measure"], r["value"]) for r in night if r["window_end"]}
        assert {("launched", 539), ("shot_down", 268), ("suppressed", 208)} <= got
