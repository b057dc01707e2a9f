"""Events over a real ledger store (DuckDB): the Air Force history imported, an Air Force report
of the night of 3–4 July 2025 and the seed's report added; the CLI commands on top."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from strikeledger.document import Document
from strikeledger.ledger import open_store
from strikeledger.ledger.events import CATEGORY_CONFUSION
from strikeledger.ledger.events.check import check_report
from strikeledger.ledger.events.store import list_events, load_event_set, save_event_set, show_event
from tests.conftest import shared_path

from .helpers import SEED_TEXT, af_report_2025_07_04, seed_report
from .mmau import mmau_pairs


def _pair(report: dict[str, Any], text: str) -> tuple[Document, dict[str, Any]]:
    d = report["document"]
    doc = Document.from_text(text, published=d["published"], source=d["source"])
    report = {**report, "document": {**d, "id": doc.id}}
    return doc, report


def import_history(daily: Path, models: Path, db: str) -> None:
    """The Air Force history into the ledger: the ledger's own importer (`import-mmau`) when
    present, else the stand-in of tests/events/mmau.py."""
    try:
        from strikeledger.ledger.mmau import import_mmau
    except ImportError:
        with open_store(db) as store:
            store.add_batch(mmau_pairs(daily, models), kind="mmau", near_duplicates=False)
        return
    import_mmau(str(daily), db)


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> str:
    daily = shared_path("data", "kaggle-mmau", "missile_attacks_daily.csv")
    models = shared_path("data", "kaggle-mmau", "missiles_and_uavs.csv")
    db = str(tmp_path_factory.mktemp("ledger") / "ledger.duckdb")
    import_history(daily, models, db)
    with open_store(db) as store:
        af = af_report_2025_07_04()
        store.add_batch([_pair(af, "Air Force report of the night of 4 July 2025 (test).")])
    return db


pytestmark = pytest.mark.shared


def test_history_and_air_force_report_reconcile(ledger: str) -> None:
    with open_store(ledger, read_only=True) as store:
        es = load_event_set(store)
    rec = es.reconciliation("ev:2025-07-04:RU>UA")
    drone = rec.consensus_for(("figure", "launched", "drone", None))
    assert drone is not None and drone.value == 539
    assert drone.claim.source == "kpszsu"  # the post itself over the dataset coded from it
    total = rec.consensus_for(("figure", "launched", "any", None))
    assert total is not None and total.value == 550
    # a night of the history alone: its rows add up (29 June 2025: 477 drones, 60 missiles)
    rec = es.reconciliation("ev:2025-06-29:RU>UA")
    drone = rec.consensus_for(("figure", "launched", "drone", None))
    assert drone is not None and drone.value >= 477


def test_seed_checked_against_store(ledger: str) -> None:
    with open_store(ledger, read_only=True) as store:
        es = load_event_set(store)
    res = check_report(seed_report(), SEED_TEXT, es)
    by = {(n.claim.measure, n.claim.subject, n.claim.value): n for n in res.numbers}
    assert by[("launched", "drone", 550)].conflict is not None
    assert by[("launched", "drone", 550)].conflict.kind == CATEGORY_CONFUSION  # type: ignore[union-attr]
    assert by[("hit", "drone", 72)].conflict.kind == CATEGORY_CONFUSION  # type: ignore[union-attr]
    assert [p["name"] for p in res.stale_roles] == ["Dmytro Kuleba"]
    (rc,) = res.records
    assert rc.status == "supported"
    assert rc.previous is not None and rc.previous["night_of"] == "2025-06-09"
    assert 479 <= rc.previous["value"] < 539


def test_save_tables_and_read_them_back(tmp_path: Path, ledger: str) -> None:
    import shutil

    db = str(tmp_path / "copy.duckdb")
    shutil.copy(ledger, db)
    with open_store(db) as store:
        es = load_event_set(store)
        counts = save_event_set(store, es)
        again = save_event_set(store, es)  # rewriting is idempotent
        assert counts == again
        rows = store.query("SELECT COUNT(*) AS n FROM events")
        assert rows[0]["n"] == counts["events"] == len(es.events)
        cons = store.query(
            "SELECT value, rule FROM event_consensus WHERE event_id = ? AND measure = ? "
            "AND subject = ? AND model IS NULL",
            ["ev:2025-07-04:RU>UA", "launched", "drone"],
        )
        assert cons == [{"value": 539, "rule": cons[0]["rule"]}]


def test_list_and_show_events(ledger: str) -> None:
    rows = list_events(ledger, date_from="2025-07-01", date_to="2025-07-05", weapon="drone")
    ids = [r["id"] for r in rows]
    assert "ev:2025-07-04:RU>UA" in ids and all("2025-07-0" in i for i in ids)
    top = next(r for r in rows if r["id"] == "ev:2025-07-04:RU>UA")
    assert top["launched"]["drone"] == 539 and top["documents"] >= 2
    d = show_event(ledger, "ev:2025-07-04:RU>UA")
    assert d is not None and d["links"] and d["claims"] and d["consensus"]
    assert show_event(ledger, "ev:1999-01-01:RU>UA") is None


def test_cli_events_event_and_check(ledger: str, tmp_path: Path, capsys: Any) -> None:
    from strikeledger.cli import main

    assert main(["events", "--db", ledger, "--from", "2025-07-04", "--to", "2025-07-04"]) == 0
    out = capsys.readouterr().out
    assert "ev:2025-07-04:RU>UA" in out
    assert main(["event", "ev:2025-07-04:RU>UA", "--db", ledger, "--format", "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["id"] == "ev:2025-07-04:RU>UA"
    assert main(["event", "ev:1999-01-01:RU>UA", "--db", ledger]) == 1
    art = tmp_path / "a.txt"
    art.write_text("published: 2025-07-04\n\n" + SEED_TEXT + "\n", encoding="utf-8")
    assert main(["check", str(art), "--db", ledger, "--format", "json"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert res["schema"] == "strikeledger/check-v1" and "summary" in res
    assert main(["check", str(art), "--db", ledger]) == 0
    assert "Record claims" in capsys.readouterr().out


def test_near_duplicate_flagged_by_the_ledger_is_linked_but_not_counted(tmp_path: Path) -> None:
    from .helpers import AF, fig, report

    base = (
        "Overnight the Russian army attacked with 120 drones, the Air Force said on its channel. "
        "Air defence units shot down 95 of them over the northern, eastern and central regions. "
        "Debris fell on homes in several villages and the emergency services are at work there."
    )
    copy = base + " More details will follow later today."
    db = str(tmp_path / "dup.duckdb")
    pairs = []
    for name, text in (("orig", base), ("copy", copy)):
        r = report(
            name,
            source="paper-" + name,
            figures=[
                fig("launched", "drone", 120, claimant=AF, evidence=name + " 120"),
                fig("shot_down", "drone", 95, claimant=AF, evidence=name + " 95"),
            ],
        )
        pairs.append(_pair(r, text))
    with open_store(db) as store:
        result = store.add_batch(pairs[:1])
        result = store.add_batch(pairs[1:])
        assert result.near_duplicate == 1, "the ledger did not flag the copy"
        es = load_event_set(store)
    orig_id, copy_id = pairs[0][0].id, pairs[1][0].id
    assert es.linker.linked[copy_id].duplicate_of == orig_id
    assert copy_id in es.events["ev:2025-07-04:RU>UA"].documents
    claims = es.claims("ev:2025-07-04:RU>UA")
    assert {c.document_id for c in claims} == {orig_id}
