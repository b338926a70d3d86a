(function () {
  var c = document.getElementById('consent');
  if (c) {
    if (localStorage.getItem('hl-consent')) c.remove();
    c.querySelectorAll('button').forEach(function (b) {
      b.addEventListener('click', function () { localStorage.setItem('hl-consent', b.textContent); c.remove(); });
    });
  }
  var name = sessionStorage.getItem('hl-user');
  document.querySelectorAll('[data-account]').forEach(function (a) {
    if (name) { a.textContent = name; a.href = 'account.html'; }
  });
})();
