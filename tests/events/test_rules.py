"""Tables: how two numbers compare (qualifiers, rounding, staleness, category confusion), which
record cues are found in three languages, and that the record word lists load."""

from __future__ import annotations

from typing import Any

import pytest

from strikeledger.ledger.events.model import Claim, Consensus
from strikeledger.ledger.events.reconcile import compare
from strikeledger.ledger.events.records import LANGS, find_record_claims, record_words

EV = "ev:2025-07-04:RU>UA"


def claim(
    value: int,
    q: str = "exact",
    *,
    subject: str = "drone",
    doc: str = "d1",
    published: str = "2025-07-04T12:00:00+03:00",
    parts: tuple[str, ...] = (),
    kind: str = "figure",
    measure: str = "launched",
) -> Claim:
    return Claim(
        EV,
        doc,
        kind,
        measure,
        subject,
        None,
        value,
        q,
        "X",
        "media",
        None,
        published,
        False,
        parts=parts,
    )


def cons(
    value: int,
    q: str = "exact",
    published: str = "2025-07-04T09:00:00+03:00",
    kind: str = "figure",
    measure: str = "launched",
) -> Consensus:
    c = Claim(
        EV,
        "af",
        kind,
        measure,
        "drone",
        None,
        value,
        q,
        "Ukrainian Air Force",
        "air_force",
        "kpszsu",
        published,
        True,
    )
    return Consensus(EV, c.key, value, q, "consensus.air_force_for_weapons.v1", c)


@pytest.mark.parametrize(
    ("value", "q", "against", "aq", "expected"),
    [
        (23, "at_least", 25, "exact", None),  # "at least 23" agrees with 25
        (25, "exact", 23, "at_least", None),
        (700, "more_than", 728, "exact", None),
        (730, "approx", 728, "exact", None),
        (700, "exact", 728, "exact", "rounded"),
        (700, "exact", 700, "more_than", "rounded"),  # 700 vs "more than 700"
        (550, "exact", 548, "exact", "rounded"),
        (20, "at_most", 25, "exact", "different"),
        (20, "at_most", 20, "exact", None),
        (600, "exact", 728, "exact", "different"),
        (743, "exact", 728, "exact", "different"),
        (800, "more_than", 728, "exact", "different"),
        (10, "less_than", 25, "exact", "different"),
    ],
)
def test_compare_table(value: int, q: str, against: int, aq: str, expected: str | None) -> None:
    got = compare(claim(value, q), cons(against, aq), [])
    assert (got.kind if got else None) == expected


def test_stale_toll_needs_an_earlier_publication() -> None:
    early = claim(14, published="2025-07-04T08:00:00+03:00", kind="casualty", measure="killed")
    late = cons(18, published="2025-07-04T20:00:00+03:00", kind="casualty", measure="killed")
    got = compare(early, late, [])
    assert got is not None and got.kind == "stale" and got.delta == -4
    after = claim(14, published="2025-07-04T21:00:00+03:00", kind="casualty", measure="killed")
    got = compare(after, late, [])
    assert got is not None and got.kind == "different"
    undated = claim(14, published="", kind="casualty", measure="killed")
    got = compare(undated, late, [])
    assert got is not None and got.kind == "different"


def test_category_confusion_against_total_and_sum_of_parts() -> None:
    total = Claim(
        EV,
        "af",
        "figure",
        "launched",
        "any",
        None,
        550,
        "exact",
        "AF",
        "air_force",
        "kpszsu",
        None,
        True,
    )
    got = compare(claim(550), cons(539), [total])
    assert got is not None and got.kind == "category_confusion"
    summed = Claim(
        EV,
        "af",
        "figure",
        "hit",
        "any",
        None,
        72,
        "exact",
        "AF",
        "air_force",
        "kpszsu",
        None,
        True,
        parts=("drone 63", "missile 9"),
    )
    got = compare(claim(72, measure="hit"), cons(63, measure="hit"), [summed])
    assert got is not None and got.kind == "category_confusion"
    assert got.matches == "hit any 72 = drone 63 + missile 9"
    # a number matching nothing is just different
    got = compare(claim(600), cons(539), [total])
    assert got is not None and got.kind == "different"


def _report(text: str, spans: list[tuple[str, int]], lang: str) -> dict[str, Any]:
    figs = []
    for s, v in spans:
        i = text.index(s)
        figs.append(
            {
                "measure": "launched",
                "weapon": {"category": "drone", "model": None},
                "value": v,
                "qualifier": "exact",
                "night_of": "2025-07-04",
                "evidence": {"start": i, "end": i + len(s), "text": s},
            }
        )
    return {"document": {"id": "d", "language": lang}, "figures": figs}


@pytest.mark.parametrize(
    ("lang", "text", "spans", "cue", "value"),
    [
        (
            "en",
            "Russia fired a record-breaking 550 drones overnight.",
            [("550 drones", 550)],
            "record-breaking",
            550,
        ),
        (
            "en",
            "Moscow launched 728 drones, a record for the war.",
            [("728 drones", 728)],
            "record",
            728,
        ),
        (
            "en",
            "It was the largest air attack of the war: 741 drones and missiles.",
            [("741 drones", 741)],
            "largest air attack",
            741,
        ),
        ("uk", "Ворог випустив рекордну кількість дронів — 741.", [("741", 741)], "рекордну", 741),
        (
            "uk",
            "Це наймасованіша атака: 810 ударних БпЛА.",
            [("810 ударних БпЛА", 810)],
            "наймасованіша",
            810,
        ),
        (
            "ru",
            "Рекордное число беспилотников — 728 — запустила Россия.",
            [("728", 728)],
            "Рекордное",
            728,
        ),
        (
            "ru",
            "Крупнейшая атака: 537 беспилотников и ракет.",
            [("537 беспилотников", 537)],
            "Крупнейшая",
            537,
        ),
    ],
)
def test_record_cues_found(
    lang: str, text: str, spans: list[tuple[str, int]], cue: str, value: int
) -> None:
    (rc,) = find_record_claims(text, _report(text, spans, lang))
    assert rc.cue == cue and rc.figure["value"] == value


@pytest.mark.parametrize(
    ("lang", "text", "spans"),
    [
        ("en", "It surpassed the previous record of 728 drones.", [("728 drones", 728)]),
        ("uk", "Попередній рекорд — 728 дронів — встановлено 9 липня.", [("728 дронів", 728)]),
        ("ru", "Предыдущий рекорд составлял 728 беспилотников.", [("728 беспилотников", 728)]),
        ("en", "The Air Force recorded 63 drones hitting targets.", [("63 drones", 63)]),
        (
            "en",
            "Russia launched 120 drones. Officials set a record turnout at the vote.",
            [("120 drones", 120)],
        ),
    ],
)
def test_no_record_claim(lang: str, text: str, spans: list[tuple[str, int]]) -> None:
    assert find_record_claims(text, _report(text, spans, lang)) == []


@pytest.mark.parametrize("lang", LANGS)
def test_record_word_lists_load(lang: str) -> None:
    words = record_words(lang)
    assert words.cues.pattern and words.earlier


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("ev:2025-07-04:RU-UA", "ev:2025-07-04:RU>UA"),
        ("ev:2025-07-04:RU>UA", "ev:2025-07-04:RU>UA"),
        ("ev:2025-07-04:ru_ua:ua-63:kharkiv", "ev:2025-07-04:RU>UA:UA-63:kharkiv"),
        ("ev:2025-07-10:UA-RU:RU-BEL", "ev:2025-07-10:UA>RU:RU-BEL"),
        (" ev:2025-07-04:RU>UA:UA-30 ", "ev:2025-07-04:RU>UA:UA-30"),
        ("ev:2025-07-04:RU", "ev:2025-07-04:RU"),
    ],
)
def test_event_ids_typed_without_the_shell_redirection(typed: str, canonical: str) -> None:
    from strikeledger.ledger.events import canonical_event_id

    assert canonical_event_id(typed) == canonical


def test_a_total_given_as_all_weapons_that_is_one_category() -> None:
    drones = Claim(
        EV,
        "af",
        "figure",
        "launched",
        "drone",
        None,
        539,
        "exact",
        "AF",
        "air_force",
        "kpszsu",
        None,
        True,
    )
    total = claim(539, subject="any")
    c = Claim(
        EV,
        "af",
        "figure",
        "launched",
        "any",
        None,
        550,
        "exact",
        "AF",
        "air_force",
        "kpszsu",
        None,
        True,
    )
    got = compare(total, Consensus(EV, c.key, 550, "exact", "r", c), [drones])
    assert got is not None and got.kind == "category_confusion"
    assert got.matches == "launched drone 539"
