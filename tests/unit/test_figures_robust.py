"""The figures component never raises and its evidence always slices the text, on shuffled
attack vocabulary, numbers and punctuation (a cheap fuzz over the three languages)."""

from __future__ import annotations

import random

import pytest

from strikeledger import Document, extract

WORDS = {
    "en": "Russia launched fired shot down or jammed of them including another over the Kursk "
    "region drones missiles Shahed Kh-101 Iskander-M/KN-23 a an one two 12 550 1,000 at least "
    "more than about locations debris fell hit were lost from radar ; : – ( ) , . 2025 %",
    "uk": "ворог атакував збито/подавлено з них серед них ще над Курською областю БпЛА ракет "
    "шахедів Х-101/Іскандер-К одна дві 12 550 1 000 щонайменше понад близько локаціях уламків "
    "влучання локаційно втрачені ; : – ( ) , . 2025 %",
    "ru": "противник применил сбиты перехвачены и уничтожены из них в том числе еще над "
    "территорией Брянской области — беспилотников ракет КАБов одну две 12 550 более около "
    "локациях обломки попадания подавлены ; : – ( ) , . 2025 %",
}


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_shuffled_vocabulary(lang: str) -> None:
    rng = random.Random(1234)
    vocab = WORDS[lang].split()
    for _ in range(150):
        text = " ".join(rng.choice(vocab) for _ in range(rng.randrange(1, 60)))
        if rng.random() < 0.3:
            text = text.replace(" . ", ".\n– ")
        doc = Document.from_text(text, published="2025-07-04T10:00:00+03:00", language=lang)
        report = extract(doc).to_dict()
        for f in report["figures"]:
            ev = f["evidence"]
            assert doc.text[ev["start"] : ev["end"]] == ev["text"], (text, f)
            assert f["value"] >= 0 and f["measure"] and f["weapon"]["category"]
            assert f["qualifier"] in (
                "exact",
                "at_least",
                "more_than",
                "approx",
                "at_most",
                "less_than",
            )
