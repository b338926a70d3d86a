(function () {
  var bar = document.getElementById('cookie-bar');
  if (bar) {
    if (localStorage.getItem('bb-cookies')) bar.remove();
    bar.querySelectorAll('button').forEach(function (b) {
      b.addEventListener('click', function () { localStorage.setItem('bb-cookies', b.textContent); bar.remove(); });
    });
  }
  var acct = document.getElementById('account-button');
  if (acct) {
    acct.addEventListener('click', function () {
      var menu = document.getElementById('account-menu'), open = acct.getAttribute('aria-expanded') === 'true';
      menu.hidden = open; acct.setAttribute('aria-expanded', String(!open));
    });
  }
})();
