// Shared behaviour of the unseen10 sites (copied for unseen18): cookie banners and walls, today's date and time on receipts.
(function () {
  function ready(fn) { if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn); }
  ready(function () {
    var key = "consent:" + (document.body.getAttribute("data-site") || "site");
    document.querySelectorAll("[data-cookie]").forEach(function (box) {
      var stored = null;
      try { stored = window.localStorage.getItem(key); } catch (e) { stored = null; }
      if (stored) { box.classList.add("hidden"); return; }
      box.classList.remove("hidden");
      box.querySelectorAll("[data-consent]").forEach(function (b) {
        b.addEventListener("click", function () {
          try { window.localStorage.setItem(key, b.getAttribute("data-consent")); } catch (e) { /* private mode */ }
          box.classList.add("hidden");
        });
      });
    });
    var now = new Date();
    var lang = document.documentElement.lang || "en";
    document.querySelectorAll("[data-now-date]").forEach(function (el) {
      el.textContent = now.toLocaleDateString(lang, { day: "numeric", month: "long", year: "numeric" });
    });
    document.querySelectorAll("[data-now-time]").forEach(function (el) {
      el.textContent = now.toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit" });
    });
    document.querySelectorAll("[data-ref]").forEach(function (el) {
      var n = String(now.getTime() % 1000000).padStart(6, "0");
      el.textContent = el.getAttribute("data-ref") + n;
    });
  });
})();
