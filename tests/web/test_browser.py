"""The dashboard as a person uses it, in headless Chromium: open it, change the date filter,
see the chart and the map change, open an event, see the conflicting figures side by side with
their evidence highlighted, follow a link to a document. Screenshots go to
artifacts/screenshots/ (gitignored)."""

from __future__ import annotations

from typing import Any

import pytest

from .browser import chromium
from .conftest import SCREENSHOTS, LiveServer

pytestmark = pytest.mark.browser


def _counts(message: Any) -> bool:
    """A console error, except the one plotly.js's feature detection triggers when the strict
    CSP blocks an inline style it tries (harmless: its CSS comes from /assets/plotly.css)."""
    if message.type != "error":
        return False
    from_plotly = message.location.get("url", "").endswith("/assets/plotly.min.js")
    return not (from_plotly and "inline style" in message.text)


def _shot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_dashboard_filter_event_document(live_server: LiveServer) -> None:
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if _counts(m) else None)
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))

        page.goto(live_server.url + "/")
        page.wait_for_selector("#timeline[data-state=ready]", timeout=20_000)
        page.wait_for_selector("#map[data-state=ready]", timeout=20_000)
        assert page.locator("#timeline .main-svg").count() > 0, "plotly drew no chart"
        assert page.get_attribute("#timeline", "data-nights") == "5"
        assert int(page.get_attribute("#map", "data-shaded") or 0) == 2  # Kyiv city and Kharkiv
        assert int(page.get_attribute("#map", "data-markers") or 0) >= 3
        assert page.locator("#map svg path.oblast").count() == 27
        _shot(page, "01-dashboard")

        # Shade by casualties instead: Kyiv city (1 killed + 23 injured) is the darkest.
        page.click(".shade-switch a:text('casualties')")
        page.wait_for_url("**shade=casualties**")
        page.wait_for_selector("#map[data-state=ready]")
        assert page.get_attribute("#map", "data-max") == "24"
        kyiv = page.locator("#map path.oblast[data-code='UA-30']")
        assert kyiv.get_attribute("data-value") == "24"
        _shot(page, "01b-dashboard-casualties")
        page.goto(live_server.url + "/")
        page.wait_for_selector("#timeline[data-state=ready]")

        # Change the date filter: the form submits itself, the URL keeps the filter.
        page.fill("input[name=from]", "2025-07-04")
        page.locator("input[name=from]").dispatch_event("change")
        page.wait_for_url("**/?from=2025-07-04**")
        page.wait_for_selector("#timeline[data-state=ready]")
        page.wait_for_selector("#map[data-state=ready]")
        assert page.get_attribute("#timeline", "data-nights") == "3"
        assert page.input_value("input[name=from]") == "2025-07-04"
        page.fill("input[name=to]", "2025-07-05")
        page.locator("input[name=to]").dispatch_event("change")
        page.wait_for_url("**to=2025-07-05**")
        page.wait_for_selector("#timeline[data-state=ready]")
        page.wait_for_selector("#map[data-state=ready]")
        assert page.get_attribute("#timeline", "data-nights") == "1"
        assert page.get_attribute("#map", "data-shaded") == "1"  # only Kyiv that night
        _shot(page, "02-dashboard-filtered")

        # Open the event of that night by clicking its bar in the chart.
        box = page.locator("#timeline .bars path").first.bounding_box()
        assert box is not None
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_url("**/events/**")
        page.wait_for_selector("#side-by-side")
        table = page.locator("#side-by-side")
        assert table.locator("a.claim.conflict:text('550')").count() == 1
        assert table.locator("a.claim:text('539')").count() == 1
        row = table.locator("tr", has_text="launched drone")
        assert "539" in row.inner_text() and "550" in row.inner_text()
        assert page.locator(".badge.conflict").count() >= 1
        marks = page.locator("mark.ev-conflict")
        assert marks.count() == 1 and marks.first.inner_text() == "550 drones"
        assert page.locator("mark.ev-claim", has_text="539 strike drones").count() == 1
        _shot(page, "03-event")

        # Follow a source to its document page.
        page.locator("article.source a.doc-link", has_text="Record drone attack").click()
        page.wait_for_selector("#doc-text")
        assert page.locator("#doc-text mark.ev-figure").first.inner_text() == "550 drones"
        assert page.locator("#doc-text mark.ev-place", has_text="Kyiv").count() >= 1
        assert page.locator("#doc-events a", has_text="2025-07-04").count() >= 1
        _shot(page, "04-document")

        page.goto(live_server.url + "/conflicts")
        assert page.locator("#conflicts tbody tr", has_text="550").count() == 1
        _shot(page, "05-conflicts")

        page.goto(live_server.url + "/documents?q=railway")
        assert page.locator("#documents tbody tr").count() == 1
        _shot(page, "06-search")

        page.goto(live_server.url + "/events?area=UA-30")
        assert page.locator("#events tbody tr").count() == 1
        assert "Kyiv" in page.inner_text("#events tbody")
        _shot(page, "07-events-kyiv")

        assert not errors, errors
        assert all(u.startswith(live_server.url) for u in requests), "a page fetched from outside"
