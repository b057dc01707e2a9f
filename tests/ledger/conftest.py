from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .pg import pg_url


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The same store tests run on an embedded DuckDB file and on PostgreSQL."""
    if request.param == "duckdb":
        yield str(tmp_path / "ledger.duckdb")
    else:
        with pg_url() as url:
            yield url
