"""Near-duplicates: the same story published twice with small edits (two sites, two feeds).

A document's fingerprint is a MinHash signature of its word 5-shingles (normalised text, lower
case) plus a hash of the multiset of numbers it states. Two documents are near-duplicates when
the estimated Jaccard similarity of their shingles is at least the setting
``near_duplicate_threshold`` AND they state the same numbers: a text that adds or changes a
number carries new data and is never folded into another. Candidates are found through LSH
bands (``doc_bands`` in the ledger), so the check costs a few index look-ups per document.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

from .. import settings

__all__ = ["BANDS", "PERMUTATIONS", "Fingerprint", "fingerprint", "similarity"]

PERMUTATIONS = 64
BANDS = 16
ROWS = PERMUTATIONS // BANDS
SHINGLE_WORDS = 5

_WORD = re.compile(r"\w+", re.UNICODE)
_NUMBER = re.compile(r"\d+")
# Fixed multiply-shift hash family: the same seeds everywhere, so signatures stored in a ledger
# stay comparable across runs and machines.
_RNG = np.random.default_rng(20250704)
_A = _RNG.integers(1, 2**63 - 1, size=PERMUTATIONS, dtype=np.uint64) | np.uint64(1)
_B = _RNG.integers(0, 2**63 - 1, size=PERMUTATIONS, dtype=np.uint64)


@dataclass(frozen=True)
class Fingerprint:
    words: int
    numbers_hash: str
    minhash: np.ndarray | None  # uint32[PERMUTATIONS]; None when the text is too short

    def bands(self) -> list[tuple[int, int]]:
        """(band, signed 64-bit hash) pairs for the LSH index."""
        if self.minhash is None:
            return []
        out = []
        for b in range(BANDS):
            chunk = self.minhash[b * ROWS : (b + 1) * ROWS].tobytes()
            h = int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "big", signed=True)
            out.append((b, h))
        return out

    def minhash_hex(self) -> str | None:
        return None if self.minhash is None else self.minhash.astype(">u4").tobytes().hex()


def minhash_from_hex(value: str | None) -> np.ndarray | None:
    if not value:
        return None
    return np.frombuffer(bytes.fromhex(value), dtype=">u4").astype(np.uint32)


def fingerprint(text: str) -> Fingerprint:
    words = _WORD.findall(text.lower())
    numbers = sorted(_NUMBER.findall(text))
    numbers_hash = hashlib.blake2b(" ".join(numbers).encode(), digest_size=8).hexdigest()
    if len(words) < max(settings.NEAR_DUPLICATE_MIN_WORDS.get(), SHINGLE_WORDS):
        return Fingerprint(len(words), numbers_hash, None)
    shingles = {
        " ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)
    }
    hashes = np.fromiter(
        (
            int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little")
            for s in shingles
        ),
        dtype=np.uint64,
        count=len(shingles),
    )
    # multiply-shift hashing: ((a*x + b) mod 2^64) >> 32, vectorised over shingles x seeds.
    with np.errstate(over="ignore"):
        mixed = (hashes[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)
    return Fingerprint(len(words), numbers_hash, mixed.min(axis=0).astype(np.uint32))


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two MinHash signatures."""
    return float(np.count_nonzero(a == b)) / len(a)
