// Bulwark control panel: the reason step keeps its button disabled until a reason is picked; removal asks confirm().
(function () {
  var reasons = document.querySelectorAll('input[name="reason"]');
  var go = document.getElementById("reason-go");
  if (go) {
    reasons.forEach(function (r) { r.addEventListener("change", function () { go.disabled = false; }); });
    go.addEventListener("click", function () { location.href = "remove.html"; });
  }
  var remove = document.getElementById("remove");
  if (remove) {
    remove.addEventListener("click", function () {
      var pin = document.getElementById("pin"), err = document.getElementById("pin-err");
      if (!/^\d{4}$/.test(pin.value)) { err.textContent = "Enter the 4-digit Bulwark PIN you chose when you installed Bulwark."; return; }
      if (window.confirm("Bulwark will be removed and real-time protection will stop. Continue?")) location.href = "done.html";
    });
  }
})();
