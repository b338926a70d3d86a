// Ondelia: the header's mega menu, and <ondelia-chat>, the assistant as a web component in an open shadow root.
(function () {
  var mb = document.getElementById("mega-btn"), mp = document.getElementById("mega");
  if (mb && mp) mb.addEventListener("click", function () {
    var open = mb.getAttribute("aria-expanded") === "true";
    mb.setAttribute("aria-expanded", open ? "false" : "true");
    mp.classList.toggle("hidden", open);
  });
  var ADVICE = "Pour la plupart des coupures, un redémarrage règle le problème : débranchez votre box 30 secondes, " +
    "rebranchez-la, puis attendez que le voyant Internet passe au blanc fixe (environ 3 minutes).";
  var OPENERS = ["Je comprends, c’est agaçant.", "D’accord, merci pour ces précisions.", "Je vois.", "Bien noté."];
  var CSS = ":host{display:block;font-family:inherit}" +
    ".card{border:1px solid #d0d7de;border-radius:8px;padding:20px;background:#f6f8fa;margin:20px 0}" +
    "button{font:inherit;cursor:pointer}" +
    ".open{background:#0b57a4;color:#fff;border:2px solid #0b57a4;border-radius:6px;padding:10px 20px;font-weight:600}" +
    ".panel{position:fixed;right:24px;bottom:24px;width:370px;background:#fff;border:1px solid #6e7781;border-radius:10px;box-shadow:0 4px 16px rgba(0,0,0,.2);z-index:60}" +
    ".panel h2{font-size:1rem;margin:0;padding:10px 14px;background:#0b57a4;color:#fff;border-radius:10px 10px 0 0}" +
    ".log{height:320px;overflow-y:auto;padding:10px 14px;display:flex;flex-direction:column;gap:8px}" +
    ".msg{padding:8px 10px;border-radius:8px;max-width:90%;font-size:.95rem;color:#1f2328}" +
    ".me{align-self:flex-end;background:#dbe9f8}.bot{align-self:flex-start;background:#f0f2f4}" +
    ".rate{display:flex;gap:6px;align-items:center;margin-top:6px;font-size:.88rem}" +
    ".rate button{background:#fff;border:1px solid #6e7781;border-radius:4px;color:#1f2328}" +
    "form{display:flex;gap:8px;padding:10px 14px;border-top:1px solid #d0d7de}" +
    "input{flex:1;padding:8px;border:1px solid #6e7781;border-radius:4px;font:inherit}" +
    ".send{background:#0b57a4;color:#fff;border:0;border-radius:4px;padding:8px 12px}.hidden{display:none}";
  class OndeliaChat extends HTMLElement {
    connectedCallback() {
      var root = this.attachShadow({ mode: "open" });
      root.innerHTML = "<style>" + CSS + "</style>" +
        "<div class='card'><h2 style='margin-top:0;font-size:1.2rem'>Léa, votre assistante</h2>" +
        "<p>Léa répond à vos questions sur votre box, votre ligne et vos factures, 7 jours sur 7.</p>" +
        "<button class='open' type='button'>Discuter avec Léa</button></div>" +
        "<section class='panel hidden' aria-label='Conversation avec Léa'><h2>Léa · assistante Ondelia</h2>" +
        "<div class='log' role='log' aria-live='polite'></div>" +
        "<form><label for='m' style='position:absolute;left:-9999px'>Votre message</label>" +
        "<input id='m' type='text' placeholder='Écrivez votre message' autocomplete='off'>" +
        "<button class='send' type='submit'>Envoyer</button></form></section>";
      var panel = root.querySelector(".panel"), log = root.querySelector(".log");
      var form = root.querySelector("form"), input = root.querySelector("input");
      var turn = 0;
      function add(text, cls, rate) {
        var d = document.createElement("div");
        d.className = "msg " + cls;
        var p = document.createElement("p"); p.style.margin = "0"; p.textContent = text; d.appendChild(p);
        if (rate) {
          var r = document.createElement("div"); r.className = "rate";
          r.appendChild(document.createTextNode("Cette réponse vous a-t-elle aidé ?"));
          ["Oui", "Non"].forEach(function (a) { var b = document.createElement("button"); b.type = "button"; b.textContent = a; r.appendChild(b); });
          d.appendChild(r);
        }
        log.appendChild(d); log.scrollTop = log.scrollHeight;
      }
      root.querySelector(".open").addEventListener("click", function () {
        if (!panel.classList.contains("hidden")) return;
        panel.classList.remove("hidden");
        add("Bonjour, je suis Léa, l’assistante virtuelle d’Ondelia. Dites-moi en quelques mots ce qui se passe.", "bot");
        input.focus();
      });
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        var text = input.value.trim();
        if (!text) return;
        add(text, "me"); input.value = "";
        var opener = OPENERS[turn % OPENERS.length]; turn += 1;
        setTimeout(function () { add(opener + " " + ADVICE, "bot", true); }, 800);
      });
    }
  }
  customElements.define("ondelia-chat", OndeliaChat);
})();
