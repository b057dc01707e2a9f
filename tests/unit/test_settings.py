from __future__ import annotations

import re

from strikeledger import settings
from tests.conftest import ROOT


def test_every_setting_is_documented_with_its_default() -> None:
    doc = (ROOT / "docs" / "SETTINGS.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `(\w+)` \| ([^|]+) \|", doc, re.M))
    for s in settings.ALL_SETTINGS:
        assert s.name in rows, f"{s.name} is not in docs/SETTINGS.md"
        assert rows[s.name].strip() == str(s.default), f"{s.name}: documented default differs"
    assert set(rows) == {s.name for s in settings.ALL_SETTINGS}
