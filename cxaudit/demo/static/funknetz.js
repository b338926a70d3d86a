/* FunkNetz: form helpers (conditional reason field, visible validation messages). */
(function () {
  "use strict";
  document.querySelectorAll("form[data-validate]").forEach(function (form) {
    form.addEventListener("invalid", function (e) {
      var msg = form.querySelector('[data-error-for="' + e.target.name + '"]');
      if (msg) msg.hidden = false;
    }, true);
    form.addEventListener("change", function (e) {
      var msg = form.querySelector('[data-error-for="' + e.target.name + '"]');
      if (msg && e.target.checkValidity()) msg.hidden = true;
      if (e.target.name === "art") {
        form.querySelectorAll("[data-show-if]").forEach(function (box) {
          var on = box.getAttribute("data-show-if") === e.target.value;
          box.hidden = !on;
          box.querySelectorAll("textarea, input, select").forEach(function (f) { f.disabled = !on; f.required = on; });
        });
      }
    });
  });
})();
