"""The token matcher behind the figure lexicons."""

from __future__ import annotations

import pytest

from strikeledger.extract.figures_lexicon import LANGS, Matcher, lexicon


def _find(forms: list[str], text: str) -> list[str]:
    m = Matcher((f, f) for f in forms)
    return [text[h.start : h.end] for h in m.find(text)]


def test_longest_match_wins() -> None:
    assert _find(["shot down", "shot down or jammed"], "were shot down or jammed") == [
        "shot down or jammed"
    ]


def test_stems_and_case() -> None:
    assert _find(["безпілотник*"], "Збито 5 Безпілотників і безпілотник") == [
        "Безпілотників",
        "безпілотник",
    ]


def test_whole_tokens_only() -> None:
    assert _find(["ракет"], "ракетний удар, 5 ракет") == ["ракет"]
    assert _find(["Х-101"], "Х-1010 та Х-101/Х-555") == ["Х-101"]


def test_glued_punctuation_must_be_glued() -> None:
    assert _find(["Kh-101"], "Kh - 101 and Kh-101") == ["Kh-101"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_compiles_and_finds_weapons(lang: str) -> None:
    lex = lexicon(lang)
    sample = {
        "en": "Shahed drones and Kh-101 missiles",
        "uk": "шахедів і ракет Х-101",
        "ru": "шахедов и ракет Х-101",
    }[lang]
    hits = lex.weapons.find(sample)
    models = [h.value.model for h in hits]
    assert "shahed" in models and "kh-101" in models


@pytest.mark.parametrize("lang", LANGS)
def test_every_weapon_model_is_canonical(lang: str) -> None:
    from strikeledger.report import WEAPON_MODELS

    canonical = set(WEAPON_MODELS)
    from strikeledger.extract import langdata

    for e in langdata.load(lang, "weapons")["weapons"]:
        # "none": sea drones and boats, named only to keep their numbers out
        assert e["category"] in ("drone", "missile", "guided_bomb", "any", "none"), e
        assert e.get("model") is None or e["model"] in canonical, e
        assert e.get("kind", "model") in ("head", "model", "decoy", "attr", "any"), e


@pytest.mark.parametrize("lang", LANGS)
def test_cue_measures_are_report_measures(lang: str) -> None:
    from strikeledger.extract import langdata
    from strikeledger.report import MEASURES, QUALIFIERS

    for e in langdata.load(lang, "measures")["cues"]:
        assert e["measure"] in MEASURES and e.get("side", "both") in ("both", "before", "after"), e
    assert set(langdata.load(lang, "qualifiers")["qualifiers"]) <= set(QUALIFIERS)
