(function () {
  var c = document.getElementById('cookies');
  if (c) {
    if (localStorage.getItem('pc-cookies')) c.remove();
    c.querySelectorAll('button').forEach(function (b) {
      b.addEventListener('click', function () { localStorage.setItem('pc-cookies', b.textContent); c.remove(); });
    });
  }
  var open = document.getElementById('open-chat');
  if (!open) return;
  var panel = document.getElementById('chat'), log = panel.querySelector('.log'), form = panel.querySelector('form'), input = form.querySelector('input');
  function add(cls, text) { var m = document.createElement('div'); m.className = 'msg ' + cls; m.textContent = text; log.append(m); log.scrollTop = log.scrollHeight; }
  var greeted = false, handedOver = false;
  open.addEventListener('click', function () {
    panel.hidden = false; input.focus();
    if (!greeted) { greeted = true; add('bot', 'Hi, I am the Parcelino assistant. Tell me what happened, or ask for a person at any time.'); }
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    add('me', text); input.value = '';
    var wantsPerson = /person|human|agent|someone|advisor/i.test(text);
    setTimeout(function () {
      if (handedOver) { add('bot', 'Priya: Thanks, I am checking the delivery scan for your parcel now.'); return; }
      if (wantsPerson) {
        handedOver = true;
        add('bot', 'Priya from the Parcelino customer team has joined the chat. Hi, I am Priya. I can see your parcel; let me look into this for you.');
      } else {
        add('bot', 'I am sorry about that. I can open a missing-parcel claim, or connect you to a member of our team. Just ask for a person.');
      }
    }, 700);
  });
})();
