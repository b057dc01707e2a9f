"""A small test ledger written by us: documents with hand-made report-v1 reports (so that the
tests of the API and the dashboard do not depend on the extractor's progress), covering several
nights, a conflict between an Air Force report and a wire story, casualties in Kyiv and Kharkiv.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from strikeledger.document import Document

AF = {"name": "Ukrainian Air Force", "kind": "air_force"}
WIRE = {"name": "Ukrainian officials", "kind": "government"}
KCMA = {"name": "Kyiv City Military Administration", "kind": "local_authority"}
KHAR = {"name": "Kharkiv Regional Military Administration", "kind": "local_authority"}

PLACES = {
    "Kyiv": ("city", "UA", "UA-30", 50.45, 30.52),
    "Kharkiv": ("city", "UA", "UA-63", 49.99, 36.23),
    "Odesa": ("city", "UA", "UA-51", 46.48, 30.72),
    "Holosiivskyi": ("city_district", "UA", "UA-30", 50.40, 30.51),
}


def _span(text: str, needle: str, after: int = 0) -> dict[str, Any]:
    start = text.index(needle, after)
    return {"start": start, "end": start + len(needle), "text": needle}


def report(
    doc: Document,
    figures: list[tuple[str, str, str | None, int, str, dict[str, str], str]] = (),  # type: ignore[assignment]
    casualties: list[tuple[str, str, int, str, str | None, dict[str, str]]] = (),  # type: ignore[assignment]
    places: list[str] = (),  # type: ignore[assignment]
    language: str = "en",
) -> dict[str, Any]:
    """figures: (measure, category, model, value, evidence, claimant, night_of);
    casualties: (measure, who, value, evidence, place name, claimant); places: names."""
    text = doc.text
    place_items = []
    ids = {}
    for i, name in enumerate(places, 1):
        level, country, region, lat, lon = PLACES[name]
        ids[name] = f"p{i}"
        place_items.append(
            {
                "id": f"p{i}",
                "name": name,
                "level": level,
                "country": country,
                "region": region,
                "katottg": None,
                "lat": lat,
                "lon": lon,
                "evidence": [_span(text, name)],
                "rule": "test.place.v1",
            }
        )
    return {
        "schema": "strikeledger/report-v1",
        "document": {
            "id": doc.id,
            "source": doc.source,
            "url": doc.url,
            "path": None,
            "title": doc.title,
            "published": doc.published,
            "language": language,
        },
        "figures": [
            {
                "measure": m,
                "weapon": {"category": cat, "model": model},
                "value": v,
                "qualifier": "exact",
                "night_of": night,
                "window": None,
                "area": ["UA"],
                "attacker": "RU",
                "claimant": cl,
                "evidence": _span(text, ev),
                "rule": "test.figure.v1",
            }
            for m, cat, model, v, ev, cl, night in figures
        ],
        "casualties": [
            {
                "measure": m,
                "who": who,
                "value": v,
                "qualifier": "exact",
                "place": ids.get(place) if place else None,
                "claimant": cl,
                "evidence": _span(text, ev),
                "rule": "test.casualty.v1",
            }
            for m, who, v, ev, place, cl in casualties
        ],
        "damage": [],
        "places": place_items,
        "statements": [],
        "persons": [],
        "flags": [],
    }


def documents() -> list[tuple[Document, dict[str, Any]]]:
    out = []

    def doc(text: str, **meta: str) -> Document:
        return Document.from_text(text, **meta)

    d = doc(
        "Overnight into 4 July the enemy attacked with 539 strike drones and 11 missiles. "
        "Air defence shot down or suppressed 478 targets. Hits of 72 drones were recorded.",
        published="2025-07-04T08:30:00+03:00",
        source="kpszsu",
        title="Air Force morning report, 4 July",
        url="https://example.org/af/2025-07-04",
    )
    out.append(
        (
            d,
            report(
                d,
                [
                    ("launched", "drone", None, 539, "539 strike drones", AF, "2025-07-04"),
                    ("launched", "missile", None, 11, "11 missiles", AF, "2025-07-04"),
                    ("neutralized", "any", None, 478, "478 targets", AF, "2025-07-04"),
                    ("hit", "drone", None, 72, "72 drones", AF, "2025-07-04"),
                ],
            ),
        )
    )
    d = doc(
        "Russia launched 550 drones at Ukraine overnight, officials said. In Kyiv at least "
        "23 people were injured and a railway depot in Holosiivskyi was damaged.",
        published="2025-07-04T11:00:00+03:00",
        source="wire",
        title="Record drone attack hits Kyiv",
        url="https://example.org/wire/record-attack",
    )
    out.append(
        (
            d,
            report(
                d,
                [("launched", "drone", None, 550, "550 drones", WIRE, "2025-07-04")],
                [("injured", "people", 23, "23 people were injured", "Kyiv", KCMA)],
                ["Kyiv", "Holosiivskyi"],
            ),
        )
    )
    d = doc(
        "Kyiv: 23 people were injured in the night attack, two of them children. One woman was "
        "killed in Holosiivskyi.",
        published="2025-07-04T09:10:00+03:00",
        source="kyiv_city",
        title="Consequences of the night attack on Kyiv",
        url="https://example.org/kyiv/4-july",
    )
    out.append(
        (
            d,
            report(
                d,
                [],
                [
                    ("injured", "people", 23, "23 people were injured", "Kyiv", KCMA),
                    ("injured", "children", 2, "two of them children", "Kyiv", KCMA),
                    ("killed", "people", 1, "One woman was killed", "Holosiivskyi", KCMA),
                ],
                ["Kyiv", "Holosiivskyi"],
            ),
        )
    )
    nights = [
        ("2025-06-20", 120, 3, 110, 8),
        ("2025-07-02", 200, 5, 180, 15),
        ("2025-07-06", 320, 12, 290, 25),
        ("2025-07-10", 410, 18, 380, 31),
    ]
    for night, drones, missiles, neutralized, hit in nights:
        d = doc(
            f"Overnight the enemy attacked with {drones} strike drones and {missiles} missiles. "
            f"Air defence shot down or suppressed {neutralized} targets. Hits of {hit} drones "
            "were recorded in Kharkiv.",
            published=f"{night}T08:30:00+03:00",
            source="kpszsu",
            title=f"Air Force morning report, {night}",
            url=f"https://example.org/af/{night}",
        )
        out.append(
            (
                d,
                report(
                    d,
                    [
                        ("launched", "drone", None, drones, f"{drones} strike drones", AF, night),
                        ("launched", "missile", None, missiles, f"{missiles} missiles", AF, night),
                        (
                            "neutralized",
                            "any",
                            None,
                            neutralized,
                            f"{neutralized} targets",
                            AF,
                            night,
                        ),
                        ("hit", "drone", None, hit, f"{hit} drones", AF, night),
                    ],
                ),
            )
        )
    d = doc(
        "Kharkiv was struck overnight on 10 July: 4 people were injured.",
        published="2025-07-10T10:00:00+03:00",
        source="kharkiv_ova",
        title="Strike on Kharkiv",
        url="https://example.org/kharkiv/10-july",
    )
    out.append(
        (
            d,
            report(
                d,
                [],
                [("injured", "people", 4, "4 people were injured", "Kharkiv", KHAR)],
                ["Kharkiv"],
            ),
        )
    )
    return out


def build(path: Path, extra: list[tuple[Document, dict[str, Any]]] = ()) -> Path:  # type: ignore[assignment]
    from strikeledger.ledger import open_store

    with open_store(str(path)) as store:
        store.add_batch([*documents(), *extra])
    return path
