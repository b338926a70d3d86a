/* Streamline: client-side routing for the account area, slow rows, cancel flow. */
(function () {
  "use strict";
  var TITLES = ["Midnight Run Club", "Paper Moons", "The Cartographer", "Ferris", "Cold Open", "Little Tokyo Nights"];

  // Rows that "load" after a moment, like real recommendation rails.
  function fillSlow(root) {
  root.querySelectorAll("[data-slow-tiles]").forEach(function (row) {
    setTimeout(function () {
      row.innerHTML = "";
      var n = row.classList.contains("small") ? 3 : 4;
      for (var i = 0; i < n; i++) {
        var li = document.createElement("li");
        li.className = "tile c" + ((i + 3) % 6 + 1);
        li.innerHTML = "<span></span>";
        li.firstChild.textContent = TITLES[(i * 2 + n) % TITLES.length];
        row.appendChild(li);
      }
    }, 700);
  });
  }
  fillSlow(document);

  var app = document.querySelector("[data-spa]");
  if (!app) return;
  var base = app.getAttribute("data-base");
  var outlet = app.querySelector("[data-outlet]");
  var views = Array.prototype.slice.call(app.querySelectorAll("template[data-route]"));
  var lastCancel = null;

  function routeOf(pathname) {
    var p = pathname.indexOf(base) === 0 ? pathname.slice(base.length) : pathname;
    return p.replace(/\/+$/, "") || "/account";
  }

  // One view at a time: the matching <template> is cloned into the outlet.
  function show(route) {
    var tpl = views.filter(function (v) { return v.getAttribute("data-route") === route; })[0] || views[0];
    outlet.replaceChildren(tpl.content.cloneNode(true));
    document.title = tpl.getAttribute("data-title") || document.title;
    window.scrollTo(0, 0);
    var h = outlet.querySelector("h1");
    if (h) { h.setAttribute("tabindex", "-1"); h.focus({ preventScroll: true }); }
    if (lastCancel && lastCancel.reference) {
      outlet.querySelectorAll("[data-fill]").forEach(function (el) { el.textContent = lastCancel[el.getAttribute("data-fill")]; });
    }
    fillSlow(outlet);
    var shown = outlet.firstElementChild;
    outlet.querySelectorAll("[data-delay]").forEach(function (el) {
      setTimeout(function () { if (shown.isConnected) el.hidden = false; }, +el.getAttribute("data-delay"));
    });
  }

  function navigate(route) {
    history.pushState({ route: route }, "", base + route);
    show(route);
  }

  function post(path, data) {
    return fetch(base + path, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data || {})
    }).then(function (r) { return r.json(); });
  }

  document.addEventListener("click", function (e) {
    var a = e.target.closest("a[data-link]");
    if (a && a.getAttribute("href").indexOf(base + "/account") === 0 && !e.metaKey && !e.ctrlKey) {
      e.preventDefault();
      navigate(routeOf(new URL(a.href).pathname));
      return;
    }
    var b = e.target.closest("[data-href]");
    if (b) { navigate(b.getAttribute("data-href")); return; }
    var c = e.target.closest("[data-action='cancel']");
    if (c) {
      var fb = document.getElementById("feedback");
      (fb && fb.value ? post("/api/survey", { comment: fb.value }) : Promise.resolve())
        .then(function () { return post("/api/cancel"); })
        .then(function (res) { lastCancel = res; navigate("/account/cancelled"); });
    }
  });

  // The exit survey: required radios; the browser blocks submit and we show a visible message.
  document.addEventListener("invalid", function (e) {
    var err = document.getElementById("survey-error");
    if (err && e.target.form && e.target.form.id === "survey-form") err.hidden = false;
  }, true);
  document.addEventListener("change", function (e) {
    var err = document.getElementById("survey-error");
    if (err && e.target.form && e.target.form.checkValidity()) err.hidden = true;
  });
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (form.id !== "survey-form") return;
    e.preventDefault();
    var data = Object.fromEntries(new FormData(form).entries());
    post("/api/survey", data).then(function (res) {
      if (res.ok) navigate(form.getAttribute("data-next"));
      else document.getElementById("survey-error").hidden = false;
    });
  });

  window.addEventListener("popstate", function () { show(routeOf(location.pathname)); });
  history.replaceState({ route: routeOf(location.pathname) }, "", location.href);
  show(routeOf(location.pathname));
})();
