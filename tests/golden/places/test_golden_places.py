"""Golden files of the places component (see README.md here): one YAML file per case,
collected by one test; every expected place with its mentions, no extra place, negatives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.golden.collect import LANGS, cases, ids, load_case, per_language

from strikeledger import Document
from strikeledger.extract import text as textmod
from strikeledger.extract.places import find_places

CASES = cases(Path(__file__).parent, "yaml")


def _load(path: Path) -> dict[str, Any]:
    return load_case(path, ("text", "language", "expected"))


def _places(case: dict[str, Any]) -> list[dict[str, Any]]:
    doc = Document.from_text(case["text"], language=case["language"])
    sents = [(s.start, s.end) for s in textmod.sentences(doc.text)]
    places, mentions = find_places(doc.text, sents)
    for p in places:
        for ev in p.evidence:
            assert doc.text[ev.start : ev.end] == ev.text, p
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    return [p.to_dict() for p in places]


def test_there_are_enough_cases() -> None:
    counts = per_language(CASES)
    for lang in LANGS:
        assert counts[lang] >= 10, lang


@pytest.mark.parametrize("path", CASES, ids=ids(CASES))
def test_golden(path: Path) -> None:
    case = _load(path)
    got = _places(case)
    exp = case["expected"]
    by_name = {p["name"]: p for p in got}
    for e in exp["places"]:
        assert e["name"] in by_name, (e["name"], sorted(by_name))
        p = by_name[e["name"]]
        assert (p["level"], p["region"]) == (e["level"], e["region"]), p
        assert [ev["text"] for ev in p["evidence"]] == e["mentions"], p["evidence"]
    assert sorted(by_name) == sorted(e["name"] for e in exp["places"])
    for name in exp.get("absent", []):
        assert name not in by_name, name
    assert [p["id"] for p in got] == [f"p{i}" for i in range(1, len(got) + 1)]
