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
import zlib
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


class _WordHashes(dict[str, int]):
    """crc32 of words, computed on first sight (a bounded cache: cleared when it grows big)."""

    def __missing__(self, word: str) -> int:
        h = self[word] = zlib.crc32(word.encode())
        return h


_WORD_HASHES = _WordHashes()
_WORD_CACHE_SIZE = 500_000
_POWERS = np.array([pow(1_000_003, k, 2**64) for k in range(SHINGLE_WORDS)][::-1], dtype=np.uint64)


@dataclass(frozen=True)
class Fingerprint:
    words: int
    numbers_hash: str
    minhash: np.ndarray | None  # uint32[PERMUTATIONS]; None when the text is too short

    def bands(self) -> list[tuple[int, int]]:
        """(band, signed 64-bit hash) pairs for the LSH index (computed once)."""
        cached: list[tuple[int, int]] | None = self.__dict__.get("_bands")
        if cached is not None:
            return cached
        if self.minhash is None:
            return []
        # The numbers hash is part of every band key: only texts stating the same numbers can
        # be near-duplicates, so only they need to meet in the index.
        salt = bytes.fromhex(self.numbers_hash)
        raw = self.minhash.tobytes()
        step = ROWS * self.minhash.itemsize
        blake2b = hashlib.blake2b
        out = [
            (
                b,
                int.from_bytes(
                    blake2b(salt + raw[b * step : (b + 1) * step], digest_size=8).digest(),
                    "big",
                    signed=True,
                ),
            )
            for b in range(BANDS)
        ]
        object.__setattr__(self, "_bands", out)
        return out

    def minhash_hex(self) -> str | None:
        return None if self.minhash is None else self.minhash.astype(">u4").tobytes().hex()


def minhash_from_hex(value: str | None) -> np.ndarray | None:
    if not value:
        return None
    return np.frombuffer(bytes.fromhex(value), dtype=">u4").astype(np.uint32)


def fingerprint(text: str) -> Fingerprint:
    words = _WORD.findall(text.lower())
    # Every run of digits lies inside one word (a digit is a word character, and lower() leaves
    # digits alone), so the numbers are found in the few words that are not all letters.
    numbers = sorted(n for w in words if not w.isalpha() for n in _NUMBER.findall(w))
    numbers_hash = hashlib.blake2b(" ".join(numbers).encode(), digest_size=8).hexdigest()
    n = len(words)
    if n < max(settings.NEAR_DUPLICATE_MIN_WORDS.get(), SHINGLE_WORDS):
        return Fingerprint(n, numbers_hash, None)
    # A stable 32-bit hash per word (crc32: the same in every process, unlike hash()), then
    # one 64-bit hash per 5-word shingle as a polynomial of its words, all vectorised.
    if len(_WORD_HASHES) > _WORD_CACHE_SIZE:
        _WORD_HASHES.clear()
    word_hashes = np.fromiter(map(_WORD_HASHES.__getitem__, words), np.uint64, n)
    m = n - SHINGLE_WORDS + 1
    with np.errstate(over="ignore"):
        shingles = word_hashes[:m] * _POWERS[0]
        for k in range(1, SHINGLE_WORDS):
            shingles += word_hashes[k : k + m] * _POWERS[k]
        # multiply-shift hashing: ((a*x + b) mod 2^64) >> 32, over shingles x seeds. A shingle
        # seen twice cannot change a minimum, and the shift keeps order: min first, then shift.
        mixed = np.multiply.outer(shingles, _A)
        mixed += _B
        lowest = mixed.min(axis=0) >> np.uint64(32)
    return Fingerprint(n, numbers_hash, lowest.astype(np.uint32))


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two MinHash signatures."""
    return float(np.count_nonzero(a == b)) / len(a)
