// Small line charts of 总览: each <div class="spark" data-years="2021,2022,2023" data-values="1,2,3"> becomes a uPlot
// chart of its series. Served by EduStat itself (the page's CSP allows scripts from itself only).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("div.spark").forEach(function (el) {
    var years = (el.dataset.years || "").split(",").filter(Boolean).map(Number);
    var values = (el.dataset.values || "").split(",").filter(Boolean).map(Number);
    if (years.length < 2 || typeof uPlot === "undefined") {
      return;
    }
    new uPlot({
      width: 160, height: 48, legend: { show: false }, cursor: { show: false },
      scales: { x: { time: false } },
      axes: [{ show: false }, { show: false }],
      series: [{}, { stroke: "#1f4e79", width: 2, points: { show: true, size: 4 } }]
    }, [years, values], el);
    el.dataset.drawn = "true";
  });
});
