// Kiezkiste: one document, views by the hash (#/kuendigen, #/angebot, #/pruefen, #/erledigt).
(function () {
  var data = {};
  function show() {
    var route = (location.hash || "#/").slice(1) || "/";
    var found = false;
    document.querySelectorAll("[data-view]").forEach(function (v) {
      var on = v.getAttribute("data-view") === route;
      v.hidden = !on;
      if (on) found = true;
    });
    if (!found) document.querySelector('[data-view="/"]').hidden = false;
    if (route === "/pruefen") {
      document.getElementById("p-name").textContent = data.name || "";
      document.getElementById("p-mail").textContent = data.mail || "";
      document.getElementById("p-kdnr").textContent = data.kdnr || "";
    }
    window.scrollTo(0, 0);
  }
  window.addEventListener("hashchange", show);
  show();
  document.getElementById("f-kuendigen").addEventListener("submit", function (e) {
    e.preventDefault();
    var f = e.target, err = document.getElementById("grund-err");
    if (!f.elements["grund"].value) { err.textContent = "Bitte wählen Sie einen Kündigungsgrund aus."; f.elements["grund"].focus(); return; }
    if (f.elements["anm"].value.trim().length < 20) { err.textContent = "Bitte schreiben Sie uns mindestens 20 Zeichen zu Ihrem Grund."; f.elements["anm"].focus(); return; }
    err.textContent = "";
    data = { name: f.elements["name"].value, mail: f.elements["mail"].value, kdnr: f.elements["kdnr"].value };
    location.hash = "#/angebot";
  });
  document.getElementById("decline").addEventListener("click", function () { location.hash = "#/pruefen"; });
  document.getElementById("submit-final").addEventListener("click", function () { location.hash = "#/erledigt"; });
})();
