/* KontoFix uninstaller: in the hostile variant the button unlocks only after a reason and a long comment. */
(function () {
  "use strict";
  var form = document.getElementById("uninstall");
  if (!form || !form.hasAttribute("data-min")) return;
  var min = +form.getAttribute("data-min");
  var btn = form.querySelector("button[type=submit]");
  var text = form.querySelector("#kommentar");
  var count = document.getElementById("kf-count");
  function update() {
    var reason = form.querySelector("input[name=grund]:checked");
    var left = Math.max(0, min - text.value.trim().length);
    count.textContent = left ? "Noch " + left + " Zeichen" : "Danke für Ihr Feedback";
    btn.disabled = !(reason && left === 0);
  }
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  update();
})();
