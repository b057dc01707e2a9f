"""Linking and claim rules on small hand-written reports."""

from __future__ import annotations

from typing import Any

import pytest

from strikeledger.ledger.events import EventSet, Linker, canonical_event_id
from strikeledger.ledger.events.claimants import claimant_of
from strikeledger.ledger.events.link import daytime, items_night

from .helpers import AF, cas, fig, place, report

MIL = {"name": "Збройні сили України", "kind": "military"}
OVA = {"name": "Kharkiv Regional Military Administration", "kind": "local_authority"}


def test_channel_corrects_the_claimant_of_its_own_post() -> None:
    doc = {"source": "kpszsu"}
    assert claimant_of({"claimant": MIL}, doc) == ("Ukrainian Air Force", "air_force")
    assert claimant_of({"claimant": None}, doc) == ("Ukrainian Air Force", "air_force")
    mod = {"name": "Минобороны России", "kind": "russian_mod"}
    assert claimant_of({"claimant": mod}, doc) == ("Минобороны России", "russian_mod")
    assert claimant_of({"claimant": MIL}, {"source": "some-paper"}) == (MIL["name"], "military")


def test_regional_authority_figures_go_to_their_region() -> None:
    r = report(
        "kharkiv-ova",
        figures=[fig("launched", "drone", 19, claimant=OVA)],
        places=[
            place("p1", "Kharkiv Oblast", "oblast", "UA", "UA-63"),
            place("p2", "Chuhuiv", "city", "UA", "UA-63"),
        ],
    )
    lr = Linker().add(r)
    assert lr.figure_events == ["ev:2025-07-04:RU>UA:UA-63"]
    assert "ev:2025-07-04:RU>UA" in lr.event_ids
    # the same number from the Air Force is a national figure
    r2 = report("af", figures=[fig("launched", "drone", 19, claimant=AF)], places=r["places"])
    assert Linker().add(r2).figure_events == ["ev:2025-07-04:RU>UA"]


def test_figure_with_a_region_in_its_area_is_local() -> None:
    r = report("mod", figures=[fig("shot_down", "drone", 30, attacker="UA", area=("RU", "RU-BEL"))])
    lr = Linker().add(r)
    assert lr.figure_events == ["ev:2025-07-04:UA>RU:RU-BEL"]
    assert lr.links[-1].matched["by"] == "figure area"


def test_a_smaller_number_of_the_same_model_is_a_part_not_an_addend() -> None:
    r = report(
        "af",
        source="kpszsu",
        figures=[
            fig("launched", "drone", 728, model="shahed", claimant=AF),
            fig("launched", "drone", 400, model="shahed", qualifier="approx", claimant=AF),
        ],
    )
    es = EventSet.build([r])
    cons = es.reconciliation("ev:2025-07-04:RU>UA").consensus_for(
        ("figure", "launched", "drone", None)
    )
    assert cons is not None and cons.value == 728


def test_casualty_without_place_joins_the_reports_only_local_event() -> None:
    r = report(
        "kyiv",
        casualties=[cas("injured", 5, place="p1"), cas("killed", 1)],
        places=[place("p1", "Kyiv", "city", "UA", "UA-30")],
    )
    lr = Linker().add(r)
    assert lr.casualty_events == ["ev:2025-07-04:RU>UA:UA-30"] * 2
    assert lr.links[0].matched["night_from"] == "published"


def test_two_cities_keep_their_own_local_events() -> None:
    r = report(
        "two",
        casualties=[cas("injured", 5, place="p1"), cas("injured", 2, place="p2"), cas("killed", 1)],
        places=[
            place("p1", "Kharkiv", "city", "UA", "UA-63"),
            place("p2", "Chuhuiv", "city", "UA", "UA-63"),
        ],
    )
    lr = Linker().add(r)
    assert lr.casualty_events == [
        "ev:2025-07-04:RU>UA:UA-63:kharkiv",
        "ev:2025-07-04:RU>UA:UA-63:chuhuiv",
        "ev:2025-07-04:RU>UA",  # ambiguous: stays with the attack
    ]


def test_unlinked_reports_say_why() -> None:
    weekly = report("weekly", published=None, figures=[fig("launched", "drone", 1270, night=None)])
    lr = Linker().add(weekly)
    assert lr.event_ids == [] and lr.unlinked_reason and "night" in lr.unlinked_reason
    assert Linker().add(report("nothing")).unlinked_reason == "no figures, casualties or damage"


def test_dataset_rows_merge_per_night_incrementally() -> None:
    def row(name: str, model: str | None, value: int) -> dict:  # type: ignore[type-arg]
        r = report(
            name,
            source="mmau",
            figures=[
                fig(
                    "launched",
                    "drone" if model != "kinzhal" else "missile",
                    value,
                    model=model,
                    claimant=AF,
                )
            ],
        )
        return r

    es = EventSet()
    es.add(row("r1", "shahed", 539))
    es.add(row("r2", None, 4))
    rec = es.reconciliation("ev:2025-07-04:RU>UA")
    drone = rec.consensus_for(("figure", "launched", "drone", None))
    assert drone is not None and drone.value == 543
    es.add(row("r3", "kinzhal", 1))  # a later row of the same night re-makes the tally
    rec = es.reconciliation("ev:2025-07-04:RU>UA")
    total = rec.consensus_for(("figure", "launched", "any", None))
    assert total is not None and total.value == 544
    assert not rec.conflicts


def test_bad_reports_are_refused_with_their_position() -> None:
    import pytest

    from strikeledger.errors import BadReportError

    with pytest.raises(BadReportError, match=r"document\.id"):
        Linker().add({"document": {}})
    bad = report("bad", figures=[fig("launched", "drone", 5)])
    bad["figures"][0]["value"] = "five"
    with pytest.raises(BadReportError) as e:
        Linker().add(bad)
    assert e.value.position == "figures[0]" and e.value.code == "SL-E501"
    bad = report("bad2", figures=[fig("launched", "drone", 5, night="4 July")])
    with pytest.raises(BadReportError, match="ISO date"):
        Linker().add(bad)


def test_publication_time_is_read_in_kyiv_time() -> None:
    from strikeledger.ledger.events.link import local_date

    assert local_date("2025-07-03T23:30:00Z") == "2025-07-04"
    assert local_date("2025-07-04T08:10:00+03:00") == "2025-07-04"
    assert local_date("2025-01-14T23:00:00+00:00") == "2025-01-15"  # winter: UTC+2
    assert local_date("2025-07-04") == "2025-07-04"
    assert local_date("2025-07-04T08:10:00") == "2025-07-04"
    assert local_date("yesterday") is None and local_date(None) is None


W = "2025-07-04T{}:00+03:00"


@pytest.mark.parametrize(
    ("window", "night", "day"),
    [
        ({"start": W.format("10:00"), "end": W.format("14:00")}, "2025-07-04", True),
        ({"start": W.format("07:30"), "end": None}, "2025-07-04", True),
        ({"start": "2025-07-04T08:00:00Z", "end": None}, "2025-07-04", True),  # 11:00 Kyiv
        ({"start": "2025-07-03T18:00:00+03:00", "end": W.format("09:00")}, "2025-07-04", False),
        ({"start": None, "end": W.format("09:00")}, "2025-07-04", False),  # "as of 09:00"
        ({"start": W.format("21:00"), "end": None}, "2025-07-04", False),  # evening into night
        ({"start": W.format("03:00"), "end": W.format("06:30")}, "2025-07-04", False),
        ({"start": W.format("12:00"), "end": "2025-07-05T02:00:00+03:00"}, "2025-07-04", False),
        (None, "2025-07-04", False),
        ({"start": "garbage", "end": None}, "2025-07-04", False),
    ],
)
def test_daytime_is_read_from_the_figures_window(window: Any, night: str, day: bool) -> None:
    assert daytime({"night_of": night, "window": window}) is day


def test_daytime_strike_is_its_own_event_beside_the_night() -> None:
    night = report("n", figures=[fig("launched", "drone", 300)])
    f = fig("launched", "drone", 12)
    f["window"] = {"start": W.format("10:00"), "end": W.format("13:00")}
    day = report("d", figures=[f], published="2025-07-04T15:00:00+03:00")
    es = EventSet.build([night, day])
    ids = {lr.document_id: lr.event_ids for lr in es.linker.linked.values()}
    assert ids[night["document"]["id"]] == ["ev:2025-07-04:RU>UA"]
    assert ids[day["document"]["id"]] == ["ev:2025-07-04-day:RU>UA"]
    assert canonical_event_id("ev:2025-07-04-day:ru_ua") == "ev:2025-07-04-day:RU>UA"
    assert es.event("ev:2025-07-04-day:RU-UA") is not None


@pytest.mark.parametrize(
    ("lang", "evidence", "extra", "night", "source"),
    [
        ("en", "two killed in yesterday's strike", {}, "2025-07-04", "yesterday"),
        ("uk", "внаслідок учорашньої атаки загинули двоє", {}, "2025-07-04", "yesterday"),
        ("uk", "вчора загинули двоє", {}, "2025-07-04", "yesterday"),
        ("ru", "вчерашний удар унёс жизни двух человек", {}, "2025-07-04", "yesterday"),
        ("en", "two people were killed", {}, "2025-07-05", "published"),
        ("en", "two killed last night", {}, "2025-07-05", "published"),
        ("uk", "двоє загинули", {"night_of": "2025-07-03"}, "2025-07-03", "items"),
    ],
)
def test_a_toll_without_figures_is_dated_by_its_own_words(
    lang: str, evidence: str, extra: dict[str, Any], night: str, source: str
) -> None:
    c = {**cas("killed", 2), **extra}
    c["evidence"] = {"start": 0, "end": len(evidence), "text": evidence}
    r = report("t", casualties=[c], published="2025-07-05T08:30:00+03:00", language=lang)
    assert items_night(r) == (night, source)
