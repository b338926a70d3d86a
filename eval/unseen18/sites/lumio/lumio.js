// Lumio: the final button asks the browser's confirm() before the request is recorded.
(function () {
  var b = document.getElementById("confirmer");
  if (b) b.addEventListener("click", function () {
    if (window.confirm("Confirmez-vous la résiliation de votre abonnement Lumio Essentiel ?")) location.href = "resiliation-confirmee.html";
  });
})();
