// A small scripted bot. The page defines window.BOT = {greeting, reply(text, turn) -> string}.
(function () {
  var open = document.getElementById('chat-open');
  var panel = document.getElementById('chat-panel');
  var log = document.getElementById('chat-log');
  var form = document.getElementById('chat-form');
  var input = document.getElementById('chat-input');
  var turn = 0;
  function add(cls, text) {
    var p = document.createElement('p');
    p.className = 'msg ' + cls;
    p.textContent = text;
    log.appendChild(p);
    log.scrollTop = log.scrollHeight;
  }
  open.addEventListener('click', function () {
    panel.classList.remove('hidden');
    open.setAttribute('aria-expanded', 'true');
    if (!log.children.length) { add('bot', window.BOT.greeting); }
    input.focus();
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    add('me', text);
    input.value = '';
    turn += 1;
    var answer = window.BOT.reply(text, turn);
    setTimeout(function () { add('bot', answer); }, 500);
  });
})();
