"""Bad input at the command line ends in one clear line on stderr and an exit status, never a
traceback (errors are converted at the edge, cli/__init__.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from strikeledger.cli import main


def _inputs(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.dat").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "bad-utf8.txt").write_bytes(b"Russia launched \xff\xfe 40 drones.\n")
    (tmp_path / "folder").mkdir()
    (tmp_path / "not-parquet.parquet").write_bytes(b"PAR0 not really")
    return {p.name: p for p in tmp_path.iterdir()} | {"missing.txt": tmp_path / "missing.txt"}


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    status = main(argv)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return status, [line for line in err.splitlines() if line]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("empty.txt", "SL-E101"),
        ("binary.dat", "SL-E10"),
        ("bad-utf8.txt", "SL-E105"),
        ("folder", "SL-E100"),
        ("missing.txt", "SL-E100"),
    ],
)
def test_extract_bad_file(
    name: str, code: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _inputs(tmp_path)[name]
    status, lines = _run(["extract", str(path)], capsys)
    assert status == 1
    assert lines[0].startswith(f"strikeledger: {code}") and name in lines[0], lines


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["eval", "{missing.txt}"], "SL-E300"),
        (["eval", "{empty.txt}"], "SL-E300"),
        (["load", "{missing.txt}", "--db", "{db}"], "SL-E110"),
        (["load", "{folder}", "--db", "{db}"], "SL-E110"),
        (["batch", "{missing.txt}", "--out", "{out}"], "SL-E110"),
        (["batch", "{not-parquet.parquet}", "--out", "{out}"], "SL-E107"),
        (["batch", "{folder}", "--out", "{empty.txt}"], "SL-E100"),
        (["batch", "{folder}", "--out", "{out}", "--field", "text"], "SL-E111"),
        (["import-mmau", "{binary.dat}", "--db", "{db}"], "SL-E105"),
        (["import-mmau", "{missing.txt}", "--db", "{db}"], "SL-E110"),
        (["watch", "{binary.dat}", "--db", "{db}", "--once"], "SL-E105"),
        (["watch", "{folder}", "--db", "{db}", "--once"], "SL-E110"),
    ],
)
def test_bad_paths_are_one_line_and_status_2(
    argv: list[str], code: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = {f"{{{k}}}": str(v) for k, v in _inputs(tmp_path).items()}
    paths |= {"{db}": str(tmp_path / "l.duckdb"), "{out}": str(tmp_path / "out")}
    status, lines = _run([paths.get(a, a) for a in argv], capsys)
    assert status == 2
    assert len(lines) == 1 and lines[0].startswith(f"strikeledger: {code} "), lines


def test_eval_gold_that_is_not_utf8_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "en-01.json").write_bytes(b'{"expected": "\xff\xfe"}')
    (tmp_path / "en-01.txt").write_text("Ten drones.", encoding="utf-8")
    status, lines = _run(["eval", str(tmp_path)], capsys)
    assert status == 2
    assert len(lines) == 1 and "SL-E300" in lines[0] and "UTF-8" in lines[0], lines
    status, lines = _run(["eval", str(tmp_path), "--lang", "uk"], capsys)
    assert status == 2 and "named uk-*" in lines[0], lines


def test_ingest_of_nothing_readable_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "missing.txt")
    status, lines = _run(["ingest", missing, "--db", str(tmp_path / "l.duckdb")], capsys)
    assert status == 1
    assert any("SL-E110" in line and "missing.txt" in line for line in lines), lines
