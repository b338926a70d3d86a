(function () {
  var cmp = document.getElementById('cmp');
  if (cmp) {
    if (localStorage.getItem('hb-consent')) cmp.remove();
    cmp.querySelectorAll('button').forEach(function (b) {
      b.addEventListener('click', function () { localStorage.setItem('hb-consent', b.dataset.c); cmp.remove(); });
    });
  }
  var more = document.getElementById('more-links');
  if (more) {
    more.addEventListener('click', function () {
      var list = document.getElementById(more.getAttribute('aria-controls'));
      var open = more.getAttribute('aria-expanded') === 'true';
      list.hidden = open;
      more.setAttribute('aria-expanded', String(!open));
      more.textContent = open ? 'Weitere Links einblenden' : 'Weniger Links anzeigen';
    });
  }
})();
