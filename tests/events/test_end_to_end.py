"""Bar 1 end to end: a ledger built from the imported Air Force history and an Air-Force-style
report of the night of 3–4 July 2025 written by us (tests/fixtures/events/texts), both through
the real extractor; the seed article checked against it with `strikeledger check`'s library
function. Depends on the extractor: each assertion is its own test, so the report says which
extraction is missing. (The same logic on hand-written reports: test_seed_logic.py.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from strikeledger.document import document_from_bytes
from strikeledger.extract import extract
from strikeledger.ledger import open_store
from strikeledger.ledger.events import CATEGORY_CONFUSION
from strikeledger.ledger.events.check import CheckResult
from strikeledger.ledger.events.store import check_article
from tests.conftest import shared_path

from .test_store import import_history

AF_TEXT = Path(__file__).resolve().parents[1] / "fixtures" / "events" / "texts"
pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> CheckResult:
    daily = shared_path("data", "kaggle-mmau", "missile_attacks_daily.csv")
    models = shared_path("data", "kaggle-mmau", "missiles_and_uavs.csv")
    seed = shared_path("seed", "000_9e1610bb8458d0ee.txt")
    af_path = AF_TEXT / "uk-af-2025-07-04.txt"
    af_doc = document_from_bytes(af_path.read_bytes(), path=str(af_path))
    af_report = extract(af_doc).to_dict()
    if not af_report["figures"]:
        pytest.skip("the extractor finds no figures yet (pipeline stubs)")
    db = str(tmp_path_factory.mktemp("e2e") / "ledger.duckdb")
    import_history(daily, models, db)
    with open_store(db) as store:
        store.add_batch([(af_doc, af_report)])
    seed_doc = document_from_bytes(seed.read_bytes(), path=str(seed), published="2025-07-04")
    return check_article(extract(seed_doc).to_dict(), seed_doc.text, db)


def _number(result: CheckResult, measure: str, subject: str, value: int) -> Any:
    for n in result.numbers:
        c = n.claim
        if (c.measure, c.subject, c.value) == (measure, subject, value):
            return n
    raise AssertionError(f"the seed's {measure} {subject} {value} was not extracted or linked")


def test_seed_550_drones_conflict_as_category_confusion(result: CheckResult) -> None:
    n = _number(result, "launched", "drone", 550)
    assert n.conflict is not None and n.conflict.kind == CATEGORY_CONFUSION
    assert n.consensus.value == 539


def test_seed_72_drones_breached_conflict_as_category_confusion(result: CheckResult) -> None:
    n = _number(result, "hit", "drone", 72)
    assert n.conflict is not None and n.conflict.kind == CATEGORY_CONFUSION
    assert n.consensus.value == 63


def test_seed_kuleba_role_is_stale(result: CheckResult) -> None:
    assert "Dmytro Kuleba" in [p["name"] for p in result.stale_roles]


def test_seed_record_breaking_claim_supported_by_history(result: CheckResult) -> None:
    rec = [r for r in result.records if "record-breaking" in r.claim.cue.lower()]
    assert len(rec) == 1
    assert rec[0].status == "supported"
    assert rec[0].previous is not None and rec[0].previous["night_of"] < "2025-07-04"
