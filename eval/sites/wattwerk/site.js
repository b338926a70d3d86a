(function () {
  var c = document.getElementById('consent');
  if (!c) return;
  if (localStorage.getItem('ww-consent')) { c.remove(); return; }
  c.querySelectorAll('button').forEach(function (b) {
    b.addEventListener('click', function () { localStorage.setItem('ww-consent', b.textContent); c.remove(); });
  });
})();
