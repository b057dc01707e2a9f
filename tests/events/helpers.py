"""Builders of report-v1 dicts for the events tests: short to write, complete to read."""

from __future__ import annotations

import hashlib
from typing import Any

AF = {"name": "Ukrainian Air Force", "kind": "air_force"}


def fig(
    measure: str,
    category: str,
    value: int,
    *,
    model: str | None = None,
    qualifier: str = "exact",
    night: str | None = "2025-07-04",
    attacker: str = "RU",
    area: tuple[str, ...] = ("UA",),
    claimant: dict[str, Any] | None = None,
    evidence: str | None = None,
    start: int = 0,
) -> dict[str, Any]:
    text = evidence or f"{value} {category}"
    return {
        "measure": measure,
        "weapon": {"category": category, "model": model},
        "value": value,
        "qualifier": qualifier,
        "night_of": night,
        "window": None,
        "area": list(area),
        "attacker": attacker,
        "claimant": claimant,
        "evidence": {"start": start, "end": start + len(text), "text": text},
        "rule": "test.v1",
    }


def cas(
    measure: str,
    value: int,
    *,
    who: str = "people",
    qualifier: str = "exact",
    place: str | None = None,
    claimant: dict[str, Any] | None = None,
    evidence: str | None = None,
) -> dict[str, Any]:
    text = evidence or f"{value} {who} {measure}"
    return {
        "measure": measure,
        "who": who,
        "value": value,
        "qualifier": qualifier,
        "place": place,
        "claimant": claimant,
        "evidence": {"start": 0, "end": len(text), "text": text},
        "rule": "test.v1",
    }


def place(pid: str, name: str, level: str, country: str, region: str | None) -> dict[str, Any]:
    return {
        "id": pid,
        "name": name,
        "level": level,
        "country": country,
        "region": region,
        "katottg": None,
        "lat": None,
        "lon": None,
        "evidence": [{"start": 0, "end": len(name), "text": name}],
        "rule": "test.v1",
    }


def report(
    name: str,
    *,
    published: str | None = "2025-07-04T09:00:00+03:00",
    source: str | None = None,
    language: str = "en",
    figures: list[dict[str, Any]] | None = None,
    casualties: list[dict[str, Any]] | None = None,
    places: list[dict[str, Any]] | None = None,
    damage: list[dict[str, Any]] | None = None,
    persons: list[dict[str, Any]] | None = None,
    duplicate_of: str | None = None,
) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": "sha256:" + hashlib.sha256(name.encode()).hexdigest(),
        "source": source,
        "url": None,
        "path": name,
        "title": name,
        "published": published,
        "language": language,
    }
    if duplicate_of:
        doc["duplicate_of"] = duplicate_of
    return {
        "schema": "strikeledger/report-v1",
        "document": doc,
        "figures": figures or [],
        "casualties": casualties or [],
        "damage": damage or [],
        "places": places or [],
        "statements": [],
        "persons": persons or [],
        "flags": [],
    }


def doc_id(name: str) -> str:
    return "sha256:" + hashlib.sha256(name.encode()).hexdigest()


def af_report_2025_07_04() -> dict[str, Any]:
    """The Air Force's morning report of the night of 3–4 July 2025, as the extractor should
    give it (figures from the Air Force's post; cf. the Kaggle MMAU row of that night)."""
    return report(
        "af-2025-07-04",
        source="kpszsu",
        language="uk",
        published="2025-07-04T09:30:00+03:00",
        figures=[
            fig("launched", "any", 550, claimant=AF),
            fig("launched", "drone", 539, model="shahed", claimant=AF),
            fig("launched", "missile", 11, model="iskander-m", claimant=AF),
            fig("neutralized", "any", 478, claimant=AF),
            fig("shot_down", "drone", 268, claimant=AF),
            fig("suppressed", "drone", 208, claimant=AF),
            fig("shot_down", "missile", 2, model="iskander-k", claimant=AF),
            fig("hit", "missile", 9, claimant=AF),
            fig("hit", "drone", 63, claimant=AF),
            fig("hit_locations", "any", 8, claimant=AF),
            fig("debris_locations", "any", 33, claimant=AF),
        ],
    )


SEED_TEXT = (
    "Kyiv endured one of its worst nights of bombardment as Russia launched a record-breaking "
    "550 drones and 11 missiles overnight, Ukrainian authorities confirmed on Friday."
)


def seed_report() -> dict[str, Any]:
    """The seed article's report as a correct extractor gives it (spec/REPORT.md)."""
    gov = {"name": "Ukrainian authorities", "kind": "government"}
    i550 = SEED_TEXT.index("550 drones")
    i11 = SEED_TEXT.index("11 missiles")
    return report(
        "seed-000",
        source=None,
        published="2025-07-04",
        figures=[
            fig("launched", "drone", 550, claimant=gov, evidence="550 drones", start=i550),
            fig("launched", "missile", 11, claimant=gov, evidence="11 missiles", start=i11),
            fig("hit", "drone", 72, claimant=AF, evidence="72 of the drones", start=2000),
        ],
        casualties=[
            cas("injured", 23, qualifier="at_least", place="p1"),
            cas("killed", 1, who="women", place="p2"),
        ],
        places=[
            place("p1", "Kyiv", "city", "UA", "UA-30"),
            place("p2", "Rostov Oblast", "foreign_region", "RU", "RU-ROS"),
        ],
        persons=[
            {
                "name": "Dmytro Kuleba",
                "role_stated": "foreign minister",
                "country": "UA",
                "role_check": {
                    "status": "stale",
                    "as_of": "2025-07-04",
                    "holder": "Andrii Sybiha",
                    "since": "2024-09-05",
                },
                "evidence": None,
                "rule": "test.v1",
            }
        ],
    )


def history_nights() -> list[dict[str, Any]]:
    """Earlier Air Force nights (values from the Kaggle MMAU file): the drone maximum before
    4 July 2025 is 479 (night of 9 June 2025)."""
    out = []
    for night, drones in [("2025-06-09", 479), ("2025-06-29", 477), ("2025-06-01", 472)]:
        out.append(
            report(
                f"af-{night}",
                source="kpszsu",
                language="uk",
                published=f"{night}T09:00:00+03:00",
                figures=[
                    fig("launched", "drone", drones, model="shahed", night=night, claimant=AF)
                ],
            )
        )
    return out
