"""atheris harness: every reader through read_source on arbitrary bytes.

The first byte picks the file suffix (so sniffing and every reader are reached); the rest is the
file. Crashes are: any exception escaping read_source (readers must turn bad input into Skipped
items) and, with libFuzzer's -timeout, a file that takes too long.
Run by scripts/fuzz.sh; by hand: ``python fuzz/fuzz_readers.py -max_total_time=60 CORPUS_DIR``.
"""

from __future__ import annotations

import os
import sys
import tempfile

import atheris

with atheris.instrument_imports(include=["strikeledger.ingest", "strikeledger.document"]):
    from strikeledger.document import Document
    from strikeledger.ingest import Skipped, read_source

SUFFIXES = (".txt", ".html", ".xml", ".json", ".jsonl", ".csv", ".warc", ".warc.gz", ".atom", "")
TMP = tempfile.mkdtemp(prefix="sl-fuzz-")


def one_input(data: bytes) -> None:
    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    path = os.path.join(TMP, "input" + suffix)
    with open(path, "wb") as f:
        f.write(data[1:])
    for item in read_source(path):
        if not isinstance(item, Document | Skipped):
            raise AssertionError(f"read_source gave a {type(item).__name__}")


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
