"""The store contract (docs/LEDGER.md), run on DuckDB and on PostgreSQL alike."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from strikeledger.document import Document
from strikeledger.errors import LedgerConnectError, LedgerError, LedgerSchemaError
from strikeledger.ledger import open_store
from strikeledger.ledger.store import rows as rowsmod
from strikeledger.ledger.store.base import MIGRATIONS
from strikeledger.report import SCHEMA

WIRE = (
    "Russian forces attacked the city of Kharkiv overnight with a large group of drones, "
    "damaging a school, several apartment blocks and a power substation in the northern "
    "districts, the regional governor said on Wednesday. Emergency crews worked through the "
    "night to put out fires, and officials said power had been restored to most homes by the "
    "morning. The air force said it had shot down 40 of the 55 drones launched at the country "
    "overnight, while others were lost to electronic warfare before reaching their targets. "
    "Residents described loud explosions shortly after midnight, when sirens sounded across the "
    "region for more than three hours."
)


def figure(
    value: int,
    *,
    measure: str = "launched",
    category: str = "drone",
    model: str | None = "shahed",
    models: list[str] | None = None,
    night_of: str | None = "2025-07-04",
    area: list[str] | None = None,
    kind: str | None = "air_force",
    start: int = 0,
    attacker: str = "RU",
) -> dict[str, Any]:
    weapon: dict[str, Any] = {"category": category, "model": model}
    if models:
        weapon["models"] = models
    return {
        "measure": measure,
        "weapon": weapon,
        "value": value,
        "qualifier": "exact",
        "night_of": night_of,
        "window": {"start": "2025-07-03T18:00:00+03:00", "end": "2025-07-04T09:00:00+03:00"},
        "area": area or ["UA"],
        "attacker": attacker,
        "claimant": {"name": "Ukrainian Air Force", "kind": kind} if kind else None,
        "evidence": {"start": start, "end": start + 3, "text": str(value)},
        "rule": "test.figure.v1",
    }


def report(doc: Document, **sections: list[dict[str, Any]]) -> dict[str, Any]:
    r: dict[str, Any] = {
        "schema": SCHEMA,
        "document": {
            "id": doc.id,
            "source": doc.source,
            "url": doc.url,
            "path": doc.path,
            "title": doc.title,
            "published": doc.published,
            "language": "en",
        },
    }
    for name in ("figures", "casualties", "damage", "places", "statements", "persons", "flags"):
        r[name] = sections.get(name, [])
    return r


def doc(text: str, published: str | None = "2025-07-04T09:00:00+03:00", **kw: Any) -> Document:
    return Document.from_text(text, published=published, **kw)


def test_fresh_ledger_is_migrated_once(db: str) -> None:
    with open_store(db) as store:
        assert store.schema_version() == len(list(MIGRATIONS.glob("*.sql"))) >= 2
        assert store.migrate() == []
        assert store.counts()["documents"] == 0
    with open_store(db) as store:
        assert store.migrate() == []


def test_tables_have_the_columns_the_loader_writes(db: str) -> None:
    with open_store(db) as store:
        for table in rowsmod.TABLES:
            got = store.query(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                "AND table_schema = current_schema() ORDER BY ordinal_position",
                [table],
            )
            assert [r["column_name"] for r in got] == rowsmod.columns(table), table


def test_same_documents_twice_change_nothing(db: str) -> None:
    a = doc("In the night 539 drones were launched.", source="airforce")
    b = doc("Kyiv: 23 people were injured.", source="kmva")
    pairs = [(a, report(a, figures=[figure(539)])), (b, report(b))]
    with open_store(db) as store:
        first = store.add_batch(pairs, extractor_version="test 1")
        assert (first.new, first.duplicate) == (2, 0)
        before = store.counts()
        again = store.add_batch([*pairs, pairs[0]])
        assert (again.new, again.duplicate) == (0, 3)
        assert store.counts() == before
        assert before["documents"] == 2 and before["figures"] == 1


def test_report_round_trips_and_items_keep_their_evidence(db: str) -> None:
    d = doc("The enemy launched 539 drones and 11 missiles.", url="https://e.org/1")
    figs = [
        figure(539, start=19),
        figure(11, category="missile", model="iskander-m", models=["iskander-m", "kn-23"]),
    ]
    casualties = [
        {
            "measure": "injured",
            "who": "people",
            "value": 23,
            "qualifier": "at_least",
            "place": "p1",
            "claimant": None,
            "evidence": {"start": 1, "end": 3, "text": "23"},
            "rule": "test.cas.v1",
        }
    ]
    places = [
        {
            "id": "p1",
            "name": "Kyiv",
            "level": "city",
            "country": "UA",
            "region": "UA-30",
            "katottg": None,
            "lat": 50.45,
            "lon": 30.52,
            "evidence": [
                {"start": 5, "end": 9, "text": "Kyiv"},
                {"start": 20, "end": 25, "text": "Києві"},
            ],
            "rule": "test.place.v1",
        }
    ]
    flags = [{"code": "NO_DATE", "message": "no date", "refs": ["f0"]}]
    r = report(d, figures=figs, casualties=casualties, places=places, flags=flags)
    with open_store(db) as store:
        store.add_batch([(d, r)], extractor_version="test 1")
        assert store.report(d.id) == r
        got = store.document(d.id)
        assert got is not None
        assert got["text"] == d.text and got["url"] == "https://e.org/1"
        assert got["published_date"] == "2025-07-04" and got["report"] == r
        rows = store.figures()
        assert [(x["value"], x["model"], x["models"]) for x in rows] == [
            (539, "shahed", None),
            (11, "iskander-m", "iskander-m,kn-23"),
        ]
        assert rows[0]["night_of"] == "2025-07-04"
        assert rows[0]["evidence_start"] == 19 and rows[0]["evidence_text"] == "539"
        assert rows[0]["claimant_kind"] == "air_force" and rows[0]["url"] == "https://e.org/1"
        (place,) = store.places()
        assert (place["name"], place["mentions"], place["evidence_text"]) == ("Kyiv", 2, "Kyiv")
        (cas,) = store.casualties()
        assert (cas["value"], cas["qualifier"], cas["place_id"]) == (23, "at_least", "p1")
        assert store.counts()["flags"] == 1


def test_figure_filters(db: str) -> None:
    d1 = doc("one 100", source="airforce")
    d2 = doc("two 200", source="wire")
    d3 = doc("three 300", source="wire")
    pairs = [
        (
            d1,
            report(d1, figures=[figure(100, area=["UA", "UA-30"]), figure(7, measure="shot_down")]),
        ),
        (
            d2,
            report(
                d2,
                figures=[figure(200, night_of="2025-07-10", area=["RU", "RU-BEL"], attacker="UA")],
            ),
        ),
        (
            d3,
            report(
                d3,
                figures=[
                    figure(300, night_of=None, kind="media"),
                    figure(5, category="missile", model="kh-101", models=["kh-101", "kh-555"]),
                ],
            ),
        ),
    ]
    with open_store(db) as store:
        store.add_batch(pairs)

        def values(**f: Any) -> list[int]:
            return sorted(r["value"] for r in store.figures(**f))

        assert values() == [5, 7, 100, 200, 300]
        assert values(night_from="2025-07-05") == [200]
        assert values(night_from="2025-07-01", night_to="2025-07-04") == [5, 7, 100]
        assert values(area="UA-30") == [100]
        assert values(area="UA") == [5, 7, 100, 300]
        assert values(area="RU-BEL") == [200]
        assert values(attacker="UA") == [200]
        assert values(attacker="RU", category="drone") == [7, 100, 300]
        assert values(area="UA-3") == []
        assert values(model="kh-555") == [5]
        assert values(model="kh-101") == [5]
        assert values(measure=["shot_down", "hit"]) == [7]
        assert values(category="missile") == [5]
        assert values(claimant_kind="media") == [300]
        assert values(source="wire") == [5, 200, 300]
        assert values(document_id=d1.id) == [7, 100]
        first_two = store.figures(limit=2)
        assert len(first_two) == 2 and all(r["night_of"] == "2025-07-04" for r in first_two)
        assert store.figures(limit=10, offset=4)[0]["night_of"] is None  # undated last
        with pytest.raises(LedgerError):
            store.figures(colour="red")


def test_near_duplicate_is_linked_and_not_counted_twice(db: str) -> None:
    original = doc(WIRE, source="site-a")
    copy = doc(
        WIRE.replace("Russian forces attacked", "Russia attacked") + " Updated.", source="site-b"
    )
    other = doc(WIRE.replace("40 of the 55", "41 of the 55"), source="site-c")
    with open_store(db) as store:
        first = store.add_batch([(original, report(original, figures=[figure(55)]))])
        second = store.add_batch(
            [
                (copy, report(copy, figures=[figure(55)])),
                (other, report(other, figures=[figure(55)])),
            ]
        )
        assert first.new == 1 and second.new == 2
        assert second.near_duplicate == 1
        assert second.near_duplicate_of == {copy.id: original.id}
        row = store.document(copy.id, with_report=False)
        assert row is not None and row["duplicate_of"] == original.id and row["similarity"] >= 0.8
        assert len(store.figures()) == 2  # original and the text with a different number
        assert len(store.figures(include_near_duplicates=True)) == 3
        assert store.counts()["near_duplicates"] == 1
        assert {d["id"] for d in store.documents()} == {original.id, other.id}
        assert sum(1 for _ in store.iter_reports()) == 2


def test_near_duplicates_within_one_batch(db: str) -> None:
    a = doc(WIRE, source="site-a")
    b = doc(WIRE + " (Reporting by a wire service.)", source="site-b")
    with open_store(db) as store:
        result = store.add_batch([(a, report(a)), (b, report(b))])
        assert result.near_duplicate_of == {b.id: a.id}


def test_failed_batch_leaves_the_ledger_as_it_was(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    d1, d2 = doc("first 1"), doc("second 2")
    with open_store(db) as store:
        store.add_batch([(d1, report(d1, figures=[figure(1)]))])
        before = store.counts()
        real = type(store).insert_arrow

        def failing(self: Any, table: str, data: Any) -> None:
            if table == "figures":
                raise RuntimeError("disk full")
            real(self, table, data)

        monkeypatch.setattr(type(store), "insert_arrow", failing)
        with pytest.raises(RuntimeError):
            store.add_batch([(d2, report(d2, figures=[figure(2)]))])
        assert store.counts() == before
        monkeypatch.setattr(type(store), "insert_arrow", real)
        assert store.add_batch([(d2, report(d2, figures=[figure(2)]))]).new == 1
        assert store.counts()["figures"] == 2


def test_iter_reports_pages_through_everything(db: str) -> None:
    docs = [doc(f"report number {i}") for i in range(7)]
    pairs = [
        (d, report(d, figures=[figure(i, night_of=f"2025-07-0{i + 1}")]))
        for i, d in enumerate(docs)
    ]
    with open_store(db) as store:
        store.add_batch(pairs)
        got = list(store.iter_reports(batch_size=2))
        assert sorted(r["document"]["id"] for r in got) == sorted(d.id for d in docs)
        ranged = list(store.iter_reports(night_from="2025-07-02", night_to="2025-07-03"))
        assert sorted(r["figures"][0]["value"] for r in ranged) == [1, 2]


def test_documents_listing_and_query(db: str) -> None:
    old = doc("old text", published="2024-01-01", source="s")
    new = doc("new text", published="2025-07-04T09:00:00+03:00", source="s")
    undated = doc("undated text", published=None, source="t")
    with open_store(db) as store:
        store.add_batch([(d, report(d)) for d in (old, new, undated)])
        assert [d["id"] for d in store.documents()] == [new.id, old.id, undated.id]
        assert [d["id"] for d in store.documents(published_from="2025-01-01")] == [new.id]
        assert [d["id"] for d in store.documents(source="t")] == [undated.id]
        assert len(store.documents(limit=1, offset=1)) == 1
        rows = store.query(
            "SELECT id FROM documents WHERE text LIKE '%text' AND source = ? ORDER BY id", ["s"]
        )
        assert sorted(r["id"] for r in rows) == sorted([old.id, new.id])
        assert store.document("sha256:nothing") is None and store.report("sha256:x") is None


def test_other_components_migrate_their_own_tables(db: str, tmp_path: Path) -> None:
    mig = tmp_path / "mig"
    mig.mkdir()
    (mig / "0001_events.sql").write_text("CREATE TABLE test_events (id TEXT PRIMARY KEY);\n")
    (mig / "0002_more.sql").write_text(
        "ALTER TABLE test_events ADD COLUMN night DATE;\n"
        "CREATE INDEX test_events_n ON test_events (night);\n"
    )
    with open_store(db) as store:
        assert store.migrate("events", mig) == [1, 2]
        assert store.migrate("events", mig) == []
        assert store.schema_version("events") == 2
        assert store.schema_version() == len(list(MIGRATIONS.glob("*.sql")))
        import pyarrow as pa

        with store.transaction():
            store.insert_arrow(
                "test_events", pa.table({"id": ["e1"], "night": pa.array([None], pa.date32())})
            )
        assert store.query("SELECT id FROM test_events") == [{"id": "e1"}]


def test_a_newer_schema_is_refused(db: str) -> None:
    with open_store(db) as store:
        store.execute(
            "INSERT INTO schema_version (component, version, name, applied_at) VALUES (?, ?, ?, ?)",
            ["ledger", 99, "future", "2030-01-01"],
        )
    with pytest.raises(LedgerSchemaError, match="newer"):
        open_store(db)


def test_read_only_store_reads_and_refuses_writes(db: str) -> None:
    d = doc("some 42 text")
    with open_store(db) as store:
        store.add_batch([(d, report(d, figures=[figure(42)]))])
    with open_store(db, read_only=True) as ro:
        assert [r["value"] for r in ro.figures()] == [42]
        with pytest.raises(LedgerError, match="read-only"):
            ro.add_batch([(doc("other"), report(doc("other")))])


def test_open_errors_name_the_database(tmp_path: Path) -> None:
    with pytest.raises(LedgerConnectError, match="no such ledger file"):
        open_store(tmp_path / "absent.duckdb", read_only=True)
    with pytest.raises(LedgerConnectError) as e:
        open_store("postgresql://someone:s3cret@127.0.0.1:1/nodb")
    assert "s3cret" not in str(e.value) and "127.0.0.1" in str(e.value)
