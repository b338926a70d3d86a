(function () {
  var replies = [
    "Avant de vous orienter, pouvez-vous m'indiquer votre numéro de famille ? Il figure en haut de vos factures.",
    "Merci. Votre demande concerne-t-elle un paiement, une inscription ou les menus ?",
    "Un double prélèvement est remboursé automatiquement sous 10 jours ouvrés après détection. " +
      "Si vous voulez toujours un conseiller, redites-le moi. Cette réponse vous a-t-elle été utile ? Notez-la de 1 à 5 étoiles.",
    "Je vous mets en relation avec une conseillère du service familles. Claire a rejoint la conversation."
  ];
  var turn = 0;
  var log = document.getElementById("log");
  function say(text) {
    var p = document.createElement("p");
    p.className = "msg bot";
    p.textContent = text;
    log.appendChild(p);
  }
  document.getElementById("chat-open").addEventListener("click", function () {
    document.getElementById("chat").hidden = false;
    if (!log.children.length) { say("Bonjour, je suis Pia, l'assistante virtuelle de CantinePay. Comment puis-je vous aider ?"); }
    document.getElementById("chat-in").focus();
  });
  document.getElementById("chat-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var input = document.getElementById("chat-in");
    if (!input.value.trim()) { return; }
    var p = document.createElement("p");
    p.className = "msg me";
    p.textContent = input.value;
    log.appendChild(p);
    input.value = "";
    var text = replies[Math.min(turn, replies.length - 1)];
    turn += 1;
    setTimeout(function () { say(text); }, 400);
  });
})();
