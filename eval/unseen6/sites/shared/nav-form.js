(function () {
  document.querySelectorAll("form[action]").forEach(function (f) {
    f.addEventListener("submit", function (e) {
      e.preventDefault();
      window.location.href = f.getAttribute("action");
    });
  });
})();
