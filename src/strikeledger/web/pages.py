"""Dashboard pages. Each page parses the same filters as the API (they stay in the URL), calls
the same data functions and renders a template; charts and the map fetch JSON from /api/.

Source texts are untrusted: templates are autoescaped, evidence is highlighted from offsets
(``highlight.segments``) and only http(s) URLs become links (``safe_url``).
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from ..api import data, eventdata
from ..api.config import ApiSettings
from ..api.params import (
    FILTER_PARAMS,
    PAGE_PARAMS,
    Filters,
    Page,
    check_id,
    check_known,
    parse_choice,
    parse_filters,
    parse_page,
    parse_text,
)
from ..errors import LedgerUnavailableError
from ..report import CATEGORIES, MEASURES
from .highlight import Span, report_spans, safe_url, segments
from .oblasts import OBLAST_NAMES

router = APIRouter(include_in_schema=False)
TEMPLATES = Path(__file__).parent / "templates"


def make_templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every template, whatever its name
    )
    env.filters["safe_url"] = safe_url
    env.filters["qs"] = lambda d: urlencode({k: v for k, v in d.items() if v})
    env.filters["pathq"] = lambda s: quote(str(s), safe="")
    env.filters["region_name"] = lambda code: OBLAST_NAMES.get(code or "", code or "")
    return Jinja2Templates(env=env)


def _settings(request: Request) -> ApiSettings:
    s: ApiSettings = request.app.state.settings
    return s


def _ledger(request: Request) -> data.Ledger:
    ledger: data.Ledger = request.app.state.ledger
    return ledger


def _render(request: Request, name: str, ctx: dict[str, Any], status: int = 200) -> Response:
    templates: Jinja2Templates = request.app.state.templates
    base = {
        "categories": CATEGORIES,
        "measures": MEASURES,
        "oblasts": sorted(OBLAST_NAMES.items(), key=lambda kv: kv[1]),
        "path": request.url.path,
    }
    return templates.TemplateResponse(request, name, {**base, **ctx}, status_code=status)


def _filters(request: Request, extra: tuple[str, ...] = ()) -> Filters:
    check_known(request.query_params.keys(), (*FILTER_PARAMS, *PAGE_PARAMS, *extra))
    return parse_filters(request.query_params, _settings(request))


def _try(fn: Any, *args: Any, **kw: Any) -> tuple[Any, str | None]:
    """Call a data function; a missing part of the ledger becomes a notice, not an error page."""
    try:
        return fn(*args, **kw), None
    except LedgerUnavailableError as e:
        return None, e.message


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request) -> Response:
    f = _filters(request, ("shade",))
    shade = parse_choice(
        request.query_params, "shade", ("strikes", "casualties"), _settings(request)
    )
    ledger = _ledger(request)
    big = Page(1, 400)
    nights, notice = _try(eventdata.timeline, ledger, f, big, newest_first=True)
    q = f.as_query()
    return _render(
        request,
        "dashboard.html",
        {
            "f": f,
            "q": q,
            "shade": shade or "strikes",
            "nights": (nights or [])[:400],
            "notice": notice,
        },
    )


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request) -> Response:
    f = _filters(request, ("level",))
    s = _settings(request)
    level = parse_choice(request.query_params, "level", ("attack", "local"), s)
    page = parse_page(request.query_params, s)
    rows, notice = _try(eventdata.events, _ledger(request), f, page, level=level)
    return _listing(request, "events.html", f, page, rows, notice, level=level)


def _listing(
    request: Request,
    template: str,
    f: Filters,
    page: Page,
    rows: list[dict[str, Any]] | None,
    notice: str | None,
    **extra: Any,
) -> Response:
    """A page of a listing: ``rows`` holds one more than the page when there is a next one."""
    rows = rows or []
    context = {
        "f": f,
        "q": f.as_query(),
        "rows": rows[: page.size],
        "page": page,
        "has_more": len(rows) > page.size,
        "notice": notice,
    }
    return _render(request, template, {**context, **extra})


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> Response:
    check_known(request.query_params.keys(), ())
    detail = eventdata.event(_ledger(request), check_id(event_id, "event_id"))
    return _render(request, "event.html", {"d": detail, **side_by_side(detail)})


def side_by_side(detail: dict[str, Any]) -> dict[str, Any]:
    """The event's claims as a matrix: one row per (kind, measure, subject, model), one column
    per document, the consensus first; conflicting cells marked; each document's text cut into
    highlighted segments for the claims it makes about this event."""
    docs = detail.get("documents") or []
    col_of = {d["id"]: i for i, d in enumerate(docs)}
    conflicts_by_claim: dict[tuple[Any, Any, Any], list[dict[str, Any]]] = {}
    for c in detail.get("conflicts") or []:
        cl = c.get("claim") or {}
        ev = cl.get("evidence") or {}
        conflicts_by_claim.setdefault(
            (cl.get("document"), ev.get("start"), ev.get("end")), []
        ).append(c)
    rows: OrderedDict[tuple[Any, ...], dict[str, Any]] = OrderedDict()
    for cons in detail.get("consensus") or []:
        key = (cons.get("kind"), cons.get("measure"), cons.get("subject"), cons.get("model"))
        rows[key] = {"key": key, "consensus": cons, "cells": [[] for _ in docs]}
    spans: dict[str, list[Span]] = {d["id"]: [] for d in docs}
    for n, cl in enumerate(detail.get("claims") or []):
        key = (cl.get("kind"), cl.get("measure"), cl.get("subject"), cl.get("model"))
        row = rows.setdefault(key, {"key": key, "consensus": None, "cells": [[] for _ in docs]})
        ev = cl.get("evidence") or {}
        found = conflicts_by_claim.get((cl.get("document"), ev.get("start"), ev.get("end")), [])
        anchor = f"claim-{n}"
        cell = {"claim": cl, "conflicts": found, "anchor": anchor}
        i = col_of.get(cl.get("document"))
        if i is not None:
            row["cells"][i].append(cell)
            if isinstance(ev.get("start"), int) and isinstance(ev.get("end"), int):
                label = f"{cl.get('measure')} {cl.get('subject')}: {cl.get('value')}"
                spans[cl["document"]].append(
                    Span(ev["start"], ev["end"], "claim", label, anchor, conflict=bool(found))
                )
    texts = {d["id"]: segments(d.get("text") or "", spans[d["id"]]) for d in docs}
    return {"matrix": list(rows.values()), "texts": texts}


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request) -> Response:
    f = _filters(request, ("q", "source"))
    s = _settings(request)
    q = parse_text(request.query_params, "q", s)
    page = parse_page(request.query_params, s)
    rows, notice = _try(data.documents, _ledger(request), f, page, q=q)
    return _listing(request, "documents.html", f, page, rows, notice, search=q or "")


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str) -> Response:
    check_known(request.query_params.keys(), ())
    doc = data.document(_ledger(request), check_id(doc_id, "doc_id"))
    report = doc.get("report") or {}
    return _render(
        request,
        "document.html",
        {
            "doc": doc,
            "report": report,
            "events": eventdata.events_of_document(_ledger(request), doc["id"]),
            "segments": segments(doc.get("text") or "", report_spans(report)),
        },
    )


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts_page(request: Request) -> Response:
    f = _filters(request, ("kind",))
    s = _settings(request)
    kind = parse_choice(request.query_params, "kind", eventdata.CONFLICT_KINDS, s)
    page = parse_page(request.query_params, s)
    rows, notice = _try(eventdata.conflicts, _ledger(request), f, page, kind=kind)
    return _listing(
        request, "conflicts.html", f, page, rows, notice, kind=kind, kinds=eventdata.CONFLICT_KINDS
    )
