(function () {
  var banner = document.getElementById("cookie-banner");
  if (!banner) { return; }
  try { if (localStorage.getItem("cookie-choice")) { banner.remove(); return; } } catch (e) { /* storage off */ }
  banner.querySelectorAll("button").forEach(function (b) {
    b.addEventListener("click", function () {
      try { localStorage.setItem("cookie-choice", b.getAttribute("data-cookie")); } catch (e) { /* storage off */ }
      banner.remove();
    });
  });
})();
