(function () {
  var c = document.getElementById('consent');
  if (!c) return;
  if (localStorage.getItem('tf-consent')) { c.remove(); return; }
  c.querySelectorAll('button').forEach(function (b) {
    b.addEventListener('click', function () { localStorage.setItem('tf-consent', b.className || 'no'); c.remove(); });
  });
})();
