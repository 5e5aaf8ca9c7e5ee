/* Live person-index candidates for any form that enters a person.
 *
 * Mark the form with data-person-candidates="<candidates url>" and give it an element with
 * data-candidates-list. While the clerk types a name, date of birth, sex or identifier, the
 * form asks the index for existing persons and lists them with the engine's explanation.
 * A radio "person_id" lets the clerk pick one or choose "a new person".
 */
(function () {
  "use strict";
  var FIELDS = ["given_name", "middle_name", "surname", "date_of_birth", "sex", "district", "national_id"];

  function params(form) {
    var query = new URLSearchParams();
    FIELDS.forEach(function (name) {
      var input = form.elements[name];
      if (input && input.value) { query.set(name, input.value); }
    });
    return query;
  }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }

  function choice(value, label, checked) {
    var wrap = el("div", null, "form-check");
    var input = el("input", null, "form-check-input");
    input.type = "radio"; input.name = "person_id"; input.value = value;
    input.id = "person-" + (value || "new"); input.checked = !!checked;
    var lab = el("label", label, "form-check-label");
    lab.htmlFor = input.id;
    wrap.appendChild(input); wrap.appendChild(lab);
    return wrap;
  }

  function render(list, data) {
    list.replaceChildren();
    list.setAttribute("aria-busy", "false");
    if (!data.candidates || data.candidates.length === 0) {
      list.appendChild(el("p", data.message || "No existing person matches: a new person will be created.", "text-muted"));
      list.appendChild(choice("", "A new person", true));
      return;
    }
    list.appendChild(el("p", "Existing persons who may be the same (best first):", "fw-semibold"));
    data.candidates.forEach(function (c) {
      var card = el("div", null, "border rounded p-2 mb-2" + (c.decision === "match" ? " border-success" : ""));
      var title = c.name + " · " + (c.date_of_birth || "no date of birth") + " · " + c.sex +
        (c.district ? " · " + c.district : "") + " · in " + c.system +
        " · score " + c.score + " (" + c.decision + ")";
      card.appendChild(choice(c.person_id, title, false));
      var ul = el("ul", null, "small mb-0");
      c.explanation.forEach(function (line) { ul.appendChild(el("li", line)); });
      card.appendChild(ul);
      list.appendChild(card);
    });
    list.appendChild(choice("", "None of these: a new person", false));
  }

  function attach(form) {
    var url = form.getAttribute("data-person-candidates");
    var list = form.querySelector("[data-candidates-list]");
    var timer = null;
    var latest = 0;
    function lookup() {
      var query = params(form);
      if (!query.get("surname") && !query.get("national_id")) { return; }
      var ticket = ++latest;
      list.setAttribute("aria-busy", "true");
      fetch(url + "?" + query.toString(), { headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (data) { if (ticket === latest) { render(list, data); } })
        .catch(function () { list.replaceChildren(el("p", "The person index could not be searched; try again.", "text-danger")); });
    }
    if (form.hasAttribute("data-lookup-only")) {
      form.addEventListener("submit", function (event) { event.preventDefault(); lookup(); });
    }
    form.addEventListener("input", function (event) {
      if (FIELDS.indexOf(event.target.name) === -1) { return; }
      clearTimeout(timer);
      timer = setTimeout(lookup, 300);
    });
  }

  document.querySelectorAll("form[data-person-candidates]").forEach(attach);
})();
