"""The officials knowledge base: it validates, answers holder queries on the facts the role
checks depend on, is rebuilt/validated by one command, and loads fast."""

from __future__ import annotations

import copy
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from strikeledger.errors import KnowledgeDataError
from strikeledger.kb import officials as kb

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def raw() -> Any:
    return kb.read_raw()


def test_packaged_file_validates(raw: Any) -> None:
    assert kb.validate(raw) == []


def test_every_term_has_a_source_and_ordered_dates() -> None:
    officials = kb.load()
    for office in officials.offices.values():
        assert office.terms, office.id
        for term in office.terms:
            assert term.source.strip(), (office.id, term.who)
            assert term.end is None or term.end > term.start, (office.id, term.who)
        for a, b in zip(office.terms, office.terms[1:], strict=False):
            assert a.end is not None and a.end <= b.start, (office.id, a.who, b.who)


@pytest.mark.parametrize(
    ("office", "day", "holder"),
    [
        ("UA.foreign_minister", date(2024, 9, 4), "Dmytro Kuleba"),
        ("UA.foreign_minister", date(2024, 9, 5), "Andrii Sybiha"),
        ("UA.foreign_minister", date(2025, 7, 4), "Andrii Sybiha"),
        ("UA.foreign_minister", date(2020, 3, 4), "Dmytro Kuleba"),
        ("UA.defence_minister", date(2023, 9, 5), "Oleksii Reznikov"),
        ("UA.defence_minister", date(2023, 9, 6), "Rustem Umerov"),
        ("UA.defence_minister", date(2025, 7, 17), "Denys Shmyhal"),
        ("UA.prime_minister", date(2025, 7, 16), "Denys Shmyhal"),
        ("UA.prime_minister", date(2025, 7, 17), "Yulia Svyrydenko"),
        ("UA.commander_in_chief", date(2024, 2, 7), "Valerii Zaluzhnyi"),
        ("UA.commander_in_chief", date(2024, 2, 8), "Oleksandr Syrskyi"),
        ("RU.defence_minister", date(2024, 5, 11), "Sergei Shoigu"),
        ("RU.defence_minister", date(2024, 5, 14), "Andrei Belousov"),
        ("RU-KRS.governor", date(2024, 5, 14), "Roman Starovoit"),
        ("RU-KRS.governor", date(2024, 8, 1), "Alexei Smirnov"),
        ("RU-KRS.governor", date(2025, 1, 1), "Alexander Khinshtein"),
        ("US.president", date(2025, 1, 19), "Joe Biden"),
        ("US.president", date(2025, 1, 20), "Donald Trump"),
        ("US.secretary_of_state", date(2025, 1, 21), "Marco Rubio"),
        ("UA-30.mayor", date(2023, 1, 1), "Vitali Klitschko"),
        ("RU-BEL.governor", date(2025, 6, 12), "Vyacheslav Gladkov"),
        ("UA.energy_minister", date(2025, 7, 16), "Herman Halushchenko"),
        ("UA.energy_minister", date(2025, 7, 17), "Svitlana Hrynchuk"),
        ("RU-TUL.governor", date(2023, 6, 1), "Alexey Dyumin"),
        ("RU-TUL.governor", date(2025, 6, 1), "Dmitry Milyaev"),
        ("RU-ROS.governor", date(2025, 3, 1), "Yury Slyusar"),
        ("UA-40.governor", date(2025, 3, 1), "Mikhail Razvozhayev"),
    ],
)
def test_holder_on(office: str, day: date, holder: str) -> None:
    got = kb.load().holder_on(office, day)
    assert got is not None and got[0].name == holder


def test_nobody_before_the_first_term_or_in_a_gap() -> None:
    officials = kb.load()
    assert officials.holder_on("UA.foreign_minister", date(1995, 1, 1)) is None
    assert officials.holder_on("RU.defence_minister", date(2024, 5, 13)) is None
    assert officials.holder_on("no.such_office", date(2025, 1, 1)) is None


def test_offices_for_role_country_and_place() -> None:
    officials = kb.load()
    assert [o.id for o in officials.offices_for("governor", "UA", "Харківської")] == [
        "UA-63.governor"
    ]
    assert [o.id for o in officials.offices_for("mayor", None, "Москвы")] == ["RU-MOW.mayor"]
    assert len(officials.offices_for("president")) >= 3


def _break(raw: Any, path: tuple[str, ...], value: Any) -> Any:
    bad = copy.deepcopy(raw)
    node = bad
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return bad


@pytest.mark.parametrize(
    ("path", "value", "needle"),
    [
        (("offices", "UA.foreign_minister", "holders", 1, "source"), "", "no source"),
        (("offices", "UA.foreign_minister", "holders", 1, "to"), "2019-01-01", "not after"),
        (("offices", "UA.foreign_minister", "holders", 1, "to"), "2024-12-01", "overlaps"),
        (("offices", "UA.foreign_minister", "holders", 1, "who"), "nobody", "unknown person"),
        (("offices", "UA.foreign_minister", "holders", 1, "from"), "05/09/2024", "ISO date"),
        (("offices", "UA-63.governor", "region"), "Kharkiv", "ISO 3166-2"),
        (("offices", "RU-ROS.governor", "holders", 1, "acting_until"), "2024-01-01", "not inside"),
        (("offices", "RU-ROS.governor", "holders", 1, "uncertain"), ["since"], "uncertain may"),
    ],
)
def test_validation_catches(raw: Any, path: tuple[Any, ...], value: Any, needle: str) -> None:
    problems = kb.validate(_break(raw, path, value))
    assert any(needle in p for p in problems), problems


def test_invalid_file_raises_typed_error(tmp_path: Path) -> None:
    bad = tmp_path / "officials.yaml"
    bad.write_text("people: {}\noffices: {X: {country: UA}}\n", encoding="utf-8")
    _officials, problems = kb._build(kb.read_raw(str(bad)))
    assert problems
    with pytest.raises(KnowledgeDataError):
        raise KnowledgeDataError("; ".join(problems), item=str(bad))


def test_one_documented_command_validates() -> None:
    script = ROOT / "scripts" / "build_officials.py"
    done = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "0 problem(s)" in done.stdout
    docs = (ROOT / "src" / "strikeledger" / "kb" / "data" / "SOURCES.md").read_text("utf-8")
    assert "scripts/build_officials.py --check" in docs


def test_load_is_cached() -> None:
    kb.load.cache_clear()
    first = kb.load()
    assert kb.load() is first


@pytest.mark.parametrize(
    ("role", "country", "day", "place", "holder"),
    [
        ("foreign_minister", "UA", date(2025, 7, 4), None, "Andrii Sybiha"),
        ("foreign_minister", "US", date(2024, 6, 1), None, "Antony Blinken"),
        ("defence_minister", "RU", date(2024, 6, 1), None, "Andrei Belousov"),
        ("governor", "RU", date(2024, 6, 1), "Kursk", "Alexei Smirnov"),
        ("mayor", "UA", date(2025, 11, 20), "Odesa", "Serhiy Lysak"),
        ("governor", "UA", date(2025, 1, 1), None, None),  # which oblast?
    ],
)
def test_holder_by_role(
    role: str, country: str, day: date, place: str | None, holder: str | None
) -> None:
    got = kb.load().holder(role, country, day, place)
    assert (got[0].name if got else None) == holder
