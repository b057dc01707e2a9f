"""Throughput of language identification (a script, not a test): prints posts/s.

    python benchmarks/bench_language.py [GOLD_DIR] [--seconds N]

Reads the dev gold texts (default ../shared/gold/dev) and measures, on one core:
- whole documents per language (the pre-pass settles most of them),
- their first lines (headlines: short, more of them reach the lingua model),
- the share of texts the pre-pass leaves to the model.
The model is warmed up first: its one-off load time is reported separately. Rates are per
second of CPU time of this process.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from strikeledger.document import document_from_bytes
from strikeledger.extract.language import detect_language, script_guess

ROOT = Path(__file__).resolve().parents[1]


def rate(texts: list[str], seconds: float) -> float:
    """Posts per second of CPU time of this process (the machine may be shared: wall-clock
    time would measure the neighbours too)."""
    n = 0
    t0 = time.process_time()
    while True:
        for t in texts:
            detect_language(t)
        n += len(texts)
        dt = time.process_time() - t0
        if dt >= seconds:
            return n / dt


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold", nargs="?", default=str(ROOT.parent / "shared" / "gold" / "dev"))
    ap.add_argument("--seconds", type=float, default=2.0)
    args = ap.parse_args()
    paths = sorted(Path(args.gold).glob("*.txt"))
    if not paths:
        print(f"no texts in {args.gold}", file=sys.stderr)
        return 1
    docs = {"en": [], "uk": [], "ru": []}  # type: dict[str, list[str]]
    for p in paths:
        doc = document_from_bytes(p.read_bytes(), path=str(p))
        docs.setdefault(p.name[:2], []).append(doc.text)
    t0 = time.perf_counter()
    detect_language("Атака на Харьков")  # forces the models to load: Cyrillic …
    detect_language("Russland greift die Ukraine an")  # … and Latin
    print(f"model load (one-off): {time.perf_counter() - t0:.2f}s")
    for lang, texts in docs.items():
        avg = sum(map(len, texts)) / max(1, len(texts))
        to_model = sum(script_guess(t[:2000]) is None for t in texts)
        print(
            f"{lang} documents: {len(texts):3d}, avg {avg:5.0f} chars, "
            f"{to_model} to the model: {rate(texts, args.seconds):9.0f} posts/s"
        )
    heads = [t.split("\n")[0][:160] for ts in docs.values() for t in ts]
    to_model = sum(script_guess(h) is None for h in heads)
    print(
        f"headlines: {len(heads)}, {to_model} to the model: "
        f"{rate(heads, args.seconds):9.0f} posts/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
