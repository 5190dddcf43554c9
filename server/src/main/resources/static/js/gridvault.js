// GridVault pages: draws the energy chart and the energy-flow diagram with ECharts, fills in the browser's time zone on sign-up, and clears the
// alert region when a new request starts. Everything else is htmx attributes in the markup.
(function () {
  "use strict";

  var COLOURS = {
    production: "#f59e0b", consumption: "#6366f1", gridImport: "#64748b", gridExport: "#94a3b8",
    batteryCharge: "#34d399", batteryDischarge: "#10b981", ev: "#0ea5e9"
  };

  function drawEnergyChart(element) {
    if (!window.echarts || element.dataset.drawn) return;
    var data = JSON.parse(element.dataset.chart);
    var names = {
      production: element.dataset.nameProduction, consumption: element.dataset.nameConsumption,
      gridImport: element.dataset.nameGridImport, gridExport: element.dataset.nameGridExport,
      batteryCharge: element.dataset.nameBatteryCharge, batteryDischarge: element.dataset.nameBatteryDischarge,
      ev: element.dataset.nameEv
    };
    var bars = ["production", "batteryDischarge", "gridImport", "gridExport", "batteryCharge"].map(function (key) {
      return {
        name: names[key], type: "bar", stack: "energy", data: data[key], itemStyle: { color: COLOURS[key] },
        emphasis: { focus: "series" }
      };
    });
    var lines = ["consumption", "ev"].map(function (key) {
      return {
        name: names[key], type: "line", smooth: true, symbol: "none", data: data[key],
        lineStyle: { width: 2.5, color: COLOURS[key] }, itemStyle: { color: COLOURS[key] }
      };
    });
    var chart = echarts.init(element, null, { renderer: "canvas" });
    chart.setOption({
      animationDuration: 400,
      grid: { left: 48, right: 16, top: 48, bottom: 32 },
      legend: { top: 0, type: "scroll", textStyle: { color: "#5d6b79" } },
      tooltip: {
        trigger: "axis",
        valueFormatter: function (value) { return value == null ? "–" : Math.abs(value).toFixed(2) + " kWh"; }
      },
      xAxis: { type: "category", data: data.labels, axisTick: { show: false }, axisLine: { lineStyle: { color: "#cbd5df" } } },
      yAxis: { type: "value", name: "kWh", splitLine: { lineStyle: { color: "#eef2f6" } } },
      series: bars.concat(lines)
    });
    element.dataset.drawn = "true";
    window.addEventListener("resize", function () { chart.resize(); });
  }

  // The period's energy flows: sources (solar, grid, battery) on the left, sinks (home, EV, battery, grid) on the
  // right. ECharts' sankey needs distinct node names, so a node that is both (battery, grid) appears twice.
  function drawSankey(element) {
    if (!window.echarts || element.dataset.drawn) return;
    var data = JSON.parse(element.dataset.sankey);
    var colours = { solar: "#f59e0b", grid: "#64748b", battery: "#10b981", home: "#6366f1", ev: "#0ea5e9" };
    var used = {};
    var links = data.links.filter(function (link) { return link.value > 0; }).map(function (link) {
      used[link.source] = true;
      used[link.target] = true;
      return { source: link.source, target: link.target, value: link.value };
    });
    var nodes = data.nodes.filter(function (node) { return used[node.id]; }).map(function (node) {
      return { name: node.id, label: { formatter: node.label }, itemStyle: { color: colours[node.kind] } };
    });
    var labels = {};
    data.nodes.forEach(function (node) { labels[node.id] = node.label; });
    var chart = echarts.init(element, null, { renderer: "canvas" });
    chart.setOption({
      animation: false,
      tooltip: {
        trigger: "item",
        formatter: function (params) {
          if (params.dataType === "edge") {
            return labels[params.data.source] + " → " + labels[params.data.target] + ": " + params.data.value.toFixed(2) + " kWh";
          }
          return labels[params.name] + ": " + params.value.toFixed(2) + " kWh";
        }
      },
      series: [{
        type: "sankey", data: nodes, links: links, left: 8, right: 110, top: 12, bottom: 12,
        nodeGap: 14, nodeWidth: 14, emphasis: { focus: "adjacency" },
        lineStyle: { color: "gradient", curveness: 0.5, opacity: 0.45 },
        label: { color: "#17202a", fontSize: 13 }
      }]
    });
    element.dataset.drawn = "true";
    window.addEventListener("resize", function () { chart.resize(); });
  }

  function init(root) {
    root.querySelectorAll("[data-chart]").forEach(drawEnergyChart);
    root.querySelectorAll("[data-sankey]").forEach(drawSankey);
    root.querySelectorAll("[data-browser-time-zone]").forEach(function (input) {
      try { input.value = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { input.value = ""; }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    init(document);
    document.body.addEventListener("htmx:beforeRequest", function (event) {
      var problems = document.getElementById("problems");
      var polling = event.detail.elt && event.detail.elt.id === "live";
      if (problems && !polling) problems.innerHTML = "";
    });
    document.body.addEventListener("htmx:load", function (event) { init(event.detail.elt); });
  });
})();
