"""Bar 1 on hand-written report dicts: the seed article against the Air Force's report of the
night of 3–4 July 2025 and earlier nights. Independent of the extractor."""

from __future__ import annotations

from strikeledger.ledger.events import CATEGORY_CONFUSION, EventSet
from strikeledger.ledger.events.check import AGREES, CONFLICTS, check_report

from .helpers import SEED_TEXT, af_report_2025_07_04, history_nights, seed_report


def ledger() -> EventSet:
    return EventSet.build([*history_nights(), af_report_2025_07_04()])


def test_seed_550_drones_is_category_confusion() -> None:
    res = check_report(seed_report(), SEED_TEXT, ledger())
    by = {(n.claim.measure, n.claim.subject, n.claim.value): n for n in res.numbers}
    n = by[("launched", "drone", 550)]
    assert n.status == CONFLICTS
    assert n.conflict is not None and n.conflict.kind == CATEGORY_CONFUSION
    assert n.consensus is not None and n.consensus.value == 539
    assert n.conflict.matches is not None and "550" in n.conflict.matches


def test_seed_72_drones_breached_is_category_confusion() -> None:
    res = check_report(seed_report(), SEED_TEXT, ledger())
    by = {(n.claim.measure, n.claim.subject, n.claim.value): n for n in res.numbers}
    n = by[("hit", "drone", 72)]
    assert n.conflict is not None and n.conflict.kind == CATEGORY_CONFUSION
    assert n.consensus is not None and n.consensus.value == 63
    assert "missile 9" in (n.conflict.matches or "")


def test_seed_11_missiles_agree() -> None:
    res = check_report(seed_report(), SEED_TEXT, ledger())
    by = {(n.claim.measure, n.claim.subject, n.claim.value): n for n in res.numbers}
    assert by[("launched", "missile", 11)].status == AGREES


def test_seed_kuleba_role_is_stale() -> None:
    res = check_report(seed_report(), SEED_TEXT, ledger())
    assert [p["name"] for p in res.stale_roles] == ["Dmytro Kuleba"]


def test_seed_record_claim_supported_by_history() -> None:
    res = check_report(seed_report(), SEED_TEXT, ledger())
    assert len(res.records) == 1
    r = res.records[0]
    assert r.claim.cue.lower().startswith("record")
    assert r.claim.figure["value"] == 550
    assert r.status == "supported"
    assert r.value_checked == 539  # the night's consensus, not the mislabelled 550
    assert r.previous is not None and r.previous["value"] == 479
    assert r.previous["night_of"] == "2025-06-09"


def test_record_refuted_when_an_earlier_night_was_higher() -> None:
    from .helpers import AF, fig, report

    big = report(
        "af-2025-06-20",
        source="kpszsu",
        published="2025-06-20T09:00:00+03:00",
        figures=[fig("launched", "drone", 700, night="2025-06-20", claimant=AF)],
    )
    es = EventSet.build([*history_nights(), big, af_report_2025_07_04()])
    res = check_report(seed_report(), SEED_TEXT, es)
    r = res.records[0]
    assert r.status == "refuted"
    assert r.previous is not None
    assert (r.previous["night_of"], r.previous["value"]) == ("2025-06-20", 700)


def test_seed_links_to_attack_and_local_events() -> None:
    res = check_report(seed_report(), SEED_TEXT, ledger())
    assert "ev:2025-07-04:RU>UA" in res.events
    assert "ev:2025-07-04:RU>UA:UA-30" in res.events
    assert "ev:2025-07-04:UA>RU:RU-ROS" in res.events
    assert "ev:2025-07-04:UA>RU" in res.events


def test_check_text_and_json_render() -> None:
    res = check_report(seed_report(), SEED_TEXT, ledger())
    text = res.to_text()
    assert "category_confusion" in text and "Kuleba" in text and "SUPPORTED" in text
    d = res.to_dict()
    assert d["summary"]["conflicts"] == 2


def test_an_undated_article_is_unlinked_and_its_numbers_unverified() -> None:
    from .helpers import fig, report

    art = report("undated", published=None, figures=[fig("launched", "drone", 300, night=None)])
    res = check_report(art, "Russia launched 300 drones.", ledger())
    assert res.events == [] and res.unlinked and "night" in res.unlinked
    assert res.numbers == [] and res.to_dict()["summary"]["conflicts"] == 0
    assert "not linked" in res.to_text()


def test_an_article_already_in_the_ledger_is_not_checked_against_itself() -> None:
    es = EventSet.build([*history_nights(), af_report_2025_07_04(), seed_report()])
    res = check_report(seed_report(), SEED_TEXT, es)
    by = {(n.claim.measure, n.claim.subject, n.claim.value): n for n in res.numbers}
    assert by[("launched", "drone", 550)].conflict is not None
    assert by[("hit", "drone", 72)].conflict is not None
    # its Kyiv casualties have no other source: unverified, not "agrees" with itself
    assert by[("injured", "people", 23)].status == "unverified"
