/* Help centre: chat launcher (iframe assistant) and the rating pop-up. */
(function () {
  "use strict";
  var popup = document.querySelector("[data-rating-popup]");
  if (popup) {
    setTimeout(function () { popup.hidden = false; }, 1000);
    popup.addEventListener("click", function (e) {
      if (e.target.closest("[data-rating-close]") || e.target.closest(".hc-stars button")) popup.hidden = true;
    });
  }
  var panel = document.getElementById("chat-panel");
  var launcher = document.querySelector("[data-chat-open]");
  if (!panel || !launcher) return;
  launcher.addEventListener("click", function () {
    if (!panel.querySelector("iframe")) {
      var frame = document.createElement("iframe");
      frame.id = "chat-assistant";
      frame.title = panel.getAttribute("aria-label");
      frame.src = panel.getAttribute("data-src");
      panel.appendChild(frame);
    }
    panel.hidden = false;
    launcher.hidden = true;
    launcher.setAttribute("aria-expanded", "true");
  });
  panel.querySelector("[data-chat-close]").addEventListener("click", function () {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute("aria-expanded", "false");
    launcher.focus();
  });
  window.addEventListener("message", function (e) {
    if (e.origin !== location.origin || !e.data || e.data.type !== "chat-status") return;
    panel.querySelector("[data-chat-status]").textContent = e.data.text;
  });
})();
