"""persons_roles.title_matches finds exactly what the role pattern finds in each window."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

import pytest

from strikeledger.extract import persons_roles as roles

TEXTS = {
    "en": (
        "Former Defence Minister Oleksii Reznikov, then-Mayor Klitschko and ex-governor Syniehubov "
        "met Kharkiv Mayor Ihor Terekhov. The Kremlin spokesman, Dmitry Peskov, said acting "
        "governor Vyacheslav Gladkov, Kyiv's mayor and the head of the Kyiv city military "
        "administration, Tymur Tkachenko, spoke. ſpokesman \u212aremlin İnterim KREMLIN SPOKESMAN."
    ),
    "uk": (
        "Колишній міністр оборони Резніков, т.в.о. губернатора Бєлгородської області, мер Києва "
        "Віталій Кличко та начальник Харківської ОВА Олег Синєгубов повідомили. Речник ПС ЗСУ "
        "Юрій Ігнат, очільник Харківщини, Президент України Володимир Зеленський. ᲀ мера"
    ),
    "ru": (
        "И.о. губернатора Белгородской области, глава Харьковщины, мэр Москвы Сергей Собянин и "
        "врио главы региона сообщили. Пресс-секретарь Кремля Дмитрий Песков, глава МИД России."
    ),
}


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_title_matches_equal_finditer_in_every_window(lang: str) -> None:
    text = TEXTS[lang]
    lex = roles.role_lexicon(lang)
    rng = random.Random(5)
    windows = [(0, len(text))]
    windows += [(a, min(len(text), a + rng.randrange(0, 200))) for a in range(0, len(text), 7)]
    windows += [(max(0, i - 80), i) for i, ch in enumerate(text) if ch.isupper()]

    def seen(matches: Iterable[re.Match[str]]) -> list[tuple[object, ...]]:
        return [(m.span(), m.lastgroup, m.group("former"), m.group("acting")) for m in matches]

    for a, b in windows:
        expected = seen(lex.pattern.finditer(text, a, b))
        assert seen(roles.title_matches(lex, lang, text, a, b)) == expected, (a, b)
