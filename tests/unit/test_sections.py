"""``extract(doc, sections=…)`` runs only the components those sections need, and each section it
returns is exactly what the full extraction gives (on the project's own gold texts)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from strikeledger import Document, extract
from strikeledger.errors import StrikeledgerError
from strikeledger.eval import extract_gold, load_gold
from strikeledger.eval.run import gold_document
from strikeledger.extract.pipeline import SECTIONS, components_for
from tests.conftest import ROOT

FOLDERS = [ROOT / "tests" / "heldout2", ROOT / "tests" / "golden" / "figures"]


@cache
def _cases() -> list[tuple[str, Document, dict[str, Any]]]:
    return [
        (case.name, gold_document(case), full)
        for folder in FOLDERS
        for case, full in extract_gold(load_gold(Path(folder)))
    ]


@pytest.mark.parametrize("section", [s for s in SECTIONS if s != "flags"])
def test_a_section_alone_equals_the_same_section_of_the_full_report(section: str) -> None:
    assert len(_cases()) > 60
    for name, doc, full in _cases():
        part = extract(doc, sections=[section]).to_dict()
        assert part[section] == full[section], f"{name}: {section} differs when extracted alone"
        assert set(part["document"]["sections"]) >= {section}
        assert {f["code"] for f in part["flags"]} <= {f["code"] for f in full["flags"]}, name


def test_figures_alone_skips_the_people_components() -> None:
    names = [name for name, _ in components_for(["figures"])]
    assert [n.split(".")[0] for n in names] == ["language", "dates", "places", "figures", "flags"]


def test_a_full_report_does_not_list_sections_and_a_partial_one_does() -> None:
    doc = Document(
        text="Russia launched 40 drones overnight; 35 were shot down. "
        "Two people were injured in Sumy.",
        published="2025-03-12T09:00+02:00",
    )
    full = extract(doc).to_dict()
    assert "sections" not in full["document"]
    part = extract(doc, sections=["figures"]).to_dict()
    assert part["document"]["sections"] == ["figures", "places", "flags"]
    assert part["casualties"] == [] and len(full["casualties"]) == 1
    assert part["figures"] == full["figures"]


def test_an_unknown_section_is_a_clear_error() -> None:
    with pytest.raises(StrikeledgerError, match="weather"):
        extract(Document(text="x"), sections=["weather"])


def test_the_cli_takes_sections_and_names_a_wrong_one(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from strikeledger.cli import main

    path = ROOT / "examples" / "ex-wire-2025-09-07-en.txt"
    assert main(["extract", str(path), "--sections", "figures"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["document"]["sections"] == ["figures", "places", "flags"]
    assert report["figures"] and not report["statements"]
    with pytest.raises(SystemExit):
        main(["extract", str(path), "--sections", "figures,weather"])
    assert "unknown section weather" in capsys.readouterr().err
