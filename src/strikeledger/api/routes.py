"""The JSON API under /api/: each route parses its parameters, calls one function of
``data`` / ``eventdata`` and returns JSON or an export (``?format=``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from ..report import CASUALTY_MEASURES, MEASURES
from . import data, eventdata
from .config import ApiSettings
from .exports import export_response
from .params import (
    FILTER_PARAMS,
    PAGE_PARAMS,
    Filters,
    Page,
    check_id,
    check_known,
    parse_choice,
    parse_filters,
    parse_format,
    parse_page,
    parse_text,
)
from .security import require_token

router = APIRouter(prefix="/api", tags=["api"])

# Documented parameters (checked and parsed by ``params``; FastAPI only documents them).
From = Annotated[str | None, Query(alias="from", description="first night / date, YYYY-MM-DD")]
To = Annotated[str | None, Query(description="last night / date, YYYY-MM-DD (inclusive)")]
Area = Annotated[str | None, Query(description="ISO 3166 code of the area: UA, UA-30, RU-BEL")]
Attacker = Annotated[str | None, Query(description="ISO 3166-1 code of the attacker: RU, UA")]
Weapon = Annotated[
    str | None, Query(description="weapon category (drone, missile, guided_bomb, any) or model")
]
Measure = Annotated[str | None, Query(description="measure: " + ", ".join(MEASURES))]
PageNo = Annotated[str | None, Query(description="page number, from 1")]
PageSize = Annotated[str | None, Query(description="items per page (api_max_page_size at most)")]
Format = Annotated[str | None, Query(description="json (default), csv, parquet, geojson, jsonl")]


class _Filtered:
    """The filter and format parameters, declared once for the OpenAPI document. The values
    are not used: ``params`` parses and checks the query string itself (unknown names too)."""

    def __init__(
        self,
        from_: From = None,
        to: To = None,
        area: Area = None,
        attacker: Attacker = None,
        weapon: Weapon = None,
        measure: Measure = None,
        format: Format = None,
    ) -> None:
        pass


class _Listed:
    """The filter, page and format parameters of a listing (as ``_Filtered``)."""

    def __init__(
        self,
        from_: From = None,
        to: To = None,
        area: Area = None,
        attacker: Attacker = None,
        weapon: Weapon = None,
        measure: Measure = None,
        page: PageNo = None,
        page_size: PageSize = None,
        format: Format = None,
    ) -> None:
        pass


Filtered = Annotated[_Filtered, Depends()]
Listed = Annotated[_Listed, Depends()]


def _settings(request: Request) -> ApiSettings:
    s: ApiSettings = request.app.state.settings
    return s


def _ledger(request: Request) -> data.Ledger:
    ledger: data.Ledger = request.app.state.ledger
    return ledger


def _list(
    request: Request, extra: tuple[str, ...] = (), measures: tuple[str, ...] = MEASURES
) -> tuple[Filters, Page, str]:
    s = _settings(request)
    qp = request.query_params
    check_known(qp.keys(), (*FILTER_PARAMS, *PAGE_PARAMS, "format", *extra))
    f = parse_filters(qp, s, measures=measures)
    fmt = parse_format(qp, s)
    page = parse_page(qp, s)
    if fmt != "json":
        page = Page(page.number, s.export_max_rows)
    return f, page, fmt


def _answer(
    request: Request, rows: list[dict[str, Any]], page: Page, fmt: str, name: str, geo: bool = False
) -> Response:
    if fmt != "json":
        return export_response(rows[: page.size], fmt, name, geo=geo)
    body = data.paged(rows, page)
    if body["has_more"]:
        body["next"] = str(request.url.include_query_params(page=page.number + 1))
    return JSONResponse(body)


@router.get("/events", summary="Events (attacks and local strikes) with their consensus figures")
def list_events(
    request: Request,
    _: Listed,
    level: Annotated[str | None, Query(description="attack or local")] = None,
) -> Response:
    f, pg, fmt = _list(request, ("level",))
    lvl = parse_choice(request.query_params, "level", ("attack", "local"), _settings(request))
    rows = eventdata.events(_ledger(request), f, pg, level=lvl)
    return _answer(request, rows, pg, fmt, "events", geo=True)


@router.get("/events/{event_id}", summary="One event: claims by measure, consensus, conflicts")
def get_event(request: Request, event_id: str) -> dict[str, Any]:
    check_known(request.query_params.keys(), ())
    return eventdata.event(_ledger(request), check_id(event_id, "event_id"))


@router.get("/documents", summary="Documents (search with q), newest first")
def list_documents(
    request: Request,
    _: Listed,
    q: Annotated[str | None, Query(description="words to search in title and text")] = None,
    source: Annotated[str | None, Query(description="source name")] = None,
) -> Response:
    f, pg, fmt = _list(request, ("q", "source"))
    s = _settings(request)
    rows = data.documents(
        _ledger(request),
        f,
        pg,
        q=parse_text(request.query_params, "q", s),
        source=parse_text(request.query_params, "source", s),
    )
    return _answer(request, rows, pg, fmt, "documents")


@router.get("/documents/{doc_id}", summary="One document: text, report and evidence spans")
def get_document(request: Request, doc_id: str) -> dict[str, Any]:
    check_known(request.query_params.keys(), ())
    return data.document(_ledger(request), check_id(doc_id, "doc_id"))


@router.get("/figures", summary="Every figure of every report, with its evidence")
def list_figures(request: Request, _: Listed) -> Response:
    f, pg, fmt = _list(request)
    return _answer(request, data.figures(_ledger(request), f, pg), pg, fmt, "figures")


@router.get("/casualties", summary="Casualty items (killed, injured …) with place and evidence")
def list_casualties(
    request: Request,
    from_: From = None,
    to: To = None,
    area: Area = None,
    attacker: Attacker = None,
    weapon: Weapon = None,
    measure: Annotated[
        str | None, Query(description="measure: " + ", ".join(CASUALTY_MEASURES))
    ] = None,
    page: PageNo = None,
    page_size: PageSize = None,
    format: Format = None,
) -> Response:
    f, pg, fmt = _list(request, measures=CASUALTY_MEASURES)
    return _answer(
        request, data.casualties(_ledger(request), f, pg), pg, fmt, "casualties", geo=True
    )


@router.get(
    "/timeline", summary="Per night: launched, neutralized, hit by category; interception rate"
)
def timeline(
    request: Request,
    _: Listed,
    order: Annotated[
        str | None, Query(description="asc (oldest night first, default) or desc (newest first)")
    ] = None,
) -> Response:
    f, pg, fmt = _list(request, ("order",))
    order = parse_choice(request.query_params, "order", ("asc", "desc"), _settings(request))
    rows = eventdata.timeline(_ledger(request), f, pg, newest_first=order == "desc")
    return _answer(request, rows, pg, fmt, "timeline")


@router.get("/places", summary="Places named by reports, with counts and coordinates")
def list_places(request: Request, _: Listed) -> Response:
    f, pg, fmt = _list(request)
    return _answer(request, data.places(_ledger(request), f, pg), pg, fmt, "places", geo=True)


@router.get("/regions", summary="Per first-level region: strikes and casualties in the period")
def list_regions(request: Request, _: Filtered) -> Response:
    s = _settings(request)
    check_known(request.query_params.keys(), (*FILTER_PARAMS, "format"))
    f = parse_filters(request.query_params, s)
    fmt = parse_format(request.query_params, s, ("json", "csv", "jsonl"))
    rows = eventdata.regions(_ledger(request), f)
    pg = Page(1, max(len(rows), 1))
    return _answer(request, rows, pg, fmt, "regions")


@router.get("/conflicts", summary="Claims that disagree with their event's consensus")
def list_conflicts(
    request: Request,
    _: Listed,
    kind: Annotated[str | None, Query(description="conflict kind")] = None,
) -> Response:
    f, pg, fmt = _list(request, ("kind",))
    kind_ = parse_choice(request.query_params, "kind", eventdata.CONFLICT_KINDS, _settings(request))
    rows = eventdata.conflicts(_ledger(request), f, pg, kind=kind_)
    return _answer(request, rows, pg, fmt, "conflicts")


class DocumentIn(BaseModel):
    text: str = Field(description="the document's text (plain text)")
    published: str | None = Field(None, description="ISO 8601 publication time or date")
    url: str | None = None
    title: str | None = None
    source: str | None = None


@router.post(
    "/documents",
    status_code=201,
    dependencies=[Depends(require_token)],
    openapi_extra={"security": [{"bearer": []}]},
    responses={
        401: {"description": "no bearer token"},
        403: {"description": "wrong token, or writes disabled (no api_token configured)"},
        413: {"description": "body larger than api_max_body_bytes"},
    },
    summary="Ingest one document (needs 'Authorization: Bearer <token>')",
)
def post_document(request: Request, body: DocumentIn) -> dict[str, Any]:
    return eventdata.ingest(_ledger(request), body.model_dump())
