"""Places extraction alone on ~5 KB news texts (en, uk, ru), after the gazetteer is loaded.

    python benchmarks/bench_places.py [--runs 200] [--gold ../shared/gold/dev]

Builds one 5 KB text per language by joining the dev gold texts of that language, then times
``find_places`` (matching + resolution) and ``Gazetteer.scan`` (the automaton alone), and the
one-off load of the gazetteer (wall and CPU).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from strikeledger.document import Document
from strikeledger.extract import text as textmod


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument(
        "--gold", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "gold" / "dev"
    )
    args = ap.parse_args()
    w0, c0 = time.perf_counter(), time.process_time()
    from strikeledger.extract.places import find_places
    from strikeledger.kb.gazetteer import load

    gz = load()
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    print(f"load: {wall:.2f} s wall, {cpu:.2f} s CPU, {len(gz)} places")
    for lang in ("en", "uk", "ru"):
        buf = ""
        for f in sorted(args.gold.glob(f"{lang}-*.txt")):
            buf += f.read_text(encoding="utf-8") + "\n\n"
            if len(buf.encode()) >= 5000:
                break
        doc = Document.from_text(buf.encode()[:5000].decode("utf-8", "ignore"))
        sents = [(s.start, s.end) for s in textmod.sentences(doc.text)]
        places, _ = find_places(doc.text, sents)
        full, scan = [], []
        for _ in range(args.runs):
            a = time.process_time()
            find_places(doc.text, sents)
            full.append(time.process_time() - a)
            a = time.process_time()
            gz.scan(doc.text)
            scan.append(time.process_time() - a)
        print(
            f"{lang}: {len(doc.text.encode())} bytes, {len(places)} places; CPU per document: "
            f"find_places median {statistics.median(full) * 1000:.2f} ms, "
            f"scan alone {statistics.median(scan) * 1000:.2f} ms"
        )


if __name__ == "__main__":
    main()
