"""A private PostgreSQL schema per test, on the server scripts/setup.sh starts.

``STRIKELEDGER_TEST_PG`` (a postgresql:// URL) names the server; without it, or when it cannot be
reached, the PostgreSQL tests skip and say why. Each test gets a fresh schema (dropped after), so
tests never see each other's rows. Other test packages may import ``pg_url`` from here.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


@contextmanager
def pg_url() -> Iterator[str]:
    base = os.environ.get("STRIKELEDGER_TEST_PG")
    if not base:
        pytest.skip("no PostgreSQL: STRIKELEDGER_TEST_PG is unset (scripts/setup.sh starts one)")
    try:
        import psycopg
    except ImportError:
        pytest.skip("psycopg is not installed (pip install 'strikeledger[postgres]')")
    schema = "t_" + uuid.uuid4().hex[:16]
    try:
        admin = psycopg.connect(base, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as e:
        pytest.skip(f"PostgreSQL at STRIKELEDGER_TEST_PG is unreachable: {str(e).strip()[:200]}")
    with admin:
        admin.execute(f"CREATE SCHEMA {schema}")
        sep = "&" if "?" in base else "?"
        try:
            yield f"{base}{sep}options=-csearch_path%3D{schema}"
        finally:
            admin.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
