// Shared by the unseen5 sites: the cookie banner remembers the choice for the session of the browser profile.
(function () {
  var cc = document.getElementById('cc');
  if (!cc) { return; }
  if (window.localStorage.getItem('cc-choice')) { cc.remove(); return; }
  cc.querySelectorAll('button[data-cc]').forEach(function (b) {
    b.addEventListener('click', function () {
      window.localStorage.setItem('cc-choice', b.getAttribute('data-cc'));
      cc.remove();
    });
  });
})();
