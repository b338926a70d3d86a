(function () {
  var c = document.getElementById('cookies');
  if (!c) return;
  if (localStorage.getItem('kn-cookies')) { c.remove(); return; }
  c.querySelectorAll('button').forEach(function (b) {
    b.addEventListener('click', function () { localStorage.setItem('kn-cookies', b.textContent); c.remove(); });
  });
})();
