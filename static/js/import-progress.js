// Shows a progress indicator while an import form is being processed by the server.
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
