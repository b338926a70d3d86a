// Ryde: a signed-in session in sessionStorage; account pages send a visitor without one to the sign-in page.
(function () {
  var needs = document.body.getAttribute("data-auth") === "required";
  var user = null;
  try { user = window.sessionStorage.getItem("ryde:user"); } catch (e) { user = null; }
  if (needs && !user) { location.replace(document.body.getAttribute("data-root") + "signin.html"); return; }
  var form = document.getElementById("signin");
  if (form) {
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var err = document.getElementById("signin-err");
      if (!form.elements["email"].value.trim() || !form.elements["password"].value) { err.textContent = "Enter your email and password."; return; }
      try { window.sessionStorage.setItem("ryde:user", "Dana"); } catch (x) { /* private mode */ }
      location.href = "account.html";
    });
  }
  var end = document.getElementById("end-final");
  if (end) {
    end.addEventListener("click", function () {
      if (window.confirm("End your Ryde+ membership? Your benefits stay until December 18, 2026.")) location.href = "done.html";
    });
  }
})();
