"""A `strikeledger ingest` killed with SIGKILL at a random moment leaves the ledger consistent;
running it again completes it, and every document is there exactly once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from strikeledger.ledger import open_store
from tests.conftest import ROOT
from tests.ledger.pg import pg_url

N_DOCS = 600


def make_corpus(folder: Path) -> set[str]:
    """Distinct texts (distinct numbers, so never near-duplicates of each other)."""
    from strikeledger.document import Document

    folder.mkdir()
    ids = set()
    for i in range(N_DOCS):
        text = (
            f"Report {i}. Overnight the enemy launched {1000 + i} drones and {2000 + i} missiles "
            f"at region {i % 24}; {3000 + i} were shot down and {4000 + i} were lost locally, "
            f"the air force said in its morning update number {5000 + i}."
        )
        (folder / f"{i:04}.txt").write_text(text, encoding="utf-8")
        ids.add(Document.from_text(text).id)
    return ids


def run_ingest(folder: Path, db: str, *, kill_at: tuple[int, float] | None) -> int:
    """Run the CLI (with the stand-in extractor); with ``kill_at = (k, delay)``, SIGKILL it
    ``delay`` seconds after its k-th committed batch, i.e. somewhere inside a later batch."""
    env = dict(os.environ, STRIKELEDGER_INGEST_BATCH_SIZE="25", PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.ingest.stub", "ingest", str(folder), "--db", db, "--quiet"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    if kill_at is None:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        return proc.returncode
    commits, delay = kill_at
    assert proc.stdout is not None
    seen = 0
    for line in proc.stdout:
        if line.startswith("committed"):
            seen += 1
            if seen == commits:
                break
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    return proc.returncode


def check_consistent(db: str) -> int:
    with open_store(db) as store:
        orphans = store.query(
            "SELECT count(*) AS n FROM reports r LEFT JOIN documents d ON d.id = r.document_id "
            "WHERE d.id IS NULL"
        )[0]["n"]
        missing = store.query(
            "SELECT count(*) AS n FROM documents d LEFT JOIN reports r ON r.document_id = d.id "
            "WHERE r.document_id IS NULL"
        )[0]["n"]
        stray = store.query(
            "SELECT count(*) AS n FROM figures f LEFT JOIN documents d ON d.id = f.document_id "
            "WHERE d.id IS NULL"
        )[0]["n"]
        assert (orphans, missing, stray) == (0, 0, 0)
        # every stored document has all its figures (one per number: 6 per text)
        short = store.query(
            "SELECT count(*) AS n FROM (SELECT d.id, count(f.idx) AS k FROM documents d "
            "LEFT JOIN figures f ON f.document_id = d.id GROUP BY d.id) x WHERE x.k <> 7"
        )[0]["n"]
        assert short == 0
        return int(store.counts()["documents"])


def trial(tmp_path: Path, db: str, ids: set[str], folder: Path, rng: random.Random) -> None:
    commits = rng.randint(1, N_DOCS // 25 - 4)
    code = run_ingest(folder, db, kill_at=(commits, rng.uniform(0.0, 0.05)))
    assert code == -signal.SIGKILL
    with open_store(db, read_only=True) as reader:  # a reader may open it right after the kill
        seen = reader.counts()["documents"]
    partial = check_consistent(db)
    assert seen == partial
    assert commits * 25 <= partial < N_DOCS  # killed half-way: some batches in, not all
    assert partial % 25 == 0  # whole batches only
    run_ingest(folder, db, kill_at=None)
    assert check_consistent(db) == N_DOCS
    with open_store(db, read_only=True) as store:
        got = [r["id"] for r in store.query("SELECT id FROM documents")]
        assert len(got) == len(set(got)) == N_DOCS and set(got) == ids


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sigkill_then_rerun_duckdb(tmp_path: Path, seed: int) -> None:
    folder = tmp_path / "corpus"
    ids = make_corpus(folder)
    trial(tmp_path, str(tmp_path / "l.duckdb"), ids, folder, random.Random(seed))


@pytest.mark.postgres
def test_sigkill_then_rerun_postgres(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    ids = make_corpus(folder)
    with pg_url() as url:
        trial(tmp_path, url, ids, folder, random.Random(7))
