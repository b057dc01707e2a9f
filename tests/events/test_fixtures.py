"""Bar 2: the linked-report fixtures (tests/fixtures/events, three languages, planted conflicts
and duplicates). Linking is scored as pairwise precision and recall over (event, document,
document) pairs; conflict detection as recall (and precision) over expected conflicts."""

from __future__ import annotations

import importlib.util
import json
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

from strikeledger.ledger.events import EventSet

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "events"


def _builder() -> Any:
    spec = importlib.util.spec_from_file_location("events_fixture_build", FIXTURES / "build.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def load() -> tuple[list[dict[str, Any]], dict[str, Any]]:
    expected = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
    reports = [
        json.loads((FIXTURES / "reports" / f"{name}.json").read_text(encoding="utf-8"))
        for name in expected["documents"]
    ]
    return reports, expected


def pairs(membership: dict[str, list[str]]) -> set[tuple[str, str, str]]:
    by_event: dict[str, list[str]] = {}
    for doc, events in membership.items():
        for ev in events:
            by_event.setdefault(ev, []).append(doc)
    return {(ev, *sorted(p)) for ev, docs in by_event.items() for p in combinations(docs, 2)}  # type: ignore[misc]


@pytest.fixture(scope="module")
def built() -> tuple[EventSet, dict[str, Any], dict[str, str]]:
    reports, expected = load()
    es = EventSet.build(reports)
    names = {v: k for k, v in expected["documents"].items()}
    return es, expected, names


def test_fixture_files_match_their_builder() -> None:
    for rel, content in _builder().render().items():
        assert (FIXTURES / rel).read_text(encoding="utf-8") == content, f"rebuild {rel}"


def test_fixtures_cover_three_languages_and_several_reports_per_event() -> None:
    reports, expected = load()
    assert {r["document"]["language"] for r in reports} == {"en", "uk", "ru"}
    sizes: dict[str, int] = {}
    for evs in expected["events"].values():
        for ev in evs:
            sizes[ev] = sizes.get(ev, 0) + 1
    assert sum(1 for n in sizes.values() if n >= 4) >= 5
    assert len(expected["conflicts"]) >= 10 and len(expected["duplicates"]) >= 3


def test_linking_pairwise_precision_and_recall(built: Any) -> None:
    es, expected, names = built
    predicted = {names[d]: lr.event_ids for d, lr in es.linker.linked.items()}
    gold, pred = pairs(expected["events"]), pairs(predicted)
    tp = len(gold & pred)
    precision = tp / len(pred) if pred else 0.0
    recall = tp / len(gold) if gold else 0.0
    assert len(gold) >= 80
    assert precision >= 0.95, sorted(pred - gold)[:10]
    assert recall >= 0.95, sorted(gold - pred)[:10]


def test_every_document_links_to_exactly_its_expected_events(built: Any) -> None:
    es, expected, names = built
    wrong = {
        names[d]: (sorted(lr.event_ids), sorted(expected["events"][names[d]]))
        for d, lr in es.linker.linked.items()
        if sorted(lr.event_ids) != sorted(expected["events"][names[d]])
    }
    assert not wrong


def test_duplicates_are_linked_but_not_counted(built: Any) -> None:
    es, expected, names = built
    dups = {names[d] for d, lr in es.linker.linked.items() if lr.duplicate_of}
    assert dups == set(expected["duplicates"])
    dup_ids = {expected["documents"][n] for n in dups}
    for rec in es.reconcile_all().values():
        assert not any(c.document_id in dup_ids for c in rec.claims)


def _found(es: EventSet, names: dict[str, str]) -> set[tuple[Any, ...]]:
    return {
        (
            names[c.claim.document_id],
            c.event_id,
            c.claim.measure,
            c.claim.subject,
            c.claim.value,
            c.kind,
        )
        for c in es.conflicts()
    }


def test_conflict_detection_recall_and_precision(built: Any) -> None:
    es, expected, names = built
    gold = {
        (c["document"], c["event"], c["measure"], c["subject"], c["value"], c["kind"])
        for c in expected["conflicts"]
    }
    found = _found(es, names)
    recall = len(gold & found) / len(gold)
    precision = len(gold & found) / len(found) if found else 0.0
    assert recall >= 0.9, sorted(gold - found)
    assert precision >= 0.9, sorted(found - gold)


def test_ids_are_stable_and_adding_reports_renumbers_nothing() -> None:
    reports, _ = load()
    first = EventSet.build(reports[:20])
    ids_before = {ev: sorted(e.documents) for ev, e in first.events.items()}
    for r in reports[20:]:
        first.add(r)
    again = EventSet.build(list(reversed(reports)))
    assert set(first.events) == set(again.events)
    for ev in ids_before:
        assert ev in first.events
        assert set(ids_before[ev]) <= set(first.events[ev].documents)


def test_links_explain_which_keys_matched(built: Any) -> None:
    es, expected, _ = built
    wire = expected["documents"]["e1-wire-en"]
    links = {lk.event_id: lk for lk in es.linker.linked[wire].links}
    attack = links["ev:2025-07-04:RU>UA"].matched
    assert attack["night_of"] == "2025-07-04" and attack["night_from"] == "figures"
    assert attack["attacker"] == "RU" and attack["area"] == "UA"
    assert attack["weapons"] == ["drone", "missile"]
    assert attack["weapons_overlap"] == ["drone", "missile"]
    local = links["ev:2025-07-04:RU>UA:UA-30"].matched
    assert local["region"] == "UA-30" and local["place"] == "Kyiv"


def test_consensus_rules_are_recorded(built: Any) -> None:
    es, _, _ = built
    rec = es.reconciliation("ev:2025-07-04:RU>UA:UA-30")
    cons = rec.consensus_for(("casualty", "injured", "people", None))
    assert cons is not None and cons.value == 26
    assert cons.rule == "consensus.latest_update.v1"
    rec = es.reconciliation("ev:2025-07-04:RU>UA")
    cons = rec.consensus_for(("figure", "launched", "drone", None))
    assert cons is not None and cons.value == 539
    assert cons.rule == "consensus.air_force_for_weapons.v1"
    rec = es.reconciliation("ev:2025-07-10:UA>RU:RU-BEL:belgorod")
    cons = rec.consensus_for(("casualty", "injured", "people", None))
    assert cons is not None and cons.value == 3
    assert cons.rule == "consensus.local_for_casualties.v1"
