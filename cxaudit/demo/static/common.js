/* Shared by the demo sites: cookie banners / cookie walls. */
(function () {
  function getCookie(name) {
    return document.cookie.split("; ").some(function (c) { return c.indexOf(name + "=") === 0; });
  }
  document.querySelectorAll("[data-cookie-banner]").forEach(function (banner) {
    var name = banner.getAttribute("data-cookie-banner");
    if (getCookie(name)) { banner.remove(); document.body.classList.remove("has-cookie-wall"); return; }
    banner.hidden = false;
    banner.querySelectorAll("[data-cookie-choice]").forEach(function (btn) {
      btn.addEventListener("click", function () {
        document.cookie = name + "=" + btn.getAttribute("data-cookie-choice") + "; path=/; SameSite=Lax";
        banner.remove();
        document.body.classList.remove("has-cookie-wall");
      });
    });
  });
})();
