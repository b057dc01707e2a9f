"""Ingest throughput: read + extract + store into DuckDB, for plain-text news and HTML pages.

    python benchmarks/bench_ingest.py [--text 3000] [--html 600] [--jobs 1 2] [--record]

Plain-text documents are the corpus generator's English news stories (``corpus.py``, ~3-5 KB
each, with a header block) written as .txt files; HTML pages wrap the same stories in a page
with navigation, scripts, related links and a footer. Generation is not timed. Each run starts
from an empty ledger file. Bars: text >= 500 docs/s on this 2-core machine (process pool),
HTML >= 50 pages/s per core. ``--record`` appends the results to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import html
import os
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Example Wire</title>
<meta property="article:published_time" content="{published}">
<link rel="canonical" href="https://wire.example.org/story/{n}">
<script>window.dataLayer = window.dataLayer || [];
function gtag(){{dataLayer.push(arguments);}}</script>
<style>body {{ font-family: serif; }} .nav a {{ margin: 0 4px; }}</style></head>
<body><header class="nav"><a href="/">Home</a><a href="/world">World</a><a href="/europe">Europe</a>
<a href="/business">Business</a><a href="/sport">Sport</a><form><input name="q"></form></header>
<main><article><h1>{title}</h1><p class="byline">By Staff Reporter</p>
{paragraphs}
</article>
<aside><h2>Related</h2><ul>{related}</ul></aside></main>
<footer><p>Copyright Example Wire. All rights reserved.</p><a href="/terms">Terms</a>
<a href="/privacy">Privacy</a></footer></body></html>
"""


def write_corpus(root: Path, n_text: int, n_html: int) -> tuple[Path, Path]:
    texts, pages = root / "texts", root / "pages"
    texts.mkdir()
    pages.mkdir()
    records = corpus.documents(n_text + n_html, seed=7, mix={"news_en": 1.0})
    for i, rec in enumerate(records):
        if i < n_text:
            (texts / f"{i:06}.txt").write_text(
                f"published: {rec['published']}\nsource: bench\n\n{rec['text']}\n", encoding="utf-8"
            )
            continue
        title, _, body = rec["text"].partition("\n\n")
        paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n\n"))
        related = "".join(
            f'<li><a href="/story/{i - k}">Earlier story number {i - k}</a></li>'
            for k in range(1, 6)
        )
        (pages / f"{i:06}.html").write_text(
            PAGE.format(
                title=html.escape(title),
                published=rec["published"],
                n=i,
                paragraphs=paragraphs,
                related=related,
            ),
            encoding="utf-8",
        )
    return texts, pages


def timed_ingest(source: Path, db: Path, jobs: int) -> tuple[float, Any]:
    from strikeledger.ingest import ingest

    if db.exists():
        db.unlink()
    t = time.perf_counter()
    summary = ingest([source], str(db), jobs=jobs)
    return time.perf_counter() - t, summary


def ledger_only(source: Path, db: Path) -> float:
    """Seconds to ingest with extraction replaced by an empty report: the cost of this package."""
    from strikeledger.ingest import ingest, run
    from strikeledger.report import SCHEMA

    def empty(doc: Any) -> tuple[dict[str, Any], None]:
        sections = ("figures", "casualties", "damage", "places", "statements", "persons", "flags")
        report: dict[str, Any] = {"schema": SCHEMA, "document": {"id": doc.id}}
        report.update({name: [] for name in sections})
        return report, None

    real = run._extract_one
    run._extract_one = empty  # type: ignore[assignment]
    try:
        t = time.perf_counter()
        ingest([source], str(db))
        return time.perf_counter() - t
    finally:
        run._extract_one = real  # type: ignore[assignment]


def extraction_rate(source: Path, n: int) -> float:
    from strikeledger import extract
    from strikeledger.document import Document
    from strikeledger.ingest import read_source

    docs = [d for d in read_source(source) if isinstance(d, Document)][:n]
    extract(docs[0])
    t = time.perf_counter()
    for d in docs:
        extract(d)
    return len(docs) / (time.perf_counter() - t)


def timed_read(source: Path) -> tuple[float, int]:
    from strikeledger.document import Document
    from strikeledger.ingest import read_source

    t = time.perf_counter()
    n = sum(1 for it in read_source(source) if isinstance(it, Document))
    return time.perf_counter() - t, n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--text", type=int, default=3000, help="plain-text documents")
    ap.add_argument("--html", type=int, default=600, help="HTML pages")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--record", action="store_true", help="append to benchmarks/RESULTS.md")
    args = ap.parse_args(argv)
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        texts, pages = write_corpus(root, args.text, args.html)
        size = sum(p.stat().st_size for p in texts.iterdir()) / max(1, args.text)
        from strikeledger import native

        lines.append(
            f"- Corpus: {args.text} text files (mean {size / 1000:.1f} KB), {args.html} HTML "
            f"pages; extractor: {'compiled' if native.active() else 'Python sources'}."
        )
        t, n = timed_read(texts)
        lines.append(f"- Text reader alone: {n / t:,.0f} docs/s (one core).")
        rate = extraction_rate(texts, min(args.text, 300))
        lines.append(f"- Extraction alone (`extract`, in process): {rate:,.0f} docs/s (one core).")
        t = ledger_only(texts, root / "s.duckdb")
        lines.append(
            f"- Text, read + store only (extraction replaced by an empty report; fingerprints, "
            f"duplicate checks, Arrow batches into DuckDB): {args.text / t:,.0f} docs/s (one core)."
        )
        for jobs in args.jobs:
            t, s = timed_ingest(texts, root / "l.duckdb", jobs)
            assert s.new == args.text and s.skipped == 0, s.as_dict()
            lines.append(
                f"- Text, read + extract + store, --jobs {jobs}: {args.text} docs in {t:.1f} s = "
                f"**{args.text / t:,.0f} docs/s**."
            )
        t, n = timed_read(pages)
        assert n == args.html
        lines.append(f"- HTML reader (trafilatura) alone: **{n / t:,.0f} pages/s** (one core).")
        for jobs in args.jobs:
            t, s = timed_ingest(pages, root / "h.duckdb", jobs)
            assert s.new == args.html, s.as_dict()
            lines.append(
                f"- HTML, read + extract + store, --jobs {jobs}: {args.html} pages in {t:.1f} s = "
                f"{args.html / t:,.0f} pages/s."
            )
    cmd = "python benchmarks/bench_ingest.py " + " ".join(
        argv if argv is not None else sys.argv[1:]
    )
    machine = (
        f"{os.cpu_count()} vCPU {platform.processor() or platform.machine()}, Python "
        f"{platform.python_version()}, shared with seven other engineers' jobs"
    )
    report = "\n".join(lines)
    print(report)
    if args.record:
        section = (
            f"\n## Ingest: plain text and HTML into DuckDB (`bench_ingest.py`)\n\n"
            f"- Command: `{cmd.strip()}`\n- Machine: {machine}. "
            f"Date: {datetime.now(UTC).date().isoformat()}.\n{report}\n"
        )
        results = Path(__file__).resolve().parent / "RESULTS.md"
        with results.open("a", encoding="utf-8") as f:
            f.write(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
