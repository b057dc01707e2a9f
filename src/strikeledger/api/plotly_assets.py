"""plotly.js under a strict Content-Security-Policy, from the installed plotly package.

plotly.js injects its CSS rules into a ``<style>`` element it creates, which a CSP without
``'unsafe-inline'`` blocks. It skips that when an element with id ``plotly.js-style-global``
and class ``no-inline-styles`` already exists; the dashboard has such a ``<link>`` pointing at
``/assets/plotly.css``, which serves the same rules, read from the installed bundle's own rules
object (with its X/Y selector shorthands expanded as plotly.js expands them).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_STRING = r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'"
_PAIR = re.compile(rf"({_STRING})\s*:\s*({_STRING})")


def plotly_bundle() -> Path | None:
    """plotly.min.js as installed with the plotly Python package (never copied into the repo)."""
    try:
        import plotly
    except ImportError:
        return None
    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    return path if path.is_file() else None


def _unquote(s: str) -> str:
    return re.sub(r"\\(.)", r"\1", s[1:-1])


@lru_cache(maxsize=1)
def plotly_css() -> str:
    path = plotly_bundle()
    if path is None:
        return ""
    src = path.read_text(encoding="utf-8")
    start = src.find('{"X,X div"')
    if start < 0:
        return ""
    end = src.find("};", start)
    rules = []
    for key, value in _PAIR.findall(src[start : end + 1]):
        selector = _unquote(key)
        selector = re.sub(r"^,", " ,", selector)
        selector = selector.replace("X", ".js-plotly-plot .plotly").replace("Y", ".plotly-notifier")
        rules.append(f"{selector}{{{_unquote(value)}}}")
    return "\n".join(rules) + "\n"
