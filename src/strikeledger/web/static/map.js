// Map of Ukraine's oblasts, shaded by strikes or casualties in the selected period, with
// markers for the cities and districts named by reports. Drawn as SVG by our own code (no
// tiles, no network): outlines from /assets/ukraine_oblasts.json, numbers from /api/regions
// and /api/places. Every label is set with textContent, never as HTML.
"use strict";
(function () {
  var SVG = "http://www.w3.org/2000/svg";
  var W = 900, LAT0 = 48.5, K = Math.cos(LAT0 * Math.PI / 180);
  var BOUNDS = { lonMin: 22.0, lonMax: 40.4, latMin: 44.2, latMax: 52.5 };
  var SCALE = W / ((BOUNDS.lonMax - BOUNDS.lonMin) * K);
  var H = Math.round((BOUNDS.latMax - BOUNDS.latMin) * SCALE);

  function px(lon, lat) {
    return [((lon - BOUNDS.lonMin) * K * SCALE).toFixed(1), ((BOUNDS.latMax - lat) * SCALE).toFixed(1)];
  }
  function ringPath(ring) {
    return ring.map(function (p, i) { var q = px(p[0], p[1]); return (i ? "L" : "M") + q[0] + " " + q[1]; }).join("") + "Z";
  }
  function geomPath(g) {
    var polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
    return polys.map(function (poly) { return poly.map(ringPath).join(""); }).join("");
  }
  function el(name, attrs) {
    var e = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function shadeColor(v, max) {
    if (!v || !max) { return "#e9edf2"; }
    var t = Math.sqrt(v / max); // perceptual: a few big values should not wash out the rest
    var r = Math.round(253 - t * (253 - 165)), g = Math.round(224 - t * (224 - 15)), b = Math.round(210 - t * (210 - 21));
    return "rgb(" + r + "," + g + "," + b + ")";
  }
  function getJSON(url) {
    return fetch(url, { headers: { accept: "application/json" } }).then(function (r) {
      return r.ok ? r.json() : Promise.reject(r.status);
    });
  }

  function draw(box, outlines, regions, places) {
    var shade = box.dataset.shade === "casualties" ? "casualties" : "strikes";
    var byCode = {};
    (regions.items || []).forEach(function (r) { byCode[r.region] = r; });
    var max = 0;
    Object.keys(byCode).forEach(function (k) { max = Math.max(max, byCode[k][shade] || 0); });
    var svg = el("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "map of Ukraine's oblasts" });
    var gRegions = el("g", { "class": "oblasts" });
    var shaded = 0;
    outlines.features.forEach(function (f) {
      var r = byCode[f.id] || {};
      var v = r[shade] || 0;
      if (v) { shaded += 1; }
      var path = el("path", { d: geomPath(f.geometry), "class": "oblast", fill: shadeColor(v, max), "data-code": f.id, "data-value": String(v) });
      var title = el("title");
      title.textContent = f.properties.name + ": " + v + " " + shade;
      path.appendChild(title);
      gRegions.appendChild(path);
    });
    svg.appendChild(gRegions);
    var gPlaces = el("g", { "class": "places" });
    var markers = 0;
    (places.items || []).forEach(function (p) {
      if (typeof p.lat !== "number" || typeof p.lon !== "number") { return; }
      if (["city", "settlement", "city_district", "hromada", "raion"].indexOf(p.level) < 0) { return; }
      if (p.lon < BOUNDS.lonMin || p.lon > BOUNDS.lonMax || p.lat < BOUNDS.latMin || p.lat > BOUNDS.latMax) { return; }
      var q = px(p.lon, p.lat);
      var c = el("circle", { cx: q[0], cy: q[1], r: String(3 + Math.min(9, Math.sqrt(p.documents || 1) * 2)), "class": "place" });
      var t = el("title");
      t.textContent = p.name + " — named in " + p.documents + " document(s)";
      c.appendChild(t);
      gPlaces.appendChild(c);
      markers += 1;
    });
    svg.appendChild(gPlaces);
    while (box.firstChild) { box.removeChild(box.firstChild); }
    box.appendChild(svg);
    var legend = document.getElementById("map-legend");
    if (legend) {
      legend.textContent = "Shading: " + shade + " (darkest = " + max + "). Dots: places named by reports (" + markers + ").";
    }
    box.dataset.shaded = String(shaded);
    box.dataset.markers = String(markers);
    box.dataset.max = String(max);
    box.dataset.state = "ready";
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("map");
    if (!box) { return; }
    Promise.all([getJSON(box.dataset.outlines), getJSON(box.dataset.regions).catch(function () { return { items: [] }; }),
                 getJSON(box.dataset.places).catch(function () { return { items: [] }; })])
      .then(function (res) { draw(box, res[0], res[1], res[2]); })
      .catch(function (status) { box.textContent = "Map not available (" + status + ")."; box.dataset.state = "error"; });
  });
})();
