/* Draws every <canvas data-chart='{...Chart.js config...}'> with the vendored Chart.js.
 * The config is JSON written by the server (see templates/_macros/charts.html), so pages
 * need no inline script (the Content-Security-Policy forbids it).
 */
(function () {
  "use strict";
  function draw(canvas) {
    try {
      var config = JSON.parse(canvas.getAttribute("data-chart"));
      config.options = config.options || {};
      config.options.responsive = true;
      config.options.maintainAspectRatio = false;
      new window.Chart(canvas, config);
      canvas.setAttribute("data-chart-drawn", "1");
    } catch (err) {
      canvas.insertAdjacentText("afterend", "Chart could not be drawn: " + err.message);
    }
  }
  document.querySelectorAll("canvas[data-chart]").forEach(draw);
})();
