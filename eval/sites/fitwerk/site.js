(function () {
  var c = document.getElementById('cc');
  if (!c) return;
  if (localStorage.getItem('fw-cc')) { c.remove(); return; }
  c.querySelectorAll('button').forEach(function (b) {
    b.addEventListener('click', function () { localStorage.setItem('fw-cc', b.textContent); c.remove(); });
  });
})();
