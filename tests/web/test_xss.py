"""Hundreds of script payloads in every field a source controls (text, title, source name,
URL, claimant, place names), ingested both as hand-made reports and through POST
/api/documents with the real extractor. No page may run one (no dialog, no ``window.__xss``)
or hold one live (no on* attribute, no javascript:/data: link, no foreign script or frame)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from strikeledger.api import ApiSettings
from strikeledger.document import Document

from . import ledger_data
from .browser import chromium
from .conftest import SCREENSHOTS, TOKEN, LiveServer
from .xss_payloads import payloads

pytestmark = pytest.mark.browser

# Scans the live DOM for anything a payload could have made executable.
SCAN = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    const banned = ['iframe', 'object', 'embed', 'base', 'frame', 'frameset'];
    if (banned.includes(tag)) bad.push('tag ' + tag);
    if (tag === 'meta' && el.getAttribute('http-equiv')) bad.push('meta http-equiv');
    if (tag === 'script') {
      const src = el.getAttribute('src') || '';
      const ours = src.startsWith('/static/') || src.startsWith('/assets/');
      if (!ours) bad.push('script ' + src + el.textContent.slice(0, 40));
    }
    if (tag === 'img' && (el.getAttribute('src') || '') === 'x') bad.push('img x');
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.trim().toLowerCase();
      if (name.startsWith('on')) bad.push(tag + ' ' + name);
      const url = ['href', 'src', 'action', 'data', 'formaction', 'srcdoc'].includes(name);
      const live = /^(javascript|data):/.test(value) || name === 'srcdoc';
      if (url && live) bad.push(tag + ' ' + name + '=' + value.slice(0, 30));
    }
  }
  return bad;
}"""

PLACE = ("city", "UA", "UA-46", 49.84, 24.03)  # in Lviv Oblast


def _xss_documents() -> list[tuple[Document, dict[str, Any]]]:
    ps = payloads()
    out = []
    for n, chunk in enumerate([ps[i : i + 40] for i in range(0, len(ps), 40)]):
        body = f"Overnight into 1{n} June the enemy attacked with {100 + n} strike drones. "
        body += " ".join(chunk)
        doc = Document.from_text(
            body,
            published=f"2025-06-1{n}T08:00:00+03:00",
            source=chunk[0][:60],
            title=chunk[1][:120],
            url=chunk[n % len(chunk)] if n % 2 else "javascript:window.__xss=1",
        )
        text = doc.text
        claimant = {"name": chunk[2][:80], "kind": "air_force"}
        figures = [
            {
                "measure": "launched",
                "weapon": {"category": "drone", "model": None},
                "value": 100 + n,
                "qualifier": "exact",
                "night_of": f"2025-06-1{n}",
                "window": None,
                "area": ["UA"],
                "attacker": "RU",
                "claimant": claimant,
                "evidence": ledger_data._span(text, f"{100 + n} strike drones"),
                "rule": "test.figure.v1",
            }
        ]
        # Evidence spans over the payloads themselves, so highlighting cuts through them.
        places = []
        casualties = []
        for i, p in enumerate(chunk[:10]):
            p_norm = Document.from_text(p).text
            if not p_norm or p_norm not in text:
                continue
            span = ledger_data._span(text, p_norm)
            figures.append(
                {
                    **figures[0],
                    "value": i + 1,
                    "measure": "hit",
                    "claimant": {"name": p_norm[:80], "kind": "media"},
                    "evidence": span,
                }
            )
            places.append(
                {
                    "id": f"p{i + 1}",
                    "name": p_norm[:80],
                    "level": PLACE[0],
                    "country": PLACE[1],
                    "region": PLACE[2],
                    "katottg": None,
                    "lat": PLACE[3] + i * 0.01,
                    "lon": PLACE[4],
                    "evidence": [span],
                    "rule": "test.place.v1",
                }
            )
            casualties.append(
                {
                    "measure": "injured",
                    "who": "people",
                    "value": i + 1,
                    "qualifier": "exact",
                    "place": f"p{i + 1}",
                    "claimant": claimant,
                    "evidence": span,
                    "rule": "test.casualty.v1",
                }
            )
        report = ledger_data.report(doc)
        report.update(figures=figures, places=places, casualties=casualties)
        out.append((doc, report))
    return out


def test_no_page_runs_or_holds_a_payload(tmp_path: Path, built_ledger: Path) -> None:
    ps = payloads()
    assert len(ps) >= 200
    path = tmp_path / "xss.duckdb"
    ledger_data.build(path, extra=_xss_documents())
    with (
        LiveServer(ApiSettings(db=str(path), token=TOKEN, rate_limit=100_000)) as srv,
        chromium() as browser,
    ):
        import httpx

        auth = {"authorization": f"Bearer {TOKEN}"}
        for i in range(0, len(ps), 60):  # the real extractor over payload-laden texts
            text = "Overnight into 20 June the enemy attacked with 77 strike drones. " + "\n".join(
                ps[i : i + 60]
            )
            r = httpx.post(
                srv.url + "/api/documents",
                json={"text": text, "title": ps[i], "source": ps[i + 1][:50], "url": ps[i + 2]},
                headers=auth,
                timeout=120,
            )
            assert r.status_code == 201, r.text

        docs = httpx.get(srv.url + "/api/documents?page_size=100", timeout=60).json()["items"]
        events = httpx.get(srv.url + "/api/events?page_size=200", timeout=60).json()["items"]
        urls = [
            "/",
            "/?shade=casualties",
            "/events",
            "/conflicts",
            "/documents",
            "/documents?q=" + quote("<script>window.__xss=1</script>"),
            "/events?" + quote("<script>alert(1)</script>") + "=1",
            "/events/" + quote("<img src=x onerror=alert(1)>", safe=""),
            "/api/nope?<script>alert(1)</script>",
        ]
        urls += ["/documents/" + quote(d["id"], safe="") for d in docs]
        urls += [
            "/events/" + quote(e["id"], safe="")
            for e in events
            if e["night_of"].startswith("2025-06")
        ]
        assert len(urls) > 15

        page = browser.new_page(viewport={"width": 1280, "height": 900})
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for n, url in enumerate(urls):
            page.goto(srv.url + url)
            page.wait_for_load_state("load")
            if url.startswith("/?") or url == "/":
                page.wait_for_selector("#map[data-state=ready]", timeout=20_000)
            # Focus and hover everything a payload might have hooked.
            page.mouse.move(300, 300)
            page.keyboard.press("Tab")
            page.wait_for_timeout(50)
            assert page.evaluate("() => window.__xss") is None, url
            assert page.evaluate(SCAN) == [], url
            assert not dialogs, (url, dialogs)
            if n < 12:
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SCREENSHOTS / f"xss-{n:02d}.png"), full_page=False)
        # The payloads are there, as text.
        hit = httpx.get(srv.url + "/api/documents?q=__xss", timeout=60).json()["items"]
        assert len(hit) >= 8
        page.goto(srv.url + "/documents/" + quote(hit[0]["id"], safe=""))
        assert "<script>" in page.inner_text("#doc-text") or "<img" in page.inner_text("#doc-text")
        assert page.locator("#doc-text mark").count() > 3
        page.screenshot(path=str(SCREENSHOTS / "xss-document.png"), full_page=True)
        # No link to anything but http(s).
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
        assert all(h.startswith(("/", "#", "http://", "https://", "?")) for h in hrefs), hrefs


def test_highlight_escapes_every_segment() -> None:
    from strikeledger.api import create_app  # noqa: F401  (the templates' environment)
    from strikeledger.web.highlight import Span, safe_url, segments
    from strikeledger.web.pages import make_templates

    text = "a <b>b</b> <script>alert(1)</script> c"
    segs = segments(
        text, [Span(2, 10, "figure", "x<y", "fig-0"), Span(11, 36, "place", '"quoted"')]
    )
    assert "".join(s.text for s in segs) == text
    env = make_templates().env
    html = env.from_string(
        '{% for s in segs %}{% if s.marked %}<mark title="{{ s.title }}">{{ s.text }}</mark>'
        "{% else %}{{ s.text }}{% endif %}{% endfor %}"
    ).render(segs=segs)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "x&lt;y" in html and "&#34;quoted&#34;" in html
    for bad in (
        "javascript:alert(1)",
        " JAVASCRIPT:x",
        "data:text/html,x",
        "vbscript:x",
        "//evil",
        'http://a"b',
    ):
        assert safe_url(bad) is None
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"


def test_out_of_range_spans_are_dropped() -> None:
    from strikeledger.web.highlight import Span, segments

    segs = segments(
        "abc", [Span(-1, 2, "x"), Span(1, 9, "x"), Span(2, 2, "x"), Span(0, 1, "figure")]
    )
    assert [(s.text, s.marked) for s in segs] == [("a", True), ("bc", False)]
