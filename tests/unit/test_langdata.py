"""Every language data file loads and matches its schema; the loader reports bad data clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from strikeledger.errors import LanguageDataError
from strikeledger.extract import langdata


def test_every_data_file_is_valid() -> None:
    checked = langdata.check_all()
    for lang in langdata.LANGS:
        for name in ("weapons", "measures", "qualifiers", "claimants", "attack"):
            assert f"{lang}/{name}.yaml" in checked


def test_load_is_cached() -> None:
    assert langdata.load("en", "weapons") is langdata.load("en", "weapons")


def test_missing_file_is_a_typed_error() -> None:
    with pytest.raises(LanguageDataError, match="SL-E200"):
        langdata.load("en", "no_such_file")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"forms": ["a"]}, "missing key 'category'"),
        ({"forms": "a", "category": "drone"}, "expected a list of strings"),
        ({"forms": ["a", True], "category": "drone"}, "item 1 must be a non-empty string"),
        ({"forms": ["a"], "category": "drone", "colour": "red"}, "unknown key 'colour'"),
    ],
)
def test_validate_names_the_problem(data: dict[str, object], message: str) -> None:
    schema = langdata.schema_for("weapons")["weapons"][0]
    with pytest.raises(LanguageDataError) as e:
        langdata.validate(data, schema, where="x.yaml", path="weapons[0]")
    assert message in str(e.value)
    assert "x.yaml" in str(e.value)


def test_bad_yaml_reports_the_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "broken.yaml").write_text("a: [1, 2\nb: 3\n", encoding="utf-8")
    monkeypatch.setattr(langdata, "data_dir", lambda: tmp_path)
    langdata._load_cached.cache_clear()
    try:
        with pytest.raises(LanguageDataError, match="line"):
            langdata.load("en", "broken")
    finally:
        langdata._load_cached.cache_clear()


def test_register_schema_for_other_components() -> None:
    langdata.register_schema("test_only_schema", {"words": "list[str]"})
    assert langdata.schema_for("test_only_schema") == {"words": "list[str]"}


def test_yaml_words_are_not_booleans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "words.yaml").write_text("w: [on, no, yes, off]\nflag: true\n", "utf-8")
    monkeypatch.setattr(langdata, "data_dir", lambda: tmp_path)
    langdata._load_cached.cache_clear()
    try:
        data = langdata.load("en", "words")
        assert data == {"w": ["on", "no", "yes", "off"], "flag": True}
    finally:
        langdata._load_cached.cache_clear()
