(function () {
  var site = document.documentElement.getAttribute("data-site") || "site";
  var key = "consent-" + site;
  var banner = document.getElementById("cookie-banner");
  if (banner) {
    if (window.localStorage.getItem(key)) {
      banner.hidden = true;
    } else {
      banner.hidden = false;
    }
    banner.querySelectorAll("button").forEach(function (b) {
      b.addEventListener("click", function () {
        window.localStorage.setItem(key, b.getAttribute("data-choice") || "set");
        banner.hidden = true;
      });
    });
  }
  document.querySelectorAll("form[data-next]").forEach(function (f) {
    f.addEventListener("submit", function (e) {
      e.preventDefault();
      window.location.href = f.getAttribute("data-next");
    });
  });
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });
})();
