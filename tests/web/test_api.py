"""Every API route over the test ledger: answers, filters, pagination, exports and errors."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import quote

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from strikeledger.api import ApiSettings, create_app

ATTACK = "ev:2025-07-04:RU>UA"


def test_openapi_documents_every_route(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for p in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/figures",
        "/api/casualties",
        "/api/timeline",
        "/api/places",
        "/api/conflicts",
        "/api/regions",
    ):
        assert p in paths, p
    assert paths["/api/documents"]["post"]["security"] == [{"bearer": []}]
    assert spec["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    params = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {
        "from",
        "to",
        "area",
        "attacker",
        "weapon",
        "measure",
        "page",
        "page_size",
        "format",
    } <= params


def test_timeline_per_night_with_interception_rate(client: TestClient) -> None:
    items = client.get("/api/timeline").json()["items"]
    nights = [i["night_of"] for i in items]
    assert nights == sorted(nights) and "2025-07-04" in nights
    n = next(i for i in items if i["night_of"] == "2025-07-04")
    # The Air Force's 539 + 11 is the consensus, not the wire's 550 drones.
    assert n["by_category"]["drone"]["launched"] == 539
    assert n["launched"] == 550 and n["neutralized"] == 478 and n["hit"] == 72
    assert n["interception_rate"] == pytest.approx(478 / 550, abs=1e-4)


def test_timeline_date_filter_and_weapon(client: TestClient) -> None:
    items = client.get("/api/timeline?from=2025-07-03&to=2025-07-08").json()["items"]
    assert [i["night_of"] for i in items] == ["2025-07-04", "2025-07-06"]
    latest = client.get("/api/timeline?order=desc&page_size=2").json()
    assert [i["night_of"] for i in latest["items"]] == ["2025-07-10", "2025-07-06"]
    assert latest["has_more"] is True
    assert client.get("/api/timeline?order=sideways").status_code == 400
    drones = client.get("/api/timeline?weapon=drone&from=2025-07-06&to=2025-07-06").json()["items"]
    assert drones[0]["launched"] == 320 and drones[0]["weapon"] == "drone"


def test_events_list_filters_and_pagination(client: TestClient) -> None:
    body = client.get("/api/events?level=attack&page_size=2").json()
    assert len(body["items"]) == 2 and body["has_more"] is True and "page=2" in body["next"]
    assert body["items"][0]["night_of"] >= body["items"][1]["night_of"]
    page2 = client.get("/api/events?level=attack&page_size=2&page=2").json()["items"]
    assert not {e["id"] for e in page2} & {e["id"] for e in body["items"]}
    kyiv = client.get("/api/events?area=UA-30").json()["items"]
    assert [e["region"] for e in kyiv] == ["UA-30"]
    assert client.get("/api/events?attacker=UA").json()["items"] == []


def test_event_detail_claims_consensus_conflicts(client: TestClient) -> None:
    d = client.get(f"/api/events/{quote(ATTACK, safe='')}").json()
    assert d["event"]["id"] == ATTACK
    values = {(c["measure"], c["subject"], c["value"], c["claimant"]["name"]) for c in d["claims"]}
    assert ("launched", "drone", 550, "Ukrainian officials") in values
    assert ("launched", "drone", 539, "Ukrainian Air Force") in values
    assert any(c["claim"]["value"] == 550 for c in d["conflicts"])
    assert all(c["evidence"]["text"] for c in d["claims"])
    drones = next(
        g for g in d["by_measure"] if (g["measure"], g["subject"]) == ("launched", "drone")
    )
    assert drones["consensus"]["value"] == 539
    assert sorted(c["value"] for c in drones["claims"]) == [539, 550]
    assert {doc["source"] for doc in d["documents"]} >= {"kpszsu", "wire"}
    assert client.get("/api/events/ev:1999-01-01:RU%3EUA").status_code == 404


def test_documents_search_and_detail(client: TestClient) -> None:
    rows = client.get("/api/documents?q=railway").json()["items"]
    assert [r["source"] for r in rows] == ["wire"]
    doc = client.get(f"/api/documents/{rows[0]['id']}").json()
    assert "railway depot" in doc["text"]
    ev = doc["report"]["figures"][0]["evidence"]
    assert doc["text"][ev["start"] : ev["end"]] == ev["text"] == "550 drones"
    kinds = {sp["kind"] for sp in doc["spans"]}
    assert kinds == {"figure", "casualty", "place"}
    assert all(doc["text"][sp["start"] : sp["end"]] for sp in doc["spans"])
    assert client.get("/api/documents/sha256:0000").status_code == 404
    # A search term with LIKE wildcards is taken literally.
    assert client.get("/api/documents?q=%25").json()["items"] == []


def test_figures_casualties_places_conflicts(client: TestClient) -> None:
    figs = client.get("/api/figures?measure=launched&weapon=missile").json()["items"]
    assert figs and all(f["measure"] == "launched" and f["category"] == "missile" for f in figs)
    cas = client.get("/api/casualties?measure=killed").json()["items"]
    assert [(c["value"], c["place"]) for c in cas] == [(1, "Holosiivskyi")]
    places = {p["name"]: p for p in client.get("/api/places").json()["items"]}
    assert places["Kyiv"]["documents"] == 2 and places["Kyiv"]["lat"] == pytest.approx(50.45)
    conflicts = client.get("/api/conflicts").json()["items"]
    assert any(c["claim"]["value"] == 550 and c["event"] == ATTACK for c in conflicts)
    assert client.get("/api/conflicts?kind=stale&from=2025-07-04&to=2025-07-04").status_code == 200
    regions = {r["region"]: r for r in client.get("/api/regions").json()["items"]}
    assert regions["UA-30"]["strikes"] == 1 and regions["UA-30"]["killed"] == 1


@pytest.mark.parametrize("route", ["/api/figures", "/api/events", "/api/timeline", "/api/places"])
def test_exports(client: TestClient, route: str) -> None:
    r = client.get(route + "?format=csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows
    r = client.get(route + "?format=parquet")
    table = pq.read_table(io.BytesIO(r.content))
    assert table.num_rows == len(rows)
    r = client.get(route + "?format=jsonl")
    lines = [json.loads(x) for x in r.text.splitlines()]
    assert len(lines) == len(rows)


def test_geojson_of_places_and_events(client: TestClient) -> None:
    fc = client.get("/api/places?format=geojson").json()
    kyiv = next(f for f in fc["features"] if f["properties"]["name"] == "Kyiv")
    assert kyiv["geometry"] == {"type": "Point", "coordinates": [30.52, 50.45]}
    fc = client.get("/api/events?format=geojson").json()
    assert fc["type"] == "FeatureCollection" and fc["features"]
    kharkiv = next(f for f in fc["features"] if f["properties"]["region"] == "UA-63")
    assert kharkiv["geometry"]["coordinates"] == [36.23, 49.99]  # the place's own coordinates
    kyiv = next(f for f in fc["features"] if f["properties"]["region"] == "UA-30")
    lon, lat = kyiv["geometry"]["coordinates"]
    assert 30.2 < lon < 30.9 and 50.2 < lat < 50.7  # the centre of Kyiv city
    attack = next(f for f in fc["features"] if f["properties"]["level"] == "attack")
    assert attack["geometry"] is None
    assert client.get("/api/figures?format=geojson").status_code == 400


def test_csv_export_defuses_formulas(client: TestClient) -> None:
    from strikeledger.api.exports import to_csv

    out = to_csv([{"a": "=HYPERLINK(1)", "b": "+1", "c": "ok"}]).decode()
    assert "'=HYPERLINK(1)" in out and "'+1" in out


@pytest.mark.parametrize(
    ("query", "word"),
    [
        ("from=2025-13-01", "from"),
        ("from=yesterday", "from"),
        ("from=2025-07-10&to=2025-07-01", "from"),
        ("area=Kyiv%20city", "area"),
        ("attacker=RUS", "attacker"),
        ("weapon=%3Cscript%3E", "weapon"),
        ("measure=exploded", "measure"),
        ("page=0", "page"),
        ("page=-1", "page"),
        ("page=abc", "page"),
        ("page_size=100000", "page_size"),
        ("format=xlsx", "format"),
        ("level=huge", "level"),
        ("unknown=1", "unknown"),
        ("from=2025-07-01&from=2025-07-02", "from"),
        ("area=" + "U" * 500, "area"),
    ],
)
def test_bad_parameters_are_400_with_a_clear_message(
    client: TestClient, query: str, word: str
) -> None:
    r = client.get("/api/events?" + query)
    assert r.status_code == 400, r.text
    message = r.json()["error"]["message"]
    assert word in message and "Traceback" not in message


def test_bad_ids_and_pages(client: TestClient) -> None:
    assert client.get("/api/events/" + quote("<script>", safe="")).status_code == 400
    r = client.get("/events?from=nope")
    assert r.status_code == 400 and "text/html" in r.headers["content-type"]
    assert "expected a date" in r.text


def test_security_headers_on_every_response(client: TestClient) -> None:
    for url in ("/", "/api/events", "/api/nope", "/static/app.css", "/api/events?from=x"):
        h = client.get(url).headers
        csp = h["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
        assert h["x-content-type-options"] == "nosniff"
        assert h["referrer-policy"] == "no-referrer"


def test_plotly_served_from_the_installed_package(client: TestClient) -> None:
    r = client.get("/assets/plotly.min.js")
    assert r.status_code == 200 and "plotly.js" in r.text[:300]
    fc = client.get("/assets/ukraine_oblasts.json").json()
    assert len(fc["features"]) == 27 and "Natural Earth" in fc["source"]


def test_unexpected_error_is_a_bare_500(ledger_copy: object) -> None:
    app = create_app(ApiSettings(db=str(ledger_copy), rate_limit=0))

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("secret internal detail /etc/passwd")

    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/boom")
    assert r.status_code == 500
    assert "secret" not in r.text and "Traceback" not in r.text
    assert r.headers["x-content-type-options"] == "nosniff"


def test_missing_ledger_is_503(tmp_path: object) -> None:
    app = create_app(ApiSettings(db=str(tmp_path) + "/absent.duckdb"))
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/figures")
    assert r.status_code == 503 and "ledger" in r.json()["error"]["message"]
