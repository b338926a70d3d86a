// Voltnest's chat widget: a web component whose launcher, log, box and replies live in an open shadow root.
(function () {
  var ADVICE = "Restarting the hub fixes most offline devices: unplug the Voltnest hub, wait 30 seconds, plug it back in and give it two minutes to reconnect.";
  var OPENERS = ["Thanks for your message.", "I understand.", "I'm here to help.", "Sorry about that.", "Let's try this.", "Thanks."];
  var ASKS = /\b(person|human|agent|someone|somebody|representative|real|staff|specialist|operator|people)\b/i;
  var CSS = [
    ":host{all:initial;font-family:'Segoe UI',Arial,Helvetica,sans-serif;color:#1f2328}",
    ".launcher{position:fixed;right:24px;bottom:24px;z-index:60;padding:12px 22px;border-radius:24px;border:2px solid #0b57a4;background:#0b57a4;color:#fff;font-size:1rem;font-weight:600;cursor:pointer;font-family:inherit}",
    ".panel{position:fixed;right:24px;bottom:24px;width:360px;background:#fff;border:1px solid #6e7781;border-radius:10px;box-shadow:0 4px 16px rgba(0,0,0,.2);z-index:60;display:flex;flex-direction:column}",
    ".panel[hidden]{display:none}",
    "h2{font-size:1rem;margin:0;padding:10px 14px;background:#0b57a4;color:#fff;border-radius:10px 10px 0 0}",
    ".log{height:300px;overflow-y:auto;padding:10px 14px;display:flex;flex-direction:column;gap:8px}",
    ".msg{padding:8px 10px;border-radius:8px;max-width:90%;font-size:.95rem;line-height:1.4}",
    ".msg p{margin:0}",
    ".msg.me{align-self:flex-end;background:#dbe9f8;color:#1f2328}",
    ".msg.bot{align-self:flex-start;background:#f0f2f4;color:#1f2328}",
    ".msg.system{font-style:italic;background:#fff;border:1px dashed #6e7781}",
    "form{display:flex;gap:8px;padding:10px 14px;border-top:1px solid #d0d7de}",
    "input{flex:1;padding:8px;border:1px solid #6e7781;border-radius:4px;font-size:.95rem;font-family:inherit;color:#1f2328;background:#fff}",
    "button.send{padding:8px 14px;border-radius:6px;border:2px solid #0b57a4;background:#0b57a4;color:#fff;font-weight:600;cursor:pointer;font-family:inherit}"
  ].join("\n");

  class VoltnestChat extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    var root = this.attachShadow({ mode: "open" });
    root.innerHTML = "<style>" + CSS + "</style>" +
      '<button class="launcher" type="button">Chat with Volty</button>' +
      '<section class="panel" hidden aria-label="Chat with Volty">' +
      "<h2>Volty · Voltnest assistant</h2>" +
      '<div class="log" role="log" aria-live="polite"></div>' +
      '<form><input name="chat-message" type="text" aria-label="Message" placeholder="Type your message" autocomplete="off">' +
      '<button class="send" type="submit">Send</button></form></section>';
    var launcher = root.querySelector(".launcher");
    var panel = root.querySelector(".panel");
    var log = root.querySelector(".log");
    var form = root.querySelector("form");
    var input = root.querySelector("input");
    var turn = 0, asks = 0, handed = false;
    function add(text, cls) {
      var div = document.createElement("div");
      div.className = "msg " + cls;
      var p = document.createElement("p");
      p.textContent = text;
      div.appendChild(p);
      log.appendChild(div);
      log.scrollTop = log.scrollHeight;
    }
    launcher.addEventListener("click", function () {
      launcher.hidden = true;
      panel.hidden = false;
      add("Hi, I'm Volty, Voltnest's virtual assistant. " + ADVICE, "bot");
      input.focus();
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var text = input.value.trim();
      if (!text) return;
      add(text, "me");
      input.value = "";
      turn += 1;
      if (ASKS.test(text)) asks += 1;
      if (handed) {
        setTimeout(function () { add("Sam: Thanks, I'm looking at your hub's connection log now.", "bot"); }, 800);
      } else if (asks >= 4) {
        handed = true;
        setTimeout(function () { add("Sam has joined the chat", "bot system"); }, 800);
        setTimeout(function () { add("Sam: Hi, I'm Sam from the Voltnest support team. Let's find out why your thermostat is offline.", "bot"); }, 1600);
      } else {
        var opener = OPENERS[(turn - 1) % OPENERS.length];
        setTimeout(function () { add(opener + " " + ADVICE, "bot"); }, 800);
      }
    });
  }
  }
  customElements.define("voltnest-chat", VoltnestChat);
})();
