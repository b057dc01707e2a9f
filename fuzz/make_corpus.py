"""Write the seed corpora of the atheris harnesses (samples of every format, generated texts)
into fuzz/corpus/{readers,extract}/. Run by scripts/fuzz.sh."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hostile.samples import SAMPLES, TEXT, TEXT_UK  # noqa: E402

SUFFIXES = (".txt", ".html", ".xml", ".json", ".jsonl", ".csv", ".warc", ".warc.gz", ".atom", "")


def main(out: Path) -> None:
    readers, extract = out / "readers", out / "extract"
    readers.mkdir(parents=True, exist_ok=True)
    extract.mkdir(parents=True, exist_ok=True)
    for name, (suffix, data) in SAMPLES.items():
        (readers / name).write_bytes(bytes([SUFFIXES.index(suffix)]) + data)
    for i, (lang, text) in enumerate([(0, TEXT), (1, TEXT_UK), (3, TEXT + " " + TEXT_UK)]):
        (extract / f"seed{i}").write_bytes(bytes([lang]) + text.encode("utf-8"))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "fuzz" / "corpus")
