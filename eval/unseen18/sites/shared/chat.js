// A small chat widget for the unseen10 sites (copied for unseen18; the shadow-root widget is ondelia/widget.js): a log, a box, a send button; the site gives the bot's replies.
(function () {
  window.startChat = function (cfg) {
    var log = document.querySelector(cfg.log);
    var form = document.querySelector(cfg.form);
    var input = form.querySelector("input");
    var turn = 0;
    function add(text, cls, rate) {
      var div = document.createElement("div");
      div.className = "msg " + cls;
      var p = document.createElement("p");
      p.style.margin = "0";
      p.textContent = text;
      div.appendChild(p);
      if (rate) {
        var r = document.createElement("div");
        r.className = "rate";
        r.appendChild(document.createTextNode(rate.question));
        rate.answers.forEach(function (a) {
          var b = document.createElement("button");
          b.type = "button";
          b.textContent = a;
          r.appendChild(b);
        });
        div.appendChild(r);
      }
      log.appendChild(div);
      log.scrollTop = log.scrollHeight;
    }
    function say(list) {
      var t = 0;
      list.forEach(function (m) {
        t += m.delay || 700;
        setTimeout(function () { add(m.text, m.cls || "bot", m.rate); }, t);
      });
    }
    if (cfg.greeting) add(cfg.greeting, "bot");
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var text = input.value.trim();
      if (!text) return;
      add(text, "me");
      input.value = "";
      turn += 1;
      say(cfg.reply(text, turn));
    });
    return { add: add };
  };
})();
