"""Fuzzing of every reader through ``read_source``: mutated samples of each format (cut,
bytes inserted/deleted/flipped) and raw noise. Only Document and Skipped items may come out,
never an exception, and each file is read within its time limit."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strikeledger.document import Document
from strikeledger.ingest import Skipped, read_source

from .samples import FORMAT_OF, SAMPLES
from .strategies import FUZZ, mutate

SECONDS_PER_FILE = 10.0


def read_all(data: bytes, suffix: str, fmt: str | None) -> list[Document | Skipped]:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"input{suffix}"
        path.write_bytes(data)
        t0 = time.perf_counter()
        items = list(read_source(path, format=fmt))
        took = time.perf_counter() - t0
    assert took < SECONDS_PER_FILE, f"{took:.1f} s reading {len(data)} bytes"
    for item in items:
        assert isinstance(item, Document | Skipped), type(item)
        if isinstance(item, Skipped):
            assert item.code.startswith("SL-E") and item.describe()
            assert item.error.item, f"a Skipped without the file it is about: {item.describe()}"
        else:
            assert isinstance(item.text, str) and item.id
    return items


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_samples_are_read(name: str) -> None:
    """The unmutated samples give documents (so the fuzzing below starts from valid input)."""
    suffix, data = SAMPLES[name]
    items = read_all(data, suffix, None)
    assert any(isinstance(i, Document) for i in items), [
        i.describe() for i in items if isinstance(i, Skipped)
    ]


@pytest.mark.parametrize("name", sorted(SAMPLES))
@FUZZ
@given(data=st.data())
def test_mutated_source(name: str, data: st.DataObject) -> None:
    suffix, sample = SAMPLES[name]
    mutated = data.draw(mutate(sample), label="bytes")
    forced = data.draw(st.sampled_from([None, FORMAT_OF.get(name, name)]), label="format")
    read_all(mutated, suffix, forced)


@FUZZ
@given(
    data=st.binary(max_size=2000),
    suffix=st.sampled_from(sorted({s for s, _ in SAMPLES.values()} | {"", ".bin"})),
)
def test_noise_as_any_source(data: bytes, suffix: str) -> None:
    read_all(data, suffix, None)
