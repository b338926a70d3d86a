/* Chat assistant inside the iframe: sends messages to the site's api/chat and shows the replies. */
(function () {
  "use strict";
  var log = document.querySelector(".log");
  var form = document.querySelector(".composer");
  var input = document.getElementById("msg");
  var api = log.getAttribute("data-api");

  function add(cls, text) {
    var div = document.createElement("div");
    div.className = "msg " + cls;
    div.textContent = text;
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
    return div;
  }

  function helpful(div, question) {
    var box = document.createElement("div");
    box.className = "helpful";
    var q = document.createElement("span");
    q.textContent = question + " ";
    box.appendChild(q);
    [log.getAttribute("data-yes"), log.getAttribute("data-no")].forEach(function (label) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = label;
      b.addEventListener("click", function () { box.textContent = log.getAttribute("data-thanks"); });
      box.appendChild(b);
    });
    div.appendChild(box);
  }

  function typing() {
    var t = document.createElement("div");
    t.className = "typing-indicator";
    t.setAttribute("aria-label", log.getAttribute("data-typing"));
    t.innerHTML = "<span></span><span></span><span></span>";
    log.appendChild(t);
    log.scrollTop = log.scrollHeight;
    return t;
  }

  function show(messages) {
    return messages.reduce(function (p, m) {
      return p.then(function () {
        return new Promise(function (resolve) {
          var t = typing();
          setTimeout(function () {
            t.remove();
            var div = add(m.agent ? "bot agent" : "bot", m.text);
            if (m.helpful) helpful(div, m.helpful);
            resolve();
          }, m.delay || 400);
        });
      });
    }, Promise.resolve());
  }

  var chain = Promise.resolve();

  function send(text) {
    return fetch(api, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ message: text }) })
      .then(function (r) { return r.json(); })
      .then(function (res) {
        if (res.status && window.parent !== window) {
          window.parent.postMessage({ type: "chat-status", text: res.status }, location.origin);
        }
        return show(res.messages || []);
      })
      .catch(function () {});
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    add("user", text);
    input.value = "";
    chain = chain.then(function () { return send(text); });
  });
})();
