from __future__ import annotations

import pytest

from strikeledger.extract.text import sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia launched 550 drones. Kyiv was hit.",
            ["Russia launched 550 drones.", "Kyiv was hit."],
        ),
        (
            "Mr. Smith said so. U.S. officials agreed.",
            ["Mr. Smith said so.", "U.S. officials agreed."],
        ),
        ("Удар по м. Київ. Далі тиша.", ["Удар по м. Київ.", "Далі тиша."]),
        # a model name that ends in an abbreviation-like letter still ends the sentence
        (
            "Запущено 4 ракети Іскандер-М. Найбільше постраждала Одеса.",
            ["Запущено 4 ракети Іскандер-М.", "Найбільше постраждала Одеса."],
        ),
        ("«Так», — сказав він. Потім пішов.", ["«Так», — сказав він.", "Потім пішов."]),
        ("Headline\n\nBody one. Body two.", ["Headline", "Body one.", "Body two."]),
        ("lower. case after a dot", ["lower. case after a dot"]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    got = sentences(text)
    assert [s.text for s in got] == expected
    assert all(text[s.start : s.end] == s.text for s in got)


def test_paragraphs_are_counted() -> None:
    got = sentences("One.\n\nTwo. Three.\n\nFour.")
    assert [s.paragraph for s in got] == [0, 1, 1, 2]


def test_long_sentence_is_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRIKELEDGER_MAX_SENTENCE_CHARS", "50")
    text = " ".join(["word"] * 100)
    got = sentences(text)
    assert len(got) > 1 and all(len(s.text) <= 50 for s in got)
    assert all(text[s.start : s.end] == s.text for s in got)
