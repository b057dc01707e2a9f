"""The demo builds a ledger from the bundled examples with the real pipeline, and the dashboard
serves it: nights on the timeline, a conflict between the Air Force and the wire story."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from strikeledger.api import ApiSettings, create_app
from strikeledger.api.demo import build_demo_ledger, example_files


def test_demo_ledger_from_examples(tmp_path: Path) -> None:
    files = example_files()
    db, summary = build_demo_ledger(str(tmp_path / "demo.duckdb"))
    assert summary.read == len(files)
    assert summary.new == len(files), summary
    with TestClient(create_app(ApiSettings(db=db))) as c:
        nights = {n["night_of"] for n in c.get("/api/timeline").json()["items"]}
        assert {"2025-07-04", "2025-07-09"} <= nights
        docs = c.get("/api/documents?page_size=100").json()["items"]
        assert len(docs) == len(files)
        assert c.get("/").status_code == 200


def test_demo_command_builds_and_reports(tmp_path: Path, capsys: object) -> None:
    from strikeledger.cli import main

    db = tmp_path / "cli-demo.duckdb"
    assert main(["demo", "--no-serve", "--db", str(db)]) == 0
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert f"{len(example_files())} example reports read" in out and db.exists()
