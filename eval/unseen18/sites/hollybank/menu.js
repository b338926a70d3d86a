// Hollybank: the account drop-down in the header.
(function () {
  var btn = document.getElementById("acct-btn");
  var menu = document.getElementById("acct-menu");
  if (!btn || !menu) return;
  btn.addEventListener("click", function () {
    var open = btn.getAttribute("aria-expanded") === "true";
    btn.setAttribute("aria-expanded", open ? "false" : "true");
    menu.classList.toggle("hidden", open);
  });
})();
