"""Where a figure happened: a total keeps the whole area, its parts their regions."""

from __future__ import annotations

import pytest

from strikeledger import Document, extract


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "В ночь на 12 марта дежурными средствами ПВО перехвачены и уничтожены 41 украинский "
            "беспилотник: над территорией Брянской области — 23, Курской — 18.",
            {41: ["RU"], 23: ["RU", "RU-BRY"], 18: ["RU", "RU-KRS"]},
        ),
        (
            "Минобороны: уничтожены 30 украинских БПЛА: 20 — над Белгородской областью, "
            "10 — над Воронежской.",
            {30: ["RU"], 20: ["RU", "RU-BEL"], 10: ["RU", "RU-VOR"]},
        ),
        (
            "Russia launched 120 drones at Ukraine overnight, the air force said.",
            {120: ["UA"]},
        ),
    ],
)
def test_total_and_parts_areas(text: str, expected: dict[int, list[str]]) -> None:
    report = extract(Document.from_text(text, published="2025-03-12T09:00+02:00")).to_dict()
    got = {f["value"]: f["area"] for f in report["figures"]}
    for value, area in expected.items():
        assert got.get(value) == area, (value, got)
