/* Folded forms of the case page, fetched when the clerk unfolds one.
 *
 * A folded form is written as <div data-case-form="<url>"> holding a link to the same form on
 * a page of its own (what a browser without JavaScript follows). When its <details> opens,
 * the form is fetched once and put in place of the link; while it loads the link reads
 * "Loading the form…", and if it cannot be loaded the clerk is told and keeps the link.
 */
(function () {
  "use strict";

  function load(holder) {
    if (holder.dataset.state) { return; }
    holder.dataset.state = "loading";
    var link = holder.querySelector("a");
    var label = link ? link.textContent : "";
    if (link) { link.textContent = "Loading the form…"; }
    holder.setAttribute("aria-busy", "true");
    fetch(holder.dataset.caseForm, {
      credentials: "same-origin",
      headers: { "X-Requested-With": "case-form" }
    }).then(function (response) {
      if (!response.ok) { throw new Error("the server answered " + response.status); }
      return response.text();
    }).then(function (html) {
      holder.innerHTML = html;
      holder.dataset.state = "loaded";
      holder.removeAttribute("aria-busy");
      var first = holder.querySelector("input:not([type=hidden]), select, textarea");
      if (first) { first.focus(); }
    }).catch(function (error) {
      holder.dataset.state = "";
      holder.removeAttribute("aria-busy");
      if (link) { link.textContent = label; }
      var note = document.createElement("div");
      note.className = "small text-danger";
      note.textContent = "The form could not be loaded (" + error.message + "): open it on its own page with the link, or reload.";
      holder.appendChild(note);
    });
  }

  document.querySelectorAll("details").forEach(function (details) {
    var holder = details.querySelector(":scope > [data-case-form]");
    if (!holder) { return; }
    details.addEventListener("toggle", function () { if (details.open) { load(holder); } });
    if (details.open) { load(holder); }
  });
}());
