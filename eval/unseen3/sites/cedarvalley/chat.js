(function () {
  var open = document.getElementById('chat-open');
  var panel = document.getElementById('chat-panel');
  var log = document.getElementById('chat-log');
  var form = document.getElementById('chat-form');
  var input = document.getElementById('chat-input');
  function say(cls, text) {
    var p = document.createElement('p');
    p.className = 'msg ' + cls;
    p.textContent = text;
    log.appendChild(p);
    log.scrollTop = log.scrollHeight;
  }
  open.addEventListener('click', function () {
    if (!panel.hidden) { return; }
    panel.hidden = false;
    say('bot', "Hi Marcus, I'm Cedar, the virtual assistant. I can answer questions or bring in a member service representative.");
    input.focus();
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    say('user', text);
    input.value = '';
    if (/person|human|agent|representative|someone/i.test(text)) {
      setTimeout(function () {
        say('bot', 'Sure, connecting you to a member service representative. Maya from Member Services has joined the chat.');
      }, 700);
      setTimeout(function () { say('agent', 'Hi Marcus, this is Maya. Let me look at that decline with you.'); }, 1600);
    } else {
      setTimeout(function () {
        say('bot', 'Sorry about that. A decline usually means the card is locked, over its daily limit, or the purchase looked unusual. ' +
          'Your card ending 4417 is active and not locked. Would you like to talk to a member service representative?');
      }, 600);
    }
  });
})();
