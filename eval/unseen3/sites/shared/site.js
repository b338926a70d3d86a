(function () {
  var banner = document.getElementById('cookie-banner');
  if (!banner) { return; }
  var key = 'cookie-choice-' + banner.getAttribute('data-site');
  if (window.localStorage.getItem(key)) { banner.hidden = true; }
  banner.querySelectorAll('button[data-choice]').forEach(function (b) {
    b.addEventListener('click', function () {
      window.localStorage.setItem(key, b.getAttribute('data-choice'));
      banner.hidden = true;
    });
  });
})();
