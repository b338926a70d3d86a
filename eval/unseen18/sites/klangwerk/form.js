// Klangwerk: the cancellation form checks its required fields; the receipt echoes the e-mail address.
(function () {
  var f = document.getElementById("kuend");
  if (f) f.addEventListener("submit", function (e) {
    var missing = ["vn", "em", "kn"].filter(function (id) { return !document.getElementById(id).value.trim(); });
    if (missing.length) { e.preventDefault(); document.getElementById("kuend-err").textContent = "Bitte füllen Sie alle Pflichtfelder aus."; }
  });
  var echo = document.getElementById("mail-echo");
  if (echo) echo.textContent = new URLSearchParams(location.search).get("em") || "Ihre angegebene Adresse";
})();
