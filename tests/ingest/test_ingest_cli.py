"""`strikeledger ingest`: exact counts, one copy per document across formats, summaries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from strikeledger.cli import main
from strikeledger.ingest import ingest
from strikeledger.ledger import open_store
from tests.conftest import ROOT
from tests.ledger.pg import pg_url

FIX = ROOT / "tests" / "fixtures" / "ingest"

BODIES = [
    "Overnight into 3 April, Russia launched 81 attack drones at Ukraine; 60 were shot down.",
    "Уночі 4 квітня ворог атакував 95 ударними БпЛА. Збито 70, ще 20 локаційно втрачені.",
    "Ночью 5 апреля над регионом сбиты 17 беспилотников, сообщил губернатор.",
    "A guided bomb struck an industrial site in Zaporizhzhia on 6 April; 4 people were injured.",
]


def make_sources(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "texts"
    folder.mkdir()
    with (tmp_path / "same.jsonl").open("w", encoding="utf-8") as f:
        for i, body in enumerate(BODIES):
            published = f"2025-04-0{i + 3}T09:00:00+03:00"
            (folder / f"{i}.txt").write_text(
                f"published: {published}\nsource: folder\n\n{body}\n", encoding="utf-8"
            )
            # The same text, differently spaced: normalisation gives the same id.
            spaced = body.replace(" ", "  ") + "\n"
            f.write(json.dumps({"text": spaced, "published": published, "source": "jsonl"}) + "\n")
    return folder, tmp_path / "same.jsonl"


@pytest.mark.usefixtures("stub_extractor")
def test_two_formats_give_one_copy_each(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, jsonl = make_sources(tmp_path)
    db = str(tmp_path / "l.duckdb")
    assert main(["ingest", str(folder), "--db", db, "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert (first["read"], first["new"], first["duplicate"], first["skipped"]) == (4, 4, 0, 0)
    assert main(["ingest", str(jsonl), str(folder), "--db", db, "--json"]) == 0
    second = json.loads(capsys.readouterr().out)
    assert (second["read"], second["new"], second["duplicate"]) == (8, 0, 8)
    with open_store(db, read_only=True) as store:
        counts = store.counts()
        assert counts["documents"] == counts["reports"] == 4
        texts = sorted(
            d["text"] for d in (store.document(x["id"]) or {} for x in store.documents())
        )
        assert texts == sorted(BODIES)


@pytest.mark.usefixtures("stub_extractor")
def test_one_run_with_repeats_and_bad_items(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, jsonl = make_sources(tmp_path)
    (folder / "bad.txt").write_bytes(b"\xff\xfebad")
    db = str(tmp_path / "l.duckdb")
    status = main(["ingest", str(folder), str(jsonl), str(FIX / "broken.rss"), "--db", db])
    out, err = capsys.readouterr()
    assert status == 0
    assert "read 8 documents: 4 new (0 of them near-duplicates), 4 already" in out
    assert "skipped 2 items" in out
    assert "SL-E105 encoding" in out and "SL-E107 malformed input" in out
    lines = [ln for ln in err.splitlines() if ln.startswith("strikeledger: skipped")]
    assert len(lines) == 2 and any("bad.txt" in ln for ln in lines)
    assert any("broken.rss (line 5, column 49)" in ln for ln in lines)
    assert main(["ingest", str(folder), "--db", db, "--strict", "--quiet"]) == 1


@pytest.mark.usefixtures("stub_extractor")
def test_every_fixture_format_in_one_ledger(tmp_path: Path) -> None:
    db = str(tmp_path / "l.duckdb")
    summary = ingest([FIX], db)
    # README 1 + texts 3 + page 1 + rss 2 + atom 1 + jsonl 3 + csv 2 + telegram 3
    assert summary.new == 16
    # billion laughs + external entity, broken rss + jsonl line, two records without text,
    # one bad date
    assert summary.skipped == 7
    with open_store(db, read_only=True) as store:
        sources = {d["source"] for d in store.documents(limit=100)}
        assert {"fixture-airforce", "Fixture Wire", "Fixture Atom", "Fixture Air Force"} <= sources


@pytest.mark.usefixtures("stub_extractor")
def test_jobs_give_the_same_ledger(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(60):
        (folder / f"{i:03}.txt").write_text(f"Report {i}: {i * 7} drones launched, {i} shot down.")
    one, two = str(tmp_path / "a.duckdb"), str(tmp_path / "b.duckdb")
    s1 = ingest([folder], one, batch_size=16)
    s2 = ingest([folder], two, batch_size=16, jobs=2)
    assert s1.new == s2.new == 60
    with open_store(one, read_only=True) as a, open_store(two, read_only=True) as b:
        assert a.counts() == b.counts()
        assert a.query("SELECT id FROM documents ORDER BY id") == b.query(
            "SELECT id FROM documents ORDER BY id"
        )


@pytest.mark.postgres
@pytest.mark.usefixtures("stub_extractor")
def test_ingest_into_postgres(tmp_path: Path) -> None:
    folder, jsonl = make_sources(tmp_path)
    with pg_url() as url:
        first = ingest([folder], url)
        again = ingest([jsonl, folder], url)
        assert (first.new, again.new, again.duplicate) == (4, 0, 8)
        with open_store(url, read_only=True) as store:
            assert store.counts()["documents"] == 4


def test_end_to_end_with_the_real_extractor(tmp_path: Path) -> None:
    """The whole path with the real extractor: no document may fail extraction."""
    db = str(tmp_path / "l.duckdb")
    summary = ingest([FIX / "texts", FIX / "feed.rss", FIX / "telegram"], db)
    assert summary.skipped == 0, dict(summary.reasons)
    assert summary.new == 3 + 2 + 3
    with open_store(db, read_only=True) as store:
        for d in store.documents():
            report = store.report(d["id"])
            assert report is not None and report["schema"] == "strikeledger/report-v1"
            for f in report["figures"]:
                text = (store.document(d["id"]) or {})["text"]
                ev = f["evidence"]
                assert text[ev["start"] : ev["end"]] == ev["text"]


@pytest.mark.usefixtures("stub_extractor")
def test_a_document_the_database_refuses_is_skipped_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from strikeledger.ledger.store.duck import DuckStore

    folder = tmp_path / "t"
    folder.mkdir()
    for i in range(5):
        (folder / f"{i}.txt").write_text(f"Story {i} with {i * 11} drones" + (" POISON" * (i == 2)))
    real = DuckStore.insert_arrow

    def picky(self: DuckStore, table: str, data: object) -> None:
        if table == "documents" and any("POISON" in t for t in data.column("text").to_pylist()):  # type: ignore[attr-defined]
            raise ValueError("cannot store this")
        real(self, table, data)  # type: ignore[arg-type]

    monkeypatch.setattr(DuckStore, "insert_arrow", picky)
    skipped: list[str] = []
    db = str(tmp_path / "l.duckdb")
    summary = ingest([folder], db, on_skip=lambda s: skipped.append(s.describe()))
    assert (summary.new, summary.skipped) == (4, 1)
    assert len(skipped) == 1 and "SL-E114" in skipped[0] and "2.txt" in skipped[0]
    with open_store(db, read_only=True) as store:
        assert store.counts()["documents"] == 4


@pytest.mark.usefixtures("stub_extractor")
def test_odd_characters_are_stored(tmp_path: Path) -> None:
    p = tmp_path / "odd.jsonl"
    p.write_text(
        json.dumps(
            {"text": "Half an emoji \ud83d and 5 drones", "title": "tab\there\x00", "url": "u"}
        )
        + "\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "l.duckdb")
    assert ingest([p], db).new == 1
    with open_store(db, read_only=True) as store:
        (row,) = store.documents()
        assert row["title"] == "tab here"
        doc = store.document(row["id"])
        assert doc is not None and doc["text"] == "Half an emoji \ufffd and 5 drones"
