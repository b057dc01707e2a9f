"""The cue regex tried at a position through the first-character dispatch of ``dates_cues``
must give the same match as the joined regex, at every position of texts in all languages."""

from __future__ import annotations

import pytest

from strikeledger.extract import dates_cues as dc
from strikeledger.extract import dates_dispatch as dd

TEXTS = {
    "en": (
        "KYIV, Sept 28 — Russia launched 48 missiles overnight into Sunday, between 6 p.m. and "
        "7 a.m. on Nov. 3, 2025. In the early hours of Monday, May 5, and since the start of "
        "the week (Kyiv time), at 18:00; the previous record of 728 drones on July 9. "
        "ſunday, Kelvin \u212a, İstanbul, 12th of March; last year, this week."
    ),
    "uk": (
        "У ніч на 5 травня (з 18:00 4 травня) противник атакував; станом на 09:00 збито. "
        "Вчора, 12.03.2024, протягом доби, минулого тижня, з початку року, у неділю вранці. "
        "ВНОЧІ НА 3 ЛИПНЯ; ᲀночі; у ніч проти 1 січня 2023 року."
    ),
    "ru": (
        "В ночь с 3 на 4 июля дежурными средствами ПВО уничтожены; за прошедшие сутки, "
        "в период с 20:00 до 23:30 мск, 15 мая 2024 года, на прошлой неделе, в воскресенье утром."
    ),
}


@pytest.mark.parametrize("lang", ["en", "uk", "ru"])
def test_dispatch_matches_the_joined_regex(lang: str) -> None:
    c = dc.cues(lang)
    assert c.branches, "the branches of the joined regex are kept"
    matched = 0
    for text in (TEXTS[lang], TEXTS[lang].lower(), TEXTS[lang].upper()):
        for pos in range(len(text) + 1):
            full = c.regex.match(text, pos)
            rx = dd._regex_at(c, text, pos)
            got = rx.match(text, pos) if rx is not None else None
            want = full and (full.span(), full.lastgroup)
            assert (got and (got.span(), got.lastgroup)) == want, (lang, text[pos : pos + 30])
            matched += full is not None
    assert matched > 0


def test_first_chars_of_a_pattern() -> None:
    assert dd._first_chars(r"(?<![^\W_])(?i:у ніч)") == {"у"}
    assert dd._first_chars(r"(?:\d{1,2}|ab)c") == set("0123456789a")
    assert dd._first_chars(r"x?y") == {"x", "y"}
    assert dd._first_chars(r"[^a]b") is None  # a negated class may begin with anything
    assert dd._first_chars(r"a?") is None  # may match the empty string


@pytest.mark.parametrize("lang", ["en", "uk", "ru"])
def test_pair_dispatch_matches_the_joined_regex(lang: str) -> None:
    c = dc.cues(lang)
    matched = 0
    for text in (TEXTS[lang], TEXTS[lang].lower(), TEXTS[lang].upper()):
        for pos in range(len(text) + 1):
            full = c.regex.match(text, pos)
            rx = dd._regex_at_pair(c, text, pos)
            got = rx.match(text, pos) if rx is not None else None
            want = full and (full.span(), full.lastgroup)
            assert (got and (got.span(), got.lastgroup)) == want, (lang, text[pos : pos + 30])
            matched += full is not None
    assert matched > 0


def test_prefixes_of_a_pattern() -> None:
    w = dd._WILD
    assert dd._prefixes(r"(?<![^\W_])(?i:у ніч)") == {"у н"}
    assert dd._prefixes(r"x?y") == {"xy", "y"}
    assert dd._prefixes(r"ab?") == {"ab", "a"}  # "a" may end the match
    assert dd._prefixes(r"[^a]bc") == {w + "bc"}
    assert dd._prefixes(r"a\s+b") == {"a" + w + w, "a" + w + "b"}
    assert dd._forms("ab") == {"", "a", w, "ab", "a" + w, w + "b", w + w}


@pytest.mark.parametrize("lang", ["en", "uk", "ru"])
def test_trigger_scan_finds_what_the_word_lookup_finds(lang: str) -> None:
    import random

    c = dc.cues(lang)
    scan = dc._trigger_scan(c)
    assert scan is not None
    rng = random.Random(1)
    words = [*sorted(c.trigger_words), *c.trigger_stems, *(s + "ами" for s in c.trigger_stems)]
    pieces = [*words, "'", " ", "x", "б", "2", "-", ".", "\n", "'s"]
    texts = [TEXTS[lang].lower()]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 20))) for _ in range(3000)]
    checked = 0
    for low in texts:
        got = dc._scanned_triggers(low, scan)
        if got is not None:
            assert got == dc._found_triggers(low, c), low
            checked += 1
    assert checked > 2000
