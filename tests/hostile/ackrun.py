"""``python -m tests.hostile.ackrun ingest …``: the ingest CLI with the stand-in extractor of
tests/ingest/stub.py, printing ``ack <document id>`` for every document of a batch once the
batch is committed (flushed at once), so that a test killing the process knows exactly which
documents the ledger has promised to keep."""

from __future__ import annotations

import sys
from typing import Any

from tests.ingest import stub


def announce_acks() -> None:
    from strikeledger.ledger.store.base import Store

    real = Store.add_batch

    def add_batch(self: Store, pairs: Any, *args: Any, **kwargs: Any) -> Any:
        result = real(self, pairs, *args, **kwargs)  # returns once the transaction committed
        sys.stdout.write("".join(f"ack {doc.id}\n" for doc, _ in pairs))
        sys.stdout.flush()
        return result

    Store.add_batch = add_batch  # type: ignore[method-assign]


if __name__ == "__main__":
    stub.install()
    announce_acks()
    from strikeledger.cli import main

    sys.exit(main(sys.argv[1:]))
