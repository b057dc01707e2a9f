// Timeline chart: launched / neutralized / hit per night (bars) and the interception rate (line),
// drawn with plotly.js served from the installed plotly package. Data: /api/timeline (JSON).
"use strict";
(function () {
  function draw(el, items) {
    var nights = items.map(function (n) { return n.night_of; });
    function col(k) { return items.map(function (n) { return n[k] === null ? null : n[k]; }); }
    var traces = [
      { type: "bar", name: "launched", x: nights, y: col("launched"), marker: { color: "#7a8796" } },
      { type: "bar", name: "neutralized", x: nights, y: col("neutralized"), marker: { color: "#2e8b57" } },
      { type: "bar", name: "hit", x: nights, y: col("hit"), marker: { color: "#c0392b" } },
      { type: "scatter", mode: "lines+markers", name: "interception rate", x: nights,
        y: items.map(function (n) { return n.interception_rate === null ? null : n.interception_rate * 100; }),
        yaxis: "y2", line: { color: "#1f5fa8" } }
    ];
    var layout = {
      barmode: "group", margin: { l: 50, r: 50, t: 10, b: 40 }, legend: { orientation: "h" },
      xaxis: { type: "category", title: { text: "night of" } },
      yaxis: { title: { text: "weapons" }, rangemode: "tozero" },
      yaxis2: { title: { text: "intercepted %" }, overlaying: "y", side: "right", range: [0, 100],
                tickmode: "linear", tick0: 0, dtick: 20, showgrid: false }
    };
    window.Plotly.newPlot(el, traces, layout, { displaylogo: false, displayModeBar: false, responsive: true });
    // A click on a night opens its event page.
    el.on("plotly_click", function (ev) {
      var p = ev.points && ev.points[0];
      var item = p ? items[p.pointIndex] : null;
      if (item && item.event) { window.location.href = "/events/" + encodeURIComponent(item.event); }
    });
    el.dataset.nights = String(items.length);
    el.dataset.launched = String(items.reduce(function (s, n) { return s + (n.launched || 0); }, 0));
    el.dataset.state = "ready";
  }

  document.addEventListener("DOMContentLoaded", function () {
    var el = document.getElementById("timeline");
    if (!el) { return; }
    fetch(el.dataset.src, { headers: { accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (body) {
        // The API gives the latest nights first; the chart runs left to right in time.
        var items = (body.items || []).slice().sort(function (a, b) {
          return a.night_of < b.night_of ? -1 : a.night_of > b.night_of ? 1 : 0;
        });
        if (!items.length) {
          el.textContent = "No nights in this period.";
          el.dataset.nights = "0";
          el.dataset.state = "ready";
          return;
        }
        if (!window.Plotly) { el.textContent = "Chart library not available."; el.dataset.state = "error"; return; }
        draw(el, items);
      })
      .catch(function (status) {
        el.textContent = "Timeline not available (" + status + ").";
        el.dataset.state = "error";
      });
  });
})();
