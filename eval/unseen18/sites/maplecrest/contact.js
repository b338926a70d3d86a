// Maplecrest: the message form needs all three fields before it goes.
(function () {
  var f = document.getElementById("msg");
  if (f) f.addEventListener("submit", function (e) {
    var empty = ["fullname", "email", "message"].some(function (id) { return !document.getElementById(id).value.trim(); });
    if (empty) { e.preventDefault(); document.getElementById("msg-err").textContent = "Please fill in your name, email address and message."; }
  });
})();
