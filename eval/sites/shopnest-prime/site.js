// Cookie banner and the account menu shared by every page of the shop.
(function () {
  var banner = document.getElementById('cookies');
  if (banner) {
    if (localStorage.getItem('sn-cookies')) { banner.remove(); }
    banner.querySelectorAll('button').forEach(function (b) {
      b.addEventListener('click', function () { localStorage.setItem('sn-cookies', b.dataset.choice); banner.remove(); });
    });
  }
  var who = document.querySelectorAll('[data-user]');
  var name = sessionStorage.getItem('sn-user');
  who.forEach(function (el) { el.textContent = name ? 'Hello, ' + name : 'Hello, sign in'; });
  document.querySelectorAll('[data-menu]').forEach(function (btn) {
    var menu = document.getElementById(btn.getAttribute('aria-controls'));
    btn.addEventListener('click', function () {
      var open = btn.getAttribute('aria-expanded') === 'true';
      btn.setAttribute('aria-expanded', String(!open));
      menu.hidden = open;
    });
  });
})();
