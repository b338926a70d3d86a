(function () {
  var c = document.getElementById('cookie');
  if (!c) return;
  if (localStorage.getItem('es-cookie')) { c.remove(); return; }
  c.querySelectorAll('button').forEach(function (b) {
    b.addEventListener('click', function () { localStorage.setItem('es-cookie', b.dataset.v); c.remove(); });
  });
})();
