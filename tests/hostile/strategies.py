"""Hypothesis strategies for hostile text, built from the language data (so the fuzzer reaches
the rules: weapon words, casualty cues, number words, qualifiers …) plus numbers in every
format, punctuation, quotes, brackets, mixed scripts and raw noise.

``FUZZ`` is the settings of every fuzz test: ~100 examples in the default run; the profile
named by STRIKELEDGER_FUZZ_PROFILE=long (scripts/fuzz.sh) multiplies that (and
STRIKELEDGER_FUZZ_EXAMPLES sets it exactly).
"""

from __future__ import annotations

import os
from functools import cache
from typing import Any

import yaml
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from strikeledger.extract import langdata

LANGS = ("en", "uk", "ru")
_LONG = os.environ.get("STRIKELEDGER_FUZZ_PROFILE") == "long"
EXAMPLES = int(os.environ.get("STRIKELEDGER_FUZZ_EXAMPLES") or (5000 if _LONG else 100))

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,  # time is asserted by the tests themselves (a loaded machine is noisy)
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=not _LONG,  # the default run is reproducible; the long run explores
    print_blob=True,
)

# A few places in each script; the gazetteer is exercised through them and the place words of
# the language data.
PLACES = [
    "Kyiv",
    "Київ",
    "Києві",
    "Киев",
    "Kharkiv",
    "Харкові",
    "Харькове",
    "Odesa",
    "Одесі",
    "Dnipro",
    "Дніпрі",
    "Zaporizhzhia",
    "Запоріжжі",
    "Belgorod",
    "Белгороде",
    "Moscow",
    "Москве",
    "Sumy",
    "Сумщині",
    "Lviv",
    "Львові",
    "Kursk",
    "Курской области",
]
PUNCT = [
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "—",
    "–",
    "-",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "«",
    "»",
    "“",
    "”",
    "„",
    '"',
    "'",
    "’",
    "…",
    "/",
    "%",
    "+",
    "№",
    "\n",
    "\n\n",
    "\t",
    " ",
    "  ",
    "\u00a0",
    "\u200b",
    "\ufeff",
    "\u202e",
    "\r\n",
    "•",
    "*",
    "#",
    "@",
]


def _strings(data: Any) -> list[str]:
    out: list[str] = []
    if isinstance(data, str):
        out.append(data)
    elif isinstance(data, dict):
        for k, v in data.items():
            if isinstance(k, str):
                out.append(k)
            out.extend(_strings(v))
    elif isinstance(data, list):
        for v in data:
            out.extend(_strings(v))
    return out


@cache
def vocabulary(lang: str) -> tuple[str, ...]:
    """Every word and phrase of the language's YAML files ('*' stems given an ending)."""
    words: set[str] = set()
    for path in sorted((langdata.data_dir() / lang).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for s in _strings(data):
            s = s.strip()
            if not s or len(s) > 60 or s.startswith(("^", "(?")) or "\\" in s:
                continue
            words.add(s.replace("*", ""))
            if "*" in s:
                words.add(s.replace("*", "и" if lang != "en" else "s"))
    return tuple(sorted(words))


def numbers() -> st.SearchStrategy[str]:
    n = st.integers(min_value=0, max_value=10**9)
    return st.one_of(
        n.map(str),
        n.map(lambda v: f"{v:,}"),
        n.map(lambda v: f"{v:,}".replace(",", " ")),
        n.map(lambda v: f"{v:,}".replace(",", "\u00a0")),
        n.map(lambda v: f"{v:,}".replace(",", ".")),
        st.tuples(n, n).map(lambda t: f"{t[0]}-{t[1]}"),
        st.tuples(n, n).map(lambda t: f"{t[0]}–{t[1]}"),
        st.floats(0, 1e6, allow_nan=False).map(lambda f: f"{f:.1f}"),
        st.integers(0, 23).map(lambda h: f"{h:02}:00"),
        st.integers(1, 31).map(lambda d: f"{d}.07.2025"),
        st.sampled_from(["2022", "2025", "24/7", "1/3", "0", "00", "007", "1e5", "½", "٣", "１２"]),
    )


def tokens(lang: str) -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(vocabulary(lang)),
        st.sampled_from(vocabulary(lang)),
        numbers(),
        st.sampled_from(PUNCT),
        st.sampled_from(PLACES),
        st.sampled_from(vocabulary("en" if lang != "en" else "uk")),  # mixed scripts
        st.text(max_size=8),
    )


def texts(lang: str, max_tokens: int = 80) -> st.SearchStrategy[str]:
    sep = st.sampled_from([" ", " ", " ", "", ", ", ". ", "\n", " — "])
    return st.lists(st.tuples(tokens(lang), sep), min_size=1, max_size=max_tokens).map(
        lambda parts: "".join(a + b for a, b in parts)
    )


# --- bytes for the readers -----------------------------------------------------------------------
def mutate(data: bytes) -> st.SearchStrategy[bytes]:
    """``data`` cut, with bytes inserted, deleted, duplicated or flipped (a few times)."""

    @st.composite
    def go(draw: st.DrawFn) -> bytes:
        out = bytearray(data)
        for _ in range(draw(st.integers(0, 4))):
            if not out:
                break
            i = draw(st.integers(0, len(out)))
            op = draw(st.sampled_from(["cut", "insert", "delete", "dup", "flip"]))
            if op == "cut":
                del out[i:]
            elif op == "insert":
                out[i:i] = draw(
                    st.one_of(
                        st.binary(max_size=16),
                        st.sampled_from(
                            [
                                b"<",
                                b">",
                                b"&",
                                b"&amp;",
                                b'"',
                                b"\\",
                                b"{",
                                b"[",
                                b"\x00",
                                b"\xff\xfe",
                                b"\xed\xa0\x80",
                                b"\r\n",
                                b"]]>",
                                b"<!--",
                                b"\\ud83d",
                            ]
                        ),
                    )
                )
            elif op == "delete":
                j = draw(st.integers(i, min(len(out), i + 32)))
                del out[i:j]
            elif op == "dup":
                j = draw(st.integers(i, min(len(out), i + 64)))
                out[j:j] = out[i:j]
            elif op == "flip" and i < len(out):
                out[i] ^= draw(st.integers(1, 255))
        return bytes(out)

    return go()
