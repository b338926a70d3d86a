(function () {
  var open = document.getElementById('chat-open');
  var panel = document.getElementById('chat-panel');
  var log = document.getElementById('chat-log');
  var form = document.getElementById('chat-form');
  var input = document.getElementById('chat-input');
  var status = 'Parcel SD 4471 0932 was delivered on Friday 28 November at 11:02 and left in your chosen safe place. ' +
    'Did this answer your question?';
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
    say('bot', "Hello, I'm Parcel Assistant. Tell me your tracking number or what has gone wrong.");
    input.focus();
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    say('user', text);
    input.value = '';
    var reply = /person|human|agent|someone|advisor/i.test(text) ? "Sorry, I didn't quite get that. " + status : status;
    setTimeout(function () { say('bot', reply); }, 700);
  });
})();
