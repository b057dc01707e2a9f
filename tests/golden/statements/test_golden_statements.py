"""Golden files of the statements and persons components (see README.md here): one YAML file
per case, collected by one test, plus a floor over the whole set."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.golden.collect import LANGS, cases, ids, load_case, per_language

from strikeledger import Document, extract

CASES = cases(Path(__file__).parent, "yaml")


def _load(path: Path) -> dict[str, Any]:
    return load_case(path, ("text", "published", "language", "expected"))


def _report(case: dict[str, Any]) -> dict[str, Any]:
    doc = Document.from_text(
        case["text"], published=str(case["published"]), language=case["language"]
    )
    report = extract(doc).to_dict()
    text = doc.text
    for st in report["statements"]:
        ev = st["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"], st
    return report


def test_there_are_enough_cases() -> None:
    counts = per_language(CASES)
    for lang in LANGS:
        assert counts[lang] >= 8, lang


@pytest.mark.parametrize("path", CASES, ids=ids(CASES))
def test_golden(path: Path) -> None:
    case = _load(path)
    exp = case["expected"]
    report = _report(case)
    got_speakers = {s["speaker"] for s in report["statements"]}
    assert got_speakers == {s["speaker"] for s in exp["statements"]}, report["statements"]
    got_kinds = {(s["speaker"], s["kind"]) for s in report["statements"]}
    for s in exp["statements"]:
        assert (s["speaker"], s["kind"]) in got_kinds, (s, got_kinds)
    persons = {p["name"]: p for p in report["persons"]}
    for p in exp["persons"]:
        assert p["name"] in persons, (p["name"], sorted(persons))
        check = persons[p["name"]]["role_check"]
        assert check["status"] == p["status"], (p, check)
        assert check["as_of"] == str(case["published"])
        if p["status"] == "stale":
            assert (check["holder"], check["since"]) == (p["holder"], p["since"]), check
    stale = {n for n, p in persons.items() if p["role_check"]["status"] == "stale"}
    assert stale == {p["name"] for p in exp["persons"] if p["status"] == "stale"}
    codes = {f["code"] for f in report["flags"] if f["code"] == "STALE_ROLE"}
    assert codes == set(exp["flags"]) & {"STALE_ROLE"}


def test_floor_over_golden_set() -> None:
    tp = pred = gold = 0
    for path in CASES:
        case = _load(path)
        report = _report(case)
        got = {s["speaker"] for s in report["statements"]}
        want = {s["speaker"] for s in case["expected"]["statements"]}
        tp, pred, gold = tp + len(got & want), pred + len(got), gold + len(want)
    precision = tp / pred if pred else 1.0
    recall = tp / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.9, (precision, recall)
