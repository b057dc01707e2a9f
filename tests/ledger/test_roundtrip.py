"""Round trip, as a property: whatever report-v1 dict goes in comes back out unchanged, and its
figure rows carry the same values (Hypothesis over values, models, areas and any text)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strikeledger.document import Document
from strikeledger.ledger import open_store
from strikeledger.report import CATEGORIES, MEASURES, QUALIFIERS, SCHEMA

text = st.text(min_size=0, max_size=40)
evidence = st.fixed_dictionaries(
    {"start": st.integers(0, 10_000), "end": st.integers(0, 10_000), "text": text}
)
figure = st.fixed_dictionaries(
    {
        "measure": st.sampled_from(MEASURES),
        "weapon": st.one_of(
            st.fixed_dictionaries(
                {
                    "category": st.sampled_from(CATEGORIES),
                    "model": st.none() | st.sampled_from(["shahed", "kh-101"]),
                }
            ),
            st.fixed_dictionaries(
                {
                    "category": st.just("missile"),
                    "model": st.just("kh-101"),
                    "models": st.just(["kh-101", "kh-555"]),
                }
            ),
        ),
        "value": st.integers(0, 2**40),
        "qualifier": st.sampled_from(QUALIFIERS),
        "night_of": st.none() | st.dates().map(lambda d: d.isoformat()),
        "window": st.none(),
        "area": st.lists(st.sampled_from(["UA", "UA-30", "RU", "RU-BEL"]), min_size=1, max_size=3),
        "attacker": st.none() | st.sampled_from(["RU", "UA"]),
        "claimant": st.none()
        | st.fixed_dictionaries({"name": text, "kind": st.none() | st.just("media")}),
        "evidence": evidence,
        "rule": st.text(max_size=20),
    }
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    body=st.text(min_size=1, max_size=200).filter(lambda s: s.strip()),
    figures=st.lists(figure, max_size=6),
)
def test_report_round_trip(body: str, figures: list[dict[str, Any]]) -> None:
    doc = Document.from_text(body + " x")
    report: dict[str, Any] = {"schema": SCHEMA, "document": {"id": doc.id}, "figures": figures}
    for name in ("casualties", "damage", "places", "statements", "persons", "flags"):
        report[name] = []
    with open_store(":memory:") as store:
        store.add_batch([(doc, report)])
        assert store.report(doc.id) == report
        got = store.document(doc.id, with_report=False)
        assert got is not None and got["text"] == doc.text
        rows = store.figures(document_id=doc.id)
        assert sorted(r["idx"] for r in rows) == list(range(len(figures)))
        for r in rows:
            f = figures[r["idx"]]
            assert (r["value"], r["measure"], r["night_of"]) == (
                f["value"],
                f["measure"],
                f["night_of"],
            )
            assert r["area"].split(",") == f["area"]
            assert r["evidence_text"] == f["evidence"]["text"]
