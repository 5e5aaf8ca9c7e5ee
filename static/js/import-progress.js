// Import pages: a busy indicator while a form is processed, and the live row count of a
// running import (the run page polls its status until the run has finished).
document.querySelectorAll("form.js-import-progress").forEach(function (form) {
  form.addEventListener("submit", function () {
    form.querySelectorAll(".import-progress").forEach(function (bar) {
      bar.classList.remove("d-none");
    });
    form.querySelectorAll("button[type=submit]").forEach(function (button) {
      setTimeout(function () { button.disabled = true; }, 0);
    });
  });
});

(function () {
  var box = document.getElementById("import-progress");
  if (!box || box.dataset.finished === "true") { return; }
  var bar = document.getElementById("import-progress-bar");
  var text = document.getElementById("import-progress-text");

  function number(n) { return Number(n || 0).toLocaleString("en-US"); }

  function show(run) {
    var verb = run.dry_run || run.phase === "checking" || run.status === "FAILED" ? "checked" : "written";
    if (run.rows_total) {
      bar.max = run.rows_total;
      bar.value = run.rows_done;
      text.textContent = number(run.rows_done) + " of " + number(run.rows_total) + " rows " + verb;
    } else {
      bar.removeAttribute("value");
      text.textContent = number(run.rows_done) + " rows " + verb;
    }
  }

  function poll() {
    fetch(box.dataset.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (run) {
        show(run);
        // A run that stopped, or stalled (server restarted), reloads to offer Resume.
        if (run.finished || run.resumable) { window.location.reload(); } else { setTimeout(poll, 1000); }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  poll();
})();
